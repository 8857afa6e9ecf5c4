"""The funnel from per-prospect parts is the funnel of the plain figures.

`summarize_funnel` adds up each prospect's parts (`summarize_parts`); the
golden fixture pins its results. Here every figure is compared with the
function that computes it alone from the prospects (win rate, lead-to-won rate,
deal size, pipeline facts, normal cycle, conversions, time allocation, quota,
meetings, best few, cost of chasing, stage totals), for
the golden inputs and for generated prospects, and parts made for one list of
prospects are shown to serve another list that shares some of them.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest
from golden_support import CONFIGS, DAYS, load_golden, odd_prospect, subsets
from hypothesis import given, settings
from hypothesis import strategies as st
from rules_support import DEFAULT_CONFIG
from strategies import funnel_prospects as any_prospect
from testkit import TODAY

from leadline.core.config.model import Config, Section
from leadline.core.models import Outcome, Prospect
from leadline.core.rules.advice import meetings_booked
from leadline.core.rules.allocation import time_allocation
from leadline.core.rules.chasing import chasing_minutes
from leadline.core.rules.closed import closings_on
from leadline.core.rules.deal import stage_on
from leadline.core.rules.funnel.summary import (
    FunnelSummary,
    parts_maker,
    summarize_funnel,
    summarize_parts,
)
from leadline.core.rules.history import (
    average_deal_size,
    conversions,
    lead_to_won_rate,
    normal_cycle,
    win_rate,
)
from leadline.core.rules.pipeline import estimated_value, pipeline_facts
from leadline.core.rules.quota import QuotaRates, period_bounds, quota_status


def _plain_rows(
    prospects: list[Prospect], config: Config, today: date
) -> list[tuple[str, int, float, float, int]]:
    """(key, count, value, weighted, estimated) per stage and outcome, added up in order,
    each prospect in the stage it sat in on `today`."""
    rows = []
    for key in [s.key for s in config.stages] + [o.value for o in Outcome]:
        stage = config.stage(key)
        count, value, weighted, estimated = 0, 0.0, 0.0, 0
        for p in prospects:
            if stage_on(p, today) == key:
                amount, guessed = estimated_value(p)
                count, value, estimated = count + 1, value + amount, estimated + guessed
                weighted += amount * stage.probability if stage else 0.0
        rows.append((key, count, value, weighted, estimated))
    return rows


def _plain_best_few(ps: list[Prospect], config: Config, today: date, cycle: int) -> list[str]:
    last = today + timedelta(days=cycle / 2)
    return [
        p.id
        for p in ps
        if config.section_of(stage_on(p, today)) == Section.BEST_FEW
        and p.expected_close is not None
        and today <= p.expected_close <= last
    ]


def _plain_chasing(ps: list[Prospect], config: Config, today: date) -> int:
    start, _ = period_bounds(today, config.quota.period)
    return sum(chasing_minutes(p, closings_on(p, config, today), start, today)[0] for p in ps)


def assert_plain_figures(summary: FunnelSummary, ps: list[Prospect], config: Config) -> None:
    today = summary.today
    rate = win_rate(ps, config, today)
    assert summary.win_rate == rate
    assert summary.facts == pipeline_facts(ps, config, today)
    lead_rate = lead_to_won_rate(ps, config, today)
    assert summary.lead_to_won == lead_rate
    open_values = [estimated_value(p)[0] for p in ps if config.stage(stage_on(p, today))]
    size = average_deal_size(ps, config, today, open_values)
    assert summary.deal_size == size
    assert summary.normal_cycle == normal_cycle(ps, config, today)
    assert (summary.conversion, summary.meeting_to_won) == conversions(ps, config, today)
    assert summary.time_allocation == time_allocation(ps, config, today)
    rates = QuotaRates(rate.rate, lead_rate.rate, size.amount)
    assert summary.quota == quota_status(ps, config, today, rates)
    assert summary.meetings_next_14_days == meetings_booked(ps, today)
    cycle = summary.normal_cycle.days
    assert list(summary.best_few_ids) == _plain_best_few(ps, config, today, cycle)
    assert summary.chasing_minutes == _plain_chasing(ps, config, today)
    found = [
        (b.key, b.count, b.value, b.weighted_value, b.estimated)
        for b in summary.stages + summary.outcomes
    ]
    assert found == _plain_rows(ps, config, today)


@pytest.mark.parametrize("config_name", sorted(CONFIGS))
def test_golden_inputs_give_the_plain_figures(config_name: str) -> None:
    prospects, _ = load_golden()
    config = CONFIGS[config_name]
    for today in DAYS:
        for subset in [prospects, *subsets(prospects).values()]:
            make = parts_maker(config, today)
            summary = summarize_parts([make(p) for p in subset], config, today)
            assert summary == summarize_funnel(subset, config, today)
            assert_plain_figures(summary, subset, config)


days = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1))


# Drawing the prospects is nearly all the time and summing them up almost none, so each
# drawn list is summed up on the golden days and a drawn one (10 days, not 1 of 150 lists).
@settings(max_examples=60, deadline=None)
@given(st.lists(any_prospect(), max_size=12), days)
def test_generated_prospects_give_the_plain_figures(ps: list[Prospect], drawn: date) -> None:
    for today in (drawn, *DAYS):
        make = parts_maker(DEFAULT_CONFIG, today)
        summary = summarize_parts([make(p) for p in ps], DEFAULT_CONFIG, today)
        assert summary == summarize_funnel(ps, DEFAULT_CONFIG, today)
        assert_plain_figures(summary, ps, DEFAULT_CONFIG)


odd_seeds = st.lists(st.integers(0, 2**32), max_size=10)


@settings(max_examples=150, deadline=None)
@given(odd_seeds, st.sampled_from(sorted(CONFIGS)), st.sampled_from(DAYS))
def test_odd_prospects_give_the_plain_figures(seeds: list[int], name: str, today: date) -> None:
    ps = [odd_prospect(random.Random(seed), n) for n, seed in enumerate(seeds)]
    config = CONFIGS[name]
    make = parts_maker(config, today)
    assert_plain_figures(summarize_parts([make(p) for p in ps], config, today), ps, config)


STAGES_AND_CLOSED = [s.key for s in DEFAULT_CONFIG.stages] + ["won", "lost"]


# As above, one drawn list serves many checks: each of its prospects changed in turn.
@settings(max_examples=40, deadline=None)
@given(st.lists(any_prospect(), min_size=1, max_size=10), any_prospect(), st.data())
def test_parts_kept_from_another_list_serve_the_new_one(
    ps: list[Prospect], added: Prospect, data: st.DataObject
) -> None:
    today = TODAY
    make = parts_maker(DEFAULT_CONFIG, today)
    kept = {id(p): make(p) for p in ps}
    for at in range(len(ps)):
        changed = list(ps)
        stage = data.draw(st.sampled_from(STAGES_AND_CLOSED))
        changed[at] = replace(ps[at], value=ps[at].value + 1.0, stage=stage)
        changed.append(added)
        parts = [kept.get(id(p)) or make(p) for p in changed]
        assert summarize_parts(parts, DEFAULT_CONFIG, today) == summarize_funnel(
            changed, DEFAULT_CONFIG, today
        )
