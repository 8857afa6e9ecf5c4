"""Reading a stored document field by field, strictly: each value of the type and range
the model says, or a `BadField` naming the field (`contacts[2].birthday`) and what is
wrong with it.

A document comes from the data file, a journal line, or a file another tool wrote, so
any value can be anything; a record read through here never crashes a rule later on
(a name that is a number, a date in year 9999, an amount that is NaN). The bounds are
the model's: the same ones the date grammar and the config check at input.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any, TypeVar

FIRST_YEAR, LAST_YEAR = 1900, 2200
"""Years a date may fall in: wide enough for any birthday and plan, narrow enough that
date arithmetic (a ten-year interval, the day after) never leaves what Python can hold."""
MAX_AMOUNT = 1e15
"""The largest amount (deal value, budget, quota, ICP figure): sums stay exact and finite."""
MAX_INTERVAL_DAYS = 3650
"""The longest follow-up interval or threshold in days (ten years)."""
MAX_COUNT = 10**9
"""The largest count a record holds (minutes of a touch)."""

MAX_DEPTH = 64
"""The deepest nesting a field unknown to the model may have and be kept."""

T = TypeVar("T")
_MISSING: Any = object()


class BadField(ValueError):
    """A field of a document that cannot be read; `field` is its path in the document."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        super().__init__(f"field {field!r} {problem}")


