"""Money as people and other tools write it, and the one table of currency symbols.

`parse_money` reads `€1.234,50`, `$1,234.50`, `1 234`, `1234.5 EUR`, `USD 117.0`
and the short forms people type, `12k` and `1.2M`. `symbol_of` gives the
symbol shown before an amount for the currencies that are written that way.
"""

from __future__ import annotations

import re

from leadline.core.records.reading import MAX_AMOUNT

SYMBOLS: dict[str, str] = {
    "€": "EUR",
    "$": "USD",
    "US$": "USD",
    "£": "GBP",
    "¥": "JPY",
    "₽": "RUB",
    "₹": "INR",
    "֏": "AMD",
    "₾": "GEL",
    "₸": "KZT",
    "₴": "UAH",
    "zł": "PLN",
    "лв": "BGN",
    "lei": "RON",
}
"""Symbol -> ISO code, as written beside amounts (read in imports and typed values)."""

SHOWN_BEFORE = frozenset({"EUR", "USD", "GBP", "JPY", "RUB"})
"""Currencies shown with their symbol before the amount ("€12k"); others as "12k PLN"."""

_DISPLAY = {code: symbol for symbol, code in reversed(SYMBOLS.items()) if code in SHOWN_BEFORE}
_BY_LENGTH = sorted(SYMBOLS.items(), key=lambda kv: -len(kv[0]))
_CODE = re.compile(r"[A-Z]{3}")
_SPACES = re.compile(r"[\s\u00a0\u202f']")
_NUMBER = re.compile(r"\d[\d.,]*")
_SCALES = {"k": 1_000, "m": 1_000_000}


def symbol_of(currency: str) -> str:
    """The symbol shown before amounts in `currency`, or "" to show the code after."""
    return _DISPLAY.get(currency.upper(), "")


def parse_money(text: str) -> tuple[float, str]:
    """An amount and the currency code written beside it ("" when none).

    A lone separator followed by exactly three digits is a thousands separator
    (`1.234` is 1234), otherwise it is the decimal point. Negative amounts
    (`-5`, `(5)`, `−5`) are refused: a deal value cannot be negative.
    """
    rest, currency = _split_currency(text.strip())
    compact = _SPACES.sub("", rest)
    if compact.startswith(("-", "−", "(")) or compact.endswith("-"):
        raise ValueError(f"negative amount: {text.strip()!r}")
    scale = _SCALES.get(compact[-1:].lower(), 1) if compact[:-1] else 1
    if scale != 1:
        compact = compact[:-1]
    if not _NUMBER.fullmatch(compact):
        raise ValueError(f"not an amount: {text.strip()!r}")
    amount = float(_normalise_separators(compact)) * scale
    if not amount <= MAX_AMOUNT:  # also inf, from a few hundred digits
        raise ValueError(f"amount too large: {text.strip()[:40]!r} (at most {MAX_AMOUNT:.0e})")
    return amount, currency


def parse_amount(text: str, what: str = "value") -> float:
    """A non-negative amount as a user types it ("12000", "12 000", "€12.500", "40k")."""
    try:
        return parse_money(text)[0]
    except ValueError:
        raise ValueError(f"{what} must be a non-negative number (e.g. 12000 or 12k)") from None


def parse_optional_amount(text: str, what: str) -> float | None:
    """Like `parse_amount`; empty text means unknown."""
    return parse_amount(text, what) if text.strip() else None


def parse_currency(text: str) -> str:
    """A three-letter currency code ("eur" -> "EUR"); empty means the pipeline's."""
    value = text.strip().upper()
    if value and (len(value) != 3 or not value.isalpha()):
        raise ValueError("currency is a three-letter code such as EUR")
    return value


def _split_currency(text: str) -> tuple[str, str]:
    if text[:1].isdigit() and text[-1:].isdigit():
        return text, ""  # the common case: a bare number
    for symbol, code in _BY_LENGTH:
        if text.startswith(symbol) or text.startswith("-" + symbol):
            return text.replace(symbol, "", 1), code
        if text.endswith(symbol):
            return text[: -len(symbol)], code
    head, _, tail = text.partition(" ")
    if _CODE.fullmatch(head) and tail:
        return tail, head
    head, _, tail = text.rpartition(" ")
    if _CODE.fullmatch(tail) and head:
        return head, tail
    return text, ""


def _normalise_separators(number: str) -> str:
    """`number` with thousands separators removed and a `.` decimal point."""
    if "," in number and "." in number:
        decimal = "," if number.rfind(",") > number.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        return number.replace(thousands, "").replace(decimal, ".")
    for sep in (",", "."):
        if number.count(sep) > 1:
            return number.replace(sep, "")
        if number.count(sep) == 1:
            whole, _, fraction = number.partition(sep)
            if len(fraction) == 3 and whole.strip("0"):
                return whole + fraction
            return whole + "." + fraction
    return number
