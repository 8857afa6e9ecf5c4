"""A TinyDB storage that is safe with kills, several processes and other users.

- Saves are atomic and durable (`atomic.write_private_atomic`), files 0600.
- Writers in all processes are serialised by `FileLock` on `<file>.lock`; a
  save refuses data read before another process changed the file
  (`StaleWriteError`) instead of silently dropping that change.
- An unchanged file is not parsed again: the parsed tables are cached and
  checked against inode, mtime, ctime, size and the revision in the header.
  `read()` hands out a deep copy, because TinyDB and its callers mutate what
  they get; the Store, which only replaces whole documents, skips the copies
  inside `shared()` (a full copy costs as much as parsing the file).
- The first save of a session first copies the old file to `backups/`.
- A file that is not a usable leadline file raises `DataFileError` and is
  never written.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from tinydb.storages import Storage

from leadline.core import backups as backup_files
from leadline.core import datafile
from leadline.core.atomic import ensure_private_dir, remove_orphaned_temps, write_private_atomic
from leadline.core.datafile import PROSPECTS_TABLE, DataFileError, Migration, Tables
from leadline.core.filelock import FileLock


class StaleWriteError(RuntimeError):
    """A save was based on data another process has changed since it was read."""


@dataclass(frozen=True)
class _Stamp:
    """What identifies one version of the file without reading it."""

    ino: int
    dev: int
    size: int
    mtime_ns: int
    ctime_ns: int

    @classmethod
    def of(cls, st: os.stat_result) -> _Stamp:
        return cls(st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


_Seen = tuple[_Stamp, int | None]
"""A file version as seen: its stamp and the revision in its header."""


def _copy(value: Any) -> Any:
    """Deep copy of parsed JSON (dicts, lists and immutable scalars only)."""
    kind = type(value)
    if kind is dict:
        return {key: _copy(item) for key, item in value.items()}
    if kind is list:
        return [_copy(item) for item in value]
    return value


def _shallow(table: dict[str, Any]) -> dict[str, Any]:
    return {doc_id: dict(doc) for doc_id, doc in table.items()}


class LeadlineStorage(Storage):
    """TinyDB storage for one leadline data file (see the module docstring)."""

    schema_version: ClassVar[int] = datafile.SCHEMA_VERSION
    migrations: ClassVar[Mapping[int, Migration]] = datafile.MIGRATIONS

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        backups: int = 5,
        lock_timeout: float = 10.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """Open (or create) the data file; raises DataFileError or StoreLocked."""
        self.path = Path(path).absolute()
        self.backups = backups
        self._clock = clock
        self._lock = FileLock(
            self.path.with_name(self.path.name + ".lock"), self.path, lock_timeout
        )
        self._tables: Tables | None = None
        self._seen: _Seen | None = None
        self._revision = 0
        self._generation = 0
        self._backed_up = backups <= 0
        self._sharing = False
        ensure_private_dir(self.path.parent)
        with self.lock():
            remove_orphaned_temps(self.path)
            remove_orphaned_temps(self.path, backup_files.backup_dir(self.path))
            if not self.path.exists():
                self._save({PROSPECTS_TABLE: {}}, revision=0)
            self.refresh()

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
        return self._lock.hold()

    def changed_on_disk(self) -> bool:
        """True if the file differs from what was last read or written (one stat call)."""
        try:
            stamp = _Stamp.of(os.stat(self.path))
        except FileNotFoundError:
            return self._seen is not None
        return self._seen is None or stamp != self._seen[0]

    def refresh(self) -> bool:
        """Load the file if it changed since last seen; True if the content changed."""
        with self._lock.thread_lock:
            seen, raw = self._probe()
            if seen is None:
                had_content = self._tables is not None
                self._forget()
                return had_content
            if raw is None:
                return False
            self._load(seen, raw)
            return True

    @contextmanager
    def shared(self) -> Iterator[None]:
        """Skip the deep copies, for a caller that never mutates nested values.

        Inside the block `read()` returns fresh table and document dicts whose
        values are shared with the cache, and `write()` keeps the data it is given
        as the cache. The Store works this way: it only replaces whole documents.
        """
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
                return {name: _shallow(table) for name, table in self._tables.items()}
            private: Tables = _copy(self._tables)
            return private

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """TinyDB API: save all tables atomically under the lock, with the next revision."""
        with self.lock():
            if self._probe(identify_only=True)[0] != self._seen:
                raise StaleWriteError(f"{self.path} changed since it was read; read it again")
            try:
                self._backup_once()
                self._save(data, revision=self._revision + 1)
            except BaseException:
                self._forget()
                raise

    def close(self) -> None:
        """Nothing stays open between calls; kept for TinyDB."""

    def _probe(self, identify_only: bool = False) -> tuple[_Seen | None, bytes | None]:
        """The file's identity, and its content unless it is the one cached (or not wanted)."""
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_CLOEXEC)
        except FileNotFoundError:
            return None, None
        with open(fd, "rb") as handle:
            stamp = _Stamp.of(os.fstat(fd))
            head = handle.read(datafile.HEAD_BYTES)
            seen = (stamp, datafile.head_revision(head))
            if identify_only or (self._tables is not None and seen == self._seen):
                return seen, None
            return seen, head + handle.read()

    def _load(self, seen: _Seen, raw: bytes) -> None:
        try:
            tables, revision = datafile.decode(raw, self.schema_version, self.migrations)
        except datafile.Refused as refused:
            raise self.refuse(str(refused)) from None
        self._install(tables, revision, seen)

    def _install(self, tables: Tables, revision: int, seen: _Seen | None) -> None:
        self._tables, self._revision, self._seen = tables, revision, seen
        self._generation += 1

    def refuse(self, problem: str) -> DataFileError:
        """The error for an unusable file, naming the newest backup that still reads."""

        def usable(raw: bytes) -> bool:
            try:
                datafile.decode(raw, self.schema_version, self.migrations)
            except datafile.Refused:
                return False
            return True

        backup = backup_files.newest_good_backup(self.path, usable)
        return DataFileError(self.path, problem, backup, backup_files.backup_dir(self.path))

    def _save(self, data: Mapping[str, Any], revision: int) -> None:
        tables = datafile.with_header(data, revision, self.schema_version)
        try:  # never write what could not be read back
            raw = datafile.encode(tables)
        except datafile.Refused as refused:
            raise ValueError(f"refusing to save malformed data: {refused}") from None
        write_private_atomic(self.path, raw)
        if not self._sharing:  # the caller may keep and change what it passed
            tables = json.loads(raw)
        self._install(tables, revision, self._probe(identify_only=True)[0])

    def _backup_once(self) -> None:
        if self._backed_up:
            return
        if self._revision > 0:
            content = self.path.read_bytes()
            backup_files.take_backup(
                self.path, content, self._revision, self.backups, self._clock()
            )
        self._backed_up = True

    def _forget(self) -> None:
        self._tables, self._seen = None, None
        self._generation += 1