def shown(value: object) -> str:
    """A value as a message shows it: its JSON-like spelling, cut short, ASCII only."""
    text = ascii(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _kind(value: object) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return shown(value)


def year_problem(day: date) -> str | None:
    """Why `day` is refused (outside FIRST_YEAR-LAST_YEAR), or None if it is fine."""
    if FIRST_YEAR <= day.year <= LAST_YEAR:
        return None
    return f"is in year {day.year}; dates must fall in the years {FIRST_YEAR}-{LAST_YEAR}"


class Fields:
    """One JSON object being read; `where` is its path in the document ('' = the top)."""

    __slots__ = ("doc", "where")

    def __init__(self, doc: object, where: str = "") -> None:
        if type(doc) is not dict:
            raise BadField(where or "(document)", f"is {_kind(doc)}, not an object")
        self.doc: dict[str, Any] = doc
        self.where = where

    def name(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def bad(self, key: str, problem: str) -> BadField:
        return BadField(self.name(key), problem)

    def _get(self, key: str, required: bool) -> Any:
        value = self.doc.get(key, _MISSING)
        if value is _MISSING or value is None:
            if required:
                raise self.bad(key, "is missing" if value is _MISSING else "is null")
            return _MISSING
        return value

    def text(self, key: str, *, required: bool = False) -> str:
        """Text; '' when absent or null (unless required)."""
        value = self._get(key, required)
        return "" if value is _MISSING else self.check_text(key, value)

    def check_text(self, key: str, value: Any) -> str:
        if type(value) is not str:
            raise self.bad(key, f"is {_kind(value)}, not text")
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise self.bad(key, "holds a lone surrogate (not a character)") from None
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        """A list of texts; () when absent."""
        return tuple(self.check_text(f"{key}[{i}]", v) for i, v in enumerate(self._list(key)))

    def day(self, key: str, *, required: bool = False) -> date | None:
        """An ISO date (YYYY-MM-DD) in the allowed years; None when absent or empty."""
        value = self._get(key, required)
        if value is _MISSING or (value == "" and not required):
            return None
        try:
            found = date.fromisoformat(self.check_text(key, value))
        except ValueError:
            raise self.bad(key, f"is {shown(value)}, not a date (YYYY-MM-DD)") from None
        return self._in_range(key, found)

    def moment(self, key: str) -> datetime:
        """A required ISO date and time, local (no time zone), in the allowed years."""
        value = self._get(key, True)
        try:
            found = datetime.fromisoformat(self.check_text(key, value))
        except ValueError:
            raise self.bad(key, f"is {shown(value)}, not a date and time") from None
        if found.tzinfo is not None:
            raise self.bad(key, f"is {shown(value)}, with a time zone; write local time")
        return self._in_range(key, found)

    def _in_range(self, key: str, found: T) -> T:
        problem = year_problem(found)  # type: ignore[arg-type]
        if problem:
            raise self.bad(key, problem)
        return found

    def amount(self, key: str) -> float | None:
        """A finite number within MAX_AMOUNT either side; None when absent or null."""
        value = self._get(key, False)
        if value is _MISSING:
            return None
        if type(value) not in (int, float) or not math.isfinite(value):
            raise self.bad(key, f"is {_kind(value)}, not a number")
        if abs(value) > MAX_AMOUNT:
            raise self.bad(key, f"is {shown(value)}, beyond {MAX_AMOUNT:.0e}")
        return float(value)

    def whole(self, key: str, high: int, default: int | None = None) -> int | None:
        """A whole number from 0 to `high`; `default` when absent or null."""
        value = self._get(key, False)
        if value is _MISSING:
            return default
        if type(value) is float and value.is_integer():
            value = int(value)
        if type(value) is not int:
            raise self.bad(key, f"is {_kind(value)}, not a whole number")
        if not 0 <= value <= high:
            raise self.bad(key, f"is {shown(value)}, not between 0 and {high}")
        return value

    def flag(self, key: str) -> bool:
        """true or false; false when absent or null."""
        value = self._get(key, False)
        if value is _MISSING:
            return False
        if type(value) is not bool:
            raise self.bad(key, f"is {_kind(value)}, not true or false")
        return value

    def choice(self, key: str, table: dict[str, T], default: T | None = None) -> T:
        """One of `table`'s keys; `default` when absent, null or empty (required without)."""
        value = self._get(key, default is None)
        if value is _MISSING or value == "":
            if default is None:
                raise self.bad(key, "is empty")
            return default
        if type(value) is not str or value not in table:
            raise self.bad(key, f"is {_kind(value)}, not one of {', '.join(table)}")
        return table[value]

    def objects(self, key: str) -> list[Fields]:
        """A list of objects, each to read in turn; [] when absent."""
        return [Fields(item, f"{self.name(key)}[{i}]") for i, item in enumerate(self._list(key))]

    def object(self, key: str) -> Fields:
        """A nested object; an empty one when absent."""
        value = self._get(key, False)
        return Fields({} if value is _MISSING else value, self.name(key))

    def mapping(self, key: str) -> dict[str, Any]:
        """A nested object as a dict of text keys (values to check by the caller)."""
        mapping = self.object(key)
        for item in mapping.doc:
            mapping.check_text(item, item)
        return mapping.doc

    def _list(self, key: str) -> list[Any]:
        value = self._get(key, False)
        if value is _MISSING:
            return []
        if type(value) is not list:
            raise self.bad(key, f"is {_kind(value)}, not a list")
        return value

    def unknown(self, known: frozenset[str]) -> dict[str, Any]:
        """The fields the model does not know (kept as they are, written back on save).

        They must still be JSON a save can write back: no NaN, no lone surrogate,
        no nesting past MAX_DEPTH.
        """
        found = {k: v for k, v in self.doc.items() if k not in known}
        for key, value in found.items():
            self._check_json(key, value)
        return found

    def _check_json(self, key: str, value: Any) -> None:
        stack = [(value, 1)]
        while stack:
            item, depth = stack.pop()
            if depth > MAX_DEPTH:
                raise self.bad(key, f"nests deeper than {MAX_DEPTH} levels")
            if type(item) is float and not math.isfinite(item):
                raise self.bad(key, f"holds {item}, not a number JSON can hold")
            if type(item) is str:
                self.check_text(key, item)
            elif type(item) is list:
                stack.extend((v, depth + 1) for v in item)
            elif type(item) is dict:
                stack.extend((v, depth + 1) for v in (*item, *item.values()))
