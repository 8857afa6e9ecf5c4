"""The forms a typed date may take, one reader each.

A reader gets the cleaned text (lower case, single spaces) and returns the day it
names, None when the text is not of its form (the next reader tries), or raises
`NotADate` when the text is of its form but names no day ("31 feb"): the message
says how the text was read, so the user sees what went wrong.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = tuple(calendar.month_name[1:])
ORDERS = {"dmy": "day.month.year", "mdy": "month/day/year", "ymd": "year-month-day"}
"""The date orders a config may choose (`dates.order`), in words."""

_WORDS = {"today": 0, "tod": 0, "now": 0, "tomorrow": 1, "tom": 1, "tmr": 1, "yesterday": -1}
_UNITS = {"d": "d", "day": "d", "days": "d", "w": "w", "wk": "w", "wks": "w", "week": "w",
          "weeks": "w", "m": "m", "mo": "m", "mos": "m", "month": "m", "months": "m"}  # fmt: skip
_RELATIVE = re.compile(r"(?:in )?([+-]?)(\d+|an?) ?([a-z]*)(?: (ago))?")
_MAX_DIGITS = 6
TOO_FAR = 10**6
"""Days returned for a relative date with more digits than the allowed years hold."""


class NotADate(ValueError):
    """Text of a date's form that names no day; the message says how it was read."""


Reader = Callable[[str, date, bool, str], "date | int | None"]
"""(text, today, past, order) -> a day, a number of days from today, or None."""


def _prefix_of(word: str, names: tuple[str, ...]) -> int | None:
    """Index of the name `word` starts (three letters at least), or None."""
    if len(word) < 3 or not word.isalpha():
        return None
    return next((i for i, name in enumerate(names) if name.lower().startswith(word)), None)


def weekday_of(word: str) -> int | None:
    """0-6 for "fri", "friday"; None for anything else ("month" is no Monday)."""
    return _prefix_of(word, WEEKDAYS)


