"""Private, crash-safe file writing.

A file is never rewritten in place: the new content goes to a temporary file
in the same directory (created exclusively, mode 0600), is flushed to disk, and
then renamed over the target. A kill at any moment therefore leaves either the
old or the new file, plus at worst an orphaned temporary file, which
`remove_orphaned_temps` deletes at the next start.

Modes are set with fchmod/chmod explicitly, so the umask cannot widen them.
"""

from __future__ import annotations

import glob
import os
import secrets
from collections.abc import Sequence
from pathlib import Path

from leadline.core.store.safe_files import NOFOLLOW, own_regular_file, private_folder

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def ensure_private_dir(path: Path) -> None:
    """Create `path` (and missing parents) with mode 0700; existing folders are left alone."""
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, PRIVATE_DIR)
        except FileExistsError:
            continue
        private_folder(folder)


def tighten_to_private(path: Path) -> None:
    """Make an existing file of ours mode 0600 if others could read or write it."""
    try:
        mode = path.stat().st_mode
        if mode & 0o077:
            os.chmod(path, 0o600)
    except OSError:
        pass  # not there, not ours to change, or a read-only place: nothing to tighten


def fsync_dir(path: Path) -> None:
    """Flush a directory entry change (a rename) to disk."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temp_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")


def _write_all(fd: int, data: bytes | Sequence[bytes]) -> None:
    if isinstance(data, bytes):
        data = [data]
    for start in range(0, len(data), _BATCH):  # a few system calls, no joined copy
        batch = [memoryview(chunk) for chunk in data[start : start + _BATCH] if chunk]
        while batch:
            written = os.writev(fd, batch)
            while batch and written >= len(batch[0]):
                written -= len(batch[0])
                batch.pop(0)
            if batch and written:
                batch[0] = batch[0][written:]


_BATCH = 512
"""Chunks per writev (well under IOV_MAX)."""


def write_private_atomic(target: Path, data: bytes | Sequence[bytes]) -> None:
    """Replace `target` by `data` (bytes, or chunks written one after the other)
    atomically and durably; the file ends up mode 0600."""
    temp = _temp_path(target)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW, PRIVATE_FILE)
    try:
        try:
            os.fchmod(fd, PRIVATE_FILE)
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)


def remove_orphaned_temps(target: Path, folder: Path | None = None) -> list[Path]:
    """Delete temporary files a killed writer of `target` left in `folder`.

    Call only while holding the writers' lock: then no live writer owns one. Only our
    own regular files go: in a shared folder a look-alike of someone else's stays.
    """
    folder = target.parent if folder is None else folder
    pattern = os.path.join(glob.escape(str(folder)), f".{glob.escape(target.name)}.*.tmp")
    found = [Path(p) for p in glob.glob(pattern, include_hidden=True)]
    removed = []
    for path in found:
        if own_regular_file(path):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed
