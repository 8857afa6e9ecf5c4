"""Rotating backups of the data file, kept in `backups/` beside it.

A backup is a byte copy of the data file taken just before the first save of a
session, named `<data file name>.<UTC time>.r<revision>.json`, mode 0600. Only
the newest `keep` backups of each data file are kept.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

from leadline.core.atomic import ensure_private_dir, write_private_atomic

BACKUP_DIR_NAME = "backups"


def backup_dir(data_path: Path) -> Path:
    """The folder holding the backups of `data_path`."""
    return data_path.parent / BACKUP_DIR_NAME


def _pattern(data_path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(data_path.name) + r"\.\d{8}T\d{6}Z\.r\d+\.json")


def backup_files(data_path: Path) -> list[Path]:
    """The backups of `data_path`, newest first."""
    folder = backup_dir(data_path)
    if not folder.is_dir():
        return []
    pattern = _pattern(data_path)
    found = [p for p in folder.iterdir() if pattern.fullmatch(p.name)]

    def age(path: Path) -> tuple[int, str]:
        try:
            return path.stat().st_mtime_ns, path.name
        except FileNotFoundError:
            return 0, path.name

    return sorted(found, key=age, reverse=True)


def take_backup(data_path: Path, content: bytes, revision: int, keep: int, now: float) -> Path:
    """Store `content` (the data file at `revision`) as a new backup and prune old ones.

    `now` is a POSIX timestamp, used only in the backup's name.
    """
    folder = backup_dir(data_path)
    ensure_private_dir(folder)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now))
    target = folder / f"{data_path.name}.{stamp}.r{revision}.json"
    write_private_atomic(target, content)
    for old in backup_files(data_path)[keep:]:
        old.unlink(missing_ok=True)
    return target


def newest_good_backup(data_path: Path, readable: Callable[[bytes], bool]) -> Path | None:
    """The newest backup whose content `readable` accepts, or None."""
    for path in backup_files(data_path):
        try:
            if readable(path.read_bytes()):
                return path
        except OSError:
            continue
    return None
