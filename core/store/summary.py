"""What a change did, in short and typed, found by comparing prospect documents.

The history lists each change as a `What` (the text layer words it: "note added",
"stage Qualified -> Demo", "fields changed: value, currency"). It is computed
from the documents before and after the save, so every save is described the
same way whoever made it, with no caller having to say.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from leadline.core.store.datafile import materialize


class Kind(StrEnum):
    ADDED = "added"
    DELETED = "deleted"
    NOTE = "note"
    TOUCH = "touch"
    MEETING = "meeting"
    CONTACT = "contact"
    STAGE = "stage"
    FIELDS = "fields"
    NOTHING = "nothing"
    MANY = "many"
    MERGED = "merged"
    UNDO = "undo"
    RESTORE = "restore"


@dataclass(frozen=True)
class What:
    """A change in short. Which fields carry meaning depends on `kind`."""

    kind: Kind
    fields: tuple[str, ...] = ()
    """FIELDS: the top-level fields that changed."""
    stage_from: str = ""
    stage_to: str = ""
    other: str = ""
    """MERGED: the name of the prospect merged away; RESTORE: the backup's file name."""
    added: int = 0
    """MANY: how many prospects were added, changed and deleted."""
    changed: int = 0
    deleted: int = 0
    of: What | None = None
    """UNDO: what the undone change did."""

    def to_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"kind": self.kind.value}
        for key in ("stage_from", "stage_to", "other", "added", "changed", "deleted"):
            if getattr(self, key):
                doc[key] = getattr(self, key)
        if self.fields:
            doc["fields"] = list(self.fields)
        if self.of is not None:
            doc["of"] = self.of.to_doc()
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> What:
        of = doc.get("of")
        return cls(
            Kind(doc["kind"]), tuple(str(f) for f in doc.get("fields", ())),
            str(doc.get("stage_from", "")), str(doc.get("stage_to", "")),
            str(doc.get("other", "")), int(doc.get("added", 0)), int(doc.get("changed", 0)),
            int(doc.get("deleted", 0)), cls.from_doc(of) if isinstance(of, dict) else None,
        )  # fmt: skip


_QUIET = {"updated"}
"""Fields every save changes: never worth naming."""
_LISTS = (("notes", Kind.NOTE), ("touches", Kind.TOUCH), ("meetings", Kind.MEETING),
          ("contacts", Kind.CONTACT))  # fmt: skip


def summarize(before: Any, after: Any) -> What:
    """What the change from document `before` to `after` did (None = no document)."""
    if before is None:
        return What(Kind.ADDED)
    if after is None:
        return What(Kind.DELETED)
    old, new = materialize(before), materialize(after)
    names = sorted(k for k in set(old) | set(new) if k not in _QUIET and old.get(k) != new.get(k))
    if not names:
        return What(Kind.NOTHING)
    if "stage" in names:
        return What(Kind.STAGE, stage_from=str(old.get("stage")), stage_to=str(new.get("stage")))
    for key, kind in _LISTS:
        if key in names and len(new.get(key) or ()) > len(old.get(key) or ()):
            return What(kind)
    return What(Kind.FIELDS, fields=tuple(names))


def summarize_many(pairs: list[tuple[Any, Any]]) -> What:
    """What one save of several prospects did (each pair: before, after)."""
    if len(pairs) == 1:
        return summarize(*pairs[0])
    added = sum(1 for before, _ in pairs if before is None)
    deleted = sum(1 for before, after in pairs if before is not None and after is None)
    return What(Kind.MANY, added=added, deleted=deleted, changed=len(pairs) - added - deleted)
