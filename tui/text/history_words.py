"""The history and undo in words, the same for `leadline history`/`undo` and the TUI.

"2026-12-03 10:02  Acme Ltd  note added  leadline note". Names and actors come
from the data file: the caller's sanitiser shows them (CLI stream, screens).
No Textual here.
"""

from __future__ import annotations

from typing import Any

from leadline.core.config.model import Config
from leadline.core.store.changes import UndoPlan
from leadline.core.store.history import Drift, Entry
from leadline.core.store.summary import Kind, What
from leadline.tui.text.fmt import moment_text
from leadline.tui.text.labels import stage_label

_SIMPLE = {
    Kind.ADDED: "added", Kind.DELETED: "deleted", Kind.NOTE: "note added",
    Kind.TOUCH: "touch logged", Kind.MEETING: "meeting added", Kind.CONTACT: "contact added",
    Kind.NOTHING: "saved (nothing changed)",
}  # fmt: skip


NOBODY = "-"
"""Who a change touched when it names no prospect (a restore)."""


def what_text(what: What, config: Config) -> str:
    """A change in a few words: "note added", "stage Qualified -> Demo"."""
    if what.kind in _SIMPLE:
        return _SIMPLE[what.kind]
    if what.kind == Kind.STAGE:
        old, new = stage_label(config, what.stage_from), stage_label(config, what.stage_to)
        return f"stage {old} -> {new}"
    if what.kind == Kind.FIELDS:
        return f"changed {', '.join(f.replace('_', ' ') for f in what.fields)}"
    if what.kind == Kind.MERGED:
        return f"merged {what.other} into it"
    if what.kind == Kind.UNDO:
        return f"undo of {what_text(what.of, config) if what.of else 'a change'}"
    if what.kind == Kind.RESTORE:
        return f"backup {what.other} restored"
    counts = ((what.added, "added"), (what.changed, "changed"), (what.deleted, "deleted"))
    parts = [f"{n} {word}" for n, word in counts if n]
    return ", ".join(parts) or "several changed"


def when_text(entry: Entry) -> str:
    return moment_text(entry.at) if entry.at is not None else "(no time)"


def who_text(entry: Entry) -> str:
    """The prospect or prospects a change touched."""
    names = entry.names()
    if entry.count > 3 or (entry.count > len(names) and names):
        return f"{entry.count} prospects"
    return ", ".join(names) or NOBODY


def entry_line(entry: Entry, config: Config) -> str:
    """One history line: when, which prospect, what, by which command or screen."""
    tail = "" if entry.undoable else "  (not undoable: leadline restore puts a backup back)"
    return (f"#{entry.seq:<4} {when_text(entry)}  {who_text(entry)}  "
            f"{what_text(entry.what, config)}  {entry.by}{tail}")  # fmt: skip


def entry_json(entry: Entry, config: Config) -> dict[str, Any]:
    return {
        "seq": entry.seq, "at": entry.at.isoformat() if entry.at else None, "by": entry.by,
        "what": what_text(entry.what, config), "kind": entry.what.kind.value,
        "prospects": [{"id": i.pid, "name": i.name} for i in entry.items],
        "count": entry.count, "undoes": entry.undoes, "undoable": entry.undoable,
    }  # fmt: skip


def change_text(entry: Entry, config: Config) -> str:
    """ "note added on Acme Ltd, made by leadline note at 2026-12-03 10:02" ("66 added, made
    by leadline import at ..." for a save of several prospects)."""
    who = who_text(entry)
    where = "" if entry.what.kind == Kind.MANY or who == NOBODY else f" on {who}"
    return f"{what_text(entry.what, config)}{where}, made by {entry.by} at {when_text(entry)}"


def undone_text(plan: UndoPlan, config: Config) -> str:
    return f"Undid {change_text(plan.target, config)}."


def undo_question(plan: UndoPlan, config: Config) -> str:
    return f"Undo {change_text(plan.target, config)}?"


def drift_text(found: list[Drift], config: Config) -> str:
    """Why undo refused: which prospect changed since, how, when and by whom."""
    parts = []
    for d in found:
        if d.since is None:
            parts.append(f"{d.item.name} was changed since outside leadline's history")
        else:
            since = d.since
            parts.append(f"{d.item.name} was changed since: {what_text(since.what, config)} "
                         f"by {since.by} at {when_text(since)}")  # fmt: skip
    return "; ".join(parts)
