"""What the whole pipeline says that the rules on one prospect need: `PipelineFacts`.

The stale warning and the best-few test measure a deal against the user's own
normal sales cycle, and the queue ranks best-few deals by that test: one figure
computed from every prospect's history. `pipeline_facts` computes it once (the
funnel summary holds the same figures: `facts_of_summary`), and every front-end
passes it to `warnings_for` and the queue. Without facts (one prospect alone),
`default_facts` uses the config's defaults.

Also here, the per-prospect readings both the funnel and the warnings share:

- `estimated_value`: a deal's value, or its budget when the value is 0 and a budget
  is known (an estimate, flagged so the front-ends mark it "~");
- the best-few test (Miller-Heiman): an open deal whose expected close lies between
  today and today + half the normal cycle (inclusive); a past close has slipped and
  does not pass. A deal is *best few* when its stage is in the best-few section and
  it passes; a best-few-stage deal that fails is doubtful (`not-really-best-few`)
  and ranks in the queue like a deal in the funnel.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from leadline.core.config.model import Config, Section
from leadline.core.models import Prospect
from leadline.core.rules.closed import closings_on
from leadline.core.rules.history import (
    NormalCycle,
    WinRate,
    cycle_days_of,
    normal_cycle_from_days,
    win_rate_from_counts,
)

_BEST_FEW = Section.BEST_FEW


@dataclass(frozen=True)
class PipelineFacts:
    """Pipeline-wide figures the rules on one prospect need."""

    normal_cycle: NormalCycle
    win_rate: WinRate

    @property
    def cycle_days(self) -> int:
        """The normal sales cycle in days (the user's own, or the default)."""
        return self.normal_cycle.days

    @property
    def best_few_days(self) -> float:
        """Half the normal cycle: how soon a best-few deal is expected to close."""
        return self.normal_cycle.days / 2


def default_facts(config: Config) -> PipelineFacts:
    """The facts with no history: the configured cycle and win rate."""
    cycle = NormalCycle(config.normal_sales_cycle_days, 0, from_history=False)
    return PipelineFacts(cycle, WinRate(config.quota.default_win_rate, 0, 0, False))


DealFacts = tuple[int, int, int, int | None]
"""What one prospect adds to the facts: funnel deals won, lost, dead, and its cycle days."""


def deal_facts(p: Prospect, config: Config, today: date) -> DealFacts:
    """`p`'s share of the pipeline facts on `today` (a caller may keep it per prospect)."""
    closed = closings_on(p, config, today)
    if not closed:
        return 0, 0, 0, None
    funnel = [c.outcome for c in closed if c.funnel]
    counts = funnel.count("won"), funnel.count("lost"), funnel.count("dead")
    return (*counts, cycle_days_of(p, closed))


def facts_from_deals(deals: Iterable[DealFacts], config: Config) -> PipelineFacts:
    """The pipeline facts from each prospect's `deal_facts`."""
    won = lost = dead = 0
    days: list[int] = []
    for w, lo, d, cycle in deals:
        won, lost, dead = won + w, lost + lo, dead + d
        if cycle is not None:
            days.append(cycle)
    rate = win_rate_from_counts(won, lost, dead, config)
    return PipelineFacts(normal_cycle_from_days(days, config), rate)


def pipeline_facts(prospects: Iterable[Prospect], config: Config, today: date) -> PipelineFacts:
    """The facts of these prospects on `today` (as `summarize_funnel` computes them)."""
    return facts_from_deals((deal_facts(p, config, today) for p in prospects), config)


def estimated_value(p: Prospect) -> tuple[float, bool]:
    """(the value to count, whether it is the budget standing in for a value of 0)."""
    if p.value == 0 and p.budget is not None and p.budget > 0:
        return p.budget, True
    return p.value, False


def passes_best_few_test(p: Prospect, today: date, normal_cycle_days: float) -> bool:
    """True for an open prospect expected to close within half the normal cycle."""
    close = p.expected_close
    if not p.is_open or close is None:
        return False
    return today <= close <= today + timedelta(days=normal_cycle_days / 2)


def in_best_few_stage(p: Prospect, config: Config) -> bool:
    """True when `p`'s stage is in the best-few section."""
    return config.stage_table.section.get(p.stage) == _BEST_FEW


def is_best_few(p: Prospect, config: Config, today: date, facts: PipelineFacts) -> bool:
    """A best-few-section stage and the best-few test passed (module docstring)."""
    return in_best_few_stage(p, config) and passes_best_few_test(p, today, facts.cycle_days)


def priority_section(
    p: Prospect, config: Config, today: date, facts: PipelineFacts
) -> Section | None:
    """The section `p` ranks in (queue priority, advice): its stage's, except that a
    best-few-stage deal failing the best-few test ranks as `in`."""
    section = config.stage_table.section.get(p.stage)
    if section == _BEST_FEW and not passes_best_few_test(p, today, facts.cycle_days):
        return Section.IN
    return section
