"""Quota for the current period: won, expected, the gap and the pipeline it needs.

- period: the calendar quarter (or month, per `quota.period`) containing today;
- won: the value of prospects with a won entry dated in the period (each once;
  a record imported as won without history counts on its `stage_entered`);
- expected: weighted value (value x stage probability) of open prospects whose
  expected close falls in the period;
- gap = max(0, target - won - expected);
- new pipeline needed = gap / win rate (None when a gap meets a win rate of 0:
  no amount of new pipeline closes at a zero rate).
Values are summed as numbers; prospects in other currencies are not converted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from leadline.core.config.model import Config, QuotaPeriod
from leadline.core.models import Prospect
from leadline.core.rules.history import Closed, closed_deals


@dataclass(frozen=True)
class QuotaStatus:
    """How the current period stands against the target."""

    period: QuotaPeriod
    start: date
    end: date
    """Last day of the period (inclusive)."""
    label: str
    """"2025-Q2" or "2025-05"."""
    target: float
    won: float
    won_deals: int
    expected: float
    expected_deals: int
    gap: float
    new_pipeline_needed: float | None


def period_bounds(today: date, period: QuotaPeriod) -> tuple[date, date]:
    """First and last day of the quarter or month containing `today`."""
    months = 3 if period == QuotaPeriod.QUARTER else 1
    first_month = (today.month - 1) // months * months + 1
    start = date(today.year, first_month, 1)
    next_month = first_month + months
    after = date(today.year + (next_month > 12), (next_month - 1) % 12 + 1, 1)
    return start, after - timedelta(days=1)


def period_label(start: date, period: QuotaPeriod) -> str:
    """A short name for the period starting on `start`."""
    if period == QuotaPeriod.QUARTER:
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return f"{start.year}-{start.month:02d}"


def weighted_value(p: Prospect, config: Config) -> float:
    """value x the probability of the prospect's stage (0 for outcomes and unknown stages)."""
    chance = config.stage_table.probability.get(p.stage)
    return p.value * chance if chance is not None else 0.0


def quota_status(
    prospects: Iterable[Prospect], config: Config, today: date, win_rate: float
) -> QuotaStatus:
    """The quota of the period containing `today`, at the given win rate."""
    listed = list(prospects)
    return quota_status_of(listed, [closed_deals(p) for p in listed], config, today, win_rate)


def quota_status_of(
    prospects: Sequence[Prospect],
    closed: Sequence[Closed],
    config: Config,
    today: date,
    win_rate: float,
) -> QuotaStatus:
    """`quota_status` from each prospect's `closed_deals` (same order)."""
    period = config.quota.period
    start, end = period_bounds(today, period)
    chances = config.stage_table.probability
    won = expected = 0.0
    won_deals = expected_deals = 0
    for p, (won_dates, _, _) in zip(prospects, closed, strict=True):
        if won_dates and any(start <= day <= end for day in won_dates):
            won += p.value
            won_deals += 1
        close = p.expected_close
        if close is not None and start <= close <= end and p.is_open:
            expected += p.value * chances[p.stage] if p.stage in chances else 0.0
            expected_deals += 1
    return quota_from_tally(
        QuotaTally(start, end, won, won_deals, expected, expected_deals), config, win_rate
    )


@dataclass(frozen=True)
class QuotaTally:
    """The period and what was won and is expected in it."""

    start: date
    end: date
    won: float
    won_deals: int
    expected: float
    expected_deals: int


def quota_from_tally(tally: QuotaTally, config: Config, win_rate: float) -> QuotaStatus:
    """The quota status from the period's tally, at the given win rate."""
    target, period = config.quota.amount, config.quota.period
    gap = max(0.0, target - tally.won - tally.expected)
    needed = gap / win_rate if win_rate > 0 else (None if gap else 0.0)
    return QuotaStatus(
        period,
        tally.start,
        tally.end,
        period_label(tally.start, period),
        target,
        tally.won,
        tally.won_deals,
        tally.expected,
        tally.expected_deals,
        gap,
        needed,
    )
