"""Quota for the current period: won, expected, slipped, the gap and what it needs.

Everything is as of `today` (history dated later is ignored: `closed.closings_on`,
`deal.stage_on`):
- period: the calendar quarter (or month, per `quota.period`) containing today;
- won: the value recorded on each win dated in the period (each win once, so a
  repeat buyer's second win counts too; a legacy win without a value counts as
  `StageEntry` says; a record imported as won without history on `stage_entered`);
- expected: the weighted estimated value (`pipeline.estimated_value` x the stage's
  probability) of deals open on `today` whose expected close falls from today to the
  period's end. A won deal is not open, and a reopened one starts again at its own
  value, so the same money is never won and expected at once;
- slipped: deals open on `today` whose expected close has passed: their count and
  estimated value, shown beside the quota and left out of expected;
- gap = max(0, target - won - expected);
- new pipeline needed = gap / win rate, in the configured currency (None when a gap
  meets a win rate of 0: no amount of new pipeline closes at a zero rate);
- new leads needed = gap / (average deal size x lead-to-won rate), rounded up (None
  when either is unknown or 0 and there is a gap; see history.py for both).
Values are summed as numbers; prospects in other currencies are not converted.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from leadline.core.config.model import Config, QuotaPeriod
from leadline.core.models import Prospect
from leadline.core.rules.closed import closings_on
from leadline.core.rules.deal import stage_on
from leadline.core.rules.pipeline import estimated_value


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
    slipped: float = 0.0
    """Estimated value of the open deals whose expected close has passed."""
    slipped_deals: int = 0
    expected_estimated: int = 0
    """Deals in `expected` valued at their budget (value 0): the figure is an estimate."""
    new_leads_needed: int | None = None


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


@dataclass(frozen=True)
class QuotaTally:
    """The period and what was won, is expected and has slipped in it."""

    start: date
    end: date
    won: float
    won_deals: int
    expected: float
    expected_deals: int
    slipped: float = 0.0
    slipped_deals: int = 0
    expected_estimated: int = 0


@dataclass(frozen=True)
class QuotaRates:
    """What sizes the gap: the win rate, the lead-to-won rate, the average deal size."""

    win_rate: float
    lead_to_won: float = 0.0
    deal_size: float | None = None


def quota_status(
    prospects: Iterable[Prospect], config: Config, today: date, rates: QuotaRates
) -> QuotaStatus:
    """The quota of the period containing `today` (module docstring)."""
    start, end = period_bounds(today, config.quota.period)
    chances = config.stage_table.probability
    won = expected = slipped = 0.0
    won_deals = expected_deals = slipped_deals = estimated = 0
    for p in prospects:
        wins = [c.value for c in closings_on(p, config, today)
                if c.outcome == "won" and start <= c.day <= end]  # fmt: skip
        if wins:  # added per prospect, as the funnel's tally adds them
            won += sum(wins)
            won_deals += len(wins)
        stage, close = stage_on(p, today), p.expected_close
        if close is None or stage not in chances:  # not open in a configured stage
            continue
        value, guessed = estimated_value(p)
        if close < today:
            slipped += value
            slipped_deals += 1
        elif close <= end:
            expected += value * chances[stage]
            expected_deals += 1
            estimated += guessed
    tally = QuotaTally(start, end, won, won_deals, expected, expected_deals,
                       slipped, slipped_deals, estimated)  # fmt: skip
    return quota_from_tally(tally, config, rates)


def quota_from_tally(tally: QuotaTally, config: Config, rates: QuotaRates) -> QuotaStatus:
    """The quota status from the period's tally, at the given rates."""
    target, period = config.quota.amount, config.quota.period
    gap = max(0.0, target - tally.won - tally.expected)
    win_rate = rates.win_rate
    needed = gap / win_rate if win_rate > 0 else (None if gap else 0.0)
    per_lead = (rates.deal_size or 0.0) * rates.lead_to_won
    ratio = gap / per_lead if per_lead > 0 else math.inf
    # a deal size too small to count with (a denormal float) sizes no number of leads
    leads = math.ceil(ratio - 1e-9) if math.isfinite(ratio) else (None if gap else 0)
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
        tally.slipped,
        tally.slipped_deals,
        tally.expected_estimated,
        leads,
    )
