"""Reading money amounts, whole numbers and yes/no cells written by other tools.

Parsers raise `ValueError` with a short, user-facing reason when the text cannot
be read. Empty cells are the caller's business (they mean "not given").
"""

from __future__ import annotations

import re

CURRENCY_SYMBOLS = {
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
_BY_LENGTH = sorted(CURRENCY_SYMBOLS.items(), key=lambda kv: -len(kv[0]))
_CODE = re.compile(r"[A-Z]{3}")
_SPACES = re.compile(r"[\s\u00a0\u202f']")
_NUMBER = re.compile(r"\d[\d.,]*")
_SCALES = {"k": 1_000, "m": 1_000_000}
_TRUE = frozenset({"1", "true", "yes", "y", "x", "on", "✓", "checked"})
_FALSE = frozenset({"0", "false", "no", "n", "off", "-", "unchecked"})


def parse_money(text: str) -> tuple[float, str]:
    """An amount and the currency code written beside it ("" when none).

    Reads `€1.234,50`, `$1,234.50`, `1 234`, `1234.5 EUR`, `USD 117.0`, and the
    short forms people type, `12k` and `1.2M`. A lone
    separator followed by exactly three digits is a thousands separator
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
    return float(_normalise_separators(compact)) * scale, currency


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
