"""A TinyDB storage that is safe with kills, several processes and other users.

- The data file is a plain TinyDB JSON file (`datafile`, laid out one document per
  line by `layout`), never written in place: a full save writes a temporary file
  and renames it over the old one.
- A save appends only the documents it changed to the journal beside it
  (`journal`), so it costs in proportion to the change. When the journal grows
  past a fraction of the data file, the next save compacts: it writes the whole
  data file atomically, then starts a fresh journal. A kill at any moment leaves
  the old state or the new one (see `journal` for why).
- Opening goes through the summary file when it fits the files exactly
  (`opening`): documents are then read one by one when needed, never the whole file.
- Writers in all processes are serialised by `FileLock` on `<file>.lock`; a TinyDB
  `write()` based on data another process has since changed raises `StaleWriteError`.
- Nothing is parsed twice: the tables are cached and checked against the data
  file's and the journal's stamps; another process's save is picked up by reading
  only the new journal lines.
- The first save of a session keeps a backup in `backups/` (`backups`).
- A file that is not a usable leadline file raises `DataFileError` and is never
  written; a planted file (`safe_files`) or a failing disk (`errors`) raises a
  DataFileError subclass. Reading takes no lock and writes nothing but the summary.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, ClassVar

from tinydb.storages import Storage

from leadline.core.store import copies, datafile, journal, opening, upkeep
from leadline.core.store.atomic import ensure_private_dir
from leadline.core.store.datafile import PROSPECTS_TABLE, Migration, Tables
from leadline.core.store.disk_state import DiskState, Loaded, Stamp, stamp_of
from leadline.core.store.errors import io_errors
from leadline.core.store.lock import FileLock
from leadline.core.store.opening import Summarized
from leadline.core.store.safe_files import check_data_folder
from leadline.core.store.summarizing import SummaryKeeping


class StaleWriteError(RuntimeError):
    """A save was based on data another process has changed since it was read."""


class LeadlineStorage(SummaryKeeping, upkeep.SessionUpkeep, Storage):
    """TinyDB storage for one leadline data file (see the module docstring)."""

    schema_version: ClassVar[int] = datafile.SCHEMA_VERSION
    migrations: ClassVar[Mapping[int, Migration]] = datafile.MIGRATIONS
    compact_min_bytes: ClassVar[int] = 256 * 1024
    compact_max_bytes: ClassVar[int] = 8 * 1024 * 1024
    compact_ratio: ClassVar[float] = 0.125

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        backups: int = 5,
        lock_timeout: float = 10.0,
        clock: Callable[[], float] = time.time,
        holder: str | None = None,
    ) -> None:
        """Open (or create) the data file; raises DataFileError or StoreLocked. The lock
        (and tidying up after killed writers) comes with the first save, so a read-only
        place can be read. `holder` names this process in the lock file."""
        self.path = Path(path).absolute()
        self.journal_path = journal.journal_path(self.path)
        self.backups = backups
        self._clock = clock
        lock_path = self.path.with_name(self.path.name + ".lock")
        self._lock = FileLock(lock_path, self.path, lock_timeout, holder)
        self._state: DiskState | None = None
        self._tables: Tables | None = None
        self._revision = 0
        self._generation = 0
        self._changed: dict[str, set[str]] = {}
        self._full_reload = True
        self._backed_up = backups <= 0
        self._sharing = False
        self._tidied = False
        check_data_folder(self.path.parent)
        if not self.path.exists():
            with io_errors(self.path, "create the data file"):
                ensure_private_dir(self.path.parent)
                with self._locked("create the data file"):
                    if not self.path.exists():
                        self._tables, self._revision = {PROSPECTS_TABLE: {}}, 0
                        self._compact()
        self.refresh()

    # -- what callers see ------------------------------------------------------

    @property
    def revision(self) -> int:
        """The revision counter of the data last read or written (no disk access)."""
        return self._revision

    @property
    def generation(self) -> int:
        """Changes whenever the cached content changes (a load, a save or a failed save)."""
        return self._generation

    def lock(self) -> AbstractContextManager[None]:
        """Hold the cross-process writers' lock (re-entrant) for a read-modify-write."""
        return self._locked("save")

    @contextmanager
    def _locked(self, doing: str) -> Iterator[None]:
        with io_errors(self.path, doing):
            self._lock.acquire()
        try:
            if not self._tidied:
                self._tidied = True
                upkeep.tidy(self.path, self.journal_path)
            yield
        finally:
            self._lock.release()

    def changed_on_disk(self) -> bool:
        """True if the data differs from what was last read or written (two stat calls)."""
        if self._state is None:
            return True
        with io_errors(self.path, "read the data file"):
            return self._state.stamps() != (stamp_of(self.path), stamp_of(self.journal_path))

    def documents(self, table: str) -> dict[str, Any]:
        """The cached documents of `table` by doc id, shared: never mutate them."""
        with self._lock.thread_lock:
            self.refresh()
            return (self._tables or {}).get(table, {})

    def take_changes(self) -> tuple[bool, dict[str, set[str]]]:
        """(reloaded entirely?, doc ids changed by other processes per table) since last call."""
        with self._lock.thread_lock:
            full, changed = self._full_reload, self._changed
            self._full_reload, self._changed = False, {}
            return full, changed

    # -- reading ---------------------------------------------------------------

    def refresh(self) -> bool:
        """Pick up changes made on disk since last seen; True if the content changed."""
        with self._lock.thread_lock, io_errors(self.path, "read the data file"):
            if self._tables is not None and self._state is not None:
                caught_up = self._catch_up(self._state)
                if caught_up is not None:
                    return caught_up
            if not self.path.exists():
                had_content = self._tables is not None
                self._forget()
                return had_content
            self._install(self._load())
            return True

    def _catch_up(self, state: DiskState) -> bool | None:
        """Read only new journal lines; None if a full load is needed instead."""
        records = state.new_records(self.path, self.journal_path, self._revision + 1)
        if records is None:
            return None
        for revision, changes in records:
            self._take(changes, revision, remember=True)
        return bool(records)

    def _load(self) -> tuple[Loaded, Summarized | None]:
        try:
            return opening.load(self.path, self.journal_path, self.schema_version, self.migrations)
        except datafile.Refused as refused:
            raise self.refuse(str(refused)) from None

    def _install(self, found: tuple[Loaded, Summarized | None]) -> None:
        loaded, self._summarized = found
        self._refs = None
        self._refs_from = self._summarized.contents if self._summarized else None
        self._tables, self._revision, self._state = loaded.tables, loaded.revision, loaded.state
        self._full_reload, self._changed = True, {}
        self._generation += 1

    def _take(self, changes: journal.Changes, revision: int, *, remember: bool) -> None:
        assert self._tables is not None
        journal.apply_changes(self._tables, changes)
        self._revision = revision
        self._generation += 1
        if remember:
            for name, docs in changes.items():
                self._changed.setdefault(name, set()).update(docs)

    @contextmanager
    def shared(self) -> Iterator[None]:
        """Skip the deep copies in `read()`, for a caller that never mutates nested values."""
        with self._lock.thread_lock:
            outer, self._sharing = self._sharing, True
            try:
                yield
            finally:
                self._sharing = outer

    def read(self) -> Tables | None:
        """TinyDB API: a private copy of all tables, fresh if the file changed."""
        with self._lock.thread_lock:
            self.refresh()
            if self._tables is None:
                return None
            if self._sharing:
                return {name: copies.shallow_copy(table) for name, table in self._tables.items()}
            private: Tables = copies.deep_copy(self._tables)
            return private

    # -- writing ---------------------------------------------------------------

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """TinyDB API: save what differs from the cache, under the lock, as the next revision."""
        self._save(lambda tables: copies.changed_documents(tables, data))

    def apply(self, changes: journal.Changes) -> None:
        """Save only these documents (None deletes one); the storage keeps them, unchanged.

        Hold the lock and call `refresh()` first, so the change is based on the latest data.
        """
        self._save(lambda _tables: changes)

    def _save(self, changes_to: Callable[[Tables], journal.Changes]) -> None:
        with self.lock():
            if self._tables is None or self.changed_on_disk():
                raise StaleWriteError(f"{self.path} changed since it was read; read it again")
            with io_errors(self.path, "save"):
                self._commit(changes_to(self._tables))

    def compact(self) -> None:
        """Write the whole data file now and start an empty journal."""
        with self.lock():
            self.refresh()
            with io_errors(self.path, "save"):
                self._backup_once()
                try:
                    self._compact()
                except ValueError as error:  # the saves stay in the journal
                    raise self.refuse(str(error)) from None

    def close(self) -> None:
        """Nothing stays open between calls; kept for TinyDB."""

    def _commit(self, changes: journal.Changes) -> None:
        assert self._tables is not None and self._state is not None
        try:
            self._state.ready_journal(self.path, self.journal_path)
            self._backup_once()
            revision = self._revision + 1
            if self._state.needs_full_save:
                self._take(changes, revision, remember=False)
                self._compact()
                return
            line = journal.record_line(revision, changes)
            stat = journal.append(self.journal_path, line, self._state.journal_end)
            self._take(changes, revision, remember=False)
            self._state.journal, self._state.journal_end = Stamp.of(stat), stat.st_size
        except BaseException:
            self._forget()
            raise
        if stat.st_size > self._compact_threshold():
            try:
                self._compact()
            except (OSError, ValueError):
                # The save is already safe in the journal: report it saved. The
                # files on disk are the old or the new version (see `write_full`);
                # read them again, and the next save tries to compact again.
                self._forget()
            except BaseException:
                self._forget()
                raise

    def _compact_threshold(self) -> int:
        assert self._state is not None
        wanted = int(self._state.main_size * self.compact_ratio)
        return max(self.compact_min_bytes, min(wanted, self.compact_max_bytes))

    def _compact(self) -> None:
        assert self._tables is not None
        tables = datafile.with_header(self._tables, self._revision, self.schema_version)
        try:  # never write what could not be read back (NaN, which another program may write)
            raw, refs = datafile.encode_layout(tables)
        except (datafile.Refused, ValueError) as refused:
            raise ValueError(f"refusing to save malformed data: {refused}") from None
        self._refs = self._refs_from = None
        self._state = DiskState.write_full(
            self.path, self.journal_path, raw, self._revision, self.schema_version, self._state
        )
        del raw
        self._tables, self._refs, self.summary_due = tables, refs, True
        self._point_at_written(tables, refs)
        self._generation += 1

    def _forget(self) -> None:
        self._tables, self._state, self._refs, self._refs_from = None, None, None, None
        self._generation += 1
