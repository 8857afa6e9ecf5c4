"""Saving prospects together with their history entry, in one write.

Every save of the store (`add`, `batch`, `update`, `delete`, merge, undo) comes
here as a list of `Change`s: the prospect documents to write or delete and the
history entry saying who changed what when (`history`), in the same `apply`, so
the history and the data can never disagree. Callers name themselves with `by`
(default: the store's `actor`, the command that opened it) and may pass `now`
(default: the store's `clock`; core reads no clock of its own).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from leadline.core.models import Prospect, new_id
from leadline.core.store.datafile import PROSPECTS_TABLE, DataFileError, materialize
from leadline.core.store.history import (
    BEFORE_CAP,
    HISTORY_TABLE,
    NAMES_CAP,
    Entry,
    Item,
    digest,
    next_seq,
    trimmed,
)
from leadline.core.store.index import ProspectIndex
from leadline.core.store.storage import LeadlineStorage
from leadline.core.store.summary import What, summarize_many


@dataclass(frozen=True)
class Change:
    """One prospect document a save writes (`after`) or deletes (`after` None)."""

    pid: str
    name: str
    doc_id: int
    before: Any
    after: dict[str, Any] | None
    prospect: Prospect | None = None
    """The prospect `after` encodes, to keep decoded (None: decode when asked)."""


class Recording:
    """Mixin of `Store`: the one way documents reach the storage (locked)."""

    _storage: LeadlineStorage
    _index: ProspectIndex
    _generation: int
    actor: str
    """Who saves, unless a save says (`leadline note`, `TUI`)."""
    clock: Callable[[], datetime] | None
    """When a save happens, unless it says; None records no time."""
    _mine: set[int]
    """The history entries this store wrote (its own changes, for `UndoPlan.foreign`)."""

    def _with_ids(self, ps: list[Prospect]) -> list[Prospect]:
        taken = set(self._index.doc_ids)
        result = []
        for p in ps:
            if not p.id:
                p = replace(p, id=_fresh_id(taken))
            elif p.id in taken:
                raise ValueError(f"a prospect with id {p.id} already exists")
            taken.add(p.id)
            result.append(p)
        return result

    def _changes_for(self, known: list[Prospect], added: list[Prospect]) -> list[Change]:
        doc_ids, docs = self._index.doc_ids, self._index.docs
        start = max(doc_ids.values(), default=0) + 1
        out = [Change(p.id, p.name, doc_ids[p.id], docs[str(doc_ids[p.id])], p.to_doc(), p)
               for p in known]  # fmt: skip
        out += [Change(p.id, p.name, n, None, p.to_doc(), p) for n, p in enumerate(added, start)]
        return out

    def _deleting(self, pid: str) -> Change:
        doc_id = self._index.doc_ids[pid]
        before = self._index.docs[str(doc_id)]
        return Change(pid, str(materialize(before).get("name", pid)), doc_id, before, None)

    def _write(
        self, known: list[Prospect], added: list[Prospect], by: str | None, now: datetime | None
    ) -> None:
        """Save stored prospects in their documents and new ones in new documents (locked)."""
        self._record(self._changes_for(known, added), by, now)

    def _record(
        self, changes: list[Change], by: str | None, now: datetime | None,
        what: What | None = None, undoes: int | None = None,
    ) -> None:  # fmt: skip
        """Write `changes` and their history entry in one save, then index them (locked)."""
        if not changes:
            return
        docs: dict[str, Any] = {str(c.doc_id): c.after for c in changes}
        history = self._storage.documents(HISTORY_TABLE)
        entry = self._entry(changes, next_seq(history), by, now, what, undoes)
        if entry is None:
            self._save({PROSPECTS_TABLE: docs})
        else:
            kept = {str(entry.seq): entry.to_doc(), **trimmed(history, entry.seq)}
            self._save({PROSPECTS_TABLE: docs, HISTORY_TABLE: kept})
            self._mine.add(entry.seq)
        for c in changes:
            if c.after is None:
                self._index.forget(c.pid)
            elif c.prospect is not None:
                self._index.remember(c.prospect, c.doc_id)
        if undoes is not None:  # a prospect put back at its doc id goes back in its place,
            # before a summary file is written in that order
            self._index.doc_ids = dict(sorted(self._index.doc_ids.items(), key=lambda i: i[1]))
        if self._storage.summary_due:  # the save wrote the data file whole
            self._write_summary()

    def _all_summaries(self) -> list[Prospect]:
        """Every summary; a summary file whose rows turned out damaged is rebuilt now, not
        found damaged (and every document decoded instead) at every opening."""
        found = self._index.all_summaries()
        if self._index.rows_damaged:
            self._index.rows_damaged = False
            self._write_summary()
        return found

    def _write_summary(self) -> None:
        """Save every prospect's summary in the summary file, tied to the state just read
        or written; a damaged document or a failing disk leaves it to the next time."""
        try:
            idents, segments, old = self._index.summary_segments()
        except DataFileError:
            return
        rows = self._storage.write_summary(idents, segments, old)
        if rows is not None:
            self._index.rows_written(rows, idents)

    def _entry(
        self, changes: list[Change], seq: int, by: str | None, now: datetime | None,
        what: What | None, undoes: int | None,
    ) -> Entry | None:  # fmt: skip
        """The history entry of a save; None for a save that changed nothing."""
        big = len(changes) > BEFORE_CAP
        if big:
            items = tuple(Item(c.pid, c.name, c.doc_id, None, None) for c in changes[:NAMES_CAP])
        else:
            items = tuple(Item(c.pid, c.name, c.doc_id, _plain(c.before), digest(c.after))
                          for c in changes)  # fmt: skip
            if what is None and all(digest(i.before) == i.after for i in items):
                return None
        what = what or summarize_many([(c.before, c.after) for c in changes])
        at = now if now is not None else (self.clock() if self.clock is not None else None)
        return Entry(seq, at, by or self.actor, os.getpid(), what, items, undoes,
                     undoable=not big, count=len(changes))  # fmt: skip

    def _save(self, changes: dict[str, dict[str, Any]]) -> None:
        try:
            self._storage.apply(changes)
        except BaseException:
            self._generation = -1  # the storage forgot its cache: rebuild on next read
            raise
        self._index.docs = self._storage.documents(PROSPECTS_TABLE)
        # A compaction that failed after the save made the storage read the files again:
        # they hold what the index does plus this save, so nothing of that read is news
        # (left pending, a later catch-up took its summary file's rows as current).
        self._storage.take_changes()
        self._storage.take_summarized()
        self._generation = self._storage.generation


def _plain(doc: Any) -> dict[str, Any] | None:
    return None if doc is None else dict(materialize(doc))


def _fresh_id(taken: set[str]) -> str:
    while True:
        pid = new_id()
        if pid not in taken:
            return pid
