"""The one date grammar: what a typed date means, for every front-end.

Used by the CLI's date arguments and by every date field of the TUI, so a date
typed anywhere means the same (`GRAMMAR` lists the forms for help screens):

- `2026-12-07` (ISO), and `07.12.2026`, `7.12.`, `07/12/2026` read in the user's
  date order (`dates.order` in the config: dmy, mdy or ymd; 4 digits first is
  always year-month-day);
- `7 dec`, `Dec 7`, `december 7`, `7 dec 2026` (month names and their first letters);
- `today`, `tomorrow` (`tom`, `tmr`), `yesterday`;
- `+3`, `3`, `3d`, `-1`, `2w`, `2m` (months), `in 3 days`, `in 2 weeks`,
  `in 2 months`, `3 days ago`, `next week`, `next month`;
- a weekday, whole or by three letters or more (`fri`, `friday`), or `next mon`,
  `this fri`, `last wed`: month words are never weekdays (`month`).

A date without a year, or a bare weekday, means the next such day, or the latest
one before today when the date is about the past (a logged touch). Anything else
is refused with a `ValueError` saying how the text was read and what is accepted.
Every date given falls in the years the model stores (1900-2200,
`records/reading.py`): a typo such as `+99999` is refused here, not stored to crash later.
"""

from __future__ import annotations

import re
from datetime import date

from leadline.core.dates.forms import (
    ORDERS,
    READERS,
    WEEKDAYS,
    NotADate,
    offset_day,
    read_iso,
    read_month_name,
    read_numeric,
)
from leadline.core.records.reading import year_problem

__all__ = ["DATE_HINT", "GRAMMAR", "ORDERS", "WEEKDAYS", "date_hint", "parse_day"]

_NUMERIC_HINT = {"dmy": "7.12.", "mdy": "12/7", "ymd": "12-07"}


def date_hint(order: str = "dmy") -> str:
    """The grammar in one short line, for placeholders, in the user's date order."""
    return f"7 dec, {_NUMERIC_HINT.get(order, '7.12.')}, +3, 2w, 2m, fri, next mon"


def _accepted(order: str) -> str:
    """What a refusal says is accepted: the hint and an ISO date."""
    return f"{date_hint(order)}, 2026-12-07"


DATE_HINT = date_hint()
"""The grammar in one line (day.month order)."""

GRAMMAR = (
    ("2026-12-07", "a date (ISO); 07.12.2026, 7.12. in your date order (dates.order)"),
    ("7 dec, Dec 7", "a day of a month: the next one (the last one for things past)"),
    ("today, tomorrow, yesterday", "also tom, tmr"),
    ("+3, 3d, 2w, 2m", "days, weeks or months from today; -1 is yesterday"),
    ("in 3 days, in 2 weeks", "in 2 months, 3 days ago, next week, next month"),
    ("fri, next mon, this fri", "the next such weekday (last wed: the one before)"),
)
"""Each form of the grammar with what it means: for help screens and `--help`."""


def _in_range(day: date) -> date:
    """`day` if it falls in the allowed years, else ValueError."""
    problem = year_problem(day)
    if problem:
        raise ValueError(f"that date {problem}")
    return day


def parse_day(text: str, today: date, *, past: bool = False, order: str = "dmy") -> date:
    """The day `text` names, relative to `today`, numbers read in `order` (dmy, mdy, ymd).

    A weekday or a day of a month without a year means the next one after today,
    or with `past` the latest one before today (so "Friday's call" works on a Monday).
    """
    word = " ".join(text.strip().lower().replace(",", ", ").split()).replace(" ,", ",")
    if not word:
        raise ValueError("enter a date")
    for reader in READERS:
        try:
            found = reader(word, today, past, order)
        except NotADate as refused:
            raise ValueError(f"not a date: {refused} (use {_accepted(order)})") from None
        if found is not None:
            return _in_range(offset_day(today, found) if isinstance(found, int) else found)
    shown = text.strip()
    raise ValueError(f"not a date: {shown!r} (use {_accepted(order)})")


def parse_optional_day(text: str, today: date, *, order: str = "dmy") -> date | None:
    """Like `parse_day`, but empty text means no date."""
    return parse_day(text, today, order=order) if text.strip() else None


def parse_follow_up_day(text: str, today: date, *, order: str = "dmy") -> date:
    """A day to follow up on: today or later (a typo in the year must not put the
    follow-up weeks overdue)."""
    day = parse_day(text, today, order=order)
    check_not_past(day, today)
    return day


def parse_past_day(text: str, today: date, *, order: str = "dmy") -> date:
    """A day something happened on: today or earlier."""
    day = parse_day(text, today, past=True, order=order)
    check_not_future(day, today)
    return day


def _shown(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def check_not_past(day: date, today: date) -> None:
    """ValueError when `day` is before `today`."""
    if day < today:
        raise ValueError(f"{_shown(day)} is past: pick today or a later date")


def check_not_future(day: date, today: date) -> None:
    """ValueError when `day` is after `today`: log what happened, not plans."""
    if day > today:
        raise ValueError(f"{_shown(day)} is in the future: log what happened, not plans")


def parse_yearly(text: str, *, order: str = "dmy") -> date | None:
    """A birthday or anniversary, with its year: 1980-11-24, 24 nov 1980, 24.11.1980
    (numbers in `order`); empty for none."""
    if not text.strip():
        return None
    if not re.search(r"\d{4}", text):
        raise ValueError("write the date with its year: 24 nov 1980, 24.11.1980 or 1980-11-24")
    word = " ".join(text.strip().lower().replace(",", " ").split())
    for reader in (read_iso, read_month_name, read_numeric):
        try:
            found = reader(word, date(2000, 1, 1), True, order)
        except NotADate as refused:
            raise ValueError(f"not a date: {refused}") from None
        if found is not None:
            return _in_range(found)
    raise ValueError("write the date with its year: 24 nov 1980, 24.11.1980 or 1980-11-24")


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
