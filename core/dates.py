"""The one date grammar: what a typed date means, for every front-end.

Used by the CLI's `--date`/`--today` and by every date field of the TUI, so a
date typed anywhere means the same:

- `2026-12-01` (ISO);
- `today`, `tomorrow` (`tom`, `tmr`), `yesterday`;
- `+3`, `3`, `3d` (days ahead), `2w` (weeks), `-1` (days back);
- a weekday as a whole word or its start, at least three letters (`fri`,
  `friday`; `month` is not a weekday): the next such day after today, or the
  latest before it when the date is about the past (a logged touch).

Functions raise `ValueError` with a message a user can act on. Every date they
give falls in the years the model stores (1900-2200, `records/reading.py`): a
typo such as `+99999` or `9999-12-31` is refused here, not stored to crash later.
"""

from __future__ import annotations

from datetime import date, timedelta

from leadline.core.records.reading import FIRST_YEAR, LAST_YEAR, year_problem

DATE_HINT = "YYYY-MM-DD, +3, 2w, tomorrow, fri"
"""The grammar in one line, for placeholders and messages."""

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WORDS = {"today": 0, "tod": 0, "tomorrow": 1, "tom": 1, "tmr": 1, "yesterday": -1}


def _weekday(word: str) -> int | None:
    """0-6 for a weekday written whole or by its first three or more letters."""
    if len(word) < 3:
        return None
    for index, name in enumerate(WEEKDAYS):
        if name.startswith(word):
            return index
    return None


def _relative(word: str) -> int | None:
    """Days for "+3", "3", "3d", "2w", "-1" (None when it is not that shape)."""
    sign = -1 if word.startswith("-") else 1
    body = word.removeprefix("+").removeprefix("-")
    unit = 1
    if body[-1:] in ("d", "w"):
        unit = 7 if body[-1] == "w" else 1
        body = body[:-1]
    if not (body.isascii() and body.isdigit()):
        return None
    if len(body) > _MAX_DIGITS:
        return sign * _TOO_FAR  # more days than the years allowed hold
    return sign * int(body) * unit


_MAX_DIGITS = 6
_TOO_FAR = 10**6
"""Any relative date this far off is outside the allowed years."""


def _in_range(day: date | None, today: date, days: int = 0) -> date:
    """`day` (or `today` + `days`) if it falls in the allowed years, else ValueError."""
    if day is None:
        try:
            day = today + timedelta(days=days)
        except OverflowError:
            day = date.max if days > 0 else date.min
        if year_problem(day):
            raise ValueError(f"that date falls outside the years {FIRST_YEAR}-{LAST_YEAR}")
    problem = year_problem(day)
    if problem:
        raise ValueError(f"that date {problem}")
    return day


def parse_day(text: str, today: date, *, past: bool = False) -> date:
    """The day `text` names, relative to `today`.

    A weekday means the next one after today, or with `past` the latest one
    before today (so "log it as Friday's call" works on a Monday).
    """
    word = text.strip().lower()
    if not word:
        raise ValueError("enter a date")
    if word in _WORDS:
        return _in_range(None, today, _WORDS[word])
    weekday = _weekday(word)
    if weekday is not None:
        if past:
            return _in_range(None, today, -((today.weekday() - weekday - 1) % 7 + 1))
        return _in_range(None, today, (weekday - today.weekday() - 1) % 7 + 1)
    days = _relative(word)
    if days is not None:
        return _in_range(None, today, days)
    try:
        day = date.fromisoformat(word)
    except ValueError:
        raise ValueError(f"not a date: {text.strip()!r} (use {DATE_HINT})") from None
    return _in_range(day, today)


def parse_optional_day(text: str, today: date) -> date | None:
    """Like `parse_day`, but empty text means no date."""
    return parse_day(text, today) if text.strip() else None


def parse_follow_up_day(text: str, today: date) -> date:
    """A day to follow up on: today or later (a typo in the year must not put the
    follow-up weeks overdue)."""
    day = parse_day(text, today)
    check_not_past(day, today)
    return day


def parse_past_day(text: str, today: date) -> date:
    """A day something happened on: today or earlier."""
    day = parse_day(text, today, past=True)
    check_not_future(day, today)
    return day


def check_not_past(day: date, today: date) -> None:
    """ValueError when `day` is before `today`."""
    if day < today:
        raise ValueError(f"{day:%a} {day.day} {day:%b %Y} is past: pick today or a later date")


def check_not_future(day: date, today: date) -> None:
    """ValueError when `day` is after `today`: log what happened, not plans."""
    if day > today:
        raise ValueError(
            f"{day:%a} {day.day} {day:%b %Y} is in the future: log what happened, not plans"
        )


def parse_yearly(text: str) -> date | None:
    """A birthday or anniversary: YYYY-MM-DD, or empty for none."""
    if not text.strip():
        return None
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError("write the date as YYYY-MM-DD (e.g. 1980-11-24)") from None
    return _in_range(day, day)


def parse_clock(text: str) -> str:
    """A time of day, "9:30" -> "09:30"; empty is fine (no time set)."""
    value = text.strip()
    if not value:
        return ""
    hours, sep, minutes = value.partition(":")
    if not (
        sep and hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60
    ):
        raise ValueError("time as HH:MM, e.g. 09:30")
    return f"{int(hours):02d}:{int(minutes):02d}"
