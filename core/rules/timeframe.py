"""The decision timeframe a prospect gave, read as a date (DOMAIN: budget and timeframe
"drive the value and expected close date").

A timeframe is free text ("Q1 2027", "by end of March", "2027-03", "before summer").
`timeframe_close` reads the common shapes as the last day they name, on or after
`today`; anything else is None and stays only text:

- an ISO date (`2027-03-15`);
- a quarter: `Q1`, `Q1 2027`, `2027 Q1`, `2027-Q1`, `Q1/27`: the quarter's last day;
- a month: `March`, `mar 2027`, `end of March 2027`, `by March`, `2027-03`: its last day;
- `end of year`, `EOY`, `year end` (optionally with a year): 31 December.
Without a year, the next such period that has not ended yet.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_FILLER = re.compile(r"\b(by|before|until|till|in|the|of|end|late|early|mid|around)\b")
_QUARTER = re.compile(r"^(?:q([1-4])\s*[/ -]?\s*(\d{2}|\d{4})?|(\d{4})\s*[/ -]?\s*q([1-4]))$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR_END = re.compile(r"^(?:end of (?:the )?year|year[- ]end|eoy)(?:\s+(\d{4}))?$")


def _year(text: str | None) -> int | None:
    if not text:
        return None
    year = int(text)
    return 2000 + year if year < 100 else year


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _upcoming(make: Callable[[int], date], year: int | None, today: date) -> date | None:
    """`make(year)` for the year given, else this year's, or next year's once it passed."""
    if year is not None:
        return make(year) if 1900 <= year <= 2200 else None
    found: date = make(today.year)
    return found if found >= today else make(today.year + 1)


def timeframe_close(text: str, today: date) -> date | None:
    """The last day the timeframe `text` names (see the module docstring), or None."""
    words = " ".join(text.lower().replace(",", " ").replace(".", " ").split())
    if not words:
        return None
    try:
        return date.fromisoformat(words)
    except ValueError:
        pass
    year_end = _YEAR_END.match(words)
    if year_end:
        return _upcoming(lambda y: date(y, 12, 31), _year(year_end.group(1)), today)
    bare = " ".join(_FILLER.sub(" ", words).split())
    quarter = _QUARTER.match(bare)
    if quarter:
        q = int(quarter.group(1) or quarter.group(4))
        year = _year(quarter.group(2) or quarter.group(3))
        return _upcoming(lambda y: _month_end(y, 3 * q), year, today)
    year_month = _YEAR_MONTH.match(bare)
    if year_month and 1 <= int(year_month.group(2)) <= 12:
        month = int(year_month.group(2))
        return _upcoming(lambda y: _month_end(y, month), int(year_month.group(1)), today)
    parts = bare.split()
    if parts and parts[0] in _MONTHS and len(parts) <= 2:
        month = _MONTHS[parts[0]]
        year = _year(parts[1]) if len(parts) == 2 and parts[1].isdigit() else None
        if len(parts) == 2 and year is None:
            return None
        return _upcoming(lambda y: _month_end(y, month), year, today)
    return None
