"""The follow-up plan: intervals, touches, notes, snoozes and stage moves."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from rules_support import DEFAULT_CONFIG, QUALIFICATION, build_prospect

from leadline.core.config.model import Config, Weekday
from leadline.core.models import (
    FollowUpPlan,
    Lifecycle,
    Outcome,
    StageEntry,
    Touch,
    TouchOutcome,
)
from leadline.core.rules import followup
from leadline.core.rules.touches import silence

NOW = datetime(2025, 5, 14, 9, 30)
DAY = date(2025, 5, 14)
REPLIED, SILENT = TouchOutcome.REPLIED, TouchOutcome.NO_RESPONSE
QUALIFIED = dict.fromkeys(QUALIFICATION, True)


def touches(*spec: tuple[str, TouchOutcome]) -> tuple[Touch, ...]:
    return tuple(Touch(date.fromisoformat(d), "email", outcome) for d, outcome in spec)


@pytest.mark.parametrize(
    ("stage", "plan", "expected"),
    [
        ("lead", FollowUpPlan(), 7),  # no stage interval: the default
        ("needs", FollowUpPlan(), 7),
        ("proposal", FollowUpPlan(), 5),  # the stage's interval
        ("negotiation", FollowUpPlan(interval_days=14), 3),  # not agreed: the stage wins
        ("negotiation", FollowUpPlan(interval_days=14, agreed=True), 14),  # agreed wins
        ("lead", FollowUpPlan(agreed=True), 7),  # agreed without an interval
        ("nurture", FollowUpPlan(interval_days=5, agreed=True), 45),  # nurture cadence
    ],
)
def test_effective_interval(stage: str, plan: FollowUpPlan, expected: int, config: Config) -> None:
    assert followup.effective_interval(build_prospect(stage, plan=plan), config) == expected


def test_effective_channel_prefers_nurture_then_plan_then_default(config: Config) -> None:
    assert followup.effective_channel(build_prospect("lead"), config) == "email"
    phone = FollowUpPlan(channel="phone")
    assert followup.effective_channel(build_prospect("lead", plan=phone), config) == "phone"
    assert followup.effective_channel(build_prospect("nurture", plan=phone), config) == "newsletter"


@pytest.mark.parametrize(
    ("spec", "unanswered", "last"),
    [
        ((), 0, None),
        ((("2025-01-01", SILENT), ("2025-01-08", SILENT)), 2, None),
        ((("2025-01-01", SILENT), ("2025-01-08", REPLIED)), 0, "2025-01-08"),
        (
            (("2025-01-01", REPLIED), ("2025-01-08", SILENT), ("2025-01-15", SILENT)),
            2,
            "2025-01-01",
        ),
        # stored out of order: counted in date order all the same
        (
            (("2025-01-15", SILENT), ("2025-01-01", SILENT), ("2025-01-08", REPLIED)),
            1,
            "2025-01-08",
        ),
    ],
)
def test_unanswered_touches_and_last_response(
    spec: tuple[tuple[str, TouchOutcome], ...], unanswered: int, last: str | None
) -> None:
    p = build_prospect(touches=touches(*spec))
    quiet = silence(p, DEFAULT_CONFIG, date(2025, 2, 1))
    assert quiet.unanswered == unanswered
    assert quiet.last_response == (date.fromisoformat(last) if last else None)


def test_as_of_ignores_later_touches() -> None:
    p = build_prospect(touches=touches(("2025-01-01", SILENT), ("2025-01-08", REPLIED)))
    quiet = silence(p, DEFAULT_CONFIG, date(2025, 1, 7))
    assert (quiet.unanswered, quiet.last_response) == (1, None)


def test_is_qualified_needs_every_checklist_item(config: Config) -> None:
    partly = dict.fromkeys(QUALIFICATION[:2], True)
    assert not followup.is_qualified(build_prospect(qualification=partly), config)
    assert followup.is_qualified(build_prospect(qualification=QUALIFIED), config)
    assert followup.is_qualified(build_prospect(), replace(config, qualification=()))


def test_apply_touch_appends_in_date_order_and_moves_next_due(config: Config) -> None:
    p = build_prospect("proposal", touches=touches(("2025-05-01", SILENT), ("2025-05-10", SILENT)))
    late = Touch(date(2025, 5, 12), "phone", REPLIED)
    after = followup.apply_touch(p, late, config, NOW)
    assert after.touches[-1] == late
    # proposal interval: 5 days, to Saturday 17 May, moved on to Monday (a working day)
    assert after.plan.next_due == date(2025, 5, 19)
    assert after.updated == NOW
    backdated = Touch(date(2025, 5, 5), "phone", REPLIED)
    again = followup.apply_touch(after, backdated, config, NOW)
    assert [t.date.day for t in again.touches] == [1, 5, 10, 12]
    assert again.plan.next_due == date(2025, 5, 19)  # counts from the latest touch


def test_apply_touch_uses_the_agreed_interval(config: Config) -> None:
    p = build_prospect("needs", plan=FollowUpPlan(interval_days=14, agreed=True, channel="phone"))
    after = followup.apply_touch(p, Touch(DAY, "phone", REPLIED), config, NOW)
    assert after.plan == FollowUpPlan(14, "phone", date(2025, 5, 28), True)  # a Wednesday


def test_apply_touch_on_a_closed_deal_schedules_nothing(config: Config) -> None:
    won = build_prospect("won")
    after = followup.apply_touch(won, Touch(DAY, "phone", REPLIED), config, NOW)
    assert after.plan.next_due is None and len(after.touches) == 1


def test_add_note_and_snooze() -> None:
    p = build_prospect()
    noted = followup.add_note(p, "Wants a quote by Friday", NOW)
    assert noted.notes[-1].text == "Wants a quote by Friday" and noted.notes[-1].at == NOW
    with pytest.raises(ValueError):
        followup.add_note(p, "   ", NOW)
    assert followup.snooze(p, date(2025, 6, 1), NOW).plan.next_due == date(2025, 6, 1)
    assert followup.snooze(p, NOW.date(), NOW).plan.next_due == NOW.date()
    with pytest.raises(ValueError, match="has passed"):
        followup.snooze(p, NOW.date() - timedelta(days=1), NOW)


def test_next_due_after_counts_the_interval_and_skips_the_weekend(config: Config) -> None:
    negotiation = build_prospect("negotiation")  # every 3 days: Saturday 17 May
    assert followup.next_due_after(negotiation, DAY, config) == date(2025, 5, 19)
    weekends = replace(config, follow_up=replace(config.follow_up, skip_non_working_days=False))
    assert followup.next_due_after(negotiation, DAY, weekends) == date(2025, 5, 17)
    six_days = replace(config, working_days=config.working_days + (Weekday.SAT,))
    assert followup.next_due_after(negotiation, DAY, six_days) == date(2025, 5, 17)


def test_a_reply_asking_for_information_is_due_the_next_working_day(config: Config) -> None:
    friday = date(2025, 5, 16)
    p = build_prospect("needs", plan=FollowUpPlan(interval_days=14, agreed=True, channel="phone"))
    asked = followup.apply_touch(p, Touch(friday, "email", TouchOutcome.ASKED_INFO), config, NOW)
    assert asked.plan.next_due == date(2025, 5, 19)  # Monday, not in two weeks


@pytest.mark.parametrize("channel", ["card", "newsletter", "social"])
def test_a_card_or_a_broadcast_moves_nothing_in_the_plan(config: Config, channel: str) -> None:
    plan = FollowUpPlan(interval_days=14, agreed=True, channel="phone", next_due=DAY)
    p = build_prospect("needs", plan=plan, touches=touches(("2025-05-01", SILENT)))
    after = followup.apply_touch(p, Touch(DAY, channel, TouchOutcome.SENT), config, NOW)
    assert after.plan == plan and len(after.touches) == 2
    assert silence(after, config, DAY).unanswered == 1  # the card did not reset the count


def test_a_newsletter_to_a_nurture_prospect_is_its_slow_touch(config: Config) -> None:
    p = build_prospect("nurture", plan=FollowUpPlan(next_due=DAY))
    after = followup.apply_touch(p, Touch(DAY, "newsletter", TouchOutcome.SENT), config, NOW)
    assert after.plan.next_due == date(2025, 6, 30)  # 45 days on, a Monday


@pytest.mark.parametrize(
    ("lifecycle", "checklist", "target", "expected"),
    [
        (Lifecycle.LEAD, {}, "qualified", Lifecycle.LEAD),
        (Lifecycle.LEAD, QUALIFIED, "qualified", Lifecycle.PROSPECT),
        (Lifecycle.LEAD, QUALIFIED, Outcome.NURTURE, Lifecycle.PROSPECT),
        (Lifecycle.PROSPECT, {}, Outcome.WON, Lifecycle.CUSTOMER),
        (Lifecycle.LEAD, {}, Outcome.WON, Lifecycle.CUSTOMER),
        (Lifecycle.CUSTOMER, {}, Outcome.WON, Lifecycle.REPEAT_BUYER),
        (Lifecycle.REPEAT_BUYER, {}, Outcome.WON, Lifecycle.REPEAT_BUYER),
        (Lifecycle.PROSPECT, {}, Outcome.LOST, Lifecycle.PROSPECT),
    ],
)
def test_move_stage_lifecycle(
    lifecycle: Lifecycle,
    checklist: dict[str, bool],
    target: str,
    expected: Lifecycle,
    config: Config,
) -> None:
    p = build_prospect("lead", lifecycle=lifecycle, qualification=checklist)
    assert followup.move_stage(p, target, DAY, config, NOW).lifecycle == expected


@pytest.mark.parametrize(
    ("start_stage", "start_due", "target", "expected_due"),
    [
        ("demo", date(2025, 5, 20), Outcome.WON, None),
        ("demo", date(2025, 5, 20), Outcome.LOST, None),
        ("demo", date(2025, 5, 20), Outcome.DEAD, None),
        ("demo", date(2025, 5, 20), Outcome.NURTURE, date(2025, 6, 28)),  # 45 days
        ("demo", date(2025, 5, 20), "proposal", date(2025, 5, 20)),  # kept
        ("demo", None, "proposal", date(2025, 5, 19)),  # scheduled: 5 days
        ("nurture", date(2025, 7, 1), "needs", date(2025, 5, 21)),  # reopened: 7 days
    ],
)
def test_move_stage_next_due(
    start_stage: str, start_due: date | None, target: str, expected_due: date | None, config: Config
) -> None:
    p = build_prospect(start_stage, plan=FollowUpPlan(next_due=start_due))
    moved = followup.move_stage(p, target, DAY, config, NOW)
    assert moved.plan.next_due == expected_due
    won = 0.0 if target == Outcome.WON else None  # a win records its value
    assert moved.stage == target and moved.stage_history[-1] == StageEntry(target, DAY, won)
    assert moved.stage_entered == DAY and moved.updated == NOW


def test_move_stage_keeps_history_in_date_order_and_refuses_unknown(config: Config) -> None:
    p = build_prospect("lead", first=date(2025, 5, 1))
    moved = followup.move_stage(p, "qualified", date(2025, 5, 10), config, NOW)
    moved = followup.move_stage(moved, "meeting", date(2025, 5, 5), config, NOW)
    assert [e.date.day for e in moved.stage_history] == [1, 5, 10]
    assert followup.move_stage(moved, "meeting", DAY, config, NOW) is moved  # already there
    with pytest.raises(ValueError, match="unknown"):
        followup.move_stage(p, "closing", DAY, config, NOW)
