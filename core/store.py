"""The store: prospects in a TinyDB file, safe for a TUI and CLI commands at once.

Screens and commands call this facade, never TinyDB. Every change is a
read-modify-write under the cross-process lock (`update`), so two processes
appending notes to the same prospect both keep theirs. Reads are served from
memory until the file changes on disk (`changed_on_disk` is a single stat, cheap
enough to poll).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from tinydb import TinyDB
from tinydb.table import Document

from leadline.core.datafile import PROSPECTS_TABLE, DataFileError
from leadline.core.filelock import StoreLocked
from leadline.core.models import Prospect
from leadline.core.storage import LeadlineStorage, StaleWriteError

__all__ = ["DataFileError", "StaleWriteError", "Store", "StoreLocked", "new_id"]


def new_id() -> str:
    """A short random prospect id (8 hex digits); ids never change once given."""
    return secrets.token_hex(4)


class Store:
    """All prospects of one data file. Open with `Store.open(path)`."""

    def __init__(self, db: TinyDB, storage: LeadlineStorage) -> None:
        self._db = db
        self._storage = storage
        self._table = db.table(PROSPECTS_TABLE, cache_size=0)
        self._by_id: dict[str, Prospect] = {}
        self._doc_ids: dict[str, int] = {}
        self._generation = -1

    @classmethod
    def open(cls, path: Path, *, backups: int = 5, lock_timeout: float = 10.0) -> Store:
        """Open (creating if missing) the data file at `path`.

        Raises DataFileError for a file that is not a usable leadline file (it is
        left untouched) and StoreLocked if another process holds the lock too long.
        """
        db = TinyDB(path, storage=LeadlineStorage, backups=backups, lock_timeout=lock_timeout)
        assert isinstance(db.storage, LeadlineStorage)
        store = cls(db, db.storage)
        store._sync()
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
        """True if another process changed the file since this store last looked."""
        return self._storage.changed_on_disk()

    def prospects(self) -> list[Prospect]:
        """Every prospect, in the order they were added; re-read if the file changed."""
        self._sync()
        return list(self._by_id.values())

    def get(self, pid: str) -> Prospect:
        """The prospect with id `pid`; KeyError if there is none."""
        self._sync()
        return self._by_id[pid]

    def find(self, query: str) -> list[Prospect]:
        """The prospect whose id is `query`, else those whose name contains it (any case)."""
        self._sync()
        wanted = query.strip()
        if not wanted:
            return []
        exact = self._by_id.get(wanted) or self._by_id.get(wanted.lower())
        if exact is not None:
            return [exact]
        fragment = wanted.casefold()
        return [p for p in self._by_id.values() if fragment in p.name.casefold()]

    def add(self, p: Prospect) -> Prospect:
        """Store a new prospect and return it; an empty `id` is replaced by a fresh one."""
        return self.add_many([p])[0]

    def add_many(self, ps: Iterable[Prospect]) -> list[Prospect]:
        """Store several new prospects in one save; ValueError if an id is already taken."""
        with self._storage.lock(), self._storage.shared():
            self._sync()
            added = self._with_ids(list(ps))
            start = max(self._doc_ids.values(), default=0) + 1
            docs = [Document(p.to_doc(), doc_id) for doc_id, p in enumerate(added, start)]
            self._table.insert_multiple(docs)
            for doc in docs:
                self._remember(added[doc.doc_id - start], doc.doc_id)
            self._generation = self._storage.generation
        return added

    def update(self, pid: str, change: Callable[[Prospect], Prospect]) -> Prospect:
        """Apply `change` to the current version of prospect `pid` and save the result.

        The lock is held from the read to the save, so no other process's change
        is lost. `change` must keep the id. Returns the saved prospect.
        """
        with self._storage.lock(), self._storage.shared():
            self._sync()
            new = change(self._by_id[pid])
            if new.id != pid:
                raise ValueError(f"an update may not change the id ({pid} -> {new.id})")
            doc_id = self._doc_ids[pid]
            self._table.update(new.to_doc(), doc_ids=[doc_id])
            self._remember(new, doc_id)
            self._generation = self._storage.generation
        return new

    def delete(self, pid: str) -> None:
        """Remove prospect `pid`; KeyError if there is none."""
        with self._storage.lock(), self._storage.shared():
            self._sync()
            self._table.remove(doc_ids=[self._doc_ids[pid]])
            del self._by_id[pid], self._doc_ids[pid]
            self._generation = self._storage.generation

    def close(self) -> None:
        """Release the store (nothing is held open between calls)."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _with_ids(self, ps: list[Prospect]) -> list[Prospect]:
        taken = set(self._by_id)
        result = []
        for p in ps:
            if not p.id:
                p = replace(p, id=_fresh_id(taken))
            elif p.id in taken:
                raise ValueError(f"a prospect with id {p.id} already exists")
            taken.add(p.id)
            result.append(p)
        return result

    def _remember(self, p: Prospect, doc_id: int) -> None:
        self._by_id[p.id] = p
        self._doc_ids[p.id] = doc_id

    def _sync(self) -> None:
        """Rebuild the in-memory prospects if the file changed since last seen."""
        self._storage.refresh()
        if self._generation == self._storage.generation:
            return
        by_id: dict[str, Prospect] = {}
        doc_ids: dict[str, int] = {}
        with self._storage.shared():  # from_doc copies what it keeps
            docs = self._table.all()
        for doc in docs:
            p = self._decode(doc)
            if p.id in by_id:
                raise self._bad_document(doc, f"its id {p.id!r} is used twice")
            by_id[p.id], doc_ids[p.id] = p, doc.doc_id
        self._by_id, self._doc_ids = by_id, doc_ids
        self._generation = self._storage.generation

    def _decode(self, doc: Document) -> Prospect:
        try:
            return Prospect.from_doc(doc)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise self._bad_document(doc, f"it cannot be read ({error!r})") from None

    def _bad_document(self, doc: Document, problem: str) -> DataFileError:
        return self._storage.refuse(f"prospect document {doc.doc_id} is damaged: {problem}")


def _fresh_id(taken: set[str]) -> str:
    while True:
        pid = new_id()
        if pid not in taken:
            return pid
