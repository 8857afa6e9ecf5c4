"""Words and numbers for people: money, due dates, aligned columns.

Shared by the plain CLI and the TUI, so it must not import Textual or Rich
(the CLI starts fast because it never loads them).
"""

from __future__ import annotations

import unicodedata
from datetime import date

import humanize

from leadline.core.money import symbol_of


def money(amount: float, currency: str = "EUR") -> str:
    """Short money for lists and bars: "€950", "€12k", "€1.2M"."""
    symbol = symbol_of(currency)
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    if amount >= 1_000_000:
        text = f"{amount / 1_000_000:.1f}M".replace(".0M", "M")
    elif amount >= 10_000:
        text = f"{amount / 1000:.0f}k"
    elif amount >= 1000:
        text = f"{amount / 1000:.1f}k".replace(".0k", "k")
    else:
        text = f"{amount:.0f}"
    return f"{sign}{symbol}{text}" if symbol else f"{sign}{text} {currency}".rstrip()


def money_exact(amount: float, currency: str = "EUR") -> str:
    """Full money for detail views: "€12,500"."""
    symbol = symbol_of(currency)
    text = humanize.intcomma(round(amount))
    return f"{symbol}{text}" if symbol else f"{text} {currency}".rstrip()


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


def day_label(day: date | None, today: date) -> str:
    """ "Mon 30 Nov 2026 (in 7 days)" for dialogs; "none" when there is no date."""
    if day is None:
        return "none"
    return f"{day:%a} {day.day} {day:%b %Y} ({due_phrase(day, today)})"
