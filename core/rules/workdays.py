"""Working days: the days the user works (`working_days` in the config, Monday to
Friday by default), and the dates leadline proposes moved onto them.

A proposed date (the next follow-up after a touch, a snooze, the answer a reply
asked for) that falls on a non-working day moves on to the next working day when
`follow_up.skip_non_working_days` is on. A meeting reminder comes on the last
working day before the meeting (`reminder_day`), whatever that setting says: a
Monday meeting is confirmed on Friday.
"""

from __future__ import annotations

from datetime import date, timedelta

from leadline.core.config.model import Config

_DAY = timedelta(days=1)


def is_working_day(day: date, config: Config) -> bool:
    """True when the user works on `day`'s weekday."""
    return day.weekday() in config.working_weekdays


def next_working_day(day: date, config: Config) -> date:
    """`day` itself when it is a working day, else the first working day after it."""
    working = config.working_weekdays
    while day.weekday() not in working:
        day += _DAY
    return day


def working_day_after(day: date, config: Config) -> date:
    """The first working day after `day` (the answer to a request made on `day`)."""
    return next_working_day(day + _DAY, config)


def proposed_day(day: date, config: Config) -> date:
    """A date leadline proposes: moved on to a working day when the config says so."""
    if not config.follow_up.skip_non_working_days:
        return day
    return next_working_day(day, config)


def reminder_day(meeting: date, days_before: int, config: Config) -> date:
    """The day to confirm a meeting: `days_before` days ahead of it, moved back to the
    last working day on or before that (never after the meeting itself)."""
    day = meeting - timedelta(days=max(0, days_before))
    working = config.working_weekdays
    for _ in range(7):
        if day.weekday() in working:
            return day
        day -= _DAY
    return day
