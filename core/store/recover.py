"""`leadline recover`: a journal's changes onto a data file another program rewrote.

When another program rewrote the data file while the journal held changes the
file lacks (`foreign`), every command refuses to go on. `recover_journal` then,
under the writers' lock, reads the rewritten file whole and the journal's
records, puts each change in where it does not conflict (`rebase`), keeps the
rewritten file and the journal as they were in backups/
(`<name>.<time>.before-recover.json` and its `.journal`: nothing is deleted),
and writes the result as a new data file with a fresh journal, as a compaction
does. Other processes see a new file and read it whole.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leadline.core.store import backups, datafile, foreign, journal
from leadline.core.store.datafile import MIGRATIONS, PROSPECTS_TABLE, SCHEMA_VERSION, Tables
from leadline.core.store.disk_state import DiskState
from leadline.core.store.errors import io_errors
from leadline.core.store.facade import Store
from leadline.core.store.lock import FileLock
from leadline.core.store.manifest import Content
from leadline.core.store.rebase import Outcome, rebase
from leadline.core.store.restore import keep_current
from leadline.core.store.safe_files import NOFOLLOW, check_data_folder, check_opened, open_own


@dataclass(frozen=True)
class Recovered:
    """What `recover_journal` did."""

    changes: int
    """How many saves of the journal the data file lacked (0: nothing to recover)."""
    outcomes: tuple[Outcome, ...]
    """Each prospect those saves changed, and what became of the change."""
    revision: int
    """The data file's revision now."""
    kept: Path | None
    """Where the rewritten file is kept, its journal beside it (None: nothing written)."""

    @property
    def applied(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if not o.how.conflict)

    @property
    def conflicts(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.how.conflict)


def recover_journal(
    data_path: Path, *, lock_timeout: float = 10.0, clock: Callable[[], float] = time.time
) -> Recovered:
    """Apply the journal's changes the rewritten data file lacks onto it (see the module).

    Raises DataFileError if the data file does not read (nothing is changed),
    StoreIOError for a failing disk, StoreLocked if another process holds the lock.
    """
    data_path = data_path.absolute()
    journal_path = journal.journal_path(data_path)
    check_data_folder(data_path.parent)
    lock = FileLock(data_path.with_name(data_path.name + ".lock"), data_path, lock_timeout)
    with io_errors(data_path, "recover the journal"), lock.hold():
        raw = _read_data(data_path)
        tables, revision, version = _decode(data_path, raw)
        found = journal.read_from(journal_path, 0)
        scan = journal.scan(found[1] if found else b"", with_header=True)
        content = Content(revision, len(raw), journal.main_digest(raw))
        pending = foreign.unfolded(data_path, scan.header, content, version, scan.records)
        if not pending or scan.header is None:
            return Recovered(0, (), revision, None)
        base = Content(scan.header.base, scan.header.size, scan.header.digest)
        original = functools.cache(lambda: _from_backup(data_path, base))
        merged, outcomes = rebase(tables, pending, original)
        revision = max(revision, pending[-1][0]) + 1
        # The journal is copied, not moved: until the new file's journal replaces it, it
        # is stale beside a file past its revisions (a kill in between loses nothing).
        try:  # before anything is written: a file that could not be read back is refused
            out = datafile.encode(datafile.with_header(merged, revision, SCHEMA_VERSION))
        except (datafile.Refused, ValueError) as error:
            raise backups.refusal(data_path, str(error), SCHEMA_VERSION, MIGRATIONS) from None
        kept = keep_current(data_path, clock(), "recover", copy_journal=True)
        DiskState.write_full(data_path, journal_path, out, revision, SCHEMA_VERSION, None)
    return Recovered(len(pending), tuple(outcomes), revision, kept)


def _read_data(path: Path) -> bytes:
    # As the store reads it: a link the user made is followed, to a regular file of ours.
    fd = os.open(path, os.O_RDONLY | (NOFOLLOW & ~os.O_NOFOLLOW))
    try:
        check_opened(fd, path, "data file")
    except BaseException:
        os.close(fd)
        raise
    with open(fd, "rb") as handle:
        return handle.read()


def _decode(path: Path, raw: bytes) -> tuple[Tables, int, int]:
    try:
        return datafile.decode_file(raw, SCHEMA_VERSION, MIGRATIONS)
    except datafile.Refused as refused:
        raise backups.refusal(path, str(refused), SCHEMA_VERSION, MIGRATIONS) from None


def _from_backup(data_path: Path, wanted: Content) -> dict[str, Any] | None:
    """The prospect documents of the data file the journal extends, if a backup holds it."""
    for entry in reversed(backups.recorded(data_path)):
        if entry.content != wanted:
            continue
        if not backups.verified(data_path, entry, SCHEMA_VERSION, MIGRATIONS):
            continue
        fd = open_own(backups.backup_dir(data_path) / entry.name, os.O_RDONLY, "backup")
        with open(fd, "rb") as handle:
            tables, _revision = datafile.decode(handle.read(), SCHEMA_VERSION, MIGRATIONS)
        return dict(tables.get(PROSPECTS_TABLE, {}))
    return None


def fold_journal(store: Store) -> int:
    """Fold the journal into the data file now (`leadline compact`); how many saves it
    held that the data file lacked (0: nothing to fold, nothing written)."""
    before = _file_revision(store.path)
    if store.revision <= before:
        return 0
    store.compact()
    return store.revision - before


def _file_revision(path: Path) -> int:
    """The revision written in the data file's header (its journal not counted)."""
    with open(path, "rb") as handle:
        return datafile.head_revision(handle.read(datafile.HEAD_BYTES)) or 0
