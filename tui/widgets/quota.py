"""The quota bar: won, expected and the gap for the period: a bar and a line or two of words.

Won is drawn solid, expected shaded, the gap as a light track, so the three
parts stay apart in monochrome too; the words under the bar carry the amounts.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widget import Widget

from leadline.tui.fmt import money


@dataclass(frozen=True)
class QuotaView:
    """The figures the bar shows (from core's quota status and win rate)."""

    label: str
    target: float
    won: float
    won_deals: int
    expected: float
    expected_deals: int
    gap: float
    new_pipeline_needed: float | None
    win_rate: float
    currency: str


def _cells(amount: float, total: float, width: int) -> int:
    return round(width * amount / total) if total > 0 else 0


def quota_bar(view: QuotaView, width: int) -> Content:
    """`Quota 2026-Q4 €120k ███▓▓▓░░░ 61%`, fitted to `width`."""
    head = f" Quota {view.label} {money(view.target, view.currency)} "
    done = view.won + view.expected
    percent = f" {done / view.target:.0%}" if view.target > 0 else ""
    bar = max(4, width - len(head) - len(percent) - 1)
    total = max(view.target, done)
    won = min(bar, _cells(view.won, total, bar))
    expected = min(bar - won, _cells(view.expected, total, bar))
    return Content.assemble(
        (head, "bold"),
        ("█" * won, "$state-won"),
        ("▓" * expected, "$tone-warm"),
        ("░" * (bar - won - expected), "$state-warning"),
        percent,
    )


def quota_words(view: QuotaView) -> Content:
    """Won, expected and gap in words; with a gap, a line on the new pipeline it needs."""
    cur = view.currency
    text = (
        f" won {money(view.won, cur)} ({view.won_deals}) · "
        f"expected {money(view.expected, cur)} ({view.expected_deals}) · "
    )
    if view.gap <= 0:
        return Content.assemble(text, ("quota covered", "$state-won bold"))
    gap = Content.assemble(text, (f"gap {money(view.gap, cur)}", "$state-warning bold"))
    if view.new_pipeline_needed is None:
        need = " No deal won yet, so the new pipeline the gap needs cannot be sized."
    else:
        need = (
            f" The gap needs {money(view.new_pipeline_needed, cur)} of new pipeline "
            f"at your {view.win_rate:.0%} win rate."
        )
    return Content("\n").join([gap, Content(need)])


class QuotaBar(Widget):
    """The bar, then the amounts in words (wrapped when narrow)."""

    DEFAULT_CSS = """
    QuotaBar { height: auto; width: 1fr; }
    """

    def __init__(self, view: QuotaView, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.view = view

    def update(self, view: QuotaView) -> None:
        self.view = view
        self.refresh(layout=True)

    def render(self) -> Content:
        width = max(10, self.size.width or 80)
        return Content("\n").join([quota_bar(self.view, width), quota_words(self.view)])
