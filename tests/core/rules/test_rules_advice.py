"""Funnel-shape advice: each code on one side of its threshold and not on the other."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from rules_support import build_prospect

from leadline.core.config.model import Config
from leadline.core.models import Lifecycle, Meeting, Prospect, StageEntry, Touch, TouchOutcome
from leadline.core.rules.advice import AdviceCode
from leadline.core.rules.funnel.summary import summarize_funnel

TODAY = date(2025, 5, 14)
NEAR = TODAY + timedelta(days=10)
"""An expected close within half the default 60-day cycle: the best-few test passes."""


def many(stage: str, count: int, prefix: str = "", **fields: object) -> list[Prospect]:
    return [build_prospect(stage, id=f"{prefix}{stage}{i}", **fields) for i in range(count)]


def advice(ps: list[Prospect], config: Config) -> dict[AdviceCode, list[dict[str, object]]]:
    found: dict[AdviceCode, list[dict[str, object]]] = {}
    for item in summarize_funnel(ps, config, TODAY).advice:
        found.setdefault(item.code, []).append(dict(item.numbers))
    return found


def booked(days_ahead: int) -> tuple[Meeting, ...]:
    return (Meeting(TODAY + timedelta(days=days_ahead), "Demo"),)


@pytest.mark.parametrize(
    ("meetings", "expected"),
    [
        ([], True),
        ([booked(3)], True),  # 1 < few_meetings (2)
        ([booked(3), booked(14)], False),  # day 14 is inside the horizon
        ([booked(3), booked(15)], True),  # day 15 is not
    ],
)
def test_prospect_more(meetings: list[tuple[Meeting, ...]], expected: bool, config: Config) -> None:
    funnel = many("proposal", 3, expected_close=NEAR) + many("lead", 5)
    funnel += [build_prospect("meeting", id=f"m{i}", meetings=m) for i, m in enumerate(meetings)]
    found = advice(funnel, config)
    assert (AdviceCode.PROSPECT_MORE in found) is expected
    if expected:
        assert found[AdviceCode.PROSPECT_MORE][0]["best_few"] == 3


def test_prospect_more_needs_many_in_best_few(config: Config) -> None:
    funnel = many("proposal", 2, expected_close=NEAR) + many("lead", 5)
    assert AdviceCode.PROSPECT_MORE not in advice(funnel, config)


@pytest.mark.parametrize(
    ("above", "best_few", "expected"), [(10, 0, True), (9, 0, False), (10, 1, False)]
)
def test_fewer_cold_calls(above: int, best_few: int, expected: bool, config: Config) -> None:
    found = advice(many("lead", above) + many("negotiation", best_few, expected_close=NEAR), config)
    assert (AdviceCode.FEWER_COLD_CALLS in found) is expected
    if expected:
        assert found[AdviceCode.FEWER_COLD_CALLS] == [{"above": 10, "best_few": 0}]


@pytest.mark.parametrize(("above", "expected"), [(0, True), (2, True), (3, False)])
def test_roller_coaster(above: int, expected: bool, config: Config) -> None:
    found = advice(many("qualified", above) + many("needs", 5), config)
    assert (AdviceCode.ROLLER_COASTER in found) is expected
    if expected:
        assert found[AdviceCode.ROLLER_COASTER] == [{"above": above}]


def met(pid: str, then: str) -> Prospect:
    history = (StageEntry("meeting", date(2025, 1, 10)), StageEntry(then, date(2025, 2, 10)))
    return build_prospect(then, id=pid, stage_history=history)


@pytest.mark.parametrize(
    ("meetings", "won", "expected"), [(5, 0, True), (5, 1, False), (4, 0, False)]
)
def test_weak_closing(meetings: int, won: int, expected: bool, config: Config) -> None:
    ps = [met(f"m{i}", "won" if i < won else "lost") for i in range(meetings)]
    found = advice(ps + many("lead", 5), config)
    assert (AdviceCode.WEAK_CLOSING in found) is expected
    if expected:
        assert found[AdviceCode.WEAK_CLOSING] == [{"meetings": 5, "won": 0, "meeting_to_won": 0.0}]


def worked(stage: str, minutes: int) -> Prospect:
    touch = Touch(TODAY - timedelta(days=2), "phone", TouchOutcome.REPLIED, minutes)
    return build_prospect(stage, id=stage, first=date(2025, 1, 1), touches=(touch,))


def test_rebalance_time_names_each_section_off_target(config: Config) -> None:
    ps = [worked("lead", 50), worked("needs", 20), worked("proposal", 30)] + many("lead", 5, "x")
    found = advice(ps, config)[AdviceCode.REBALANCE_TIME]
    assert [(n["section"], round(float(n["off_points"]))) for n in found] == [
        ("above", 30),
        ("in", -20),
    ]
    assert found[0]["actual"] == pytest.approx(0.5) and found[0]["target"] == 0.2


def test_rebalance_time_quiet_on_target_or_without_minutes(config: Config) -> None:
    on_target = [worked("lead", 35), worked("needs", 25), worked("proposal", 40)]  # +15, -15, 0
    assert AdviceCode.REBALANCE_TIME not in advice(on_target + many("lead", 5, "x"), config)
    assert AdviceCode.REBALANCE_TIME not in advice(many("lead", 5), config)


# --- issue 11: advice that fits the pipeline --------------------------------------


def closed_after_meeting(pid: str, outcome: str) -> Prospect:
    history = (StageEntry("meeting", date(2025, 1, 10)), StageEntry(outcome, date(2025, 2, 10)))
    return build_prospect(outcome, id=pid, stage_history=history)


def test_a_young_pipeline_with_open_meetings_gets_no_weak_closing(config: Config) -> None:
    met = (StageEntry("meeting", date(2025, 4, 1)),)
    young = [build_prospect("meeting", id=f"m{i}", stage_history=met) for i in range(8)]
    found = advice(young + many("lead", 5), config)
    assert AdviceCode.WEAK_CLOSING not in found  # nothing closed yet: nothing to judge
    closed = [closed_after_meeting(f"c{i}", "dead" if i else "won") for i in range(6)]
    found = advice(young + closed + many("lead", 5), config)
    assert found[AdviceCode.WEAK_CLOSING] == [
        {"meetings": 6, "won": 1, "meeting_to_won": pytest.approx(1 / 6)}
    ]


def test_many_appointments_and_few_near_close_get_fewer_cold_calls(config: Config) -> None:
    booked_five = [build_prospect("meeting", id=f"m{i}", meetings=booked(2)) for i in range(5)]
    found = advice(booked_five + many("lead", 3), config)
    assert found[AdviceCode.FEWER_COLD_CALLS] == [{"meetings": 5, "best_few": 0}]
    found = advice(booked_five[:4] + many("lead", 3), config)
    assert AdviceCode.FEWER_COLD_CALLS not in found


@pytest.mark.parametrize(
    "customer",
    [
        {"lifecycle": Lifecycle.CUSTOMER},
        {"lifecycle": Lifecycle.REPEAT_BUYER},
        {"stage": "won"},
    ],
)
def test_meetings_with_existing_customers_are_not_new_business(
    customer: dict[str, object], config: Config
) -> None:
    near = many("proposal", 3, expected_close=NEAR) + many("lead", 5)
    stage = str(customer.pop("stage", "needs"))
    upsells = [build_prospect(stage, id=f"u{i}", meetings=booked(2), **customer) for i in range(3)]
    found = advice(near + upsells, config)
    assert found[AdviceCode.PROSPECT_MORE][0]["meetings"] == 0  # hidden no more


@pytest.mark.parametrize(
    ("open_deals", "expected"),
    [(0, [AdviceCode.EMPTY_PIPELINE]), (2, [AdviceCode.THIN_PIPELINE]), (5, None)],
)
def test_an_empty_or_tiny_pipeline_gets_advice_that_fits_it(
    open_deals: int, expected: list[AdviceCode] | None, config: Config
) -> None:
    found = list(advice(many("needs", open_deals), config))
    if expected is None:
        assert AdviceCode.THIN_PIPELINE not in found and AdviceCode.EMPTY_PIPELINE not in found
    else:
        assert found == expected  # no roller-coaster "only 0" beside it


def test_no_sentence_says_only_0() -> None:
    from leadline.tui.text.words import advice_sentence

    zeros = {
        "prospect-more": {"best_few": 3, "meetings": 0},
        "roller-coaster": {"above": 0},
        "weak-closing": {"meetings": 6, "won": 0, "meeting_to_won": 0.0},
        "fewer-cold-calls": {"meetings": 6, "best_few": 0},
        "thin-pipeline": {"open": 1},
        "empty-pipeline": {},
        "cost-of-chasing": {"minutes": 75, "deals": 2},
    }
    for code, numbers in zeros.items():
        sentence = advice_sentence(code, numbers)
        assert "only 0" not in sentence.lower() and " 0%" not in sentence, sentence
    assert advice_sentence("cost-of-chasing", zeros["cost-of-chasing"]).startswith("1h 15 min")
