"""Warnings on a prospect: each code raised by one change to a clean prospect."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from rules_support import DEFAULT_CONFIG, FIT_ICP, build_prospect

from leadline.core.config.model import Config
from leadline.core.models import (
    Contact,
    FollowUpPlan,
    Lifecycle,
    Meeting,
    Prospect,
    Role,
    StageEntry,
    Touch,
    TouchOutcome,
)
from leadline.core.rules.history import NormalCycle, WinRate
from leadline.core.rules.pipeline import PipelineFacts
from leadline.core.rules.warnings import WarningCode as W
from leadline.core.rules.warnings import warnings_for

TODAY = date(2025, 5, 14)
FIRST = TODAY - timedelta(days=10)
EVERY_ITEM = {
    item: True
    for item in DEFAULT_CONFIG.qualification
    + tuple(c for s in DEFAULT_CONFIG.stages for c in s.entry_criteria)
}
DECIDER = Contact("Dana", Role.DECISION_MAKER)
EVERY_INFLUENCE = (DECIDER, Contact("Ute", Role.INFLUENCER), Contact("Cole", Role.COACH))
GOOD_PLAN = FollowUpPlan(
    interval_days=7, channel="phone", next_due=TODAY + timedelta(3), agreed=True
)


def touch(days_ago: int, outcome: TouchOutcome = TouchOutcome.REPLIED) -> Touch:
    return Touch(TODAY - timedelta(days=days_ago), "phone", outcome)


def clean(stage: str = "needs", first: date = FIRST, **changes: Any) -> Prospect:
    """A prospect in `stage` since `first` that deserves no warning; `changes` spoil it."""
    base = build_prospect(
        stage,
        first=first,
        lifecycle=Lifecycle.PROSPECT,
        qualification=EVERY_ITEM,
        decision_maker_confirmed=True,
        contacts=EVERY_INFLUENCE,
        plan=GOOD_PLAN,
        icp=FIT_ICP,
        expected_close=TODAY + timedelta(days=20),  # within half the cycle: best few
    )
    return replace(base, **changes)


def codes(p: Prospect, config: Config = DEFAULT_CONFIG, **kw: Any) -> dict[W, dict[str, int]]:
    return {w.code: w.numbers for w in warnings_for(p, config, TODAY, **kw)}


def test_a_clean_prospect_has_no_warnings() -> None:
    for stage in ("lead", "qualified", "meeting", "needs", "demo", "proposal", "negotiation"):
        assert codes(clean(stage)) == {}


@pytest.mark.parametrize(
    ("prospect", "expected"),
    [
        # unqualified-followed: a lead with touches and an unmet checklist
        (clean("lead", lifecycle=Lifecycle.LEAD, qualification={}, touches=(touch(5),)),
         {W.UNQUALIFIED_FOLLOWED: {"touches": 1, "missing": 3}}),
        (clean("lead", lifecycle=Lifecycle.LEAD, qualification={}), {}),
        # no-decision-maker: nobody with the role, or unconfirmed with a meeting booked
        (clean(contacts=(Contact("Gia", Role.INFLUENCER),)),
         {W.NO_DECISION_MAKER: {"decision_makers": 0, "meetings_booked": 0},
          W.MISSING_INFLUENCES: {"missing": 1}}),
        (clean(decision_maker_confirmed=False, meetings=(Meeting(TODAY + timedelta(1)),),
               qualification={**EVERY_ITEM, "Decision maker confirmed": False}),
         {W.NO_DECISION_MAKER: {"decision_makers": 1, "meetings_booked": 1},
          W.PREMATURE_STAGE: {"missing": 1}}),
        (clean(decision_maker_confirmed=False, meetings=(Meeting(TODAY - timedelta(1)),)), {}),
        # gatekeepers-only
        (clean(contacts=(Contact("Sec", Role.GATEKEEPER), Contact("PA", Role.GATEKEEPER))),
         {W.NO_DECISION_MAKER: {"decision_makers": 0, "meetings_booked": 0},
          W.MISSING_INFLUENCES: {"missing": 2}, W.GATEKEEPERS_ONLY: {"gatekeepers": 2}}),
        # one decision-maker fact: the checklist item ticked is the flag
        (clean(decision_maker_confirmed=False, meetings=(Meeting(TODAY + timedelta(1)),),
               qualification={**EVERY_ITEM, "Decision maker confirmed": True}), {}),
        (clean("meeting", qualification={k: v for k, v in EVERY_ITEM.items()
                                         if k != "Decision maker confirmed"}), {}),
        (clean("meeting", decision_maker_confirmed=False,
               qualification={**EVERY_ITEM, "Decision maker confirmed": False}),
         {W.PREMATURE_STAGE: {"missing": 1}}),
        # missing buying influences: only in the funnel (in, best few)
        (clean("needs", contacts=(DECIDER,)), {W.MISSING_INFLUENCES: {"missing": 2}}),
        (clean("proposal", contacts=(DECIDER, Contact("Cole", Role.COACH))),
         {W.MISSING_INFLUENCES: {"missing": 1}}),
        (clean("qualified", contacts=(DECIDER,)), {}),
        # busy-work: touches before the stage was entered do not count (see below)
        (clean(touches=tuple(touch(60 - 7 * i) for i in range(6))), {}),
        # pest: the last two touches 2 days apart against an agreed 7, the first unanswered
        (clean(touches=(touch(5, TouchOutcome.NO_RESPONSE), touch(3))),
         {W.PEST: {"actual_days": 2, "interval_days": 7}}),
        (clean(touches=(touch(5), touch(3))), {}),  # answering a reply is not pestering
        # pest looks only inside the current interval: two quick touches weeks ago are not
        (clean(touches=(touch(20, TouchOutcome.NO_RESPONSE), touch(18))), {}),
        # the call and e-mail before a meeting (Thursday; today is Wednesday) are not pest
        (clean(meetings=(Meeting(TODAY + timedelta(1)),),
               touches=(touch(0, TouchOutcome.NO_RESPONSE),
                        Touch(TODAY, "email", TouchOutcome.REPLIED))), {}),
        # a card, and a newsletter, are not sales touches
        (clean(touches=(Touch(TODAY - timedelta(5), "card", TouchOutcome.SENT), touch(3))), {}),
        (clean(touches=(Touch(TODAY - timedelta(5), "newsletter", TouchOutcome.NO_RESPONSE),
                        touch(3))), {}),
        # no-agreed-plan
        (clean(plan=replace(GOOD_PLAN, agreed=False)), {W.NO_AGREED_PLAN: {}}),
        (clean(plan=replace(GOOD_PLAN, channel="")), {W.NO_AGREED_PLAN: {}}),
        (clean("lead", plan=replace(GOOD_PLAN, agreed=False)), {}),  # nobody talked yet
        (clean("lead", plan=replace(GOOD_PLAN, agreed=False), touches=(touch(5),)),
         {W.NO_AGREED_PLAN: {}}),
        # no-next-step
        (clean(plan=replace(GOOD_PLAN, next_due=None)), {W.NO_NEXT_STEP: {}}),
        # premature-stage: demo needs "Needs written down"; needs does not
        (clean("demo", qualification={**EVERY_ITEM, "Needs written down": False}),
         {W.PREMATURE_STAGE: {"missing": 1}}),
        (clean("needs", qualification={**EVERY_ITEM, "Needs written down": False}), {}),
        # low-icp: only on leads
        (clean("lead", lifecycle=Lifecycle.LEAD, icp={"industry": "software"}), {}),  # 50
        (clean("lead", lifecycle=Lifecycle.LEAD, icp={"region": "EU"}),
         {W.LOW_ICP: {"score": 17, "low_score": 40}}),
        (clean(icp={}), {}),
    ],
)  # fmt: skip
def test_each_warning(prospect: Prospect, expected: dict[W, dict[str, int]]) -> None:
    assert codes(prospect) == expected


def test_busy_work_counts_touches_after_the_last_stage_change() -> None:
    six = tuple(touch(44 - 7 * i) for i in range(6))  # weekly: never a pest
    found = codes(clean(first=TODAY - timedelta(days=45), touches=six))
    slow = {W.OFFER_TRIAL: {"days": 45, "limit": 30}}  # 45 days in the funnel, no demo
    assert found == {W.BUSY_WORK: {"touches": 6, "days": 45}, **slow}
    assert codes(clean(first=TODAY - timedelta(days=45), touches=six[:5])) == slow


def test_a_backward_move_is_not_progress() -> None:
    """Proposal on 1 March, back to needs on 1 May: busy work and stale count from March."""
    history = (StageEntry("lead", date(2025, 1, 6)), StageEntry("proposal", date(2025, 3, 1)),
               StageEntry("needs", date(2025, 5, 1)))  # fmt: skip
    weekly = tuple(touch(70 - 10 * i) for i in range(7))
    p = clean("needs", stage_history=history, touches=weekly)
    found = codes(p)
    assert found[W.BUSY_WORK] == {"touches": 7, "days": 74}
    assert found[W.STALE] == {"days": 74, "limit": 60}
    # a forward move is progress: the clocks start again
    forward = replace(p, stage="negotiation",
                      stage_history=(*history, StageEntry("negotiation", TODAY)))  # fmt: skip
    assert W.BUSY_WORK not in codes(forward) and W.STALE not in codes(forward)


@pytest.mark.parametrize(
    ("stage", "days_in_funnel", "trial", "expected"),
    [
        ("needs", 30, False, None),  # half the 60-day cycle: not slow yet
        ("needs", 31, False, {"days": 31, "limit": 30}),
        ("proposal", 40, False, {"days": 40, "limit": 30}),
        ("needs", 40, True, None),  # a demo was given
        ("qualified", 90, False, None),  # above the funnel: not a deal to demo yet
    ],
)
def test_a_slow_deal_without_a_trial_or_demo_gets_offer_one(
    stage: str, days_in_funnel: int, trial: bool, expected: dict[str, int] | None
) -> None:
    entered = TODAY - timedelta(days=days_in_funnel)
    history = (StageEntry("lead", entered - timedelta(days=20)), StageEntry(stage, entered))
    demo = (Touch(entered + timedelta(days=2), "demo", TouchOutcome.REPLIED),) if trial else ()
    p = clean(stage, stage_history=history, touches=demo)
    assert codes(p).get(W.OFFER_TRIAL) == expected


@pytest.mark.parametrize(
    ("stage", "days", "expected"),
    [
        ("needs", 60, None),  # no stage limit: the 60-day normal cycle
        ("needs", 61, {"days": 61, "limit": 60}),
        ("negotiation", 21, None),  # the stage's own limit
        ("negotiation", 22, {"days": 22, "limit": 21}),
    ],
)
def test_stale(stage: str, days: int, expected: dict[str, int] | None) -> None:
    p = clean(stage, first=TODAY - timedelta(days=days))
    assert codes(p).get(W.STALE) == expected


def test_stale_uses_the_users_normal_cycle_when_given() -> None:
    p = clean(first=TODAY - timedelta(days=61))
    facts = PipelineFacts(NormalCycle(90, 5, True), WinRate(0.3, 3, 7, True))
    assert W.STALE not in codes(p, facts=facts)


def test_premature_stage_lists_the_unticked_items() -> None:
    p = clean("proposal", qualification={**EVERY_ITEM, "Budget confirmed": False})
    (warning,) = warnings_for(p, DEFAULT_CONFIG, TODAY)
    assert warning.code == W.PREMATURE_STAGE and warning.items == ("Budget confirmed",)


@pytest.mark.parametrize("stage", ["won", "lost", "dead", "nurture"])
def test_closed_and_parked_prospects_get_no_warnings(stage: str) -> None:
    p = clean(stage, contacts=(), plan=FollowUpPlan(), lifecycle=Lifecycle.LEAD, icp={})
    assert warnings_for(p, DEFAULT_CONFIG, TODAY) == []
