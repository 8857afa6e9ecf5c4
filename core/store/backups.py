"""Rotating backups of the data file, kept in `backups/` beside it.

A backup is taken just before the first save of a session, named
`<data file name>.<UTC time>.r<revision>.json`, mode 0600: the data file as it
is on disk plus, if the journal holds changes, a copy of the journal beside it
(`<backup>.journal`), so `Store.open(backup)` shows exactly the state the
session started from. A data file up to `LINK_ABOVE` bytes is copied; a larger
one is hard-linked, which costs nothing because leadline never writes a data
file in place (it replaces it), so the link keeps that version. Only the
newest `keep` backups of each data file are kept.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from leadline.core.store import datafile
from leadline.core.store.atomic import ensure_private_dir, write_private_atomic
from leadline.core.store.datafile import DataFileError, Migration

BACKUP_DIR_NAME = "backups"
LINK_ABOVE = 32 * 1024 * 1024
JOURNAL_SUFFIX = ".journal"


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

    def age(path: Path) -> tuple[str, int]:
        stamp, revision = path.name[len(data_path.name) + 1 :].split(".")[:2]
        return stamp, int(revision[1:])

    return sorted(found, key=age, reverse=True)


def take_backup(
    data_path: Path, journal: bytes | None, revision: int, keep: int, now: float
) -> Path:
    """Back up the data file and its `journal` (state at `revision`); prune old backups.

    Call under the writers' lock. `now` is a POSIX timestamp, used only in the name.
    """
    folder = backup_dir(data_path)
    ensure_private_dir(folder)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now))
    target = folder / f"{data_path.name}.{stamp}.r{revision}.json"
    _keep_data_file(data_path, target)
    if journal is not None:
        write_private_atomic(target.with_name(target.name + JOURNAL_SUFFIX), journal)
    for old in backup_files(data_path)[keep:]:
        old.unlink(missing_ok=True)
        old.with_name(old.name + JOURNAL_SUFFIX).unlink(missing_ok=True)
    return target


def _keep_data_file(data_path: Path, target: Path) -> None:
    if data_path.stat().st_size > LINK_ABOVE:
        temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            os.link(data_path, temp)
            os.replace(temp, target)
            return
        except OSError:  # a file system without hard links: copy instead
            temp.unlink(missing_ok=True)
    with open(data_path, "rb") as source:
        write_private_atomic(target, source.read())


def newest_good_backup(data_path: Path, readable: Callable[[bytes], bool]) -> Path | None:
    """The newest backup whose content `readable` accepts, or None."""
    for path in backup_files(data_path):
        try:
            if readable(path.read_bytes()):
                return path
        except OSError:
            continue
    return None


def refusal(
    data_path: Path, problem: str, schema_version: int, migrations: Mapping[int, Migration]
) -> DataFileError:
    """The error for an unusable data file, naming its newest backup that still reads."""

    def usable(raw: bytes) -> bool:
        try:
            datafile.decode(raw, schema_version, migrations)
        except datafile.Refused:
            return False
        return True

    backup = newest_good_backup(data_path, usable)
    return DataFileError(data_path, problem, backup, backup_dir(data_path))
