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
from dataclasses import dataclass, field
from datetime import date, timedelta

from leadline.core.config.model import Config, Section
from leadline.core.rules.allocation import WINDOW_DAYS
from leadline.core.rules.conversion import Path
from leadline.core.rules.funnel.parts import Counts, ProspectParts
from leadline.core.rules.icp_learning import IcpCounts
from leadline.core.rules.quota import QuotaTally, period_bounds

Row = tuple[int, float, float, int]
"""count, value, weighted value, deals valued at their budget."""

_ZERO: Row = (0, 0.0, 0.0, 0)


@dataclass(frozen=True)
class Tally:
    """The sums `summarize_parts` builds the summary from."""

    totals: dict[str, Row]
    """Stage key or outcome -> its row."""
    funnel_closed: Counts
    all_closed: Counts
    won_values: list[float]
    open_values: list[float]
    """Estimated values of the open deals (the deal size's fallback)."""
    cycle_days: list[int]
    paths: Counter[Path]
    quota: QuotaTally
    closes: list[tuple[str, date | None, bool]]
    """(id, expected close, in a best-few stage) of open prospects, in order."""
    meetings: int
    window_start: date
    minutes: dict[Section | None, int]
    chasing: tuple[int, int] = (0, 0)
    meeting_closed: tuple[int, int] = (0, 0)
    icp: list[IcpCounts] = field(default_factory=list)


def _add(a: Counts, b: Counts) -> Counts:
    return a[0] + b[0], a[1] + b[1], a[2] + b[2]


def _icp(parts: Sequence[ProspectParts], criteria: int) -> list[IcpCounts]:
    found = [[0, 0, 0, 0] for _ in range(criteria)]
    for part in parts:
        if not part.icp_met:
            continue
        won, lost, dead = part.funnel_closed
        for counts, met in zip(found, part.icp_met, strict=True):
            at = 0 if met else 2
            counts[at] += won
            counts[at + 1] += won + lost + dead
    return [(a, b, c, d) for a, b, c, d in found]


def tally_parts(parts: Sequence[ProspectParts], config: Config, today: date) -> Tally:
    """Add up `parts` (in the prospects' order), made for `config` and `today`."""
    totals: dict[str, Row] = {}
    funnel_closed = all_closed = (0, 0, 0)
    meetings = won_deals = expected_deals = slipped_deals = estimated = 0
    quota_won = expected = slipped = 0.0
    chase_minutes = chase_deals = meeting_won = meeting_all = 0
    won_values: list[float] = []
    open_values: list[float] = []
    cycle_days: list[int] = []
    closes: list[tuple[str, date | None, bool]] = []
    minutes: dict[Section | None, int] = {}
    stages = config.stage_table.section
    for part in parts:
        stage, value, weighted = part.stage, part.value, part.weighted
        count, total, total_weighted, guessed = totals.get(stage, _ZERO)
        totals[stage] = (count + 1, total + value, total_weighted + weighted,
                         guessed + part.estimated)  # fmt: skip
        if part.all_closed[0] or part.all_closed[1] or part.all_closed[2]:
            funnel_closed = _add(funnel_closed, part.funnel_closed)
            all_closed = _add(all_closed, part.all_closed)
            won_values += part.won_values
            if part.cycle_days is not None:
                cycle_days.append(part.cycle_days)
            quota_won += part.won_in_period
            won_deals += part.wins_in_period
            chase_minutes += part.chasing[0]
            chase_deals += part.chasing[1]
            meeting_won += part.meeting_closed[0]
            meeting_all += part.meeting_closed[1]
        if stage in stages:
            open_values.append(value)
            closes.append((part.id, part.close, part.best_few_stage))
        if part.expected_in_period:
            expected += weighted
            expected_deals += 1
            estimated += part.estimated
        if part.slipped:
            slipped += value
            slipped_deals += 1
        meetings += part.meetings
        for section, spent in part.minutes:
            minutes[section] = minutes.get(section, 0) + spent
    start, end = period_bounds(today, config.quota.period)
    quota = QuotaTally(start, end, quota_won, won_deals, expected, expected_deals,
                       slipped, slipped_deals, estimated)  # fmt: skip
    return Tally(
        totals=totals,
        funnel_closed=funnel_closed,
        all_closed=all_closed,
        won_values=won_values,
        open_values=open_values,
        cycle_days=cycle_days,
        paths=Counter([part.path for part in parts]),
        quota=quota,
        closes=closes,
        meetings=meetings,
        window_start=today - timedelta(days=WINDOW_DAYS - 1),
        minutes=minutes,
        chasing=(chase_minutes, chase_deals),
        meeting_closed=(meeting_won, meeting_all),
        icp=_icp(parts, len(config.ideal_customer_profile.criteria)),
    )
