"""The funnel's sums over each prospect's parts, for the day they were made for.

Money is added in the prospects' order, one value after the other, exactly as
the figures built from the prospects themselves add it (floats: the order is
part of the result). Whatever depends on the day was decided when the parts
were made; only the best-few test waits for the whole list (it needs the
normal cycle).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from leadline.core.config.model import Config, Section
from leadline.core.rules.allocation import WINDOW_DAYS
from leadline.core.rules.conversion import Path
from leadline.core.rules.funnel.parts import ProspectParts
from leadline.core.rules.quota import QuotaTally, period_bounds

Row = tuple[int, float, float]
"""count, value, weighted value."""

_ZERO: Row = (0, 0.0, 0.0)


@dataclass(frozen=True)
class Tally:
    """The sums `summarize_parts` builds the summary from."""

    totals: dict[str, Row]
    """Stage key or outcome -> its row."""
    won: int
    lost: int
    cycle_days: list[int]
    paths: Counter[Path]
    quota: QuotaTally
    closes: list[tuple[str, date]]
    """(id, expected close) of open prospects closing from today on, in order."""
    meetings: int
    window_start: date
    minutes: dict[Section | None, int]


def tally_parts(parts: Sequence[ProspectParts], config: Config, today: date) -> Tally:
    """Add up `parts` (in the prospects' order), made for `config` and `today`."""
    totals: dict[str, Row] = {}
    won = lost = meetings = won_deals = expected_deals = 0
    quota_won = expected = 0.0
    cycle_days: list[int] = []
    closes: list[tuple[str, date]] = []
    minutes: dict[Section | None, int] = {}
    for part in parts:
        stage, value, weighted = part.stage, part.value, part.weighted
        count, total, total_weighted = totals.get(stage, _ZERO)
        totals[stage] = (count + 1, total + value, total_weighted + weighted)
        if part.won:
            won += part.won
            if part.cycle_days is not None:
                cycle_days.append(part.cycle_days)
            if part.won_in_period:
                quota_won += value
                won_deals += 1
        lost += part.lost
        if part.expected_in_period:
            expected += weighted
            expected_deals += 1
        if part.close_ahead is not None:
            closes.append((part.id, part.close_ahead))
        meetings += part.meetings
        for section, spent in part.minutes:
            minutes[section] = minutes.get(section, 0) + spent
    start, end = period_bounds(today, config.quota.period)
    return Tally(
        totals=totals,
        won=won,
        lost=lost,
        cycle_days=cycle_days,
        paths=Counter([part.path for part in parts]),
        quota=QuotaTally(start, end, quota_won, won_deals, expected, expected_deals),
        closes=closes,
        meetings=meetings,
        window_start=today - timedelta(days=WINDOW_DAYS - 1),
        minutes=minutes,
    )
