"""One stage's prospects (Enter on a funnel stage), sortable, 10k rows without a stall.

Built on tui-work's virtualized `ProspectTable`: rows are formatted only when
drawn. `s` cycles the sort (value, time in stage, next due, ICP score), `r`
reverses it; Enter opens the prospect; `n` (app key) writes a note on the
highlighted one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from leadline.core.models import Prospect
from leadline.core.rules.icp import icp_score
from leadline.tui.screens.live import LiveScreen
from leadline.tui.text.fmt import days, deals, due_phrase, money
from leadline.tui.widgets.footer import LeadlineFooter
from leadline.tui.widgets.prospect_table import Column, LazyRows, ProspectTable, Row

COLUMNS = (
    Column("Name"),
    Column("Value", 7, "right"),
    Column("In stage", 9, "right", drop=2),
    Column("Next due", 15),
    Column("ICP", 3, "right", drop=3),
)


@dataclass(frozen=True)
class SortKey:
    """One way to order the list; `key` sorts ascending, `descending` flips it."""

    label: str
    key: Callable[[Prospect], Any]
    descending: bool


def sort_keys(today: date, icp: Callable[[Prospect], int]) -> tuple[SortKey, ...]:
    """The orders `s` cycles through; ties go by name so the order is stable."""
    return (
        SortKey("value", lambda p: (p.value, p.name), True),
        SortKey("time in stage", lambda p: ((today - p.stage_entered).days, p.name), True),
        SortKey("next due", lambda p: (p.plan.next_due or date.max, p.name), False),
        SortKey("ICP score", lambda p: (icp(p), p.name), True),
    )


def row_state(p: Prospect, today: date) -> str:
    """The table's row state: overdue or due today (marked by words and style)."""
    due = p.plan.next_due
    if due is None:
        return ""
    return "overdue" if due < today else "due" if due == today else ""


class StageListScreen(LiveScreen):
    """The prospects in one stage."""

    HELP_TITLE = "Stage list"
    FOOTER_KEYS: tuple[str, ...] = (
        "table.select",
        "stage_list.sort",
        "app.note",
        "app.help",
        "app.back",
        "app.queue",
        "app.funnel",
        "app.add",
    )
    """Footer keys, most important first (the rest follow while they fit)."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "cycle_sort", "Sort", id="stage_list.sort",
                tooltip="Sort by value, time in stage, next due, ICP score"),
        Binding("r", "reverse", "Reverse", id="stage_list.reverse", tooltip="Reverse the order",
                show=False),
        Binding("escape", "back", "Back", id="stage_list.back", tooltip="Back to the funnel",
                show=False),
    ]  # fmt: skip

    columns: tuple[Column, ...] = COLUMNS
    """The list's columns (the outcome lists show others, outcome_list.py)."""
    empty_text = "No prospects in this stage."

    def __init__(self, stage_key: str) -> None:
        super().__init__()
        self.stage_key = stage_key
        self._sort = 0
        self._reversed = False
        self._scores: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield Static("", classes="title-bar", id="stage-title")
        yield ProspectTable(self.columns, empty_text=self.empty_text, id="stage-table")
        yield LeadlineFooter()

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one(ProspectTable).focus()

    def current_prospect_id(self) -> str | None:
        """The highlighted prospect (for `n` and the command palette)."""
        return self.query_one(ProspectTable).cursor_key

    # -- rows -------------------------------------------------------------------

    def _stage_name(self) -> str:
        stage = self.leadline.config.stage(self.stage_key)
        return stage.name if stage else self.stage_key

    def worth(self, p: Prospect) -> float:
        """What the prospect counts for in the title's total."""
        return p.value

    def orders(self) -> tuple[SortKey, ...]:
        """The orders `s` cycles through."""
        return sort_keys(self.leadline.today(), self._icp)

    def _members(self) -> list[Prospect]:
        app = self.leadline
        order = self.orders()[self._sort]
        members = [p for p in app.summaries() if p.stage == self.stage_key]
        members.sort(key=order.key, reverse=order.descending != self._reversed)
        return members

    def _icp(self, p: Prospect) -> int:
        """ICP score, computed once per refresh (sorting asks many times)."""
        if p.id not in self._scores:
            self._scores[p.id] = icp_score(p, self.leadline.config)
        return self._scores[p.id]

    def _row(self, p: Prospect) -> Row:
        today, currency = self.leadline.today(), self.leadline.config.currency
        cells = (
            p.name,
            money(p.value, p.currency or currency),
            days((today - p.stage_entered).days),
            due_phrase(p.plan.next_due, today),
            str(self._icp(p)),
        )
        return Row(p.id, cells, row_state(p, today))

    def refresh_data(self) -> None:
        """Re-read, re-sort and show the rows; the cursor keeps its place."""
        self._scores = {}
        members = self._members()
        order = self.orders()[self._sort]
        arrow = "↑" if order.descending == self._reversed else "↓"
        total = money(sum(self.worth(p) for p in members), self.leadline.config.currency)
        self.query_one("#stage-title", Static).update(
            f" {self._stage_name()} · {deals(len(members))} · {total} · by {order.label} {arrow}"
        )
        self.query_one(ProspectTable).set_rows(LazyRows(members, self._row))

    # -- keys -------------------------------------------------------------------

    def action_cycle_sort(self) -> None:
        self._sort = (self._sort + 1) % len(self.orders())
        self._reversed = False
        self._restart()

    def action_reverse(self) -> None:
        self._reversed = not self._reversed
        self._restart()

    def _restart(self) -> None:
        table = self.query_one(ProspectTable)
        table.move_cursor(0)
        self.refresh_data()
        table.action_cursor_first()

    def action_back(self) -> None:
        self.dismiss()

    def on_prospect_table_highlighted(self, _message: ProspectTable.Highlighted) -> None:
        self.refresh_bindings()

    def on_prospect_table_selected(self, message: ProspectTable.Selected) -> None:
        self.leadline.open_prospect(message.key)
