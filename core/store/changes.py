"""Deleting, merging and undoing, and reading the history: the store's side.

Each is one locked read-modify-write recorded as one history entry (`recording`),
so a merge (the kept prospect rewritten, the other deleted) is undone as a whole.
Undo puts back the documents the newest change not yet undone replaced, after
checking that each prospect is still exactly as that change left it: if anything
changed it since (a save outside the history, a restore), it refuses and says
what changed, unless forced.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from leadline.core.actions.refusal import Refused
from leadline.core.models import Prospect
from leadline.core.store.decoding import decode_prospect
from leadline.core.store.history import (
    HISTORY_TABLE,
    Drift,
    Entry,
    digest,
    drifts,
    read_entries,
    undo_target,
)
from leadline.core.store.recording import Change, Recording
from leadline.core.store.summary import Kind, What


class NothingToUndo(Refused):
    """The history holds no change that can still be undone."""

    def __init__(self) -> None:
        super().__init__("nothing to undo")


class CannotUndo(Refused):
    """The change to undo kept no documents to put back (a big import, a restore)."""

    def __init__(self, target: Entry) -> None:
        super().__init__("the last change cannot be undone; 'leadline restore' puts a backup back")
        self.target = target


class UndoDrifted(Refused):
    """A prospect the change to undo touched has changed since; undoing would lose that."""

    def __init__(self, target: Entry, found: list[Drift]) -> None:
        names = ", ".join(d.item.name for d in found)
        super().__init__(f"{names} changed since; undoing would lose that (--force to undo)")
        self.target = target
        self.drifts = found


class UndoMoved(Refused):
    """Another change came in after the user was asked about the one to undo."""

    def __init__(self) -> None:
        super().__init__("something else changed meanwhile; nothing was undone (try again)")


@dataclass(frozen=True)
class UndoPlan:
    """What `undo` would do now."""

    target: Entry
    drifts: list[Drift]
    foreign: bool
    """The change was not made through this store (another process, an earlier session)."""


class Changes(Recording):
    """Mixin of `Store`: delete, merge, history and undo."""

    def _sync(self) -> None:
        raise NotImplementedError

    def delete(self, pid: str, *, by: str | None = None, now: datetime | None = None) -> None:
        """Remove prospect `pid`; KeyError if there is none. `undo` puts it back."""
        with self._storage.lock():
            self._sync()
            self._record([self._deleting(pid)], by, now)

    def merge(
        self, keep: str, other: str, combine: Callable[[Prospect, Prospect], Prospect],
        *, by: str | None = None, now: datetime | None = None,
    ) -> Prospect:  # fmt: skip
        """Save `combine(kept, other)` as prospect `keep` and delete `other`, in one save.

        Both are read fresh under the lock; the result must keep the id `keep`.
        """
        if keep == other:
            raise Refused("a prospect cannot be merged with itself")
        with self._storage.lock():
            self._sync()
            kept, gone = self._index.prospect(keep), self._index.prospect(other)
            new = combine(kept, gone)
            if new.id != keep:
                raise ValueError(f"a merge must keep the id {keep}")
            changes = [*self._changes_for([new], []), self._deleting(other)]
            self._record(changes, by, now, What(Kind.MERGED, other=gone.name))
        return new

    def history(self, pid: str | None = None) -> list[Entry]:
        """The changes kept in the file's history, oldest first (only `pid`'s if given)."""
        self._sync()
        entries = read_entries(self._storage.documents(HISTORY_TABLE))
        return [e for e in entries if pid is None or e.touches(pid)]

    def undo_plan(self) -> UndoPlan:
        """What `undo` would revert now; NothingToUndo or CannotUndo if nothing."""
        self._sync()
        entries = read_entries(self._storage.documents(HISTORY_TABLE))
        target = undo_target(entries)
        if target is None:
            raise NothingToUndo()
        if not target.undoable:
            raise CannotUndo(target)
        current = {i.pid: self._current_digest(i.pid) for i in target.items}
        found = drifts(entries, target, current)
        foreign = target.seq not in self._mine or target.process != os.getpid()
        return UndoPlan(target, found, foreign)

    def undo(
        self, *, by: str | None = None, now: datetime | None = None, force: bool = False,
        expect: int | None = None,
    ) -> UndoPlan:  # fmt: skip
        """Revert the newest change not undone yet, as a change of its own ("undo of ...").

        Refuses (UndoDrifted) when a prospect it touched changed since, unless
        `force`; with `expect`, refuses (UndoMoved) unless that entry is still the one.
        """
        with self._storage.lock():
            plan = self.undo_plan()
            if expect is not None and plan.target.seq != expect:
                raise UndoMoved()
            if plan.drifts and not force:
                raise UndoDrifted(plan.target, plan.drifts)
            what = What(Kind.UNDO, of=plan.target.what)
            self._record(self._restoring(plan.target), by, now, what, plan.target.seq)
        return plan

    def _current_digest(self, pid: str) -> str | None:
        doc_id = self._index.doc_ids.get(pid)
        return None if doc_id is None else digest(self._index.docs[str(doc_id)])

    def _restoring(self, target: Entry) -> list[Change]:
        """The changes that put back each document `target` replaced."""
        docs, doc_ids = self._index.docs, self._index.doc_ids
        taken = {int(k) for k in docs}
        out = []
        for item in target.items:
            now_at = doc_ids.get(item.pid)
            current: Any = docs[str(now_at)] if now_at is not None else None
            if item.before is None:
                if now_at is not None:
                    out.append(Change(item.pid, item.name, now_at, current, None))
                continue
            doc_id = now_at or (item.doc_id if item.doc_id not in taken else max(taken) + 1)
            taken.add(doc_id)
            back = decode_prospect(item.before)
            out.append(Change(item.pid, item.name, doc_id, current, item.before, back))
        return out
