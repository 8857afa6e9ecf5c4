"""Putting a journal's changes onto a data file another program rewrote (pure).

For each prospect document the journal changed, the base is that document as
it was before the journal's first change to it: the history entry of that save
keeps it (`history.Item.before`); a save with no history entry changed nothing,
so its document is the base; failing both (a big import keeps no documents), a
backup of the data file the journal extends (`original`). Then:

- the rewritten file still holds the base: the other program left it alone, and
  leadline's last version of it goes in (a deletion too);
- it already holds leadline's version: nothing to do;
- the journal added it and the other program used its doc id for another
  prospect: it goes in under a fresh doc id;
- anything else is a conflict: the other program's version stays, and the
  conflict says what leadline's change was (its history entries).

The journal's history entries are all kept (one whose number the other program
took is renumbered), so `leadline history` lists every change; undo checks each
prospect against what the change left (a conflict's prospect is refused there).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from leadline.core.store import journal
from leadline.core.store.datafile import META_TABLE, PROSPECTS_TABLE, Tables, materialize
from leadline.core.store.foreign import Record, history_entries
from leadline.core.store.history import HISTORY_TABLE, Entry, Item, digest, next_seq

_UNKNOWN = object()
"""A base no history entry or backup kept."""


class How(StrEnum):
    """What became of leadline's change to one prospect."""

    APPLIED = "applied"
    ALREADY = "already there"
    RENUMBERED = "applied as a new document"
    BOTH_CHANGED = "changed by both"
    DELETED_THERE = "deleted by the other program"
    CHANGED_THERE = "deleted by leadline, changed by the other program"
    NO_BASE = "no copy of it as it was"

    @property
    def conflict(self) -> bool:
        return self not in (How.APPLIED, How.ALREADY, How.RENUMBERED)


@dataclass(frozen=True)
class Outcome:
    """One prospect leadline's journal changed, and what became of that change."""

    pid: str
    name: str
    doc_id: int
    """Its document in the recovered file (leadline's or the other program's)."""
    how: How
    entries: tuple[Entry, ...]
    """leadline's changes to it, as its history lists them (none for a silent save)."""


@dataclass
class _Doc:
    base: Any
    mine: Any
    entries: list[Entry] = field(default_factory=list)
    item: Item | None = None


def rebase(
    theirs: Tables, pending: list[Record], original: Callable[[], dict[str, Any] | None]
) -> tuple[Tables, list[Outcome]]:
    """The tables of `theirs` with the changes of `pending` put in where they do not
    conflict, and what became of each prospect the journal changed. `original()` gives
    the prospect documents of the file the journal extends, if a backup holds it."""
    docs = _documents(pending, original)
    prospects = dict(theirs.get(PROSPECTS_TABLE, {}))
    free = max((int(k) for k in (*prospects, *docs)), default=0) + 1
    held = {_pid(d): k for k, d in prospects.items()}  # where the other program has each id
    outcomes = []
    for doc_id, doc in docs.items():
        how = _decide(prospects.get(doc_id), doc)
        placed = doc_id
        there = held.get(_pid(doc.mine)) if doc.mine is not None else None
        if there is not None and there != doc_id and how in (How.APPLIED, How.RENUMBERED):
            # it added the same prospect itself (from an export?): never one id twice
            placed = there
            how = How.ALREADY if digest(prospects[there]) == digest(doc.mine) else How.BOTH_CHANGED
        elif how is How.RENUMBERED:
            placed, free = str(free), free + 1
        if how in (How.APPLIED, How.RENUMBERED):
            if doc.mine is None:
                gone = prospects.pop(doc_id, None)
                if gone is not None and held.get(_pid(gone)) == doc_id:
                    del held[_pid(gone)]
            else:
                prospects[placed] = doc.mine
                held[_pid(doc.mine)] = placed
        outcomes.append(_outcome(doc, int(placed), how, prospects.get(placed)))
    out = {name: dict(table) for name, table in theirs.items() if name != META_TABLE}
    out[PROSPECTS_TABLE] = prospects
    out[HISTORY_TABLE] = _history(theirs.get(HISTORY_TABLE, {}), pending)
    for _revision, changes in pending:  # no such table today: leadline's version wins
        rest = {k: v for k, v in changes.items() if k not in (PROSPECTS_TABLE, HISTORY_TABLE)}
        journal.apply_changes(out, rest)
    return out, outcomes


def _documents(
    pending: list[Record], original: Callable[[], dict[str, Any] | None]
) -> dict[str, _Doc]:
    """Each prospect document the journal changed: its base, leadline's last version."""
    docs: dict[str, _Doc] = {}
    for _revision, changes in pending:
        entries = history_entries(changes)
        items = {str(i.doc_id): (e, i) for e in entries for i in e.items}
        for doc_id, mine in changes.get(PROSPECTS_TABLE, {}).items():
            entry, item = items.get(doc_id, (None, None))
            if doc_id not in docs:
                docs[doc_id] = _Doc(_base(doc_id, mine, item, bool(entries), original), mine)
            doc = docs[doc_id]
            doc.mine, doc.item = mine, item or doc.item
            if entry is not None:
                doc.entries.append(entry)
    return docs


def _base(
    doc_id: str, mine: Any, item: Item | None, has_entry: bool,
    original: Callable[[], dict[str, Any] | None],
) -> Any:  # fmt: skip
    if item is not None and (item.before is not None or item.after is not None):
        return item.before
    if not has_entry:  # a save that changed nothing writes no history entry
        return mine
    kept = original()
    return _UNKNOWN if kept is None else kept.get(doc_id)


def _decide(current: Any, doc: _Doc) -> How:
    if digest(current) == digest(doc.mine):
        return How.ALREADY
    if doc.base is _UNKNOWN:
        return How.NO_BASE
    if digest(current) == digest(doc.base):
        return How.APPLIED
    if doc.base is None and doc.mine is not None and _pid(current) != _pid(doc.mine):
        return How.RENUMBERED
    if doc.mine is None:
        return How.CHANGED_THERE
    return How.DELETED_THERE if current is None else How.BOTH_CHANGED


def _pid(doc: Any) -> str:
    return "" if doc is None else str(materialize(doc).get("id", ""))


def _outcome(doc: _Doc, doc_id: int, how: How, now: Any) -> Outcome:
    named: dict[str, Any] = next((materialize(d) for d in (doc.mine, now, doc.base)
                  if d is not None and d is not _UNKNOWN), {})  # fmt: skip
    pid = str(named.get("id", doc.item.pid if doc.item else ""))
    name = str(named.get("name", doc.item.name if doc.item else pid))
    return Outcome(pid, name, doc_id, how, tuple(doc.entries))


def _history(theirs: dict[str, Any], pending: list[Record]) -> dict[str, Any]:
    """The other program's history with every entry of the journal added."""
    history, mine = dict(theirs), set()
    for _revision, changes in pending:
        for key, doc in changes.get(HISTORY_TABLE, {}).items():
            if doc is None:  # an old entry trimmed by the save
                if key not in mine:
                    history.pop(key, None)
                continue
            if key in history and key not in mine and digest(history[key]) != digest(doc):
                key = str(next_seq(history))  # the other program wrote an entry there
                doc = {**materialize(doc), "seq": int(key)}
            history[key] = doc
            mine.add(key)
    return history
