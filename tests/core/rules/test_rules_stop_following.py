"""Stop-following: both thresholds, the per-stage override, the proposed exit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from rules_support import FIT_ICP, QUALIFICATION, build_prospect

from leadline.core.config.model import Config, FollowUp, StopFollowing, StopThen
from leadline.core.models import Outcome, Touch, TouchOutcome
from leadline.core.rules.stop_following import StopReason, evaluate_stop_following

FIRST = date(2025, 1, 6)
QUALIFIED = dict.fromkeys(QUALIFICATION, True)


def weekly_silence(count: int, start: date = FIRST + timedelta(days=7)) -> tuple[Touch, ...]:
    """`count` no-response touches a week apart, the first on `start`."""
    return tuple(
        Touch(start + timedelta(weeks=i), "email", TouchOutcome.NO_RESPONSE) for i in range(count)
    )


@pytest.mark.parametrize(
    ("stage", "silent_touches", "today", "stop", "reasons"),
    [
        # global: 5 unanswered touches (needs has no override)
        ("needs", 4, date(2025, 2, 10), False, ()),
        ("needs", 5, date(2025, 2, 10), True, (StopReason.UNANSWERED,)),
        # the lead stage overrides the touch limit with 3
        ("lead", 2, date(2025, 1, 25), False, ()),
        ("lead", 3, date(2025, 1, 27), True, (StopReason.UNANSWERED,)),
        # 60 days since the first touch (a week after first contact) with no response
        ("needs", 1, FIRST + timedelta(days=66), False, ()),
        ("needs", 1, FIRST + timedelta(days=67), True, (StopReason.SILENT,)),
        ("needs", 5, FIRST + timedelta(days=67), True, (StopReason.UNANSWERED, StopReason.SILENT)),
        # nobody ever touched it: never proposed, however long ago it was added
        ("needs", 0, FIRST + timedelta(days=400), False, ()),
    ],
)
def test_thresholds(
    stage: str,
    silent_touches: int,
    today: date,
    stop: bool,
    reasons: tuple[StopReason, ...],
    config: Config,
) -> None:
    p = build_prospect(stage, first=FIRST, touches=weekly_silence(silent_touches))
    decision = evaluate_stop_following(p, config, today)
    assert (decision.stop, decision.reasons) == (stop, reasons)
    assert decision.unanswered == silent_touches


def test_the_touch_limit_is_crossed_on_the_day_of_the_last_touch(config: Config) -> None:
    p = build_prospect("needs", first=FIRST, touches=weekly_silence(5))
    fifth = p.touches[-1].date
    assert not evaluate_stop_following(p, config, fifth - timedelta(days=1)).stop
    assert evaluate_stop_following(p, config, fifth).stop


def test_days_count_from_the_last_reply(config: Config) -> None:
    reply = Touch(date(2025, 3, 1), "phone", TouchOutcome.REPLIED)
    p = build_prospect("needs", first=FIRST, touches=(reply,))
    assert not evaluate_stop_following(p, config, date(2025, 4, 29)).stop  # 59 days
    decision = evaluate_stop_following(p, config, date(2025, 4, 30))
    assert decision.stop and decision.days_silent == 60


def test_a_reply_resets_the_unanswered_count(config: Config) -> None:
    reply = Touch(date(2025, 3, 1), "phone", TouchOutcome.REPLIED)
    p = build_prospect("needs", first=FIRST, touches=weekly_silence(5) + (reply,))
    decision = evaluate_stop_following(p, config, date(2025, 3, 2))
    assert not decision.stop and decision.unanswered == 0


def test_stage_override_of_days(config: Config) -> None:
    needs = config.stage("needs")
    assert needs is not None
    patient = replace(
        needs, stop_following=replace(needs.stop_following, after_days_without_response=90)
    )
    stages = tuple(patient if s.key == "needs" else s for s in config.stages)
    custom = replace(config, stages=stages)
    p = build_prospect("needs", first=FIRST, touches=weekly_silence(1, FIRST))
    assert evaluate_stop_following(p, config, FIRST + timedelta(days=60)).stop
    assert not evaluate_stop_following(p, custom, FIRST + timedelta(days=89)).stop
    assert evaluate_stop_following(p, custom, FIRST + timedelta(days=90)).days_limit == 90


def test_a_threshold_of_none_switches_that_test_off(config: Config) -> None:
    rule = StopFollowing(after_unanswered_touches=None, after_days_without_response=None)
    custom = replace(config, follow_up=replace(config.follow_up, stop_following=rule))
    p = build_prospect("needs", first=FIRST, touches=weekly_silence(9))
    assert not evaluate_stop_following(p, custom, date(2026, 1, 1)).stop


@pytest.mark.parametrize(
    ("checklist", "icp", "then", "exit_"),
    [
        (QUALIFIED, FIT_ICP, StopThen.NURTURE_IF_QUALIFIED, Outcome.NURTURE),
        ({}, FIT_ICP, StopThen.NURTURE_IF_QUALIFIED, Outcome.DEAD),  # not qualified
        (
            QUALIFIED,
            {"industry": "mining"},
            StopThen.NURTURE_IF_QUALIFIED,
            Outcome.DEAD,
        ),  # poor fit
        (QUALIFIED, FIT_ICP, StopThen.DEAD, Outcome.DEAD),  # config says dead
    ],
)
def test_proposed_exit(
    checklist: dict[str, bool], icp: dict[str, str], then: StopThen, exit_: Outcome, config: Config
) -> None:
    follow_up: FollowUp = replace(
        config.follow_up, stop_following=replace(config.follow_up.stop_following, then=then)
    )
    custom = replace(config, follow_up=follow_up)
    p = build_prospect(
        "needs", first=FIRST, qualification=checklist, icp=icp, touches=weekly_silence(1)
    )
    decision = evaluate_stop_following(p, custom, date(2025, 6, 1))
    assert decision.stop and decision.proposed_exit == exit_


@pytest.mark.parametrize("stage", ["nurture", "won", "lost", "dead"])
def test_parked_and_closed_prospects_never_stop(stage: str, config: Config) -> None:
    p = build_prospect(stage, first=FIRST, touches=weekly_silence(9))
    decision = evaluate_stop_following(p, config, date(2026, 1, 1))
    assert not decision.stop and decision.proposed_exit is None