def month_of(word: str) -> int | None:
    """1-12 for "dec", "december", "sept"; None for anything else."""
    index = _prefix_of(word.rstrip("."), MONTHS)
    return None if index is None else index + 1


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, kept in the month (31 Jan + 1 month = 28 Feb)."""
    years, month = divmod(day.month - 1 + months, 12)
    year = day.year + years
    if not 1 <= year <= 9999:
        return date.max if months > 0 else date.min
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def read_word(text: str, today: date, past: bool, order: str) -> int | None:
    """today, tomorrow (tom, tmr), yesterday."""
    return _WORDS.get(text)


def read_relative(text: str, today: date, past: bool, order: str) -> date | int | None:
    """+3, 3, 3d, -1, 2w, 2m; in 3 days, in 2 weeks, in a month; 3 days ago."""
    found = _RELATIVE.fullmatch(text)
    if found is None:
        return None
    sign, number, unit, ago = found.groups()
    if unit and unit not in _UNITS:
        if text.startswith("in "):
            raise NotADate(f"{text!r}: after a number come days, weeks or months (in 3 days)")
        return None  # "7 dec": not a count
    if number in ("a", "an") and not unit:
        return None
    count = 1 if number in ("a", "an") else int(number) if len(number) <= _MAX_DIGITS else TOO_FAR
    count *= -1 if (sign == "-") != bool(ago) else 1
    kind = _UNITS.get(unit, "d")
    if kind == "m":
        return add_months(today, count)
    return count * (7 if kind == "w" else 1)


def read_weekday(text: str, today: date, past: bool, order: str) -> date | int | None:
    """fri, friday; next mon, this fri, last wed; next week, next month."""
    first, _, rest = text.partition(" ")
    word, which = (rest, first) if first in ("next", "this", "last") and rest else (text, "")
    if which == "next" and word in ("week", "month"):
        return 7 if word == "week" else add_months(today, 1)
    weekday = weekday_of(word)
    if weekday is None:
        if which:
            raise NotADate(f"{text!r}: after {which!r} comes a weekday, e.g. {which} mon")
        return None
    ahead = (weekday - today.weekday()) % 7  # 0 when today is that day
    back = (today.weekday() - weekday) % 7
    if which == "this":
        return -back if past else ahead
    if which == "last" or (past and not which):
        return -(back or 7)
    return ahead or 7


_DAY_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\.? ?(?:of )?([a-z]+\.?),?(?: (\d{4}))?")
_MONTH_DAY = re.compile(r"([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,?(?: (\d{4}))?")


def read_month_name(text: str, today: date, past: bool, order: str) -> date | None:
    """7 dec, 7th december, dec 7, December 7, 2026, 7 dec 2026; "Mon 7 Dec 2026" too
    (how leadline shows a date), when the weekday is right."""
    first, _, rest = text.partition(" ")
    weekday = weekday_of(first.rstrip(",")) if rest else None
    if weekday is not None:
        found = read_month_name(rest, today, past, order)
        if found is not None and found.weekday() != weekday:
            named = WEEKDAYS[found.weekday()].capitalize()
            raise NotADate(f"{text!r}: {found.day} {found:%b %Y} is a {named}")
        return found
    day_first = _DAY_MONTH.fullmatch(text)
    month_first = _MONTH_DAY.fullmatch(text)
    if day_first:
        day, word, year = day_first.groups()
    elif month_first:
        word, day, year = month_first.groups()
    else:
        return None
    month = month_of(word)
    if month is None:
        if day_first is None and word in ("next", "this", "last", "in"):
            return None
        raise NotADate(f"{text!r}: {word.rstrip('.')!r} is not a month (jan, feb, ... dec)")
    return _calendar_day(text, int(day), month, int(year) if year else None, today, past)


def read_numeric(text: str, today: date, past: bool, order: str) -> date | None:
    """07.12.2026, 7.12., 7.12, 07/12/2026, 2026/12/07: read in the configured order."""
    body = text.removesuffix(".")
    separator = next((s for s in "./-" if s in body), "")
    parts = body.split(separator) if separator else []
    if not 2 <= len(parts) <= 3 or not all(p.isdigit() and len(p) <= 4 for p in parts):
        return None
    if len(parts[0]) == 4 or (order == "ymd" and len(parts) == 3):
        if len(parts) == 2:
            return None
        year, month, day = parts
        how = "year-month-day"
    else:
        month_first = order in ("mdy", "ymd")  # ymd without a year: month-day
        day, month, *rest = [parts[1], parts[0], *parts[2:]] if month_first else parts
        year = rest[0] if rest else ""
        how = ORDERS[order] if order != "ymd" else "month-day"
    if len(day) > 2 or len(month) > 2 or len(year) not in (0, 2, 4):
        raise NotADate(f"{text!r} is not a date in the order {ORDERS[order]}")
    full_year = None if not year else int(year) + (2000 if len(year) == 2 else 0)
    return _calendar_day(text, int(day), int(month), full_year, today, past, how)


def _calendar_day(
    text: str, day: int, month: int, year: int | None, today: date, past: bool, how: str = ""
) -> date:
    """The date, or without a year the next one (the latest one with `past`)."""
    read = f"day {day}, month {month}" + (f", year {year}" if year else "")
    if how:
        read += f" ({how})"
    if not 1 <= month <= 12:
        raise NotADate(f"{text!r} reads as {read}: there is no month {month}")
    if not 1 <= day <= 31:
        raise NotADate(f"{text!r} reads as {read}: there is no day {day}")
    if year is not None:
        return _exact(text, read, year, month, day)
    step = -1 if past else 1
    for offset in range(9):  # 29 Feb comes back within eight years
        candidate = _maybe(today.year + step * offset, month, day)
        if candidate is not None and (candidate <= today if past else candidate >= today):
            return candidate
    raise NotADate(f"{text!r} reads as {read}: {MONTHS[month - 1]} has no day {day}")


def _exact(text: str, read: str, year: int, month: int, day: int) -> date:
    found = _maybe(year, month, day)
    if found is None:
        raise NotADate(f"{text!r} reads as {read}: {MONTHS[month - 1]} {year} has no day {day}")
    return found


def _maybe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_iso(text: str, today: date, past: bool, order: str) -> date | None:
    """2026-12-07, whatever the configured order."""
    if not _ISO.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise NotADate(f"{text!r} reads as year-month-day, and there is no such day") from None


READERS: tuple[Reader, ...] = (
    read_word, read_iso, read_relative, read_weekday, read_month_name, read_numeric,
)  # fmt: skip
"""Tried in this order; the first that recognises the text decides."""


def offset_day(today: date, days: int) -> date:
    """`today` + `days`, clamped to what Python can hold (the range check refuses it)."""
    try:
        return today + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min
