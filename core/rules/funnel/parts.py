"""What the funnel summary reads from each prospect, worked out once per prospect.

`summarize_funnel` reads every prospect's history: its deals closed up to the day
(`closed.closings_on`), its timeline up to the day (for the conversion path and
for the section each logged touch counts for), the stage it sat in that day, its
estimated and weighted value, and tests its dates against the day (quota period,
slipped close, meetings ahead, the 30-day time window). That is done here per
prospect, for one config and one day: a `ProspectParts`. The summary adds the
parts up (`summarize_parts` in summary.py); a caller that keeps the parts of the
prospects that did not change (the TUI does, per config and day) reads only the
changed histories again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from leadline.core.config.model import Config, Section
from leadline.core.models import Lifecycle, Outcome, Prospect
from leadline.core.rules.advice import MEETINGS_HORIZON_DAYS
from leadline.core.rules.allocation import WINDOW_DAYS, SectionMinutes, window_minutes
from leadline.core.rules.chasing import chasing_minutes
from leadline.core.rules.closed import Closing, closings_on
from leadline.core.rules.conversion import Path, conversion_ranks
from leadline.core.rules.deal import stage_on
from leadline.core.rules.history import cycle_days_of, timeline
from leadline.core.rules.pipeline import estimated_value
from leadline.core.rules.quota import period_bounds

_GONE = frozenset({Outcome.LOST.value, Outcome.DEAD.value})
_WON = Outcome.WON.value
_CUSTOMERS = frozenset({Lifecycle.CUSTOMER, Lifecycle.REPEAT_BUYER})

Counts = tuple[int, int, int]
"""won, lost, dead."""
_NONE: Counts = (0, 0, 0)


class ProspectParts(NamedTuple):
    """One prospect's share of the funnel summary, for one config and day.

    A named tuple: made for every prospect, it must be cheap to build."""

    id: str
    stage: str
    """The stage (or outcome) it sat in on the day (`deal.stage_on`)."""
    value: float
    """`pipeline.estimated_value`: the value, or the budget standing in for 0."""
    weighted: float
    """value x the stage's probability; 0.0 outside the configured stages."""
    estimated: bool
    """`value` is the budget's estimate."""
    funnel_closed: Counts
    """Deals won, lost, dead that had reached the funnel (the win rate's)."""
    all_closed: Counts
    """Every deal won, lost, dead (the lead-to-won rate's)."""
    won_values: tuple[float, ...]
    """The value of each win (the average deal size's)."""
    cycle_days: int | None
    """Days from first contact to the first recorded win (real history only)."""
    path: Path
    """Its conversion path (stages entered and left upwards)."""
    won_in_period: float
    """The value of its wins dated in the quota period."""
    wins_in_period: int
    expected_in_period: bool
    """Open, and its expected close falls from the day to the period's end."""
    slipped: bool
    """Open, and its expected close has passed."""
    close: date | None
    """The expected close of an open deal."""
    best_few_stage: bool
    """Open in a stage of the best-few section."""
    meetings: int
    """New-business meetings in the next 14 days (today included): not on lost or
    dead deals, nor with existing customers (lifecycle customer or repeat buyer, or won)."""
    minutes: SectionMinutes
    """Minutes logged in the 30 days ending on the day, by section."""
    chasing: tuple[int, int]
    """(minutes, deals) logged in the period on deals that ended lost or dead."""
    meeting_closed: tuple[int, int]
    """(won, closed) of its deals that reached a meeting and have closed."""
    icp_met: tuple[bool, ...]
    """Whether it meets each ICP criterion; () when it has no funnel deal closed."""


PartsMaker = Callable[[Prospect], ProspectParts]


def _counts(closed: list[Closing], funnel_only: bool) -> Counts:
    if not closed:
        return _NONE
    found = [c.outcome for c in closed if c.funnel or not funnel_only]
    return found.count(_WON), found.count("lost"), found.count("dead")


def _meeting(closed: list[Closing]) -> tuple[int, int]:
    met = [c for c in closed if c.meeting]
    return sum(c.outcome == _WON for c in met), len(met)


def parts_maker(config: Config, today: date) -> PartsMaker:
    """A function giving each prospect's parts under `config` on `today` (config
    lookups done once)."""
    start = today - timedelta(days=WINDOW_DAYS - 1)
    period_start, period_end = period_bounds(today, config.quota.period)
    horizon = today + timedelta(days=MEETINGS_HORIZON_DAYS)
    table = config.stage_table
    chances, where = table.probability, table.section
    path_of = conversion_ranks(config).path
    criteria = config.ideal_customer_profile.criteria
    paths: dict[Path, Path] = {}  # one tuple per distinct path: most prospects share a few

    def make(p: Prospect) -> ProspectParts:
        closed = closings_on(p, config, today)
        entries = timeline(p, today)
        stage = stage_on(p, today)
        is_open = stage in where
        value, estimated = estimated_value(p)
        chance = chances.get(stage)
        path = path_of(entries)
        close = p.expected_close if is_open else None
        funnel = _counts(closed, True)
        customer = stage == _WON or p.lifecycle in _CUSTOMERS
        wins = [c for c in closed if c.outcome == _WON] if closed else []
        return ProspectParts(
            p.id,
            stage,
            value,
            value * chance if chance is not None else 0.0,
            estimated,
            funnel,
            _counts(closed, False),
            tuple(c.value for c in wins),
            cycle_days_of(p, closed) if closed else None,
            paths.setdefault(path, path),
            sum([c.value for c in wins if period_start <= c.day <= period_end]),
            sum([period_start <= c.day <= period_end for c in wins]),
            close is not None and today <= close <= period_end,
            close is not None and close < today,
            close,
            is_open and where[stage] == Section.BEST_FEW,
            sum([today <= m.date <= horizon for m in p.meetings])
            if p.meetings and stage not in _GONE and not customer
            else 0,
            window_minutes(p, entries, where, start, today) if p.touches and entries else (),
            chasing_minutes(p, closed, period_start, today) if closed else (0, 0),
            _meeting(closed) if closed else (0, 0),
            tuple(c.met_by(p.icp) for c in criteria) if funnel != _NONE else (),
        )

    return make


def prospect_parts(p: Prospect, config: Config, today: date) -> ProspectParts:
    """`p`'s parts under `config` on `today` (for many prospects use `parts_maker`)."""
    return parts_maker(config, today)(p)
