"""iCalendar (RFC 5545) export: follow-ups, meetings and birthdays for a calendar app.

- Each open or nurtured prospect's next follow-up is a VTODO due that day.
- Each meeting from today on is a VEVENT with a VALARM the configured number
  of days before (`follow_up.meeting_reminder_days_before`).
- Each contact's birthday and anniversary is a yearly all-day VEVENT.

UIDs are built from the prospect id, the kind and the date, so importing a
newer export into the same calendar updates entries instead of adding copies.
The one exception is the follow-up to-do: a prospect has one next follow-up,
so its UID leaves the date out and a moved follow-up moves the to-do rather
than leaving the old one behind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event, Todo

from leadline.core.config.model import Config
from leadline.core.models import CLOSED_OUTCOMES, Contact, Meeting, Outcome, Prospect

DOMAIN = "leadline"
_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


def export_ics(prospects: Iterable[Prospect], config: Config, today: date) -> bytes:
    """The calendar file (bytes, CRLF lines) for `prospects` as of `today`."""
    calendar = Calendar()
    calendar.add("prodid", "-//leadline//leadline//EN")
    calendar.add("version", "2.0")
    stamp = datetime.combine(today, time(), tzinfo=UTC)
    days_before = config.follow_up.meeting_reminder_days_before
    for prospect in prospects:
        for component in _components(prospect, today, days_before):
            component.add("dtstamp", stamp)
            calendar.add_component(component)
    return bytes(calendar.to_ical())


def uid(prospect: Prospect, kind: str, *parts: str) -> str:
    """A stable UID: prospect id, kind and the parts that tell entries apart."""
    return "-".join((prospect.id, kind, *parts)) + f"@{DOMAIN}"


def _components(p: Prospect, today: date, days_before: int) -> Iterator[Event | Todo]:
    if p.stage not in CLOSED_OUTCOMES and p.plan.next_due:
        yield _follow_up(p)
    if p.stage == Outcome.DEAD:
        return
    seen: dict[date, int] = {}
    for meeting in p.meetings:
        seen[meeting.date] = seen.get(meeting.date, 0) + 1
        if meeting.date >= today:
            yield _meeting(p, meeting, days_before, seen[meeting.date])
    for contact in p.contacts:
        for kind, day in (("birthday", contact.birthday), ("anniversary", contact.anniversary)):
            if day:
                yield _yearly(p, contact, kind, day)


def _follow_up(p: Prospect) -> Todo:
    todo = Todo()
    todo.add("uid", uid(p, "follow-up"))
    channel = f" ({p.plan.channel})" if p.plan.channel else ""
    todo.add("summary", f"Follow up: {p.name}{channel}")
    todo.add("due", p.plan.next_due)
    todo.add("status", "NEEDS-ACTION")
    todo.add("description", _describe(p))
    return todo


def _meeting(p: Prospect, meeting: Meeting, days_before: int, nth: int) -> Event:
    event = Event()
    extra = (str(nth),) if nth > 1 else ()  # a second meeting the same day
    event.add("uid", uid(p, "meeting", meeting.date.isoformat(), *extra))
    title = f" - {meeting.title}" if meeting.title else ""
    event.add("summary", f"Meeting: {p.name}{title}")
    match = _TIME.fullmatch(meeting.time.strip())
    if match:
        start = datetime.combine(meeting.date, time(int(match[1]), int(match[2])))
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(hours=1))
    else:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + timedelta(days=1))
    with_whom = f" with {meeting.contact}" if meeting.contact else ""
    event.add("description", f"{_describe(p)}\nMeeting{with_whom}")
    event.add_component(_reminder(p, days_before))
    return event


def _reminder(p: Prospect, days_before: int) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(days=-days_before))
    alarm.add("description", f"Confirm the meeting with {p.name}")
    return alarm


def _yearly(p: Prospect, contact: Contact, kind: str, day: date) -> Event:
    event = Event()
    event.add("uid", uid(p, kind, day.isoformat(), _slug(contact.name)))
    event.add("summary", f"{kind.capitalize()}: {contact.name} ({p.name})")
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    rule: dict[str, object] = {"freq": "yearly"}
    if (day.month, day.day) == (2, 29):  # every year, on the last day of February
        rule |= {"bymonth": 2, "bymonthday": -1}
    event.add("rrule", rule)
    event.add("transp", "TRANSPARENT")
    return event


def _describe(p: Prospect) -> str:
    value = f", {p.value:,.0f} {p.currency}".rstrip() if p.value else ""
    return f"{p.name}: {p.stage}{value}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "x"
