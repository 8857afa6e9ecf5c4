"""The rules' shortcuts agree with the straightforward computations they replace.

Each reference below is the plain algorithm (sort everything, look everything
up, build every date); the rules skip work where the answer cannot change. The
prospects come from golden_support's odd generator (unsorted and missing
histories, unknown stages, repeated wins, February 29th, cards, future touches).
"""

from __future__ import annotations

import random
from bisect import bisect_right
from dataclasses import replace
from datetime import date, timedelta

from golden_support import CONFIGS, DAYS, odd_prospect
from hypothesis import given, settings
from hypothesis import strategies as st
from rules_support import DEFAULT_CONFIG

from leadline.core.config.model import Config, Icp, IcpCriterion, Section, StageDef
from leadline.core.models import OUTCOME_VALUES, Outcome, Prospect, TouchOutcome
from leadline.core.rules.allocation import WINDOW_DAYS, time_allocation
from leadline.core.rules.closed import closings_on
from leadline.core.rules.history import closings, conversions, timeline
from leadline.core.rules.icp import icp_checks, icp_score
from leadline.core.rules.occasions import next_occurrence, upcoming_occasion, yearly_days
from leadline.core.rules.touches import silence

odd_prospects = st.integers(0, 2**32).map(lambda seed: odd_prospect(random.Random(seed), 0))
odd_pipelines = st.lists(st.integers(0, 2**32).map(random.Random), min_size=0, max_size=8).map(
    lambda rngs: [odd_prospect(rng, n) for n, rng in enumerate(rngs)]
)
days = st.sampled_from(DAYS)


def test_yearly_days_holds_exactly_the_dates_that_come_round_in_the_window() -> None:
    leap_year = [date(2000, 1, 1) + timedelta(days=n) for n in range(366)]
    starts = [date(2026, 12, 20) + timedelta(days=n) for n in range(80)]
    starts += [date(2027, 12, 20) + timedelta(days=n) for n in range(80)]
    for start in starts:
        for horizon in (0, 3, 10, 200):
            last = start + timedelta(days=horizon)
            found = yearly_days(start, last)
            assert found is not None
            for day in leap_year:
                comes = next_occurrence(day, start) <= last
                assert (day.month * 100 + day.day in found) == comes, (start, horizon, day)


def test_a_year_long_window_needs_no_date_list() -> None:
    assert yearly_days(date(2027, 3, 1), date(2028, 3, 1)) is None
    assert yearly_days(date(2027, 3, 1), date(2028, 2, 28)) is not None


def _reference_occasion(p: Prospect, today: date, horizon: int) -> tuple[date, str, str] | None:
    best: tuple[date, str, str] | None = None
    for contact in p.contacts:
        for kind, day in (("birthday", contact.birthday), ("anniversary", contact.anniversary)):
            if day is None:
                continue
            on = next_occurrence(day, today)
            earliest = on - timedelta(days=max(0, horizon))
            if any(t.channel == "card" and earliest <= t.date <= on for t in p.touches):
                continue
            if on <= today + timedelta(days=max(0, horizon)) and (best is None or on < best[0]):
                best = (on, contact.name, kind)
    return best


@settings(max_examples=300)
@given(odd_prospects, days, st.sampled_from([0, 3, 10, 400]))
def test_upcoming_occasion_matches_the_plain_search(p: Prospect, today: date, horizon: int) -> None:
    found = upcoming_occasion(p, today, horizon)
    plain = None if found is None else (found.on, found.contact.name, found.kind)
    assert plain == _reference_occasion(p, today, horizon)


@settings(max_examples=300)
@given(odd_prospects)
def test_closings_on_the_last_day_say_what_closings_say(p: Prospect) -> None:
    found = closings_on(p, DEFAULT_CONFIG, date.max)
    entries = closings(p)
    won = [c for c in found if c.outcome == Outcome.WON]
    assert sorted(c.day for c in won) == [e.date for e in entries if e.stage == Outcome.WON]
    assert sum(c.outcome == Outcome.LOST for c in found) == sum(
        e.stage == Outcome.LOST for e in entries
    )
    closed = [c for c in found if c.outcome in (Outcome.WON, Outcome.LOST)]
    assert all(c.real for c in closed) == all(e in p.stage_history for e in entries)


@settings(max_examples=300)
@given(odd_prospects, days)
def test_silence_matches_a_walk_in_date_order(p: Prospect, today: date) -> None:
    """Silence (touches.py) against a plain walk: sales touches up to today in date
    order, from the return out of an outcome on; a response resets the count."""
    back = None
    entries = sorted((e for e in p.stage_history if e.date <= today), key=lambda e: e.date)
    for before, entry in zip(entries, entries[1:], strict=False):
        if before.stage in OUTCOME_VALUES and entry.stage not in OUTCOME_VALUES:
            back = entry.date
    others = {"card", "newsletter", "social"}
    walk = [t for t in sorted(p.touches, key=lambda t: t.date) if t.date <= today]
    walk = [t for t in walk if t.channel not in others and t.outcome != TouchOutcome.SENT]
    walk = [t for t in walk if back is None or t.date >= back]
    count, replied = 0, None
    for touch in walk:
        if touch.outcome in (TouchOutcome.REPLIED, TouchOutcome.ASKED_INFO):
            count, replied = 0, touch.date
        elif touch.outcome == TouchOutcome.NO_RESPONSE and touch.date != replied:
            count += 1
    found = silence(p, DEFAULT_CONFIG, today)
    assert (found.unanswered, found.last_response, found.touches) == (count, replied, len(walk))
    anchors = [d for d in (replied, back, walk[0].date if walk else None) if d is not None]
    expected_since = max(anchors) if (walk or back) else None
    assert found.since == expected_since
    assert found.days == (max(0, (today - expected_since).days) if expected_since else 0)


