"""The funnel: counts and money per stage and section, quota, history, advice.

`summarize_funnel` gathers everything the funnel screen and `leadline funnel`
show; `funnel_to_json` turns it into plain JSON. It reads each prospect once
into its parts (funnel_parts.py) and adds them up (`summarize_parts`), so a
caller keeping the parts of unchanged prospects can skip their histories.
Counts and values are over open prospects (in a configured stage); outcomes
are summarised apart.
Everything is as of `today`: each prospect counts in the stage it sat in that
day, and history dated later is ignored. Values are `pipeline.estimated_value`
(the budget standing in for a value of 0, counted in each bucket's `estimated`).
Weighted value = value x the stage's probability.

Best few (Miller-Heiman, pipeline.py): an open deal in a best-few-section stage
whose expected close lies between today and today + half the normal sales cycle
(inclusive); a best-few-stage deal that fails the test is listed apart
(`not_really_best_few_ids`) and the advice counts only the real best few.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from leadline.core.config.model import Config, Section
from leadline.core.models import Outcome, Prospect
from leadline.core.rules.advice import AdviceItem, PipelineShape, shape_advice
from leadline.core.rules.allocation import FUNNEL_ORDER, TimeAllocation, allocation_from_totals
from leadline.core.rules.conversion import conversion_ranks, conversions_from_paths
from leadline.core.rules.funnel.as_json import funnel_to_json
from leadline.core.rules.funnel.parts import ProspectParts, parts_maker, prospect_parts
from leadline.core.rules.funnel.tally import Row, tally_parts
from leadline.core.rules.history import (
    Conversion,
    DealSize,
    NormalCycle,
    WinRate,
    deal_size_from_values,
    normal_cycle_from_days,
    win_rate_from_counts,
)
from leadline.core.rules.icp_learning import IcpLesson, icp_lessons
from leadline.core.rules.pipeline import PipelineFacts, passes_best_few_test
from leadline.core.rules.quota import QuotaRates, QuotaStatus, quota_from_tally

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

_Buckets = tuple[tuple["Bucket", ...], tuple["Bucket", ...], tuple["Bucket", ...]]


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
    estimated: int = 0
    """Deals valued at their budget (value 0): `value` is partly an estimate."""


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
    """Ids of the best few: best-few-stage deals passing the best-few test."""
    conversion: tuple[Conversion, ...]
    meeting_to_won: Conversion | None
    time_allocation: TimeAllocation
    meetings_next_14_days: int
    """New-business meetings booked (none with existing customers)."""
    advice: tuple[AdviceItem, ...]
    not_really_best_few_ids: tuple[str, ...] = ()
    """Ids of best-few-stage deals failing the best-few test."""
    lead_to_won: WinRate = WinRate(0.0, 0, 0, False)
    """Won over every closed deal (history.py)."""
    deal_size: DealSize = DealSize(None, 0, False)
    chasing_minutes: int = 0
    """Minutes logged in the quota period on deals that ended lost or dead."""
    chasing_deals: int = 0
    icp_lessons: tuple[IcpLesson, ...] = ()
    """Per ICP criterion, won share of deals meeting it or not (empty until enough)."""

    @property
    def facts(self) -> PipelineFacts:
        """The pipeline facts of the same prospects and day (`pipeline_facts`)."""
        return PipelineFacts(self.normal_cycle, self.win_rate)


def _sum(buckets: Sequence[Bucket], key: str, name: str, section: Section | None) -> Bucket:
    count = sum(b.count for b in buckets)
    value = sum(b.value for b in buckets)
    weighted = sum(b.weighted_value for b in buckets)
    return Bucket(key, name, section, count, value, weighted, sum(b.estimated for b in buckets))


def _buckets(totals: dict[str, Row], config: Config) -> _Buckets:
    """(stages in order, sections top to bottom, outcomes)."""
    zero: Row = (0, 0.0, 0.0, 0)
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
    rate = win_rate_from_counts(*tally.funnel_closed, config)
    lead_rate = win_rate_from_counts(*tally.all_closed, config, lead=True)
    size = deal_size_from_values(tally.won_values, tally.open_values)
    cycle = normal_cycle_from_days(tally.cycle_days, config)
    steps, meeting_to_won = conversions_from_paths(tally.paths, conversion_ranks(config))
    allocation = allocation_from_totals(tally.minutes, config, tally.window_start, today)
    best, doubtful = _best_few(tally.closes, today, cycle.days)
    shape = PipelineShape(
        counts={Section(b.key): b.count for b in sections},
        best_few=len(best),
        meetings=tally.meetings,
        meeting_closed=tally.meeting_closed,
        chasing=tally.chasing,
    )
    rates = QuotaRates(rate.rate, lead_rate.rate, size.amount)
    return FunnelSummary(
        today=today,
        stages=stages,
        sections=sections,
        outcomes=outcomes,
        quota=quota_from_tally(tally.quota, config, rates),
        win_rate=rate,
        normal_cycle=cycle,
        best_few_ids=tuple(best),
        conversion=steps,
        meeting_to_won=meeting_to_won,
        time_allocation=allocation,
        meetings_next_14_days=tally.meetings,
        advice=tuple(shape_advice(shape, allocation, config)),
        not_really_best_few_ids=tuple(doubtful),
        lead_to_won=lead_rate,
        deal_size=size,
        chasing_minutes=tally.chasing[0],
        chasing_deals=tally.chasing[1],
        icp_lessons=icp_lessons(tally.icp, sum(tally.funnel_closed), config),
    )


def _best_few(
    closes: list[tuple[str, date | None, bool]], today: date, normal_cycle_days: int
) -> tuple[list[str], list[str]]:
    """(ids of the best few, ids of best-few-stage deals failing the test), in order
    (`closes`: open prospects' expected closes and whether their stage is best few)."""
    last = today + timedelta(days=normal_cycle_days / 2)
    best: list[str] = []
    doubtful: list[str] = []
    for pid, close, best_few_stage in closes:
        if best_few_stage:
            passes = close is not None and today <= close <= last
            (best if passes else doubtful).append(pid)
    return best, doubtful
