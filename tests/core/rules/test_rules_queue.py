"""The follow-up queue: every reason, replacement rules, customers' cards, the order."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from rules_support import build_prospect

from leadline.core.config.model import Config, Section
from leadline.core.models import (
    Contact,
    FollowUpPlan,
    Lifecycle,
    Meeting,
    Outcome,
    Prospect,
    Touch,
    TouchOutcome,
)
from leadline.core.rules.queue import QueueItem, Reason, build_follow_up_queue

TODAY = date(2025, 5, 14)
RECENT = TODAY - timedelta(days=10)


def due_on(
    day: date | None, stage: str = "needs", first: date = RECENT, **fields: object
) -> Prospect:
    """An open prospect, first contact 10 days ago (a call that was answered), next
    follow-up on `day`."""
    fields.setdefault("touches", (Touch(first, "phone", TouchOutcome.REPLIED),))
    return build_prospect(stage, first=first, plan=FollowUpPlan(next_due=day), **fields)


def reasons(items: list[QueueItem]) -> list[tuple[str, Reason]]:
    return [(item.prospect.id, item.reason) for item in items]


@pytest.mark.parametrize(
    ("next_due", "reason"),
    [
        (TODAY - timedelta(days=1), Reason.OVERDUE),
        (TODAY, Reason.DUE),
        (TODAY + timedelta(days=1), Reason.SOON),
        (TODAY + timedelta(days=3), Reason.SOON),
        (TODAY + timedelta(days=4), None),
        (None, Reason.NO_NEXT_STEP),
    ],
)
def test_follow_up_date_reasons(
    next_due: date | None, reason: Reason | None, config: Config
) -> None:
    items = build_follow_up_queue([due_on(next_due)], config, TODAY)
    assert [i.reason for i in items] == ([reason] if reason else [])
    if reason:
        assert items[0].due == next_due and items[0].channel == "email"
        assert items[0].section == Section.IN


def test_meeting_reminder_the_day_before(config: Config) -> None:
    meeting = Meeting(TODAY + timedelta(days=1), "Kick-off", "10:00", "Anna Petrova")
    p = due_on(TODAY + timedelta(days=10), "meeting", meetings=(meeting,))
    items = build_follow_up_queue([p], config, TODAY)
    assert reasons(items) == [("p1", Reason.MEETING_REMINDER)]
    assert items[0].due == TODAY and items[0].meeting == meeting
    assert items[0].detail == "Anna Petrova"
    assert build_follow_up_queue([p], config, TODAY - timedelta(days=1)) == []
    # not confirmed yet: still there on the meeting day; the day after, log how it went
    on_the_day = build_follow_up_queue([p], config, TODAY + timedelta(days=1))
    assert reasons(on_the_day) == [("p1", Reason.MEETING_REMINDER)]
    after = build_follow_up_queue([p], config, TODAY + timedelta(days=2))
    assert reasons(after) == [("p1", Reason.MEETING_OUTCOME)]
    assert after[0].meeting == meeting and after[0].due == meeting.date


def test_a_monday_meeting_is_confirmed_on_friday_and_an_unanswered_call_keeps_it(
    config: Config,
) -> None:
    friday, monday = date(2025, 5, 16), date(2025, 5, 19)
    p = due_on(monday + timedelta(days=10), "meeting", meetings=(Meeting(monday, "Demo"),))
    assert build_follow_up_queue([p], config, friday - timedelta(days=1)) == []
    for day in (friday, friday + timedelta(days=1), monday):
        assert reasons(build_follow_up_queue([p], config, day)) == [("p1", Reason.MEETING_REMINDER)]
    no_answer = Touch(friday, "phone", TouchOutcome.NO_RESPONSE)
    tried = due_on(monday + timedelta(10), "meeting", meetings=p.meetings, touches=(no_answer,))
    assert [i.reason for i in build_follow_up_queue([tried], config, friday)] == [
        Reason.MEETING_REMINDER
    ]
    reached = Touch(friday, "email", TouchOutcome.REPLIED)
    done = due_on(monday + timedelta(10), "meeting", meetings=p.meetings, touches=(reached,))
    assert build_follow_up_queue([done], config, friday) == []


def test_a_meeting_with_something_logged_after_it_asks_nothing(config: Config) -> None:
    held = Meeting(TODAY - timedelta(days=3), "Kick-off")
    p = due_on(TODAY + timedelta(days=10), "meeting", meetings=(held,))
    assert [i.reason for i in build_follow_up_queue([p], config, TODAY)] == [Reason.MEETING_OUTCOME]
    logged = Touch(held.date, "meeting", TouchOutcome.REPLIED)
    p = due_on(TODAY + timedelta(days=10), "meeting", meetings=(held,), touches=(logged,))
    assert build_follow_up_queue([p], config, TODAY) == []


def test_a_new_prospect_is_first_contact_until_touched(config: Config) -> None:
    p = due_on(TODAY, "lead", touches=())
    (item,) = build_follow_up_queue([p], config, TODAY)
    assert (item.reason, item.due) == (Reason.FIRST_CONTACT, TODAY)
    (item,) = build_follow_up_queue([p], config, TODAY + timedelta(days=400))
    assert item.reason == Reason.FIRST_CONTACT  # never stop-following: nobody called
    later = due_on(TODAY + timedelta(days=2), "lead", touches=())  # first call put off
    assert [i.reason for i in build_follow_up_queue([later], config, TODAY)] == [Reason.SOON]


def test_meeting_reminder_leaves_once_the_contact_is_reached(config: Config) -> None:
    meeting = Meeting(TODAY + timedelta(days=1), "Kick-off", "10:00", "Anna Petrova")
    confirmed = Touch(TODAY, "phone", TouchOutcome.REPLIED, note="confirmed for 10:00")
    p = due_on(TODAY + timedelta(days=10), "meeting", meetings=(meeting,), touches=(confirmed,))
    assert build_follow_up_queue([p], config, TODAY) == []


def test_birthday_card_leaves_once_sent(config: Config) -> None:
    lena = Contact("Lena", birthday=date(1980, 5, 16))
    sent = Touch(TODAY, "card", TouchOutcome.NO_RESPONSE)
    p = due_on(TODAY + timedelta(days=30), contacts=(lena,), touches=(sent,))
    assert [i.reason for i in build_follow_up_queue([p], config, TODAY)] == []
    last_year = Touch(date(2024, 5, 16), "card", TouchOutcome.NO_RESPONSE)
    p = due_on(TODAY + timedelta(days=30), contacts=(lena,), touches=(last_year,))
    assert [i.reason for i in build_follow_up_queue([p], config, TODAY)] == [Reason.BIRTHDAY]


@pytest.mark.parametrize(
    ("born", "today", "card_on"),
    [
        (date(1980, 5, 14), TODAY, TODAY),
        (date(1980, 5, 17), TODAY, date(2025, 5, 17)),  # within soon_days
        (date(1980, 5, 18), TODAY, None),  # beyond the horizon
        (date(1980, 5, 13), TODAY, None),  # yesterday: next year
        (date(1984, 2, 29), date(2025, 2, 27), date(2025, 2, 28)),  # no 29th in 2025
        (date(1984, 2, 29), date(2028, 2, 28), date(2028, 2, 29)),  # leap year: the 29th
        (date(1990, 1, 2), date(2025, 12, 31), date(2026, 1, 2)),  # across the new year
    ],
)
def test_birthday_cards(born: date, today: date, card_on: date | None, config: Config) -> None:
    p = due_on(today + timedelta(days=30), contacts=(Contact("Lena", birthday=born),))
    items = [i for i in build_follow_up_queue([p], config, today) if i.reason == Reason.BIRTHDAY]
    assert [i.due for i in items] == ([card_on] if card_on else [])
    if card_on:
        assert items[0].detail == "Lena" and items[0].occasion == "birthday"


def test_anniversary_and_one_card_per_prospect(config: Config) -> None:
    contacts = (
        Contact("Lena", birthday=date(1980, 5, 16)),
        Contact("Ivo", anniversary=date(2010, 5, 15)),
    )
    items = build_follow_up_queue([due_on(None, contacts=contacts)], config, TODAY)
    cards = [i for i in items if i.reason == Reason.BIRTHDAY]
    assert [(c.detail, c.occasion, c.due) for c in cards] == [
        ("Ivo", "anniversary", date(2025, 5, 15))
    ]


@pytest.mark.parametrize(
    ("stage", "lifecycle", "card"),
    [
        ("won", Lifecycle.CUSTOMER, True),
        ("lost", Lifecycle.REPEAT_BUYER, True),  # still a customer from an earlier deal
        ("lost", Lifecycle.PROSPECT, False),
        ("dead", Lifecycle.LEAD, False),
        ("nurture", Lifecycle.PROSPECT, True),
    ],
)
def test_closed_prospects_appear_only_as_customer_cards(
    stage: str, lifecycle: Lifecycle, card: bool, config: Config
) -> None:
    p = build_prospect(
        stage,
        first=RECENT,
        lifecycle=lifecycle,
        plan=FollowUpPlan(next_due=TODAY + timedelta(days=5)),
        contacts=(Contact("Lena", birthday=date(1980, 5, 14)),),
        meetings=(Meeting(TODAY + timedelta(days=1)),),
    )
    items = build_follow_up_queue([p], config, TODAY)
    expected = [Reason.BIRTHDAY] if card else []
    if stage == "nurture":
        expected = [Reason.MEETING_REMINDER, Reason.BIRTHDAY]
    assert [i.reason for i in items] == expected


def test_nurture_touch_when_due_on_the_nurture_channel(config: Config) -> None:
    due = build_prospect("nurture", first=RECENT, plan=FollowUpPlan(next_due=TODAY))
    later = build_prospect("nurture", id="p2", plan=FollowUpPlan(next_due=TODAY + timedelta(1)))
    items = build_follow_up_queue([due, later], config, TODAY)
    assert [(i.prospect.id, i.reason, i.channel) for i in items] == [
        ("p1", Reason.NURTURE, "newsletter")
    ]


def test_nurture_without_a_date_counts_from_the_move(config: Config) -> None:
    p = build_prospect("nurture", first=TODAY - timedelta(days=45))
    assert [i.reason for i in build_follow_up_queue([p], config, TODAY)] == [Reason.NURTURE]
    assert build_follow_up_queue([p], config, TODAY - timedelta(days=1)) == []


def test_stop_following_replaces_the_follow_up_item(config: Config) -> None:
    silence = tuple(
        Touch(TODAY - timedelta(days=d), "email", TouchOutcome.NO_RESPONSE) for d in (21, 14, 7)
    )
    p = due_on(TODAY - timedelta(days=2), "lead", touches=silence)  # lead: 3 unanswered
    items = build_follow_up_queue([p], config, TODAY)
    assert reasons(items) == [("p1", Reason.STOP_FOLLOWING)]
    item = items[0]
    assert item.due == TODAY and item.proposed_exit == Outcome.DEAD
    assert item.stop is not None and item.stop.unanswered == 3


def test_stop_following_keeps_reminders_and_cards(config: Config) -> None:
    p = due_on(
        TODAY,
        first=TODAY - timedelta(days=90),
        touches=(Touch(TODAY - timedelta(days=90), "email", TouchOutcome.NO_RESPONSE),),
        meetings=(Meeting(TODAY + timedelta(days=1)),),
        contacts=(Contact("Lena", birthday=date(1980, 5, 14)),),
    )
    items = build_follow_up_queue([p], config, TODAY)
    assert [i.reason for i in items] == [
        Reason.STOP_FOLLOWING,
        Reason.MEETING_REMINDER,
        Reason.BIRTHDAY,
    ]


def test_order_urgency_then_section_then_value_then_name(config: Config) -> None:
    yesterday, tomorrow = TODAY - timedelta(days=1), TODAY + timedelta(days=1)
    ps = [
        due_on(tomorrow, "proposal", id="soon-best", name="S", value=900, expected_close=tomorrow),
        due_on(TODAY + timedelta(days=2), "lead", id="soon-later", name="L", value=1),
        due_on(TODAY, "needs", id="due-in", name="B", value=100),
        due_on(TODAY, "lead", id="due-above-small", name="A", value=100),
        due_on(TODAY, "qualified", id="due-above-big", name="Z", value=5000),
        due_on(TODAY, "negotiation", id="due-best", name="Y", value=10, expected_close=tomorrow),
        due_on(TODAY, "needs", id="due-in-b", name="b", value=100),
        due_on(yesterday, "needs", id="overdue-in", name="O", value=1),
        due_on(TODAY - timedelta(days=9), "lead", id="overdue-above", name="P", value=1),
        build_prospect("nurture", id="nurture", first=RECENT, plan=FollowUpPlan(next_due=TODAY)),
        build_prospect(
            "won",
            id="card-today",
            first=RECENT,
            lifecycle=Lifecycle.CUSTOMER,
            contacts=(Contact("C", birthday=date(1970, 5, 14)),),
        ),
    ]
    order = [i.prospect.id for i in build_follow_up_queue(ps, config, TODAY)]
    assert order == [
        "overdue-above",  # overdue group: above before in, however late
        "overdue-in",
        "due-best",  # today: best_few first
        "due-above-big",  # then above, larger value first
        "due-above-small",
        "due-in",  # then in: equal value, name "B" before "b" by id
        "due-in-b",
        "card-today",  # no section: after the funnel sections
        "nurture",
        "soon-best",  # coming up, by day
        "soon-later",
    ]
