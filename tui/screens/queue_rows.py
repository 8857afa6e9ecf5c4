"""Queue items as table rows and as the one-line explanation under the list.

Kept apart from the screen so the wording can be tested without an app.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from leadline.core.config.model import Config
from leadline.core.rules.queue import QueueItem, Reason
from leadline.core.rules.reach import reach_for
from leadline.tui.dialogs.base import stage_label
from leadline.tui.text import words
from leadline.tui.text.fmt import ago, cell_width, due_phrase, money
from leadline.tui.text.queue_words import due_cell
from leadline.tui.widgets.prospect_table import Column, Row

CONTACT_LABEL = "Contact"
CONTACT_MAX = 24
"""Cells the contact column may take: a longer name is cut here and shown whole in the
line under the list."""


def queue_columns(contact_width: int = len(CONTACT_LABEL)) -> tuple[Column, ...]:
    """The queue's columns, the contact's as wide as its longest name (up to CONTACT_MAX):
    on a narrow screen the channel goes first, then the stage, then (below 60 columns)
    the contact, whom the line under the list still names."""
    width = max(len(CONTACT_LABEL), min(CONTACT_MAX, contact_width))
    return (
        Column("Name"),
        Column(CONTACT_LABEL, width, drop=1),
        Column("Stage", 14, drop=2),
        Column("Value", 7, "right"),
        Column("Due", 16),
        Column("Channel", 10, drop=3),
    )


QUEUE_COLUMNS = queue_columns()
CONTACT_CELL = 1
"""Index of the contact's cell in a row."""


def contact_width(rows: Sequence[Row]) -> int:
    """Cells the longest contact name in `rows` takes."""
    return max((cell_width(r.cells[CONTACT_CELL]) for r in rows if not r.heading), default=0)


ROW_STATES = {
    Reason.OVERDUE: "overdue",
    Reason.DUE: "due",
    Reason.SOON: "soon",
    Reason.STOP_FOLLOWING: "warning",
    Reason.NO_NEXT_STEP: "warning",
    Reason.MEETING_OUTCOME: "due",
    Reason.FIRST_CONTACT: "due",
}


def name_cell(item: QueueItem) -> str:
    """The prospect's name, with the meeting's title when the meeting names no contact
    (the person is in the contact column)."""
    name = item.prospect.name
    m = item.meeting
    if m is not None and not m.contact and m.title:
        return f"{name}: {m.title}"
    return name


def item_row(item: QueueItem, config: Config, today: date) -> Row:
    """One queue item as a table row."""
    p = item.prospect
    cells = (
        name_cell(item),
        reach_for(item, config).name,
        stage_label(config, p.stage),
        money(p.value, p.currency or config.currency),
        due_cell(item, today),
        item.channel,
    )
    return Row(p.id, cells, ROW_STATES.get(item.reason, ""))


def group_rows(
    queue: Sequence[tuple[QueueItem, Row]],
) -> tuple[list[QueueItem | None], list[Row]]:
    """Rows under one heading per reason, in `words.REASON_ORDER`; items aligned with rows.

    `queue` is core's queue in its order, each item with its row (`item_row`).
    """
    groups: dict[str, list[tuple[QueueItem, Row]]] = {reason: [] for reason in words.REASON_ORDER}
    for item, row in queue:
        groups.setdefault(str(item.reason), []).append((item, row))
    items: list[QueueItem | None] = []
    rows: list[Row] = []
    for reason, group in groups.items():
        if not group:
            continue
        title = words.REASON_TITLES.get(reason, reason)
        items.append(None)
        rows.append(Row("", (f"{title} · {len(group)}",), heading=True))
        for item, row in group:
            items.append(item)
            rows.append(row)
    return items, rows


def explain(item: QueueItem, config: Config, today: date) -> str:
    """One line on why the selected item is in the queue."""
    p = item.prospect
    if item.reason == Reason.STOP_FOLLOWING and item.stop is not None:
        return "Stop? " + words.stop_sentence(item.stop, short=True)
    if item.reason == Reason.MEETING_REMINDER and item.meeting is not None:
        m = item.meeting
        what = " ".join(part for part in (m.title, m.time) if part) or "meeting"
        return f"Confirm {what} {due_phrase(m.date, today)} with {m.contact or p.name}."
    if item.reason == Reason.BIRTHDAY:
        occasion = item.occasion or "birthday"
        return f"Send {item.detail or 'them'} a card: {occasion} {due_phrase(item.due, today)}."
    if item.reason == Reason.MEETING_OUTCOME and item.meeting is not None:
        m = item.meeting
        what = m.title or "the meeting"
        return f"{what} was {ago(m.date, today)}: log how it went and the next step (l)."
    if item.reason == Reason.FIRST_CONTACT:
        return f"No touch logged for {p.name} yet: make first contact, then log it (l)."
    if item.reason == Reason.NO_NEXT_STEP:
        return "No follow-up date: log a touch (l) or set one (r)."
    if item.reason == Reason.NURTURE:
        return f"Nurture: a slow touch by {item.channel}."
    interval = p.plan.interval_days
    agreed = (
        f"every {interval} days, agreed" if p.plan.agreed and interval else "no agreed interval"
    )
    touches = "1 touch" if len(p.touches) == 1 else f"{len(p.touches)} touches"
    return f"{stage_label(config, p.stage)} · plan: {agreed} · {touches} so far."
