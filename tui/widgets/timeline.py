"""Touches and notes as one timeline, newest first, with humanized dates.

A touch has only a day, a note a time of day; on the same day notes sort by
time and touches after them (a call is usually logged once it ended).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from rich.table import Table
from rich.text import Text

from leadline.core.models import Prospect
from leadline.tui.text.fmt import ago
from leadline.tui.text.labels import TOUCH_OUTCOME_LABELS


@dataclass(frozen=True)
class Entry:
    """One line of the timeline."""

    at: datetime
    kind: str
    text: str


def timeline_entries(p: Prospect) -> list[Entry]:
    """Every touch and note of `p`, newest first."""
    entries = [Entry(n.at, "note", n.text) for n in p.notes]
    for t in p.touches:
        parts = [TOUCH_OUTCOME_LABELS[t.outcome]]
        if t.minutes:
            parts.append(f"{t.minutes} min")
        if t.note:
            parts.append(t.note)
        entries.append(Entry(datetime.combine(t.date, time.max), t.channel, " · ".join(parts)))
    return sorted(entries, key=lambda e: e.at, reverse=True)


def when(entry: Entry, today: date) -> str:
    """ "today 14:05", "yesterday", "3 days ago"."""
    phrase = ago(entry.at.date(), today)
    if entry.kind == "note" and entry.at.date() == today:
        return f"{phrase} {entry.at:%H:%M}"
    return phrase


def timeline_table(p: Prospect, today: date, limit: int | None = None) -> Table | Text:
    """The timeline as a three-column grid (when, what, text); the text column wraps."""
    entries = timeline_entries(p)[:limit]
    if not entries:
        return Text("No touches or notes yet.", style="italic")
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=13, no_wrap=True)
    grid.add_column(width=10, no_wrap=True)
    grid.add_column(ratio=1)
    for entry in entries:
        grid.add_row(when(entry, today), entry.kind, entry.text)
    return grid
