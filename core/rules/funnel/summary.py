"""The funnel: counts and money per stage and section, quota, history, advice.

`summarize_funnel` gathers everything the funnel screen and `leadline funnel`
show; `funnel_to_json` turns it into plain JSON. It reads each prospect once
into its parts (funnel_parts.py) and adds them up (`summarize_parts`), so a
caller keeping the parts of unchanged prospects can skip their histories.
Counts and values are over open prospects (in a configured stage); outcomes
are summarised apart.
Weighted value = value x the stage's probability.

The best-few test (Miller-Heiman): an open prospect whose expected close lies
between today and today + half the normal sales cycle (inclusive). A past
expected close has slipped and does not pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from leadline.core.config.model import Config, Section
from leadline.core.models import Outcome, Prospect
from leadline.core.rules.advice import AdviceItem, shape_advice
from leadline.core.rules.allocation import FUNNEL_ORDER, TimeAllocation, allocation_from_totals
from leadline.core.rules.conversion import conversion_ranks, conversions_from_paths
from leadline.core.rules.funnel.as_json import funnel_to_json
from leadline.core.rules.funnel.parts import ProspectParts, parts_maker, prospect_parts
from leadline.core.rules.funnel.tally import Row, tally_parts
from leadline.core.rules.history import (
    Conversion,
    NormalCycle,
    WinRate,
    normal_cycle_from_days,
    win_rate_from_counts,
)
from leadline.core.rules.quota import QuotaStatus, quota_from_tally

__all__ = [
    "Bucket",
    "FunnelSummary",
    "ProspectParts",
    "funnel_to_json",
    "parts_maker",
    "passes_best_few_test",
    "prospect_parts",
    "summarize_funnel",
    "summarize_parts",
]


@dataclass(frozen=True)
class Bucket:
    """Count, value and weighted value of a group of prospects.

    `key` is a stage key, a section value or an outcome value; `name` the
    stage's display name (the key itself for sections and outcomes).
    """

    key: str
    name: str
    section: Section | None
    count: int = 0
    value: float = 0.0
    weighted_value: float = 0.0


@dataclass(frozen=True)
class FunnelSummary:
    """Everything about the shape of the pipeline on one day."""

    today: date
    stages: tuple[Bucket, ...]
    """One per configured stage, in stage order."""
    sections: tuple[Bucket, ...]
    """above, in, best_few (top of the funnel to the bottom)."""
    outcomes: tuple[Bucket, ...]
    """won, lost, nurture, dead (weighted value 0)."""
    quota: QuotaStatus
    win_rate: WinRate
    normal_cycle: NormalCycle
    best_few_ids: tuple[str, ...]
    """Ids of open prospects passing the best-few test."""
    conversion: tuple[Conversion, ...]
    meeting_to_won: Conversion | None
    time_allocation: TimeAllocation
    meetings_next_14_days: int
    advice: tuple[AdviceItem, ...]


def passes_best_few_test(p: Prospect, today: date, normal_cycle_days: int) -> bool:
    """True for an open prospect expected to close within half the normal cycle."""
    close = p.expected_close
    if not p.is_open or close is None:
        return False
    return today <= close <= today + timedelta(days=normal_cycle_days / 2)


def _sum(buckets: Sequence[Bucket], key: str, name: str, section: Section | None) -> Bucket:
    count = sum(b.count for b in buckets)
    value = sum(b.value for b in buckets)
    return Bucket(key, name, section, count, value, sum(b.weighted_value for b in buckets))


def _buckets(
    totals: dict[str, Row], config: Config
) -> tuple[tuple[Bucket, ...], tuple[Bucket, ...], tuple[Bucket, ...]]:
    """(stages in order, sections top to bottom, outcomes)."""
    zero: Row = (0, 0.0, 0.0)
    stages = tuple(
        Bucket(s.key, s.name, s.section, *totals.get(s.key, zero)) for s in config.stages
    )
    sections = tuple(
        _sum([b for b in stages if b.section == sec], sec.value, sec.value, sec)
        for sec in FUNNEL_ORDER
    )
    outcomes = tuple(Bucket(o.value, o.value, None, *totals.get(o.value, zero)) for o in Outcome)
    return stages, sections, outcomes


def summarize_funnel(prospects: Sequence[Prospect], config: Config, today: date) -> FunnelSummary:
    """The funnel on `today` for all `prospects` (open, parked and closed alike)."""
    make = parts_maker(config, today)
    return summarize_parts([make(p) for p in prospects], config, today)


def summarize_parts(parts: Sequence[ProspectParts], config: Config, today: date) -> FunnelSummary:
    """`summarize_funnel` from each prospect's parts (`parts_maker(config, today)`,
    same config and day), in the prospects' order: the same summary, without
    reading any history."""
    tally = tally_parts(parts, config, today)
    stages, sections, outcomes = _buckets(tally.totals, config)
    rate = win_rate_from_counts(tally.won, tally.lost, config)
    cycle = normal_cycle_from_days(tally.cycle_days, config)
    steps, meeting_to_won = conversions_from_paths(tally.paths, conversion_ranks(config))
    allocation = allocation_from_totals(tally.minutes, config, tally.window_start, today)
    counts = {Section(b.key): b.count for b in sections}
    meetings = tally.meetings
    return FunnelSummary(
        today=today,
        stages=stages,
        sections=sections,
        outcomes=outcomes,
        quota=quota_from_tally(tally.quota, config, rate.rate),
        win_rate=rate,
        normal_cycle=cycle,
        best_few_ids=tuple(_best_few(tally.closes, today, cycle.days)),
        conversion=steps,
        meeting_to_won=meeting_to_won,
        time_allocation=allocation,
        meetings_next_14_days=meetings,
        advice=tuple(shape_advice(counts, meetings, meeting_to_won, allocation, config)),
    )


def _best_few(closes: list[tuple[str, date]], today: date, normal_cycle_days: int) -> list[str]:
    """Ids of the prospects passing `passes_best_few_test`, in their order (`closes`:
    open prospects' expected closes from today on)."""
    last = today + timedelta(days=normal_cycle_days / 2)
    return [pid for pid, close in closes if close <= last]
