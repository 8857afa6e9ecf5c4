"""Putting a backup back in place of the data file, properly.

`restore_backup` reads the backup as `Store.open(backup)` shows it (the backup
plus its journal copy), keeps what the data file holds now in backups/ (so the
restore can itself be undone), and writes the backup's state as a new data file
with a fresh journal, under the writers' lock. Other processes see a new file
and read it whole. Nothing is deleted: the old data file is kept as
`<name>.<time>.before-restore.json` with its journal beside it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from leadline.core.store import datafile, journal
from leadline.core.store.atomic import write_private_atomic
from leadline.core.store.backups import backup_dir
from leadline.core.store.datafile import PROSPECTS_TABLE, DataFileError
from leadline.core.store.disk_state import DiskState, load_state
from leadline.core.store.errors import UnsafeFileError, io_errors
from leadline.core.store.history import HISTORY_TABLE, Entry, next_seq, trimmed
from leadline.core.store.lock import FileLock
from leadline.core.store.safe_files import check_data_folder, own_folder
from leadline.core.store.summary import Kind, What


@dataclass(frozen=True)
class Restored:
    """What `restore_backup` did."""

    revision: int
    """The revision of the restored data file (above both the old file's and the backup's)."""
    prospects: int
    """How many prospects the restored file holds."""
    previous: Path | None
    """Where the data file as it was before is kept (None if there was none)."""


def restore_backup(
    data_path: Path,
    backup_path: Path,
    *,
    lock_timeout: float = 10.0,
    clock: Callable[[], float] = time.time,
    by: str = "leadline restore",
    now: datetime | None = None,
) -> Restored:
    """Make the state of `backup_path` (with its journal copy) the data file's content.

    Raises UnsafeFileError if the backup is missing or not a readable leadline file,
    or something planted is in the way (nothing is changed), StoreIOError for a failing disk,
    StoreLocked if another process holds the lock too long. The restore is listed in
    the history (`by` at `now`) as a change undo cannot revert.
    """
    data_path, backup_path = data_path.absolute(), backup_path.absolute()
    check_data_folder(data_path.parent)
    if backup_path.resolve() == data_path.resolve():  # (a backup may be a link of it)
        raise UnsafeFileError(backup_path, "this is the data file itself", planted=False)
    lock = FileLock(data_path.with_name(data_path.name + ".lock"), data_path, lock_timeout)
    with io_errors(data_path, "restore the backup"), lock.hold():
        tables, revision = _read_backup(backup_path)
        revision = max(revision, _current_revision(data_path)) + 1
        previous = keep_current(data_path, clock())
        _record(tables, backup_path.name, by, now)
        raw = datafile.encode(datafile.with_header(tables, revision, datafile.SCHEMA_VERSION))
        journal_path = journal.journal_path(data_path)
        DiskState.write_full(data_path, journal_path, raw, revision, datafile.SCHEMA_VERSION, None)
    return Restored(revision, len(tables.get(PROSPECTS_TABLE, {})), previous)


def _read_backup(backup_path: Path) -> tuple[datafile.Tables, int]:
    try:
        loaded = load_state(
            backup_path, journal.journal_path(backup_path), datafile.SCHEMA_VERSION,
            datafile.MIGRATIONS,
        )  # fmt: skip
    except FileNotFoundError:
        raise UnsafeFileError(backup_path, "there is no such file", planted=False) from None
    except datafile.Refused as refused:
        raise UnsafeFileError(backup_path, str(refused), planted=False) from None
    return loaded.tables, loaded.revision


def _record(tables: datafile.Tables, name: str, by: str, now: datetime | None) -> None:
    """List the restore in the restored file's history: undo stops there."""
    history = dict(tables.get(HISTORY_TABLE, {}))
    seq = next_seq(history)
    entry = Entry(seq, now, by, os.getpid(), What(Kind.RESTORE, other=name), (), undoable=False)
    for key in trimmed(history, seq):
        del history[key]
    tables[HISTORY_TABLE] = {**history, str(seq): entry.to_doc()}


def _current_revision(data_path: Path) -> int:
    """The data file's revision now, if it reads (a damaged one counts as 0)."""
    try:
        loaded = load_state(data_path, journal.journal_path(data_path), datafile.SCHEMA_VERSION,
                            datafile.MIGRATIONS)  # fmt: skip
    except (OSError, DataFileError, datafile.Refused):
        return 0
    return loaded.revision


def keep_current(
    data_path: Path, now: float, why: str = "restore", *, copy_journal: bool = False
) -> Path | None:
    """Keep the data file and its journal in backups/ before they are replaced (as
    `<name>.<time>.before-<why>.json`, the journal moved beside it, or copied: then it
    stays in place until the new data file's journal replaces it)."""
    if not data_path.exists():
        return None
    folder = backup_dir(data_path)
    own_folder(folder, create=True)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now))
    kept = folder / f"{data_path.name}.{stamp}.before-{why}.json"
    try:
        os.link(data_path, kept)
    except OSError:  # no hard links here, or the name is taken: a copy under a free name
        kept = kept.with_name(f"{kept.stem}-{os.getpid()}.json")
        with open(data_path, "rb") as source:
            write_private_atomic(kept, source.read())
    journal_path = journal.journal_path(data_path)
    found = journal.read_from(journal_path, 0) if copy_journal else None
    if found is not None:
        write_private_atomic(kept.with_name(kept.name + ".journal"), found[1])
    elif journal_path.exists() and not copy_journal:
        os.replace(journal_path, kept.with_name(kept.name + ".journal"))
    return kept
