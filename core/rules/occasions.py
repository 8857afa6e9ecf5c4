"""Dates that come round every year (birthdays, anniversaries) and meeting reminders.

A yearly date keeps its month and day; the 29th of February falls on the 28th
in years that have no 29th, so the card is never skipped.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from leadline.core.config.model import Config
from leadline.core.models import Contact, Meeting, Prospect
from leadline.core.records.kinds import RESPONSES
from leadline.core.rules.workdays import reminder_day

CARD_CHANNEL = "card"
"""The channel of birthday and anniversary items, and of the touch that says the card went out."""


@dataclass(frozen=True)
class Occasion:
    """A contact's birthday or anniversary on a given day."""

    on: date
    contact: Contact
    kind: str
    """"birthday" or "anniversary"."""


def in_year(day: date, year: int) -> date:
    """The yearly date `day` (month and day) in `year`; Feb 29 becomes Feb 28 when needed."""
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, day.month, day.day)


def next_occurrence(day: date, today: date) -> date:
    """The first day on or after `today` that is the yearly date `day`."""
    this_year = in_year(day, today.year)
    return this_year if this_year >= today else in_year(day, today.year + 1)


def upcoming_occasion(p: Prospect, today: date, horizon_days: int) -> Occasion | None:
    """The earliest birthday or anniversary of `p`'s contacts within today..today+horizon.

    Ties go to the contact listed first, and a birthday before an anniversary.
    An occasion is done once a touch on the `card` channel is logged for it.
    """
    if not p.contacts:
        return None
    return occasion_by(p, today, today + timedelta(days=max(0, horizon_days)), horizon_days)


def yearly_days(first: date, last: date) -> frozenset[int] | None:
    """month * 100 + day of every yearly date that comes round in first..last (Feb 29
    included when a Feb 28 without one is in it); None for a year or more (all do)."""
    if (last - first).days >= 365:
        return None
    found: set[int] = set()
    day = first
    while day <= last:
        found.add(day.month * 100 + day.day)
        if day.month == 2 and day.day == 28 and not calendar.isleap(day.year):
            found.add(229)
        day += timedelta(days=1)
    return frozenset(found)


def occasion_by(
    p: Prospect,
    today: date,
    last_day: date,
    horizon_days: int,
    yearly: frozenset[int] | None = None,
) -> Occasion | None:
    """`upcoming_occasion` with its last day worked out and, optionally, the
    `yearly_days(today, last_day)` to skip dates outside it at once (the queue
    works both out once)."""
    best: Occasion | None = None
    for contact in p.contacts:
        for kind, day in (("birthday", contact.birthday), ("anniversary", contact.anniversary)):
            if day is None or (yearly is not None and day.month * 100 + day.day not in yearly):
                continue
            on = next_occurrence(day, today)
            if on > last_day or (best is not None and on >= best.on):
                continue  # not a candidate: no need to look for a card
            if not _card_sent(p, on, horizon_days):
                best = Occasion(on=on, contact=contact, kind=kind)
    return best


def meeting_to_remind(p: Prospect, today: date, config: Config) -> Meeting | None:
    """The first meeting to confirm today: from its reminder day (`days_before` ahead,
    on the last working day on or before that: `workdays.reminder_day`) until the
    meeting day itself, as long as the contact has not been reached since the
    reminder day (a reply; an unanswered call leaves the reminder up)."""
    if not p.meetings:
        return None
    days_before = config.follow_up.meeting_reminder_days_before
    latest = today + timedelta(days=max(0, days_before) + 7)
    due = [
        m
        for m in p.meetings
        if today <= m.date <= latest and reminder_day(m.date, days_before, config) <= today
    ]
    if not due:
        return None
    first = min(due, key=lambda m: (m.date, m.time))
    since = reminder_day(first.date, days_before, config)
    reached = any(since <= t.date <= today and t.outcome in RESPONSES for t in p.touches)
    return None if reached else first


def meeting_without_outcome(p: Prospect, today: date) -> Meeting | None:
    """The latest meeting before today after which nothing was logged (no touch, no
    note on or after its day): its outcome and the next step are still to be logged."""
    past = [m for m in p.meetings if m.date < today]
    if not past:
        return None
    last = max(past, key=lambda m: (m.date, m.time))
    if any(last.date <= t.date <= today for t in p.touches if t.channel != CARD_CHANNEL):
        return None
    if any(last.date <= n.at.date() <= today for n in p.notes):
        return None
    return last


def _card_sent(p: Prospect, on: date, horizon_days: int) -> bool:
    earliest = on - timedelta(days=max(0, horizon_days))
    return any(t.channel == CARD_CHANNEL and earliest <= t.date <= on for t in p.touches)
