"""The change history: one entry per save, kept in the data file's `history` table.

Every save through the store writes its entry in the same `apply` as the prospects
it changed, so the history can never disagree with the data, survives restarts,
compactions and other processes, and is put back with a backup. An entry says
when, by whom (the command, as `leadline note`, or the screen, as `TUI: note box`)
and what (`summary.What`), and keeps each changed prospect's document as it was
before and a digest of it after: undo puts the documents back once it has checked
that each prospect is still exactly as the change left it.

```
"history": {"12": {"seq": 12, "at": "2026-12-03T10:02:00", "by": "leadline note",
                   "process": 4242, "what": {"kind": "note"}, "undoes": null,
                   "undoable": true, "count": 1,
                   "items": [{"pid": "0a1b2c3d", "name": "Acme Ltd", "doc_id": 7,
                              "before": {...}, "after": "5f0e..."}]}}
```
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson

from leadline.core.store.datafile import materialize
from leadline.core.store.summary import What

HISTORY_TABLE = "history"
KEEP = 200
"""Entries kept; older ones are dropped in the save that adds a new one."""
BEFORE_CAP = 500
"""A save changing more prospects than this (a big import) keeps no documents to put
back: it is listed as not undoable (`leadline restore` puts a backup back)."""
NAMES_CAP = 20
"""Prospects named in an entry that keeps no documents."""


def digest(doc: Any) -> str | None:
    """A fingerprint of a prospect document (None for no document)."""
    if doc is None:
        return None
    try:
        body = orjson.dumps(materialize(doc), option=orjson.OPT_SORT_KEYS)
    except TypeError:  # a lone surrogate: the save refuses it, the digest need not
        body = json.dumps(materialize(doc), sort_keys=True).encode()
    return hashlib.sha256(body).hexdigest()[:24]


@dataclass(frozen=True)
class Item:
    """One prospect a change touched."""

    pid: str
    name: str
    doc_id: int
    before: dict[str, Any] | None
    """Its document before the change; None if the change added it."""
    after: str | None
    """The digest of its document after the change; None if the change deleted it."""

    def to_doc(self) -> dict[str, Any]:
        return {"pid": self.pid, "name": self.name, "doc_id": self.doc_id,
                "before": self.before, "after": self.after}  # fmt: skip


@dataclass(frozen=True)
class Entry:
    """One change, as the history lists it."""

    seq: int
    at: datetime | None
    by: str
    process: int
    what: What
    items: tuple[Item, ...]
    undoes: int | None = None
    """The entry this one undid, for an undo."""
    undoable: bool = True
    count: int = 0
    """How many prospects the change touched (items may name fewer)."""

    def to_doc(self) -> dict[str, Any]:
        at = self.at.isoformat(timespec="seconds") if self.at is not None else None
        return {
            "seq": self.seq, "at": at, "by": self.by, "process": self.process,
            "what": self.what.to_doc(), "undoes": self.undoes, "undoable": self.undoable,
            "count": self.count, "items": [i.to_doc() for i in self.items],
        }  # fmt: skip

    def names(self) -> tuple[str, ...]:
        return tuple(i.name for i in self.items)

    def touches(self, pid: str) -> bool:
        return any(i.pid == pid for i in self.items)


def entry_from_doc(doc: Any) -> Entry | None:
    """The entry of a history document; None for one that cannot be read (skipped)."""
    try:
        d = materialize(doc)
        at = datetime.fromisoformat(d["at"]) if d.get("at") else None
        items = tuple(
            Item(str(i["pid"]), str(i["name"]), int(i["doc_id"]), i.get("before"), i.get("after"))
            for i in d.get("items", [])
        )
        undoes = d.get("undoes")
        return Entry(
            int(d["seq"]), at, str(d.get("by", "")), int(d.get("process", 0)),
            What.from_doc(d["what"]), items, int(undoes) if undoes is not None else None,
            bool(d.get("undoable", True)), int(d.get("count", len(items))),
        )  # fmt: skip
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def read_entries(table: dict[str, Any]) -> list[Entry]:
    """Every readable entry of the history table, oldest first."""
    found = (entry_from_doc(doc) for doc in table.values())
    return sorted((e for e in found if e is not None), key=lambda e: e.seq)


def next_seq(table: dict[str, Any]) -> int:
    return max((int(k) for k in table), default=0) + 1


def trimmed(table: dict[str, Any], seq: int, keep: int = KEEP) -> dict[str, None]:
    """The history documents to drop once entry `seq` is added, keeping `keep` in all."""
    return {k: None for k in table if int(k) <= seq - keep}


def undone_seqs(entries: list[Entry]) -> set[int]:
    return {e.undoes for e in entries if e.undoes is not None}


def undo_target(entries: list[Entry]) -> Entry | None:
    """The change `undo` reverts: the newest that is not an undo and not undone yet.

    So undo, undo, undo walks back one change at a time, whoever made them; an
    undo is itself listed (as "undo of ...") but never the target of an undo.
    """
    undone = undone_seqs(entries)
    for entry in reversed(entries):
        if entry.undoes is None and entry.seq not in undone:
            return entry
    return None


@dataclass(frozen=True)
class Drift:
    """A prospect that is no longer as the change to undo left it."""

    item: Item
    since: Entry | None
    """The newest later change listed for it (None: changed outside the history)."""


def drifts(entries: list[Entry], target: Entry, current: dict[str, str | None]) -> list[Drift]:
    """The items of `target` whose current digest (`current[pid]`) differs from its after."""
    found = []
    for item in target.items:
        if current.get(item.pid) != item.after:
            later = [e for e in entries if e.seq > target.seq and e.touches(item.pid)]
            found.append(Drift(item, later[-1] if later else None))
    return found
