"""A queue item's due phrase, as the TUI's Due column and `leadline queue` both show it:
"3 days overdue", "today", "meeting tomorrow", "met yesterday", "stop → nurture?"."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from leadline.tui.text.fmt import ago, day_text, due_phrase

if TYPE_CHECKING:
    from leadline.core.rules.queue import QueueItem


def due_cell(item: QueueItem, today: date) -> str:
    """The Due column: "3 days overdue", "today", "in 2 days", "stop → nurture?"."""
    reason = str(item.reason)
    if reason == "stop-following" and item.proposed_exit is not None:
        return f"stop → {item.proposed_exit.value}?"
    if reason == "meeting-reminder" and item.meeting is not None:
        return f"meeting {due_phrase(item.meeting.date, today)}"
    if reason == "meeting-outcome" and item.meeting is not None:
        return f"met {ago(item.meeting.date, today)}"
    return due_phrase(item.due, today)


def queue_title(today: date, count: int) -> str:
    """The queue's heading, on screen and in the CLI: "Today · Thu 3 Dec 2026 · 5 to do"."""
    return f"Today · {day_text(today)} · {count} to do"
