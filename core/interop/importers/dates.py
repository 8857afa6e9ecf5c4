"""Reading dates written by other tools, in ISO and common local forms.

Parsers raise `ValueError` with a short, user-facing reason when the text cannot
be read. Empty cells are the caller's business (they mean "not given").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMERIC_DATE = re.compile(r"(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})")
_NAMED_FORMATS = ("%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%d-%b-%Y")
_TIME_TAIL = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([AaPp][Mm])?")


def slash_order_votes(values: Iterable[str]) -> tuple[int, int]:
    """Count slash dates that can only be day-first and only be month-first."""
    day_first = month_first = 0
    for value in values:
        match = _NUMERIC_DATE.match(value.strip())
        if not match or match.group(2) != "/" or len(match.group(1)) == 4:
            continue
        first, second = int(match.group(1)), int(match.group(3))
        day_first += first > 12 >= second
        month_first += second > 12 >= first
    return day_first, month_first


def infer_day_first(values: Iterable[str]) -> bool:
    """Whether a column's `a/b/yyyy` dates are day-first.

    Day-first (DD/MM/YYYY) is the default; month-first (MM/DD/YYYY) is used only
    when some value can only be month-first and none can only be day-first.
    """
    day_first, month_first = slash_order_votes(values)
    return not (month_first and not day_first)


def parse_datetime(text: str, *, day_first: bool = True) -> datetime:
    """Read a date or date-time in ISO or a common local form.

    Accepts `2024-01-22`, `2024-01-22T16:14:25.000+0000` (Salesforce),
    `2023-11-15 20:09` (HubSpot), `22.01.2024`, `22/01/2024`, `01/22/2024`,
    `2024/01/22`, `22 Jan 2024`, `Jan 22, 2024`. Time zones are converted to
    UTC and dropped, so every datetime leadline holds is naive.
    """
    value = text.strip()
    if _ISO_DATE.match(value):
        return _from_iso(value)
    match = _NUMERIC_DATE.match(value)
    if match:
        tail = value[match.end() :].strip()
        if tail and not _TIME_TAIL.fullmatch(tail):
            raise ValueError(f"not a date: {text!r}")
        return _numeric(match, text, day_first) + _time_of(tail)
    for fmt in _NAMED_FORMATS:
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            continue
    raise ValueError(f"not a date: {text!r}")


def parse_date(text: str, *, day_first: bool = True) -> date:
    """The date part of `parse_datetime`."""
    return parse_datetime(text, day_first=day_first).date()


def _from_iso(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"not a date: {value!r}") from error
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def _numeric(match: re.Match[str], text: str, day_first: bool) -> datetime:
    a, sep, b, c = match.group(1), match.group(2), match.group(3), match.group(4)
    if len(a) == 4:
        year, month, day = int(a), int(b), int(c)
    elif len(c) == 4:
        year = int(c)
        first, second = int(a), int(b)
        if first > 12 or second > 12:  # only one reading is possible
            day_first = first > 12
        elif sep != "/":  # 22.01.2024 and 22-01-2024 are always day-first
            day_first = True
        day, month = (first, second) if day_first else (second, first)
    else:
        raise ValueError(f"not a date (four-digit year needed): {text!r}")
    try:
        return datetime(year, month, day)
    except ValueError as error:
        raise ValueError(f"not a date: {text!r}") from error


def _time_of(tail: str) -> timedelta:
    """The time of day written in `tail` (already checked by `_TIME_TAIL`; zero when empty)."""
    match = _TIME_TAIL.fullmatch(tail)
    if not match:
        return timedelta(0)
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours > 23 or minutes > 59:
        raise ValueError(f"not a time: {tail!r}")
    meridiem = (match.group(4) or "").upper()
    if meridiem:
        hours = hours % 12 + (12 if meridiem == "PM" else 0)
    return timedelta(hours=hours, minutes=minutes, seconds=int(match.group(3) or 0))
