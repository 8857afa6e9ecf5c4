"""Words and numbers for people: money, due dates, aligned columns.

Shared by the plain CLI and the TUI, so it must not import Textual or Rich
(the CLI starts fast because it never loads them).
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import humanize

from leadline.core.money import symbol_of


def half_up(value: float, places: int = 0) -> Decimal:
    """`value` rounded to `places` decimals, a half away from zero (12.5 -> 13), as
    people round money; Python's round() and format() round a half to even (12)."""
    try:
        exact = Decimal(repr(float(value)))  # the shortest spelling: 1.05 stays 1.05
        return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    except InvalidOperation:  # inf or nan: never stored, shown as 0 rather than a crash
        return Decimal(0)


def _short(amount: float) -> str:
    """A non-negative amount in at most four characters: "950", "9.5k", "13k", "1.2M"."""
    if half_up(amount) < 1000:
        return str(half_up(amount))
    if half_up(amount / 1000, 1) < 10:
        return f"{half_up(amount / 1000, 1)}k".replace(".0k", "k")
    if half_up(amount / 1000) < 1000:
        return f"{half_up(amount / 1000)}k"
    return f"{half_up(amount / 1_000_000, 1)}M".replace(".0M", "M")


def money(amount: float, currency: str = "EUR") -> str:
    """Short money for lists and bars: "€950", "€12k", "€1.2M" (a half rounds up)."""
    symbol = symbol_of(currency)
    sign = "-" if amount < 0 and half_up(amount) != 0 else ""
    text = _short(abs(amount))
    return f"{sign}{symbol}{text}" if symbol else f"{sign}{text} {currency}".rstrip()


def money_exact(amount: float, currency: str = "EUR") -> str:
    """Full money for detail views: "€12,500" (to the unit, a half rounds up)."""
    symbol = symbol_of(currency)
    rounded = int(half_up(amount))
    sign, text = "-" if rounded < 0 else "", humanize.intcomma(abs(rounded))
    return f"{sign}{symbol}{text}" if symbol else f"{sign}{text} {currency}".rstrip()


def percent(fraction: float) -> str:
    """ "25%" for 0.25 (a half rounds up)."""
    return f"{half_up(fraction * 100)}%"


def deals(count: int) -> str:
    """Count of deals: "1 deal", "12 deals"."""
    return f"{count} deal" if count == 1 else f"{count} deals"


def days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def due_phrase(due: date | None, today: date) -> str:
    """Due date in words: "3 days overdue", "today", "tomorrow", "in 4 days", "no date"."""
    if due is None:
        return "no date"
    delta = (due - today).days
    if delta < 0:
        return f"{days(-delta)} overdue"
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    return f"in {days(delta)}"


def ago(when: date, today: date) -> str:
    """Past date in words: "today", "yesterday", "3 days ago", "2 months ago"."""
    delta = (today - when).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "yesterday"
    if delta < 0:
        return due_phrase(when, today)
    return humanize.naturaltime(delta * 86400, future=False).replace("a day", "1 day")


class _CharWidths(dict[str, int]):
    """Columns per character, worked out once per character met."""

    def __missing__(self, char: str) -> int:
        if unicodedata.combining(char):
            width = 0
        else:
            width = 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
        self[char] = width
        return width


_CHAR_WIDTHS = _CharWidths()


def cell_width(text: str) -> int:
    """Columns the text takes in a terminal: wide (CJK) characters count two."""
    if text.isascii() and text.isprintable():
        return len(text)  # the usual case, and a long list asks thousands of times
    return sum(map(_CHAR_WIDTHS.__getitem__, text))


def fit(text: str, width: int) -> str:
    """Truncate with an ellipsis and pad to exactly `width` terminal columns."""
    used = cell_width(text)
    if used <= width:
        return text + " " * (width - used)
    out, used = [], 0
    for char in text:
        char_width = cell_width(char)
        if used + char_width > width - 1:
            break
        out.append(char)
        used += char_width
    return "".join(out) + "…" + " " * (width - used - 1)


PROSE_CELLS = 60
"""The most of a name a sentence on screen shows (a dialog's question or title): a very
long one (an import's) would push the dialog's fields and keys out of its box."""


def in_prose(name: str, width: int = PROSE_CELLS) -> str:
    """`name` as a sentence shows it: cut to `width` columns with an ellipsis if longer."""
    return name if cell_width(name) <= width else fit(name, width).rstrip()


def day_text(day: date) -> str:
    """The one way a date is written in prose, on every screen and in the CLI:
    "Mon 7 Dec 2026" (JSON output uses ISO dates)."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def moment_text(moment: datetime) -> str:
    """A date and time of day in the same style: "Mon 7 Dec 2026 09:30"."""
    return f"{day_text(moment.date())} {moment:%H:%M}"


def day_month_text(day: date) -> str:
    """A yearly date (a birthday) without its year: "7 Dec"."""
    return f"{day.day} {day:%b}"


def day_label(day: date | None, today: date) -> str:
    """ "Mon 30 Nov 2026 (in 7 days)" for dialogs; "none" when there is no date."""
    if day is None:
        return "none"
    return f"{day_text(day)} ({due_phrase(day, today)})"
