"""Rotating backups of the data file, kept in `backups/` beside it.

A backup is taken just before the first save of a session, named
`<data file name>.<UTC time>.r<revision>.json`, mode 0600: the data file as it
is on disk plus, if the journal holds changes, a copy of the journal beside it
(`<backup>.journal`), so `Store.open(backup)` shows exactly the state the
session started from. A data file up to `LINK_ABOVE` bytes is copied when the
disk has room to spare, so that a tool writing the data file in place (an
editor, a shell's `>`) cannot damage its backups too. Otherwise (a larger file,
a nearly full disk, a copy that runs out of room or hits the file size limit)
it is hard-linked, which costs no space because leadline never writes a data
file in place (it replaces it), so the link keeps that version. A backup
therefore never needs room for the data file, only for the journal's copy.

Every backup leadline writes is recorded in `manifest`; only recorded backups
are pruned (the newest `keep` of each data file stay) and only a recorded one
that still reads and matches its record is offered when the data file is
damaged. backups/ must be a real folder of ours (`safe_files.own_folder`).
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import time
from collections.abc import Mapping
from pathlib import Path

from leadline.core.store import datafile, journal, manifest
from leadline.core.store.atomic import write_private_atomic
from leadline.core.store.datafile import DataFileError, Migration
from leadline.core.store.manifest import Content, Entry
from leadline.core.store.safe_files import open_own, own_folder, own_regular_file

BACKUP_DIR_NAME = "backups"
JOURNAL_SUFFIX = ".journal"
LINK_ABOVE = 32 * 1024 * 1024
ROOM_TO_SPARE = 64 * 1024 * 1024


def backup_dir(data_path: Path) -> Path:
    """The folder holding the backups of `data_path`."""
    return data_path.parent / BACKUP_DIR_NAME


def _pattern(data_path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(data_path.name) + r"\.(\d{8}T\d{6}Z)\.r(\d+)\.json")


def recorded(data_path: Path) -> list[Entry]:
    """The backups leadline recorded for `data_path`, oldest first, whose files are still
    there as files of ours. Before any record existed (an older leadline), the backups
    it wrote are recognised by name, owner and the revision in their header."""
    folder = backup_dir(data_path)
    if not own_folder(folder, create=False):
        return []
    entries = manifest.read(folder, data_path.name)
    if entries is None:
        entries = _adopt(data_path)
    return [e for e in entries if own_regular_file(folder / e.name)]


def backup_files(data_path: Path) -> list[Path]:
    """The recorded backups of `data_path`, newest first."""
    return [backup_dir(data_path) / e.name for e in reversed(recorded(data_path))]


def take_backup(
    data_path: Path,
    content: Content,
    journal_bytes: bytes | None,
    revision: int,
    keep: int,
    now: float,
    version: tuple[int, int, int],
) -> Path:
    """Back up the data file (whose content is `content`, in the file whose inode, size
    and mtime are `version`) and its journal (state at `revision`); record it and prune
    the oldest recorded backups beyond `keep`.

    Call under the writers' lock. `now` is a POSIX timestamp, used only in the name.
    """
    folder = backup_dir(data_path)
    kept = recorded(data_path)
    own_folder(folder, create=True)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now))
    target = folder / f"{data_path.name}.{stamp}.r{revision}.json"
    content, st = _keep_data_file(data_path, target, content, version)
    if journal_bytes is not None:
        write_private_atomic(target.with_name(target.name + JOURNAL_SUFFIX), journal_bytes)
    entry = Entry(target.name, revision, content.base, content.size, content.digest,
                  st.st_dev, st.st_ino, journal_bytes is not None)  # fmt: skip
    kept = [e for e in kept if e.name != entry.name] + [entry]
    cut = max(len(kept) - max(keep, 1), 0)
    manifest.write(folder, data_path.name, kept[cut:])
    for old in kept[:cut]:
        _remove(folder / old.name)
        _remove(folder / (old.name + JOURNAL_SUFFIX))
    return target


def _remove(path: Path) -> None:
    if own_regular_file(path):
        path.unlink(missing_ok=True)


def _keep_data_file(
    data_path: Path, target: Path, content: Content, version: tuple[int, int, int]
) -> tuple[Content, os.stat_result]:
    """Copy the data file to `target` if there is room to spare, else hard-link it (also
    when the copy runs out of room); what the backup holds and its stat."""
    if content.size <= LINK_ABOVE and _room_for(target.parent, content.size):
        try:
            return _copy(data_path, target)
        except OSError as error:
            if error.errno not in _NO_ROOM:
                raise
    linked = _link(data_path, target, content, version)
    return linked if linked is not None else _copy(data_path, target)


def _room_for(folder: Path, size: int) -> bool:
    """True if a copy of `size` bytes leaves the disk far from full."""
    try:
        found = os.statvfs(folder)
    except OSError:
        return True
    return found.f_bavail * found.f_frsize >= 2 * size + ROOM_TO_SPARE


def _copy(data_path: Path, target: Path) -> tuple[Content, os.stat_result]:
    with open(data_path, "rb") as source:
        raw = source.read()
    write_private_atomic(target, raw)
    found = Content(datafile.head_revision(raw[: datafile.HEAD_BYTES]) or 0, len(raw),
                    journal.main_digest(raw))  # fmt: skip
    return found, os.lstat(target)


def _link(
    data_path: Path, target: Path, content: Content, version: tuple[int, int, int]
) -> tuple[Content, os.stat_result] | None:
    """Hard-link the data file (if it is still the version read) to `target`, or None."""
    temp = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        os.link(data_path, temp)
    except OSError as error:
        if error.errno in _NO_LINKS:
            return None
        raise
    st = os.lstat(temp)
    if (st.st_ino, st.st_size, st.st_mtime_ns) != version:
        temp.unlink(missing_ok=True)  # not the version read: copy what is there now
        return None
    os.replace(temp, target)
    return content, st


_NO_LINKS = {errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOSYS, errno.EOPNOTSUPP}
"""What a file system or folder without hard links answers."""
_NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def _adopt(data_path: Path) -> list[Entry]:
    """Backups an older leadline wrote, before it kept a record: by name and header."""
    folder, pattern = backup_dir(data_path), _pattern(data_path)
    found: list[tuple[tuple[str, int], Entry]] = []
    for path in folder.iterdir():
        match = pattern.fullmatch(path.name)
        if match is None or not own_regular_file(path):
            continue
        entry = _legacy_entry(path, int(match.group(2)))
        if entry is not None:
            found.append(((match.group(1), entry.revision), entry))
    return [entry for _key, entry in sorted(found, key=lambda pair: pair[0])]


def _legacy_entry(path: Path, revision: int) -> Entry | None:
    try:
        raw, st = _read_own(path)
    except (OSError, DataFileError):
        return None
    base = datafile.head_revision(raw[: datafile.HEAD_BYTES])
    if base is None or base > revision:
        return None
    journal_copy = own_regular_file(path.with_name(path.name + JOURNAL_SUFFIX))
    return Entry(path.name, revision, base, len(raw), journal.main_digest(raw),
                 st.st_dev, st.st_ino, journal_copy)  # fmt: skip


def _read_own(path: Path) -> tuple[bytes, os.stat_result]:
    fd = open_own(path, os.O_RDONLY, "backup")
    with open(fd, "rb") as handle:
        return handle.read(), os.fstat(fd)


def verified(data_path: Path, entry: Entry, known: int, steps: Mapping[int, Migration]) -> bool:
    """True if the recorded backup still holds what was recorded and reads as a data file."""
    try:
        raw, _st = _read_own(backup_dir(data_path) / entry.name)
        if (len(raw), journal.main_digest(raw)) != (entry.size, entry.digest):
            return False
        datafile.decode(raw, known, steps)
    except (OSError, DataFileError, datafile.Refused):
        return False
    return True


def refusal(
    data_path: Path, problem: str, schema_version: int, migrations: Mapping[int, Migration]
) -> DataFileError:
    """The error for an unusable data file, naming its newest verified backup."""
    try:
        entries = recorded(data_path)
    except (OSError, DataFileError):  # backups/ itself is not to be trusted
        entries = []
    backup = next(
        (backup_dir(data_path) / e.name for e in reversed(entries)
         if verified(data_path, e, schema_version, migrations)),
        None,
    )  # fmt: skip
    return DataFileError(data_path, problem, backup, backup_dir(data_path))
