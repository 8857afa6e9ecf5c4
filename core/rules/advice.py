"""Funnel-shape advice: codes plus the numbers behind them; the UI words them.

Thresholds come from `config.advice`:
- `prospect-more`: best_few holds >= `many_best_few` prospects and fewer than
  `few_meetings` meetings are booked in the next 14 days (today included);
  numbers: best_few, meetings, horizon_days;
- `fewer-cold-calls`: above holds >= `above_full` and best_few is empty;
  numbers: above, best_few;
- `roller-coaster`: above holds <= `above_empty`; numbers: above;
- `weak-closing`: >= `many_meetings` prospects entered the meeting stage and the
  meeting-to-won share is below `weak_meeting_to_won`; numbers: meetings, won,
  meeting_to_won (0..1);
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
from leadline.core.models import Outcome, Prospect
from leadline.core.rules.allocation import TimeAllocation
from leadline.core.rules.history import Conversion

MEETINGS_HORIZON_DAYS = 14
_GONE = frozenset({Outcome.LOST.value, Outcome.DEAD.value})

Number = int | float | str


class AdviceCode(StrEnum):
    """The kinds of shape advice."""

    PROSPECT_MORE = "prospect-more"
    FEWER_COLD_CALLS = "fewer-cold-calls"
    ROLLER_COASTER = "roller-coaster"
    WEAK_CLOSING = "weak-closing"
    REBALANCE_TIME = "rebalance-time"


@dataclass(frozen=True)
class AdviceItem:
    """One piece of advice and its numbers (keys listed in the module docstring)."""

    code: AdviceCode
    numbers: dict[str, Number] = field(default_factory=dict)


def meetings_booked(prospects: Iterable[Prospect], today: date) -> int:
    """Meetings dated today..today+14 on prospects that are not lost or dead."""
    last = today + timedelta(days=MEETINGS_HORIZON_DAYS)
    return sum(
        today <= m.date <= last
        for p in prospects
        if p.meetings and p.stage not in _GONE
        for m in p.meetings
    )


def _shape(counts: Mapping[Section, int], meetings: int, config: Config) -> list[AdviceItem]:
    rules = config.advice
    above, best_few = counts.get(Section.ABOVE, 0), counts.get(Section.BEST_FEW, 0)
    found: list[AdviceItem] = []
    if best_few >= rules.many_best_few and meetings < rules.few_meetings:
        numbers = {"best_few": best_few, "meetings": meetings}
        found.append(
            AdviceItem(AdviceCode.PROSPECT_MORE, {**numbers, "horizon_days": MEETINGS_HORIZON_DAYS})
        )
    if above >= rules.above_full and best_few == 0:
        found.append(AdviceItem(AdviceCode.FEWER_COLD_CALLS, {"above": above, "best_few": 0}))
    if above <= rules.above_empty:
        found.append(AdviceItem(AdviceCode.ROLLER_COASTER, {"above": above}))
    return found


def _closing(meeting_to_won: Conversion | None, config: Config) -> list[AdviceItem]:
    if meeting_to_won is None or meeting_to_won.rate is None:
        return []
    if meeting_to_won.entered < config.advice.many_meetings:
        return []
    if meeting_to_won.rate >= config.advice.weak_meeting_to_won:
        return []
    numbers: dict[str, Number] = {
        "meetings": meeting_to_won.entered,
        "won": meeting_to_won.converted,
        "meeting_to_won": meeting_to_won.rate,
    }
    return [AdviceItem(AdviceCode.WEAK_CLOSING, numbers)]


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
    counts: Mapping[Section, int],
    meetings: int,
    meeting_to_won: Conversion | None,
    allocation: TimeAllocation,
    config: Config,
) -> list[AdviceItem]:
    """All advice that applies, in the order of the codes above."""
    return (
        _shape(counts, meetings, config)
        + _closing(meeting_to_won, config)
        + _time(allocation, config)
    )
