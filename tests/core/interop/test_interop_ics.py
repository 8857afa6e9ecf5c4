"""The iCalendar export parses back with the icalendar library and holds what a calendar needs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from icalendar import Calendar
from interop_support import TODAY
from testkit import prospect

from leadline.core.config.model import Config
from leadline.core.interop.exporters import export_ics
from leadline.core.models import Contact, FollowUpPlan, Meeting, Prospect

MOMENT = datetime(2025, 1, 6, 9, 0)


def _prospect(pid: str, name: str, stage: str = "proposal", **fields: Any) -> Prospect:
    return prospect(stage, id=pid, name=name, created=MOMENT, **fields)


PIPELINE = [
    _prospect(
        "a1b2c3d4",
        "Acme Ltd",
        value=12000,
        currency="EUR",
        plan=FollowUpPlan(interval_days=7, channel="phone", next_due=date(2025, 3, 17)),
        meetings=(
            Meeting(date(2025, 3, 20), title="Demo", time="14:30", contact="Ann"),
            Meeting(date(2025, 3, 1), title="Old meeting"),  # past: not exported
            Meeting(date(2025, 3, 25)),
        ),
        contacts=(Contact("Ann Smith", birthday=date(1980, 3, 16)),),
    ),
    _prospect(
        "0000beef",
        "Leap Co",
        stage="won",
        plan=FollowUpPlan(next_due=date(2025, 3, 20)),  # won: no follow-up to-do
        contacts=(Contact("Lea", birthday=date(1992, 2, 29), anniversary=date(2015, 6, 1)),),
    ),
    _prospect(
        "deaddead",
        "Gone GmbH",
        stage="dead",
        plan=FollowUpPlan(next_due=date(2025, 3, 20)),
        meetings=(Meeting(date(2025, 4, 1)),),
        contacts=(Contact("Gus", birthday=date(1970, 1, 1)),),
    ),
]


def _parsed(config: Config) -> dict[str, Any]:
    calendar = Calendar.from_ical(export_ics(PIPELINE, config, TODAY))
    return {str(c["uid"]): c for c in calendar.walk() if c.name in ("VEVENT", "VTODO")}


def test_one_entry_per_follow_up_meeting_and_birthday(config: Config) -> None:
    assert sorted(_parsed(config)) == [
        "0000beef-anniversary-2015-06-01-lea@leadline",
        "0000beef-birthday-1992-02-29-lea@leadline",
        "a1b2c3d4-birthday-1980-03-16-ann-smith@leadline",
        "a1b2c3d4-follow-up@leadline",
        "a1b2c3d4-meeting-2025-03-20@leadline",
        "a1b2c3d4-meeting-2025-03-25@leadline",
    ]


def test_follow_up_is_a_todo_due_that_day(config: Config) -> None:
    todo = _parsed(config)["a1b2c3d4-follow-up@leadline"]
    assert todo.name == "VTODO"
    assert todo["summary"] == "Follow up: Acme Ltd (phone)"
    assert todo["due"].dt == date(2025, 3, 17)
    assert "12,000 EUR" in todo["description"]


def test_meeting_has_a_reminder_the_day_before(config: Config) -> None:
    meeting = _parsed(config)["a1b2c3d4-meeting-2025-03-20@leadline"]
    assert meeting["summary"] == "Meeting: Acme Ltd - Demo"
    assert meeting["dtstart"].dt == datetime(2025, 3, 20, 14, 30)
    (alarm,) = meeting.subcomponents
    assert alarm.name == "VALARM" and alarm["action"] == "DISPLAY"
    assert alarm["trigger"].dt == timedelta(days=-1)
    all_day = _parsed(config)["a1b2c3d4-meeting-2025-03-25@leadline"]
    assert all_day["dtstart"].dt == date(2025, 3, 25)


def test_birthdays_repeat_yearly(config: Config) -> None:
    entries = _parsed(config)
    ann = entries["a1b2c3d4-birthday-1980-03-16-ann-smith@leadline"]
    assert ann["summary"] == "Birthday: Ann Smith (Acme Ltd)"
    assert ann["dtstart"].dt == date(1980, 3, 16)
    assert ann["rrule"] == {"FREQ": ["YEARLY"]}
    leap = entries["0000beef-birthday-1992-02-29-lea@leadline"]
    assert leap["rrule"] == {"FREQ": ["YEARLY"], "BYMONTH": [2], "BYMONTHDAY": [-1]}


def test_same_data_gives_the_same_file_and_moves_keep_uids(config: Config) -> None:
    first = export_ics(PIPELINE, config, TODAY)
    assert export_ics(PIPELINE, config, TODAY) == first
    moved = [replace(PIPELINE[0], plan=FollowUpPlan(next_due=date(2025, 3, 19)))]
    calendar = Calendar.from_ical(export_ics(moved, config, TODAY))
    todo = next(c for c in calendar.walk("VTODO"))
    assert (str(todo["uid"]), todo["due"].dt) == ("a1b2c3d4-follow-up@leadline", date(2025, 3, 19))


def test_reminder_days_follow_the_config(config: Config) -> None:
    two_days = replace(config, follow_up=replace(config.follow_up, meeting_reminder_days_before=2))
    calendar = Calendar.from_ical(export_ics(PIPELINE[:1], two_days, TODAY))
    alarm = next(c for c in calendar.walk("VALARM"))
    assert alarm["trigger"].dt == timedelta(days=-2)
