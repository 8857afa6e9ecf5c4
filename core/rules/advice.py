"""Funnel-shape advice: codes plus the numbers behind them; the UI words them.

Thresholds come from `config.advice`. "Best few" is the reconciled set (a
best-few-section stage passing the best-few test, pipeline.py); "meetings" are
new-business meetings booked in the next 14 days (today included): none on lost or
dead deals, none with existing customers (lifecycle customer or repeat buyer, or won).
- `empty-pipeline`: no open deal at all; no other shape advice then;
- `thin-pipeline`: fewer open deals than `thin_pipeline`; numbers: open
  (the roller-coaster warning is left out: this says it);
- `prospect-more`: best few >= `many_best_few` and meetings < `few_meetings`;
  numbers: best_few, meetings, horizon_days;
- `fewer-cold-calls` [000]: meetings >= `many_appointments` and best few below
  `many_best_few` (numbers: meetings, best_few), or above holds >= `above_full` and
  best few is empty (numbers: above, best_few);
- `roller-coaster`: above holds <= `above_empty`; numbers: above;
- `weak-closing`: >= `many_meetings` deals that reached a meeting have closed (won,
  lost or dead) and the won share of them is below `weak_meeting_to_won`; deals
  still open never count; numbers: meetings (the closed ones), won, meeting_to_won;
- `cost-of-chasing` [004]: minutes logged in the quota period on deals that ended
  lost or dead; numbers: minutes, deals;
- `rebalance-time`: one item per section whose share of the last 30 days'
  logged minutes is more than `rebalance_points` off its target; numbers:
  section, actual and target (0..1), off_points (signed), minutes.
Section counts are open prospects by their stage's section.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from leadline.core.config.model import Config, Section
from leadline.core.models import Lifecycle, Outcome, Prospect
from leadline.core.rules.allocation import TimeAllocation
from leadline.core.rules.deal import stage_on

MEETINGS_HORIZON_DAYS = 14
_GONE = frozenset({Outcome.LOST.value, Outcome.DEAD.value})
_CUSTOMERS = frozenset({Lifecycle.CUSTOMER, Lifecycle.REPEAT_BUYER})

Number = int | float | str


class AdviceCode(StrEnum):
    """The kinds of shape advice."""

    EMPTY_PIPELINE = "empty-pipeline"
    THIN_PIPELINE = "thin-pipeline"
    PROSPECT_MORE = "prospect-more"
    FEWER_COLD_CALLS = "fewer-cold-calls"
    ROLLER_COASTER = "roller-coaster"
    WEAK_CLOSING = "weak-closing"
    COST_OF_CHASING = "cost-of-chasing"
    REBALANCE_TIME = "rebalance-time"


@dataclass(frozen=True)
class AdviceItem:
    """One piece of advice and its numbers (keys listed in the module docstring)."""

    code: AdviceCode
    numbers: dict[str, Number] = field(default_factory=dict)


@dataclass(frozen=True)
class PipelineShape:
    """What the shape advice reads from the funnel summary."""

    counts: Mapping[Section, int]
    """Open deals per section."""
    best_few: int
    """The reconciled best few."""
    meetings: int
    """New-business meetings booked in the next 14 days."""
    meeting_closed: tuple[int, int] = (0, 0)
    """(won, closed) of the deals that reached a meeting and have closed."""
    chasing: tuple[int, int] = (0, 0)
    """(minutes, deals) logged in the period on deals that ended lost or dead."""


def meetings_booked(prospects: Iterable[Prospect], today: date) -> int:
    """New-business meetings dated today..today+14: on prospects that are not lost or
    dead (on `today`) nor existing customers."""
    last = today + timedelta(days=MEETINGS_HORIZON_DAYS)
    return sum(
        today <= m.date <= last
        for p in prospects
        if p.meetings and stage_on(p, today) not in _GONE and not _customer_on(p, today)
        for m in p.meetings
    )


def _customer_on(p: Prospect, today: date) -> bool:
    return stage_on(p, today) == Outcome.WON or p.lifecycle in _CUSTOMERS


def _size(shape: PipelineShape, config: Config) -> list[AdviceItem]:
    open_deals = sum(shape.counts.values())
    if not open_deals:
        return [AdviceItem(AdviceCode.EMPTY_PIPELINE)]
    if open_deals < config.advice.thin_pipeline:
        return [AdviceItem(AdviceCode.THIN_PIPELINE, {"open": open_deals})]
    return []


def _shape(shape: PipelineShape, config: Config, thin: bool) -> list[AdviceItem]:
    rules = config.advice
    above, best_few, meetings = shape.counts.get(Section.ABOVE, 0), shape.best_few, shape.meetings
    found: list[AdviceItem] = []
    if best_few >= rules.many_best_few and meetings < rules.few_meetings:
        numbers = {"best_few": best_few, "meetings": meetings}
        found.append(
            AdviceItem(AdviceCode.PROSPECT_MORE, {**numbers, "horizon_days": MEETINGS_HORIZON_DAYS})
        )
    if meetings >= rules.many_appointments and best_few < rules.many_best_few:
        booked: dict[str, Number] = {"meetings": meetings, "best_few": best_few}
        found.append(AdviceItem(AdviceCode.FEWER_COLD_CALLS, booked))
    elif above >= rules.above_full and best_few == 0:
        found.append(AdviceItem(AdviceCode.FEWER_COLD_CALLS, {"above": above, "best_few": 0}))
    if above <= rules.above_empty and not thin:
        found.append(AdviceItem(AdviceCode.ROLLER_COASTER, {"above": above}))
    return found


def _closing(shape: PipelineShape, config: Config) -> list[AdviceItem]:
    won, closed = shape.meeting_closed
    if closed < config.advice.many_meetings or not closed:
        return []
    rate = won / closed
    if rate >= config.advice.weak_meeting_to_won:
        return []
    numbers: dict[str, Number] = {"meetings": closed, "won": won, "meeting_to_won": rate}
    return [AdviceItem(AdviceCode.WEAK_CLOSING, numbers)]


def _chasing(shape: PipelineShape) -> list[AdviceItem]:
    minutes, deals = shape.chasing
    if minutes <= 0:
        return []
    return [AdviceItem(AdviceCode.COST_OF_CHASING, {"minutes": minutes, "deals": deals})]


def _time(allocation: TimeAllocation, config: Config) -> list[AdviceItem]:
    found: list[AdviceItem] = []
    for entry in allocation.sections:
        off = entry.off_points
        if entry.share is None or off is None or abs(off) <= config.advice.rebalance_points:
            continue
        numbers: dict[str, Number] = {
            "section": entry.section.value,
            "actual": entry.share,
            "target": entry.target,
            "off_points": off,
            "minutes": entry.minutes,
        }
        found.append(AdviceItem(AdviceCode.REBALANCE_TIME, numbers))
    return found


def shape_advice(
    shape: PipelineShape, allocation: TimeAllocation, config: Config
) -> list[AdviceItem]:
    """All advice that applies, in the order of the codes above."""
    size = _size(shape, config)
    empty = bool(size) and size[0].code == AdviceCode.EMPTY_PIPELINE
    shaped = [] if empty else _shape(shape, config, bool(size))
    return size + shaped + _closing(shape, config) + _chasing(shape) + _time(allocation, config)
