"""Stop-following as a sales manager would judge it (issue 11, DOMAIN [004]): silence
counts from the latest of the last response, the return from an outcome and the first
sales touch; an agreed interval is honoured; broadcasts and cards are not sales touches;
a prospect nobody contacted is a first contact, never "dead"."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from rules_support import DEFAULT_CONFIG, build_prospect

from leadline.core.models import FollowUpPlan, Prospect, StageEntry, Touch, TouchOutcome
from leadline.core.rules.queue import Reason, items_for
from leadline.core.rules.stop_following import StopReason, evaluate_stop_following
from leadline.core.rules.touches import Anchor, silence

REPLIED, SILENT, SENT = TouchOutcome.REPLIED, TouchOutcome.NO_RESPONSE, TouchOutcome.SENT
START = date(2025, 1, 6)


def t(day: date, outcome: TouchOutcome = SILENT, channel: str = "phone") -> Touch:
    return Touch(day, channel, outcome)


def quarterly(last_reply: date) -> Prospect:
    """A customer who agreed to quarterly calls; the last call was answered."""
    plan = FollowUpPlan(interval_days=90, channel="phone", agreed=True,
                        next_due=last_reply + timedelta(days=90))  # fmt: skip
    return build_prospect("needs", first=START, touches=(t(last_reply, REPLIED),), plan=plan)


def reopened(on: date) -> Prospect:
    """A customer won a year ago, silent since, reopened for an upsell on `on`."""
    history = (StageEntry("lead", START), StageEntry("won", START + timedelta(days=40)),
               StageEntry("proposal", on))  # fmt: skip
    old = tuple(t(START + timedelta(days=50 + 7 * i)) for i in range(8))
    return build_prospect("proposal", first=START, stage_history=history, touches=old)


def revived(on: date) -> Prospect:
    """A nurture prospect that got newsletters for months and came back on `on`."""
    history = (StageEntry("lead", START), StageEntry("nurture", START + timedelta(days=30)),
               StageEntry("qualified", on))  # fmt: skip
    letters = tuple(t(START + timedelta(days=40 + 30 * i), channel="newsletter") for i in range(5))
    calls = (t(START + timedelta(days=3)), t(START + timedelta(days=10)))
    return build_prospect("qualified", first=START, stage_history=history, touches=calls + letters)


@pytest.mark.parametrize(
    ("prospect", "today", "stop", "anchor"),
    [
        # quarterly calls: two months into the quarter is not silence, nor the day after the
        # missed call (limit 2 x 90); two missed check-ins later, it is
        (quarterly(START), START + timedelta(days=60), False, Anchor.RESPONSE),
        (quarterly(START), START + timedelta(days=91), False, Anchor.RESPONSE),
        (quarterly(START), START + timedelta(days=180), True, Anchor.RESPONSE),
        # the upsell reopened today: a new deal, nothing to stop
        (reopened(date(2026, 3, 2)), date(2026, 3, 2), False, Anchor.RETURN),
        (reopened(date(2026, 3, 2)), date(2026, 4, 30), False, Anchor.RETURN),
        # the nurture prospect that came back today
        (revived(date(2025, 7, 1)), date(2025, 7, 1), False, Anchor.RETURN),
        # a lead nobody ever called, a year on
        (build_prospect("lead", first=START), START + timedelta(days=365), False, None),
    ],
)  # fmt: skip
def test_live_deals_are_not_proposed_dead(
    prospect: Prospect, today: date, stop: bool, anchor: Anchor | None
) -> None:
    decision = evaluate_stop_following(prospect, DEFAULT_CONFIG, today)
    assert decision.stop is stop
    assert decision.anchor == anchor


def test_an_agreed_interval_raises_the_days_limit_to_the_missed_check_ins() -> None:
    decision = evaluate_stop_following(quarterly(START), DEFAULT_CONFIG, START + timedelta(180))
    assert decision.days_limit == 180 and decision.reasons == (StopReason.SILENT,)
    # rescheduled by the customer: the check-in is not missed yet, so no silence
    later = replace(
        quarterly(START), plan=replace(quarterly(START).plan, next_due=date(2025, 8, 1))
    )
    assert not evaluate_stop_following(later, DEFAULT_CONFIG, START + timedelta(days=200)).stop


def test_a_reopened_deal_counts_only_its_own_touches() -> None:
    p = reopened(date(2026, 3, 2))
    quiet = silence(p, DEFAULT_CONFIG, date(2026, 3, 2))
    assert (quiet.touches, quiet.unanswered, quiet.days) == (0, 0, 0)
    # one unanswered call in the new deal: counted from that call, the old eight ignored
    p = replace(p, touches=(*p.touches, t(date(2026, 3, 3))))
    quiet = silence(p, DEFAULT_CONFIG, date(2026, 5, 2))
    assert (quiet.touches, quiet.unanswered, quiet.anchor) == (1, 1, Anchor.FIRST_TOUCH)
    assert evaluate_stop_following(p, DEFAULT_CONFIG, date(2026, 5, 2)).stop  # 60 days


def test_newsletters_and_cards_are_never_unanswered_sales_touches() -> None:
    broadcasts = tuple(t(START + timedelta(days=7 * i), channel="newsletter") for i in range(9))
    cards = (t(START, SENT, "card"),)
    p = build_prospect("needs", first=START, touches=broadcasts + cards)
    quiet = silence(p, DEFAULT_CONFIG, START + timedelta(days=200))
    assert (quiet.touches, quiet.unanswered, quiet.since) == (0, 0, None)
    assert not evaluate_stop_following(p, DEFAULT_CONFIG, START + timedelta(days=200)).stop


def test_a_reply_asking_for_information_is_a_response() -> None:
    touches = (
        t(START),
        t(START + timedelta(days=7)),
        t(START + timedelta(14), TouchOutcome.ASKED_INFO),
    )
    quiet = silence(build_prospect("needs", touches=touches), DEFAULT_CONFIG, START + timedelta(20))
    assert (quiet.unanswered, quiet.last_response) == (0, START + timedelta(14))


def test_touches_after_today_are_ignored() -> None:
    p = build_prospect("needs", touches=(t(START), t(START + timedelta(days=30), REPLIED)))
    quiet = silence(p, DEFAULT_CONFIG, START + timedelta(days=10))
    assert (quiet.unanswered, quiet.last_response, quiet.days) == (1, None, 10)


def test_a_never_contacted_prospect_is_a_first_contact_item() -> None:
    p = build_prospect("lead", first=START, plan=FollowUpPlan(next_due=START))
    (item,) = items_for(p, DEFAULT_CONFIG, START + timedelta(days=365))
    assert item.reason == Reason.FIRST_CONTACT
    # once a touch is logged it is an ordinary follow-up
    touched = replace(p, touches=(t(START),), plan=FollowUpPlan(next_due=START + timedelta(7)))
    (item,) = items_for(touched, DEFAULT_CONFIG, START + timedelta(days=7))
    assert item.reason == Reason.DUE
