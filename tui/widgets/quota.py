"""The quota bar: won, expected and the gap for the period: a bar and a line or two of words.

Won is drawn solid, expected shaded, the gap as a light track, so the three
parts stay apart in monochrome too; the words under the bar carry the amounts.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from leadline.core.rules.quota import QuotaStatus
from leadline.tui.text.fmt import money
from leadline.tui.text.quota_words import marked, needed_lines, slipped_sentence


@dataclass(frozen=True)
class QuotaView:
    """What the bar shows: core's quota status, plus the win rate and currency to word it."""

    quota: QuotaStatus
    win_rate: float
    currency: str
    lead_to_won: float = 0.0
    deal_size: float | None = None


def _cells(amount: float, total: float, width: int) -> int:
    return round(width * amount / total) if total > 0 else 0


def quota_bar(view: QuotaView, width: int) -> Content:
    """`Quota 2026-Q4 €120k ███▓▓▓░░░ 61%`, fitted to `width`."""
    q = view.quota
    head = f" Quota {q.label} {money(q.target, view.currency)} "
    done = q.won + q.expected
    percent = f" {done / q.target:.0%}" if q.target > 0 else ""
    bar = max(4, width - len(head) - len(percent) - 1)
    total = max(q.target, done)
    won = min(bar, _cells(q.won, total, bar))
    expected = min(bar - won, _cells(q.expected, total, bar))
    return Content.assemble(
        (head, "bold"),
        ("█" * won, "$state-won"),
        ("▓" * expected, "$tone-warm"),
        ("░" * (bar - won - expected), "$state-warning"),
        percent,
    )


def quota_words(view: QuotaView) -> Content:
    """Won, expected and gap in words; with a gap, a line on the new pipeline it needs;
    a line on the slipped deals when there are some."""
    q, cur = view.quota, view.currency
    expected = marked(q.expected, cur, q.expected_estimated)
    text = f" won {money(q.won, cur)} ({q.won_deals}) · expected {expected} ({q.expected_deals}) · "
    slipped = slipped_sentence(q.slipped_deals, q.slipped, cur)
    extra = [Content.styled(f" {slipped}", "$state-warning")] if slipped else []
    if q.gap <= 0:
        return Content("\n").join(
            [Content.assemble(text, ("quota covered", "$state-won bold")), *extra]
        )
    gap = Content.assemble(text, (f"gap {money(q.gap, cur)}", "$state-warning bold"))
    need = needed_lines(
        q.new_pipeline_needed, view.win_rate, q.new_leads_needed, view.lead_to_won,
        view.deal_size, cur,
    )  # fmt: skip
    return Content("\n").join([gap, *(Content(f" {line}") for line in need), *extra])


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

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Measured at the width layout offers. Textual's default renders first, and
        # render() asks for this widget's region, which while the screen is being
        # laid out costs a second arrangement of the whole screen.
        return len(self._content(width).wrap(width)) if width else 0

    def render(self) -> Content:
        return self._content(self.size.width)

    def _content(self, width: int) -> Content:
        width = max(10, width or 80)
        return Content("\n").join([quota_bar(self.view, width), quota_words(self.view)])
