"""The funnel: counts and money per stage and section, quota, history, advice.

`summarize_funnel` gathers everything the funnel screen and `leadline funnel`
show; `funnel_to_json` turns it into plain JSON. Counts and values are over
open prospects (in a configured stage); outcomes are summarised apart.
Weighted value = value x the stage's probability.

The best-few test (Miller-Heiman): an open prospect whose expected close lies
between today and today + half the normal sales cycle (inclusive). A past
expected close has slipped and does not pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from leadline.core.config import Config, Section
from leadline.core.models import Outcome, Prospect
from leadline.core.rules.advice import AdviceItem, meetings_booked, shape_advice
from leadline.core.rules.allocation import FUNNEL_ORDER, TimeAllocation, time_allocation_of
from leadline.core.rules.followup import OUTCOME_KEYS, is_open
from leadline.core.rules.funnel_json import funnel_to_json
from leadline.core.rules.history import (
    Conversion,
    NormalCycle,
    WinRate,
    closed_deals,
    conversions_of,
    normal_cycle_of,
    timeline,
    win_rate_of,
)
from leadline.core.rules.quota import QuotaStatus, quota_status_of
from leadline.core.rules.stage_lookup import stage_lookup

__all__ = ["Bucket", "FunnelSummary", "funnel_to_json", "passes_best_few_test", "summarize_funnel"]


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
    if not is_open(p) or close is None:
        return False
    return today <= close <= today + timedelta(days=normal_cycle_days / 2)


Row = tuple[int, float, float]
"""count, value, weighted value."""


def _totals(prospects: Sequence[Prospect], config: Config) -> dict[str, Row]:
    """Stage key or outcome -> its row."""
    chances = stage_lookup(config).probability
    totals: dict[str, Row] = {}
    for p in prospects:
        stage = p.stage
        count, value, weighted = totals.get(stage, (0, 0.0, 0.0))
        chance = chances.get(stage)
        weighted += p.value * chance if chance is not None else 0.0
        totals[stage] = (count + 1, value + p.value, weighted)
    return totals


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


def _best_few(prospects: Sequence[Prospect], today: date, normal_cycle_days: int) -> list[str]:
    """Ids of the prospects passing `passes_best_few_test`, in their order."""
    last = today + timedelta(days=normal_cycle_days / 2)
    return [
        p.id
        for p in prospects
        if p.expected_close is not None
        and today <= p.expected_close <= last
        and p.stage not in OUTCOME_KEYS
    ]


def summarize_funnel(prospects: Sequence[Prospect], config: Config, today: date) -> FunnelSummary:
    """The funnel on `today` for all `prospects` (open, parked and closed alike)."""
    # Each prospect's history is read once and shared by the figures built on it.
    closed = [closed_deals(p) for p in prospects]
    timelines = [timeline(p) for p in prospects]
    stages, sections, outcomes = _buckets(_totals(prospects, config), config)
    rate = win_rate_of(closed, config)
    cycle = normal_cycle_of(prospects, closed, config)
    steps, meeting_to_won = conversions_of(timelines, config)
    allocation = time_allocation_of(zip(prospects, timelines, strict=True), config, today)
    meetings = meetings_booked(prospects, today)
    counts = {Section(b.key): b.count for b in sections}
    return FunnelSummary(
        today=today,
        stages=stages,
        sections=sections,
        outcomes=outcomes,
        quota=quota_status_of(prospects, closed, config, today, rate.rate),
        win_rate=rate,
        normal_cycle=cycle,
        best_few_ids=tuple(_best_few(prospects, today, cycle.days)),
        conversion=steps,
        meeting_to_won=meeting_to_won,
        time_allocation=allocation,
        meetings_next_14_days=meetings,
        advice=tuple(shape_advice(counts, meetings, meeting_to_won, allocation, config)),
    )
