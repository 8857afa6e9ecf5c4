"""The won, lost, nurture and dead prospects, browsable like a stage (`o` on the funnel).

Each outcome shows what matters about it: a win its day and value, a loss or a
death its day and reason, nurture the next slow touch. `o` goes on to the next
outcome (won → lost → nurture → dead → won), `s` sorts (latest first, value,
name), Enter opens the prospect, as in a stage list.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from leadline.core.models import OUTCOME_ORDER, Outcome, Prospect
from leadline.core.rules.outcomes import last_closing, nurture_due
from leadline.tui.screens.stage_list import SortKey, StageListScreen
from leadline.tui.text.fmt import ago, due_phrase, money
from leadline.tui.text.labels import stage_label
from leadline.tui.widgets.prospect_table import Column, Row

OUTCOMES = OUTCOME_ORDER
"""The lists `o` cycles through, in the funnel's order."""

_DATE = Column("Since", 14)
COLUMNS: dict[str, tuple[Column, ...]] = {
    "won": (Column("Name"), Column("Won value", 9, "right"), Column("Won", 14)),
    "lost": (Column("Name"), Column("Value", 7, "right"), Column("Lost", 14), Column("Reason")),
    "dead": (Column("Name"), Column("Value", 7, "right"), Column("Dead", 14), Column("Reason")),
    "nurture": (Column("Name"), Column("Value", 7, "right"), _DATE, Column("Next touch", 16)),
}


class OutcomeListScreen(StageListScreen):
    """The prospects with one outcome."""

    HELP_TITLE = "Outcome list"
    FOOTER_KEYS = tuple(
        {"stage_list.sort": "outcome_list.sort"}.get(key, key)
        for key in ("table.select", "outcome_list.next", *StageListScreen.FOOTER_KEYS[1:])
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "next_outcome", "Next outcome", id="outcome_list.next",
                tooltip="Won, lost, nurture, dead in turn"),
        Binding("s", "cycle_sort", "Sort", id="outcome_list.sort",
                tooltip="Sort by the latest, the value, the name"),
    ]  # fmt: skip

    def __init__(self, outcome: str) -> None:
        super().__init__(outcome)
        self.columns = COLUMNS.get(outcome, COLUMNS["won"])
        self.empty_text = f"No {outcome} prospects."

    def _stage_name(self) -> str:
        return stage_label(self.leadline.config, self.stage_key)

    def worth(self, p: Prospect) -> float:
        """A win counts for the value it was won at; anything else for its value."""
        if self.stage_key != Outcome.WON:
            return p.value
        closing = last_closing(p, self.leadline.config, self.leadline.today())
        return closing.value if closing is not None and closing.outcome == "won" else p.value

    def orders(self) -> tuple[SortKey, ...]:
        return (
            SortKey("latest", lambda p: (p.stage_entered, p.name), True),
            SortKey("value", lambda p: (self.worth(p), p.name), True),
            SortKey("name", lambda p: p.name.casefold(), False),
        )

    def _row(self, p: Prospect) -> Row:
        app = self.leadline
        today, currency = app.today(), p.currency or app.config.currency
        since = ago(p.stage_entered, today)
        if self.stage_key == Outcome.WON:
            cells: tuple[str, ...] = (p.name, money(self.worth(p), currency), since)
            return Row(p.id, cells, "won")
        if self.stage_key == Outcome.NURTURE:
            due = nurture_due(p, app.config)
            cells = (p.name, money(p.value, currency), since, due_phrase(due, today))
            return Row(p.id, cells, "overdue" if due < today else "")
        reason = " ".join(p.lost_reason.split()) or "no reason given"
        return Row(p.id, (p.name, money(p.value, currency), since, reason), "muted")

    def action_next_outcome(self) -> None:
        """Show the next outcome's list in place of this one."""
        at = OUTCOMES.index(self.stage_key) if self.stage_key in OUTCOMES else -1
        self.app.switch_screen(OutcomeListScreen(OUTCOMES[(at + 1) % len(OUTCOMES)]))
