"""Reading whole numbers and yes/no cells written by other tools
(money: `leadline.core.money`, re-exported here for the importers).

Parsers raise `ValueError` with a short, user-facing reason when the text cannot
be read. Empty cells are the caller's business (they mean "not given").
"""

from __future__ import annotations

from leadline.core.money import parse_money

__all__ = ["parse_bool", "parse_count", "parse_money"]

_TRUE = frozenset({"1", "true", "yes", "y", "x", "on", "✓", "checked"})
_FALSE = frozenset({"0", "false", "no", "n", "off", "-", "unchecked"})


def parse_count(text: str) -> int:
    """A whole number such as a head count (`2822`, `1,185`, `1 356`, `117.0`)."""
    amount, currency = parse_money(text)
    if currency or amount != int(amount):
        raise ValueError(f"not a whole number: {text.strip()!r}")
    return int(amount)


def parse_bool(text: str) -> bool:
    """Yes/no cells: `1`/`0`, `true`/`false`, `Yes`/`No`, `x`, ... (case ignored)."""
    value = text.strip().casefold()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"not yes/no: {text.strip()!r}")
