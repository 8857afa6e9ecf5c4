"""The funnel from per-prospect parts is the funnel of the plain figures.

`summarize_funnel` adds up each prospect's parts (`summarize_parts`); the
golden fixture pins its results. Here every figure is compared with the
function that computes it alone from the prospects (win rate, normal cycle,
conversions, time allocation, quota, meetings, best few, stage totals), for
the golden inputs and for generated prospects, and parts made for one list of
prospects are shown to serve another list that shares some of them.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest
from golden_support import CONFIGS, DAYS, load_golden, odd_prospect, subsets
from hypothesis import given, settings
from hypothesis import strategies as st
from rules_support import DEFAULT_CONFIG
from strategies import funnel_prospects as any_prospect
from testkit import TODAY

from leadline.core.config.model import Config
from leadline.core.models import Outcome, Prospect
from leadline.core.rules.advice import meetings_booked
from leadline.core.rules.allocation import time_allocation
from leadline.core.rules.funnel.summary import (
    FunnelSummary,
    parts_maker,
    passes_best_few_test,
    summarize_funnel,
    summarize_parts,
)
from leadline.core.rules.history import conversions, normal_cycle, win_rate
from leadline.core.rules.quota import quota_status


def _plain_rows(prospects: list[Prospect], config: Config) -> list[tuple[str, int, float, float]]:
    """(key, count, value, weighted) per stage and outcome, added up in order."""
    rows = []
    for key in [s.key for s in config.stages] + [o.value for o in Outcome]:
        stage = config.stage(key)
        count, value, weighted = 0, 0.0, 0.0
        for p in prospects:
            if p.stage == key:
                count, value = count + 1, value + p.value
                weighted += p.value * stage.probability if stage else 0.0
        rows.append((key, count, value, weighted))
    return rows


def assert_plain_figures(summary: FunnelSummary, ps: list[Prospect], config: Config) -> None:
    today = summary.today
    rate = win_rate(ps, config)
    assert summary.win_rate == rate
    assert summary.normal_cycle == normal_cycle(ps, config)
    assert (summary.conversion, summary.meeting_to_won) == conversions(ps, config)
    assert summary.time_allocation == time_allocation(ps, config, today)
    assert summary.quota == quota_status(ps, config, today, rate.rate)
    assert summary.meetings_next_14_days == meetings_booked(ps, today)
    cycle = summary.normal_cycle.days
    assert summary.best_few_ids == tuple(p.id for p in ps if passes_best_few_test(p, today, cycle))
    found = [(b.key, b.count, b.value, b.weighted_value) for b in summary.stages + summary.outcomes]
    assert found == _plain_rows(ps, config)


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
