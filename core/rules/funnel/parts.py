"""What the funnel summary reads from each prospect, worked out once per prospect.

`summarize_funnel` reads every prospect's history: its closed deals, its
timeline (for the conversion path and for the section each logged touch counts
for), its weighted value, and tests its dates against the day (quota period,
meetings ahead, the 30-day time window). That is done here per prospect, for
one config and one day (attributing every touch ever logged, to stay
independent of the day, cost more than the whole summary used to): a
`ProspectParts`. The summary adds the parts up (`summarize_parts` in
funnel.py); a caller that keeps the parts of the prospects that did not change
(the TUI does, per config and day) reads only the changed histories again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from leadline.core.config.model import Config
from leadline.core.models import Outcome, Prospect
from leadline.core.rules.advice import MEETINGS_HORIZON_DAYS
from leadline.core.rules.allocation import WINDOW_DAYS, SectionMinutes, window_minutes
from leadline.core.rules.conversion import Path, conversion_ranks
from leadline.core.rules.history import closed_deals, timeline
from leadline.core.rules.quota import period_bounds

_GONE = frozenset({Outcome.LOST.value, Outcome.DEAD.value})


class ProspectParts(NamedTuple):
    """One prospect's share of the funnel summary, for one config and day.

    A named tuple: made for every prospect, it must be cheap to build."""

    id: str
    stage: str
    value: float
    weighted: float
    """value x the stage's probability; 0.0 outside the configured stages."""
    won: int
    """Won entries (`closed_deals`)."""
    lost: int
    cycle_days: int | None
    """Days from first contact to the first recorded win (real history only)."""
    path: Path
    """Its conversion path (stages entered and left upwards)."""
    won_in_period: bool
    """A won entry falls in the quota period."""
    expected_in_period: bool
    """Open, and its expected close falls in the quota period."""
    close_ahead: date | None
    """The expected close of an open prospect, unless it is past."""
    meetings: int
    """Meetings in the next 14 days (today included) unless it is lost or dead."""
    minutes: SectionMinutes
    """Minutes logged in the 30 days ending on the day, by section."""


PartsMaker = Callable[[Prospect], ProspectParts]


def parts_maker(config: Config, today: date) -> PartsMaker:
    """A function giving each prospect's parts under `config` on `today` (config
    lookups done once)."""
    start = today - timedelta(days=WINDOW_DAYS - 1)
    period_start, period_end = period_bounds(today, config.quota.period)
    horizon = today + timedelta(days=MEETINGS_HORIZON_DAYS)
    chances = config.stage_table.probability
    where = config.stage_table.section
    ranks = conversion_ranks(config)
    path_of = ranks.path
    paths: dict[Path, Path] = {}  # one tuple per distinct path: most prospects share a few

    def make(p: Prospect) -> ProspectParts:
        won_dates, lost, from_history = closed_deals(p)
        entries = timeline(p)
        stage, value, meetings = p.stage, p.value, p.meetings
        chance = chances.get(stage)
        path = path_of(entries)
        cycle_days = None
        if won_dates and from_history:
            cycle_days = max(0, (min(won_dates) - p.first_contact).days)
        close = p.expected_close if p.is_open else None
        return ProspectParts(
            p.id,
            stage,
            value,
            value * chance if chance is not None else 0.0,
            len(won_dates),
            lost,
            cycle_days,
            paths.setdefault(path, path),
            bool(won_dates) and any(period_start <= day <= period_end for day in won_dates),
            close is not None and period_start <= close <= period_end,
            close if close is not None and close >= today else None,
            sum([today <= m.date <= horizon for m in meetings])
            if meetings and stage not in _GONE
            else 0,
            window_minutes(p, entries, where, start, today) if p.touches else (),
        )

    return make


def prospect_parts(p: Prospect, config: Config, today: date) -> ProspectParts:
    """`p`'s parts under `config` on `today` (for many prospects use `parts_maker`)."""
    return parts_maker(config, today)(p)
