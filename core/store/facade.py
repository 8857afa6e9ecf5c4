"""The store: prospects in a TinyDB file, safe for a TUI and CLI commands at once.

Screens and commands call this facade, never TinyDB. Every change is a
read-modify-write under the cross-process lock (`update`), so two processes
appending notes to the same prospect both keep theirs. Reads are served from
memory until the file changes on disk (`changed_on_disk` is a single stat, cheap
enough to poll).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import msgspec
import orjson
from tinydb import TinyDB

from leadline.core.models import Prospect, new_id
from leadline.core.store.datafile import PROSPECTS_TABLE, DataFileError
from leadline.core.store.gcpause import collector_paused
from leadline.core.store.lock import StoreLocked
from leadline.core.store.storage import LeadlineStorage, StaleWriteError

__all__ = ["DataFileError", "StaleWriteError", "Store", "StoreLocked", "new_id"]


_DECODE_PROSPECT = msgspec.json.Decoder(Prospect).decode
"""Raw JSON text straight to a Prospect, about three times faster than parsing it
into a dict and calling `Prospect.from_doc`. What it is stricter about (a float
where an integer is expected, null for a missing value, an empty role...) falls
back to `from_doc`. Known differences on documents another tool wrote: a time
with 7+ fractional digits is rounded (from_doc truncates; leadline writes
seconds), and a lowercase "z" offset is accepted (from_doc refuses it)."""


_FREEZE_FROM = 1000
"""Prospects decoded at once from which the result is frozen out of gc scans."""


class _Ident(msgspec.Struct):
    id: str


_DECODE_IDENT = msgspec.json.Decoder(_Ident).decode
_LEADING_ID = re.compile(rb'\{\s*"id"\s*:\s*"([ -!#-\[\]-~]*)"')  # printable ASCII, no escapes
_ID_PROBE = 96
"""Only the id of a raw document: finding a prospect does not decode the others."""


class Store:
    """All prospects of one data file. Open with `Store.open(path)`.

    Documents are decoded when first asked for: opening the file only reads
    each document's id, so a command about one prospect (`note`, `show`, `log`)
    decodes one; `prospects()` decodes the rest once and keeps them.
    """

    def __init__(self, db: TinyDB, storage: LeadlineStorage) -> None:
        self._db = db
        self._storage = storage
        self._docs: dict[str, Any] = {}
        """The storage's documents by doc id, shared (never mutated here)."""
        self._doc_ids: dict[str, int] = {}
        """Prospect id -> doc id, in the order the prospects were added."""
        self._decoded: dict[str, Prospect] = {}
        self._generation = -1

    @classmethod
    def open(cls, path: Path, *, backups: int = 5, lock_timeout: float = 10.0) -> Store:
        """Open (creating if missing) the data file at `path`.

        Raises DataFileError for a file that is not a usable leadline file (it is
        left untouched) and StoreLocked if another process holds the lock too long.
        A damaged prospect document is reported when it is read (`prospects()`
        reads them all), and the file is left as it is.
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
        return self._all()

    def __len__(self) -> int:
        """How many prospects the file holds (no decoding; re-read if the file changed)."""
        self._sync()
        return len(self._doc_ids)

    def preload(self, progress: Callable[[int, int], None] | None = None, step: int = 5000) -> None:
        """Decode every prospect now, calling `progress(done, total)` every `step` of them.

        For a caller that will need them all and wants to show how far reading has got.
        """
        self._sync()
        self._decode_missing(progress, step)

    def get(self, pid: str) -> Prospect:
        """The prospect with id `pid`; KeyError if there is none."""
        self._sync()
        return self._prospect(pid)

    def find(self, query: str) -> list[Prospect]:
        """The prospect whose id is `query`, else those whose name contains it (any case)."""
        self._sync()
        wanted = query.strip()
        if not wanted:
            return []
        for pid in (wanted, wanted.lower()):
            if pid in self._doc_ids:
                return [self._prospect(pid)]
        fragment = wanted.casefold()
        return [p for p in self._all() if fragment in p.name.casefold()]

    def add(self, p: Prospect) -> Prospect:
        """Store a new prospect and return it; an empty `id` is replaced by a fresh one."""
        return self.add_many([p])[0]

    def add_many(self, ps: Iterable[Prospect]) -> list[Prospect]:
        """Store several new prospects in one save; ValueError if an id is already taken."""
        with self._storage.lock():
            self._sync()
            added = self._with_ids(list(ps))
            start = max(self._doc_ids.values(), default=0) + 1
            numbered = list(enumerate(added, start))
            self._save({str(doc_id): p.to_doc() for doc_id, p in numbered})
            for doc_id, p in numbered:
                self._remember(p, doc_id)
        return added

    def batch(self, change: Callable[[list[Prospect]], Iterable[Prospect]]) -> list[Prospect]:
        """Add or replace many prospects in one save, computed under the lock.

        `change` gets every stored prospect, fresh from disk, and returns the ones
        to write: a known id replaces that prospect, an unknown or empty id adds
        one. Used by import, so a re-import never races another process's save.
        """
        with self._storage.lock():
            self._sync()
            out = list(change(self._all()))
            known = [p for p in out if p.id in self._doc_ids]
            added = self._with_ids([p for p in out if p.id not in self._doc_ids])
            start = max(self._doc_ids.values(), default=0) + 1
            numbered = [(self._doc_ids[p.id], p) for p in known]
            numbered += list(enumerate(added, start))
            if numbered:
                self._save({str(doc_id): p.to_doc() for doc_id, p in numbered})
            for doc_id, p in numbered:
                self._remember(p, doc_id)
        return known + added

    def update(self, pid: str, change: Callable[[Prospect], Prospect]) -> Prospect:
        """Apply `change` to the current version of prospect `pid` and save the result.

        The lock is held from the read to the save, so no other process's change
        is lost. `change` must keep the id. Returns the saved prospect.
        """
        with self._storage.lock():
            self._sync()
            new = change(self._prospect(pid))
            if new.id != pid:
                raise ValueError(f"an update may not change the id ({pid} -> {new.id})")
            doc_id = self._doc_ids[pid]
            self._save({str(doc_id): new.to_doc()})
            self._remember(new, doc_id)
        return new

    def delete(self, pid: str) -> None:
        """Remove prospect `pid`; KeyError if there is none."""
        with self._storage.lock():
            self._sync()
            self._save({str(self._doc_ids[pid]): None})
            del self._doc_ids[pid]
            self._decoded.pop(pid, None)

    def compact(self) -> None:
        """Fold the journal into the data file now (saves do it by themselves as it grows)."""
        self._storage.compact()
        self._sync()

    def close(self) -> None:
        """Release the store (nothing is held open between calls)."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- decoding on demand ----------------------------------------------------

    def _prospect(self, pid: str) -> Prospect:
        found = self._decoded.get(pid)
        if found is None:
            doc_id = self._doc_ids[pid]
            found = self._decode(doc_id, self._docs[str(doc_id)])
            if found.id != pid:  # its first "id" key was not its only one
                raise self._bad_document(doc_id, f"it has two ids, {pid!r} and {found.id!r}")
            self._decoded[pid] = found
        return found

    def _all(self) -> list[Prospect]:
        self._decode_missing()
        return [self._decoded[pid] for pid in self._doc_ids]

    def _decode_missing(
        self, progress: Callable[[int, int], None] | None = None, step: int = 5000
    ) -> None:
        waiting = [pid for pid in self._doc_ids if pid not in self._decoded]
        with collector_paused():
            for done, pid in enumerate(waiting):
                if progress is not None and done % step == 0:
                    progress(done, len(waiting))
                self._prospect(pid)
            if len(waiting) >= _FREEZE_FROM:
                # They live all session: keep them out of gc scans, including the
                # one these allocations would set off as soon as gc resumes. (Not
                # for a few: that would also freeze the caller's cyclic garbage.)
                gc.freeze()
        if progress is not None:
            progress(len(waiting), len(waiting))

    def _with_ids(self, ps: list[Prospect]) -> list[Prospect]:
        taken = set(self._doc_ids)
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
        self._decoded[p.id] = p
        self._doc_ids[p.id] = doc_id

    def _save(self, docs: dict[str, dict[str, Any] | None]) -> None:
        try:
            self._storage.apply({PROSPECTS_TABLE: docs})
        except BaseException:
            self._generation = -1  # the storage forgot its cache: rebuild on next read
            raise
        self._docs = self._storage.documents(PROSPECTS_TABLE)
        self._generation = self._storage.generation

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
            try:
                if rebuild:
                    self._rebuild(docs)
                else:
                    self._catch_up(docs, changed.get(PROSPECTS_TABLE, set()))
            except BaseException:
                self._generation = -1  # the changes are taken: rebuild on next read
                raise
            self._docs = docs
            self._generation = self._storage.generation
            if rebuild:  # what a full read built lives on (see `_decode_missing`); not after each
                gc.freeze()  # catch-up, which would also freeze the app's cyclic garbage

    def _rebuild(self, docs: dict[str, Any]) -> None:
        doc_ids: dict[str, int] = {}
        for key, doc in docs.items():
            pid = self._ident(int(key), doc)
            if pid in doc_ids:
                raise self._bad_document(int(key), f"its id {pid!r} is used twice")
            doc_ids[pid] = int(key)
        self._doc_ids, self._decoded = doc_ids, {}

    def _catch_up(self, docs: dict[str, Any], changed: set[str]) -> None:
        """Apply other processes' changes to a few documents without reading the rest."""
        pids = {doc_id: pid for pid, doc_id in self._doc_ids.items()}
        highest = max(self._doc_ids.values(), default=0)
        reorder = False
        added: list[tuple[str, int]] = []
        for key in sorted(changed, key=int):  # first what left, so an id may move
            doc_id, old = int(key), pids.get(int(key))
            new = self._ident(doc_id, docs[key]) if key in docs else None
            if old is not None:
                self._decoded.pop(old, None)
                if new != old:
                    del self._doc_ids[old]
                    reorder = True
            if new is not None:
                added.append((new, doc_id))
        for new, doc_id in added:
            if new in self._doc_ids and self._doc_ids[new] != doc_id:
                raise self._bad_document(doc_id, f"its id {new!r} is used twice")
            reorder = reorder or (new not in self._doc_ids and doc_id < highest)
            self._doc_ids[new] = doc_id  # an update keeps its place in the dict
            self._decoded.pop(new, None)
        if reorder:
            self._doc_ids = dict(sorted(self._doc_ids.items(), key=lambda item: item[1]))

    def _ident(self, doc_id: int, doc: dict[str, Any] | msgspec.Raw) -> str:
        """The prospect id of a document, reading as little of it as possible."""
        try:
            if isinstance(doc, msgspec.Raw):
                # leadline writes "id" first: read it from the first bytes if it is there
                leading = _LEADING_ID.match(memoryview(doc)[:_ID_PROBE].tobytes())
                return leading[1].decode() if leading else _DECODE_IDENT(doc).id
            if type(doc.get("id")) is str:
                return str(doc["id"])
        except msgspec.DecodeError:
            pass
        return self._decode(doc_id, doc).id  # says what is wrong with it

    def _decode(self, doc_id: int, doc: dict[str, Any] | msgspec.Raw) -> Prospect:
        try:
            if isinstance(doc, msgspec.Raw):
                try:
                    return _DECODE_PROSPECT(doc)
                except msgspec.DecodeError:
                    doc = orjson.loads(memoryview(doc))
            assert isinstance(doc, dict), "a document is a JSON object (checked at load)"
            return Prospect.from_doc(doc)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise self._bad_document(doc_id, f"it cannot be read ({error!r})") from None

    def _bad_document(self, doc_id: int, problem: str) -> DataFileError:
        return self._storage.refuse(f"prospect document {doc_id} is damaged: {problem}")


def _fresh_id(taken: set[str]) -> str:
    while True:
        pid = new_id()
        if pid not in taken:
            return pid