def _reference_minutes(ps: list[Prospect], today: date) -> dict[Section | None, int]:
    start = today - timedelta(days=WINDOW_DAYS - 1)
    found: dict[Section | None, int] = {}
    for p in ps:
        entries = timeline(p, today)  # history dated after today is ignored
        dates = [e.date for e in entries]
        for t in p.touches if entries else ():
            if start <= t.date <= today and t.minutes > 0:
                at = max(0, bisect_right(dates, t.date) - 1)
                section = DEFAULT_CONFIG.section_of(entries[at].stage)
                found[section] = found.get(section, 0) + t.minutes
    return found


@settings(max_examples=200)
@given(odd_pipelines, days)
def test_time_allocation_matches_a_search_per_touch(ps: list[Prospect], today: date) -> None:
    allocation = time_allocation(ps, DEFAULT_CONFIG, today)
    expected = _reference_minutes(ps, today)
    assert {s.section: s.minutes for s in allocation.sections} == {
        s: expected.get(s, 0) for s in (Section.ABOVE, Section.IN, Section.BEST_FEW)
    }
    assert allocation.other_minutes == expected.get(None, 0)


@settings(max_examples=200)
@given(odd_pipelines)
def test_conversions_match_the_stages_reached_after_each_entry(ps: list[Prospect]) -> None:
    keys = [s.key for s in DEFAULT_CONFIG.stages]
    won = len(keys)
    entered, converted, meeting_won = [0] * won, [0] * won, 0
    for p in ps:
        stages = [e.stage for e in timeline(p)]
        ranks = [won if s == "won" else keys.index(s) if s in keys else -1 for s in stages]
        for i in range(won):
            if i in ranks:
                entered[i] += 1
                converted[i] += any(r > i for r in ranks[ranks.index(i) + 1 :])
        meeting_won += "meeting" in stages and "won" in stages[stages.index("meeting") + 1 :]
    steps, meeting_to_won = conversions(ps, DEFAULT_CONFIG)
    assert [s.entered for s in steps] == entered
    assert [s.converted for s in steps] == converted
    assert meeting_to_won is not None and meeting_to_won.converted == meeting_won


def _first(config: Config, key: str) -> tuple[StageDef | None, int]:
    """The plain walk: the first stage with `key` and its position (-1 if none)."""
    for position, stage in enumerate(config.stages):
        if stage.key == key:
            return stage, position
    return None, -1


def test_the_stage_table_agrees_with_a_walk_of_the_stages() -> None:
    doubled = replace(
        DEFAULT_CONFIG,
        stages=(*DEFAULT_CONFIG.stages, StageDef("lead", "Again", Section.BEST_FEW, 0.9)),
    )
    for config in (DEFAULT_CONFIG, doubled):
        table = config.stage_table
        for key in [s.key for s in config.stages] + ["won", "nurture", "mystery"]:
            stage, position = _first(config, key)
            assert table.by_key.get(key) is stage is config.stage(key)
            assert table.index.get(key, -1) == position == config.stage_index(key)
            assert table.section.get(key) == (stage.section if stage else None)
            assert config.section_of(key) == table.section.get(key)
            assert table.probability.get(key) == (stage.probability if stage else None)
            so_far = [i for s in config.stages[: position + 1] for i in s.entry_criteria]
            assert table.criteria_so_far.get(key, ()) == tuple(dict.fromkeys(so_far))
    assert doubled.stage_table.section["lead"] == Section.ABOVE


def test_a_changed_config_gets_its_own_table() -> None:
    first = DEFAULT_CONFIG.stage_table
    assert DEFAULT_CONFIG.stage_table is first  # built once, kept on the config
    renamed = replace(DEFAULT_CONFIG, stages=DEFAULT_CONFIG.stages[1:])
    assert "lead" not in renamed.stage_table.by_key
    assert DEFAULT_CONFIG.stage_table is first


def test_a_kept_table_or_profile_changes_no_equality_or_hash() -> None:
    fresh = replace(DEFAULT_CONFIG)  # nothing looked up on it yet
    assert "stage_table" not in vars(fresh)
    assert DEFAULT_CONFIG.stage_table and fresh == DEFAULT_CONFIG
    profile = DEFAULT_CONFIG.ideal_customer_profile
    twin = Icp(criteria=profile.criteria, low_score=profile.low_score)
    before = hash(twin)
    assert twin.weighted_tests and twin.total_weight == 6.0
    assert hash(twin) == before == hash(profile) and twin == profile


def _reference_score(p: Prospect, config: Config) -> int:
    checks = icp_checks(p, config)
    total = sum(max(check.criterion.weight, 0.0) for check in checks)
    if total <= 0:
        return 100
    return round(100 * sum(max(c.criterion.weight, 0.0) for c in checks if c.met) / total)


@settings(max_examples=300)
@given(odd_prospects, st.sampled_from(sorted(CONFIGS)))
def test_icp_score_matches_the_checks_one_by_one(p: Prospect, name: str) -> None:
    assert icp_score(p, CONFIGS[name]) == _reference_score(p, CONFIGS[name])


def test_a_changed_profile_is_scored_by_its_own_criteria(config: Config) -> None:
    p = replace(odd_prospect(random.Random(1), 0), icp={"industry": "software"})
    assert icp_score(p, config) == 50
    only_region = replace(
        config, ideal_customer_profile=Icp(criteria=(IcpCriterion("region", 1.0, equals="EU"),))
    )
    assert icp_score(p, only_region) == 0
    assert icp_score(p, config) == 50
