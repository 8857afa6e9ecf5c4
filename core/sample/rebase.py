"""Move a generated pipeline's dates so it looks live on any day.

The sample data file records the day it was generated for (`anchor` in its
`_leadline` header). `rebase_pipeline_doc` shifts every date and timestamp by
the days between the anchor and the new day, so an item overdue by three days
on the anchor day is overdue by three days today, and a birthday "today" is
still today.
"""

from __future__ import annotations

import calendar
import json
import re
from datetime import date, timedelta
from typing import Any

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T[0-9:.+\-Z]*)?")
_YEARLY = frozenset({"birthday", "anniversary"})
_LEAVE = frozenset({
    "name", "text", "note", "title", "objection", "counter", "lost_reason", "email", "phone",
    "external_id", "tags", "needs", "risks", "approval_chain", "qualification", "icp",
})  # fmt: skip
"""Free text and user-defined values: a date-like string there is not a date to move."""


def rebase_pipeline_doc(data: dict[str, Any], new_today: date) -> dict[str, Any]:
    """A copy of a data file's content with every date moved by (new_today - anchor).

    Dates and timestamps shift by the same number of days, so "overdue by 3
    days" stays overdue by 3 days; birthdays and anniversaries keep their
    distance from today (a birthday today is still today). The anchor becomes
    `new_today`. A file without an anchor is returned unchanged (as a copy).
    """
    copy: dict[str, Any] = json.loads(json.dumps(data))
    meta = copy.get("_leadline", {}).get("1", {})
    if not isinstance(meta, dict) or not meta.get("anchor"):
        return copy
    anchor = date.fromisoformat(meta["anchor"])
    days = (new_today - anchor).days
    if days:
        for doc in copy.get("prospects", {}).values():
            _shift(doc, days, anchor, new_today)
    meta["anchor"] = new_today.isoformat()
    return copy


def _shift(node: Any, days: int, anchor: date, new_today: date) -> None:
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        if key in _LEAVE:
            continue
        if isinstance(value, dict | list):
            _shift(value, days, anchor, new_today)
        elif isinstance(value, str) and _DATE.fullmatch(value):
            try:
                day = date.fromisoformat(value[:10])
            except ValueError:
                continue
            if key in _YEARLY:
                moved = _shift_yearly(day, anchor, new_today)
            else:
                moved = day + timedelta(days=days)
            node[key] = moved.isoformat() + value[10:]


def _in_year(day: date, year: int) -> date:
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return day.replace(year=year)


def _shift_yearly(day: date, anchor: date, new_today: date) -> date:
    """Move a yearly date so its next (or last) occurrence keeps its distance from today."""
    occurrences = (_in_year(day, anchor.year + n) for n in (-1, 0, 1))
    seen = min(occurrences, key=lambda occ: abs((occ - anchor).days))
    moved = new_today + (seen - anchor)
    year = day.year + moved.year - seen.year
    if (moved.month, moved.day) == (2, 29):
        year -= year % 4  # keep the 29th: the nearest earlier leap year (no 1900/2100 births)
    return _in_year(moved, year)
