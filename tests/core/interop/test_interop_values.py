"""Cell parsing: the dates, amounts and yes/no values other tools write."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from leadline.core.interop.importers.dates import infer_day_first, parse_date, parse_datetime
from leadline.core.interop.importers.values import parse_bool, parse_count, parse_money


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-22", date(2024, 1, 22)),
        ("2024-01-22T16:14:25.000+0000", date(2024, 1, 22)),  # Salesforce
        ("2023-11-15 20:09", date(2023, 11, 15)),  # HubSpot
        ("2024-12-03 12:57:54", date(2024, 12, 3)),  # Pipedrive
        ("22.01.2024", date(2024, 1, 22)),
        ("03.04.2024", date(2024, 4, 3)),  # dotted dates are always day first
        ("22/01/2024", date(2024, 1, 22)),
        ("01/22/2024", date(2024, 1, 22)),  # only month-first makes sense
        ("1/22/2024 4:14 PM", date(2024, 1, 22)),
        ("2024/01/22", date(2024, 1, 22)),
        ("22 Jan 2024", date(2024, 1, 22)),
        ("Jan 22, 2024", date(2024, 1, 22)),
    ],
)
def test_dates_in_iso_and_local_forms(text: str, expected: date) -> None:
    assert parse_date(text) == expected


def test_datetime_keeps_the_time_and_converts_zones_to_utc() -> None:
    assert parse_datetime("2024-01-22T16:14:25.000+0000") == datetime(2024, 1, 22, 16, 14, 25)
    assert parse_datetime("2024-01-22T18:14:25+02:00") == datetime(2024, 1, 22, 16, 14, 25)
    assert parse_datetime("2023-11-15 20:09") == datetime(2023, 11, 15, 20, 9)


def test_ambiguous_slash_date_follows_the_column() -> None:
    assert parse_date("03/04/2024") == date(2024, 4, 3)
    assert parse_date("03/04/2024", day_first=False) == date(2024, 3, 4)
    assert infer_day_first(["03/04/2024", "25/12/2024"]) is True
    assert infer_day_first(["03/04/2024", "12/25/2024"]) is False
    assert infer_day_first(["03/04/2024"]) is True  # undecided: day first


@pytest.mark.parametrize("text", ["31/31/2024", "2024-02-30", "tomorrow", "22.01.24", "12/2024"])
def test_bad_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="date"):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("€1.234,50", 1234.5, "EUR"),
        ("$1,234.50", 1234.5, "USD"),
        ("1 234", 1234.0, ""),
        ("1\u00a0234,50 €", 1234.5, "EUR"),
        ("1.234.567", 1234567.0, ""),
        ("1.234", 1234.0, ""),
        ("0.125", 0.125, ""),
        ("117.0", 117.0, ""),
        ("1124741.15", 1124741.15, ""),
        ("1,5", 1.5, ""),
        ("USD 250", 250.0, "USD"),
        ("250 BGN", 250.0, "BGN"),
        ("£99", 99.0, "GBP"),
    ],
)
def test_money_with_symbols_and_separators(text: str, amount: float, currency: str) -> None:
    assert parse_money(text) == (amount, currency)


@pytest.mark.parametrize("text", ["-5", "(1,200)", "−300", "-€5", "€-5"])
def test_negative_money_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="negative"):
        parse_money(text)


@pytest.mark.parametrize("text", ["lots", "12abc", "€", "1,2,3.4.5x"])
def test_non_amounts_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="amount"):
        parse_money(text)


def test_counts_and_flags() -> None:
    assert parse_count("2,822") == 2822
    assert parse_count("1 356") == 1356
    with pytest.raises(ValueError):
        parse_count("12.5")
    assert [parse_bool(t) for t in ("1", "Yes", "TRUE", "x", "0", "No", "false")] == [
        True,
        True,
        True,
        True,
        False,
        False,
        False,
    ]
    with pytest.raises(ValueError):
        parse_bool("maybe")
