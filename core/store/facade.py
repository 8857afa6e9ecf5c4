"""The store: prospects in a TinyDB file, safe for a TUI and CLI commands at once.

Screens and commands call this facade, never TinyDB. Every change is a
read-modify-write under the cross-process lock (`update`), so two processes
appending notes to the same prospect both keep theirs. Reads are served from
memory until the file changes on disk (two stat calls, cheap enough to poll);
`changes_elsewhere()` says which prospects other processes changed meanwhile.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path

from tinydb import TinyDB

from leadline.core.models import Prospect, new_id
from leadline.core.store.changes import Changes
from leadline.core.store.datafile import PROSPECTS_TABLE, DataFileError
from leadline.core.store.errors import StoreIOError, UnsafeFileError
from leadline.core.store.finding import Finding
from leadline.core.store.gcpause import collector_paused
from leadline.core.store.index import ProspectIndex
from leadline.core.store.lock import StoreLocked, command_name
from leadline.core.store.recording import Recording
from leadline.core.store.scanning import scan_documents
from leadline.core.store.storage import LeadlineStorage, StaleWriteError
from leadline.core.store.verifying import Verifying

When = datetime | None

__all__ = [
    "DataFileError",
    "StaleWriteError",
    "Store",
    "StoreIOError",
    "StoreLocked",
    "UnsafeFileError",
    "new_id",
]


class Store(Changes, Recording, Verifying, Finding):
    """All prospects of one data file. Open with `Store.open(path)`.

    Documents are decoded when first asked for: opening the file only reads
    each document's id, so a command about one prospect (`note`, `show`, `log`)
    decodes one; `prospects()` decodes the rest once and keeps them. Every save
    is recorded in the file's history (`history`, `undo`): `by` names who saved
    (default `actor`) and `now` when (default `clock()`).
    """

    def __init__(self, db: TinyDB, storage: LeadlineStorage) -> None:
        self.actor = command_name(sys.argv)
        self.clock = None
        self._mine: set[int] = set()
        self._db = db
        self._storage = storage
        self._index = ProspectIndex(self._bad_document)
        self._generation = -1
        self._elsewhere: set[str] = set()
        """Prospects other processes changed since `changes_elsewhere` last said."""

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        backups: int = 5,
        lock_timeout: float = 10.0,
        holder: str | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> Store:
        """Open (creating if missing) the data file at `path`.

        Raises DataFileError for a file that is not a usable leadline file (it is
        left untouched), for a planted or foreign file beside it (UnsafeFileError)
        and for a failing disk (StoreIOError); StoreLocked if another process holds
        the lock too long when a save needs it. A damaged prospect document is
        reported when it is read (`prospects()` reads them all), and the file is
        left as it is. `holder` names this process in the lock file (default: the
        program and subcommand, as `leadline note`; never the arguments), and is
        who the history says saved. `clock` gives the time the history records.
        """
        db = TinyDB(path, storage=LeadlineStorage, backups=backups, lock_timeout=lock_timeout,
                    holder=holder)  # fmt: skip
        assert isinstance(db.storage, LeadlineStorage)
        store = cls(db, db.storage)
        store.actor, store.clock = holder or store.actor, clock
        store._sync()
        store._elsewhere.clear()  # what the file held at opening is no change
        return store

    @property
    def path(self) -> Path:
        """The data file."""
        return self._storage.path

    @property
    def revision(self) -> int:
        """The file's revision counter as last read or written (no disk access)."""
        return self._storage.revision

    def changed_on_disk(self) -> bool:
        """True if another process changed the file and `changes_elsewhere` has not yet
        said so: whichever read or save caught up on the file meanwhile, the change
        stays visible here until it has been reported (two stat calls)."""
        return bool(self._elsewhere) or self._storage.changed_on_disk()

    def changes_elsewhere(self) -> frozenset[str]:
        """The ids of the prospects other processes added, changed or deleted since the
        last call, reading the file if it changed. Reads and saves in between, which
        catch up on the file themselves, lose none of them."""
        self._sync()
        changed, self._elsewhere = frozenset(self._elsewhere), set()
        return changed

    def prospects(self) -> list[Prospect]:
        """Every prospect, in the order they were added; re-read if the file changed."""
        self._sync()
        return self._index.all()

    def summaries(self) -> list[Prospect]:
        """Every prospect's summary (`records/summary.py`), in the order they were added:
        what the queue, the funnel, the lists and the warnings read. A summary cannot be
        saved: `get` the whole prospect to show it in full, edit or export it."""
        self._sync()
        return self._all_summaries()

    def scan(self) -> Iterator[Prospect]:
        """Every whole prospect in add order, decoded one at a time and kept by no one
        (`scanning.py`); the pass may run in a worker thread."""
        self._sync()
        return scan_documents(list(self._index.doc_ids.values()), self._index.docs,
                              self._bad_document)  # fmt: skip

    def summary(self, pid: str) -> Prospect:
        """The summary of prospect `pid`; KeyError if there is none."""
        self._sync()
        return self._index.summary(pid)

    def __len__(self) -> int:
        """How many prospects the file holds (no decoding; re-read if the file changed)."""
        self._sync()
        return len(self._index.doc_ids)

    def preload(self, progress: Callable[[int, int], None] | None = None, step: int = 5000) -> None:
        """Decode every prospect now, calling `progress(done, total)` every `step` of them.

        For a caller that will need them all and wants to show how far reading has got.
        """
        self._sync()
        self._index.decode_missing(progress, step)

    def get(self, pid: str) -> Prospect:
        """The prospect with id `pid`; KeyError if there is none."""
        self._sync()
        return self._index.prospect(pid)

    def add(self, p: Prospect, *, by: str | None = None, now: When = None) -> Prospect:
        """Store a new prospect and return it; an empty `id` is replaced by a fresh one."""
        return self.add_many([p], by=by, now=now)[0]

    def add_many(
        self, ps: Iterable[Prospect], *, by: str | None = None, now: When = None
    ) -> list[Prospect]:
        """Store several new prospects in one save; ValueError if an id is already taken."""
        with self._storage.lock():
            self._sync()
            added = self._with_ids(list(ps))
            self._write([], added, by, now)
        return added

    def batch(
        self,
        change: Callable[[list[Prospect]], Iterable[Prospect]],
        *,
        by: str | None = None,
        now: When = None,
    ) -> list[Prospect]:
        """Add or replace many prospects in one save, computed under the lock.

        `change` gets every stored prospect's summary (`summaries()`), fresh from disk,
        and returns the whole prospects to write: a known id replaces that prospect, an
        unknown or empty id adds one. To change a stored prospect, `change` decodes it
        with `get` (the lock is re-entrant), so only the prospects it writes are decoded;
        a summary returned as is cannot be saved (TypeError). Used by import, so a
        re-import never races another process's save.
        """
        with self._storage.lock():
            self._sync()
            out = list(change(self._index.all_summaries()))
            known = [p for p in out if p.id in self._index.doc_ids]
            added = self._with_ids([p for p in out if p.id not in self._index.doc_ids])
            self._write(known, added, by, now)
        return known + added

    def update(
        self,
        pid: str,
        change: Callable[[Prospect], Prospect],
        *,
        by: str | None = None,
        now: When = None,
    ) -> Prospect:
        """Apply `change` to the current version of prospect `pid` and save the result.

        The lock is held from the read to the save, so no other process's change
        is lost. `change` must keep the id. Returns the saved prospect.
        """
        with self._storage.lock():
            self._sync()
            new = change(self._index.prospect(pid))
            if new.id != pid:
                raise ValueError(f"an update may not change the id ({pid} -> {new.id})")
            self._write([new], [], by, now)
        return new

    def compact(self) -> None:
        """Fold the journal into the data file now (saves do it by themselves as it grows),
        and write the summary file for the new data file."""
        with self._storage.lock():
            self._storage.compact()
            self._sync()
            self._write_summary()

    def close(self) -> None:
        """Release the store (nothing is held open between calls)."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading other processes' saves -----------------------------------------

    def _sync(self) -> None:
        """Bring the index up to date with the file: only what changed."""
        if not self._storage.changed_on_disk() and self._generation == self._storage.generation:
            return
        with collector_paused():
            self._storage.refresh()
            if self._generation == self._storage.generation:
                return
            # documents() may pick up yet another save: take the changes after it
            docs = self._storage.documents(PROSPECTS_TABLE)
            full, changed = self._storage.take_changes()
            rebuild = full or self._generation < 0
            summarized = self._storage.take_summarized() if full else None
            try:
                if summarized is not None:
                    c = summarized.contents  # and what a save caught up on since the load
                    stale = summarized.changed_after | changed.get(PROSPECTS_TABLE, set())
                    touched = self._index.adopt(docs, c.docs, c.pids, c.folded, c.rows, stale)
                elif rebuild:
                    touched = self._index.rebuild(docs)
                else:
                    touched = self._index.catch_up(docs, changed.get(PROSPECTS_TABLE, set()))
            except BaseException:
                self._generation = -1  # the changes are taken: rebuild on next read
                raise
            self._elsewhere |= touched
            self._generation = self._storage.generation
            if full and summarized is None:
                self._write_summary()  # none fitted the file: rebuild it
            if rebuild:  # what a full read built lives on (see `decode_missing`); not after each
                gc.freeze()  # catch-up, which would also freeze the app's cyclic garbage

    def _bad_document(self, doc_id: int, problem: str) -> DataFileError:
        return self._storage.refuse(f"prospect document {doc_id} is damaged: {problem}")
