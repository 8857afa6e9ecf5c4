"""The follow-up queue (key `t`): today's work, grouped by reason, one key per action.

Rows come from core's `build_follow_up_queue`, grouped under headings in the
order of `leadline.tui.text.words.REASON_ORDER` (overdue first). Each row: name, whom to
contact (core's `rules.reach`), stage, value, due ("3 days overdue", "today", "in 2 days"),
channel. The lines under the list explain the selected item (why stop, which meeting,
whose birthday) and say how to reach the person ("Call Anna Nowak: +48 …"; `c` copies it).
After an action the queue is rebuilt (only the changed prospect's items are
made again, see memo.py) and the cursor stays at the same position, so the
next item slides under it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from leadline.core.models import Prospect
from leadline.core.rules.queue import QueueItem, Reason
from leadline.core.rules.reach import Reach, reach_for
from leadline.tui.dialogs.base import api
from leadline.tui.screens.actions import PROSPECT_BINDINGS, ProspectActionsScreen
from leadline.tui.screens.queue_rows import (
    QUEUE_COLUMNS,
    contact_width,
    explain,
    group_rows,
    queue_columns,
)
from leadline.tui.text.queue_words import queue_title
from leadline.tui.text.reach_words import sentence
from leadline.tui.text.safe import safe
from leadline.tui.widgets.footer import LeadlineFooter
from leadline.tui.widgets.prospect_table import ProspectTable

DATE_ACTIONS = frozenset({"snooze", "reschedule"})
"""Actions on the follow-up date: pointless on a birthday or meeting reminder item."""


class QueueScreen(ProspectActionsScreen):
    """Today's follow-up queue."""

    SCOPED_CSS = False
    DEFAULT_CSS = """
    QueueScreen #queue-title { height: 1; padding: 0 1; text-style: bold; background: $panel; }
    QueueScreen #queue-why { height: 1; padding: 0 1; color: $text-muted; }
    QueueScreen #queue-reach { height: 1; padding: 0 1; }
    """
    HELP_TITLE = "Today's queue"
    FOOTER_KEYS = (
        "prospect.log_touch",
        "prospect.note",
        "prospect.snooze",
        "prospect.advance",
        "prospect.stop",
        "prospect.copy",
        "table.select",
        "app.help",
        "app.back",
        "app.funnel",
        "app.add",
    )
    """Footer keys, most important first (the rest follow while they fit)."""
    BINDINGS = PROSPECT_BINDINGS

    def __init__(self) -> None:
        super().__init__()
        self.items: list[QueueItem | None] = []
        """One entry per table row (None for a heading row)."""

    def compose(self) -> ComposeResult:
        yield Static(id="queue-title")
        yield ProspectTable(QUEUE_COLUMNS, empty_text="Nothing to follow up today.", id="queue")
        yield Static(id="queue-why")
        yield Static(id="queue-reach")
        yield LeadlineFooter(compact=True)

    @property
    def table(self) -> ProspectTable:
        return self.query_one("#queue", ProspectTable)

    def on_mount(self) -> None:
        self.refresh_data()
        self.table.focus()

    def refresh_data(self) -> None:
        """Rebuild the queue from the stored prospects; keep the cursor's position."""
        app = self.leadline
        today = app.today()
        queue = app.memo.queue(app.summaries(), app.config, today)
        self.items, rows = group_rows(queue)
        self.table.columns = queue_columns(contact_width(rows))
        self.table.set_rows(rows)
        overdue = sum(1 for item, _ in queue if item.reason == Reason.OVERDUE)
        title = queue_title(today, len(queue))
        if overdue:
            title += f" · {overdue} overdue"
        self.query_one("#queue-title", Static).update(Content(title))
        self._explain()

    def selected_item(self) -> QueueItem | None:
        """The queue item under the cursor."""
        if not self.items:  # nothing shown yet (the footer may ask before the first rows)
            return None
        index = self.table.cursor
        return self.items[index] if 0 <= index < len(self.items) else None

    def context_pid(self) -> str | None:
        item = self.selected_item()
        return item.prospect.id if item else None

    def allows(self, action: str, p: Prospect) -> bool:
        item = self.selected_item()
        if item is not None and action in DATE_ACTIONS:
            if item.reason in (Reason.BIRTHDAY, Reason.MEETING_REMINDER):
                return False
        return super().allows(action, p)

    def context_reach(self) -> Reach | None:
        item = self.selected_item()
        return reach_for(item, api(self).config) if item else None

    def touch_defaults(self) -> dict[str, object]:
        item = self.selected_item()
        return {"channel": item.channel} if item and item.channel else {}

    def _explain(self) -> None:
        item = self.selected_item()
        text = explain(item, api(self).config, api(self).today()) if item else ""
        self.query_one("#queue-why", Static).update(Content(text))
        reach = self.context_reach()
        how = safe(sentence(reach)) if reach else ""
        self.query_one("#queue-reach", Static).update(Content(how))

    def on_prospect_table_highlighted(self, _: ProspectTable.Highlighted) -> None:
        self._explain()
        self.refresh_bindings()

    def on_prospect_table_selected(self, event: ProspectTable.Selected) -> None:
        event.stop()
        self._open(event.key)

    def _open(self, pid: str) -> None:
        from leadline.tui.screens.detail import DetailScreen  # noqa: PLC0415 - avoids a cycle

        self.app.push_screen(DetailScreen(pid))
