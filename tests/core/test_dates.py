"""The one date grammar (core/dates.py), as the CLI's --date/--today and every TUI field read it."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leadline.core.dates import (
    DATE_HINT,
    parse_day,
    parse_follow_up_day,
    parse_past_day,
    parse_yearly,
)

MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01", date(2026, 12, 1)),
        ("today", MONDAY),
        ("tomorrow", date(2026, 11, 24)),
        ("tmr", date(2026, 11, 24)),
        ("yesterday", date(2026, 11, 22)),
        ("+3", date(2026, 11, 26)),
        ("3", date(2026, 11, 26)),
        ("3d", date(2026, 11, 26)),
        ("2w", date(2026, 12, 7)),
        ("-1", date(2026, 11, 22)),
        ("fri", date(2026, 11, 27)),
        ("Friday", date(2026, 11, 27)),
        ("mon", date(2026, 11, 30)),  # the next Monday, not today
        ("wed", date(2026, 11, 25)),
    ],
)
def test_every_form_of_the_grammar(text: str, expected: date) -> None:
    assert parse_day(text, MONDAY) == expected


@pytest.mark.parametrize("text", ["month", "mo", "frid4y", "31/13", "next", ""])
def test_words_that_are_not_dates_are_refused_with_the_grammar(text: str) -> None:
    with pytest.raises(ValueError, match="date"):
        parse_day(text, MONDAY)


def test_a_weekday_in_the_past_means_the_last_one() -> None:
    # Logging Friday's call on a Monday.
    assert parse_past_day("fri", MONDAY) == date(2026, 11, 20)
    assert parse_past_day("mon", MONDAY) == date(2026, 11, 16)
    assert parse_past_day("yesterday", MONDAY) == date(2026, 11, 22)


def test_follow_ups_cannot_be_past_and_touches_cannot_be_future() -> None:
    with pytest.raises(ValueError, match="is past"):
        parse_follow_up_day("2026-11-01", MONDAY)
    with pytest.raises(ValueError, match="in the future"):
        parse_past_day("tomorrow", MONDAY)
    assert parse_follow_up_day("today", MONDAY) == MONDAY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7 dec", date(2026, 12, 7)),
        ("Dec 7", date(2026, 12, 7)),
        ("december 7", date(2026, 12, 7)),
        ("7th December", date(2026, 12, 7)),
        ("dec 7, 2027", date(2027, 12, 7)),
        ("Mon 7 Dec 2026", date(2026, 12, 7)),  # how leadline shows a date reads back
        ("07.12.2026", date(2026, 12, 7)),
        ("7.12.", date(2026, 12, 7)),
        ("7.12", date(2026, 12, 7)),
        ("07/12/2026", date(2026, 12, 7)),
        ("2026/12/07", date(2026, 12, 7)),  # four digits first is always the year
        ("1 jan", date(2027, 1, 1)),  # no year: the next one
        ("23 nov", MONDAY),  # today is the next one
        ("29 feb", date(2028, 2, 29)),
        ("next monday", date(2026, 11, 30)),
        ("next mon", date(2026, 11, 30)),
        ("this friday", date(2026, 11, 27)),
        ("this mon", MONDAY),
        ("in 3 days", date(2026, 11, 26)),
        ("in 2 weeks", date(2026, 12, 7)),
        ("in a week", date(2026, 11, 30)),
        ("2m", date(2027, 1, 23)),
        ("in 2 months", date(2027, 1, 23)),
        ("next week", date(2026, 11, 30)),
        ("next month", date(2026, 12, 23)),
        ("3 days ago", date(2026, 11, 20)),
    ],
)
def test_the_dates_people_type(text: str, expected: date) -> None:
    assert parse_day(text, MONDAY) == expected


def test_months_keep_to_the_end_of_a_short_month() -> None:
    assert parse_day("1m", date(2027, 1, 31)) == date(2027, 2, 28)


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("07/12/2026", "dmy", date(2026, 12, 7)),
        ("07/12/2026", "mdy", date(2026, 7, 12)),
        ("12/7", "mdy", date(2026, 12, 7)),
        ("26.12.07", "ymd", date(2026, 12, 7)),
        ("12-07", "ymd", date(2026, 12, 7)),
        ("2026-12-07", "mdy", date(2026, 12, 7)),  # ISO whatever the order
    ],
)
def test_numbers_are_read_in_the_configured_order(text: str, order: str, expected: date) -> None:
    assert parse_day(text, MONDAY, order=order) == expected


def test_a_day_of_a_month_in_the_past_means_the_latest_one() -> None:
    assert parse_past_day("20 nov", MONDAY) == date(2026, 11, 20)
    assert parse_past_day("25 nov", MONDAY) == date(2025, 11, 25)
    assert parse_past_day("this mon", MONDAY) == MONDAY


@pytest.mark.parametrize(
    ("text", "order", "understood"),
    [
        ("31 feb", "dmy", "day 31, month 2: February has no day 31"),
        ("13/25/2026", "dmy", "day 13, month 25, year 2026 (day.month.year): there is no month 25"),
        ("13/12", "mdy", "day 12, month 13 (month/day/year): there is no month 13"),
        ("7 dex", "dmy", "'dex' is not a month"),
        ("next mnday", "dmy", "after 'next' comes a weekday"),
        ("in 3 fortnights", "dmy", "after a number come days, weeks or months"),
        ("tue 7 dec 2026", "dmy", "7 Dec 2026 is a Monday"),
        ("2026-02-30", "dmy", "reads as year-month-day"),
    ],
)
def test_a_refusal_says_how_the_text_was_read(text: str, order: str, understood: str) -> None:
    with pytest.raises(ValueError) as refused:
        parse_day(text, MONDAY, order=order)
    assert understood in str(refused.value)
    assert "use 7 dec" in str(refused.value)  # and what is accepted


def test_month_words_are_never_weekdays() -> None:
    for word in ("month", "months", "mont", "mar", "march", "jun", "sept"):
        with pytest.raises(ValueError):
            parse_day(f"next {word}" if word != "month" else word, MONDAY)


def test_the_hint_names_the_new_forms() -> None:
    for form in ("7 dec", "2m", "next mon"):
        assert form in DATE_HINT


_DAYS = st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31))


@given(_DAYS, _DAYS)
def test_every_way_leadline_shows_a_date_reads_back(day: date, today: date) -> None:
    shown = [f"{day:%a} {day.day} {day:%b %Y}", day.isoformat(), f"{day:%d.%m.%Y}",
             f"{day.day} {day:%B %Y}", f"{day:%b} {day.day}, {day.year}"]  # fmt: skip
    for text in shown:
        assert parse_day(text, today) == day
    assert parse_day(f"{day:%m/%d/%Y}", today, order="mdy") == day


@given(_DAYS, st.integers(1, 12), st.integers(1, 31))
def test_a_day_and_month_without_year_is_the_next_one(today: date, month: int, day: int) -> None:
    try:
        found = parse_day(f"{day}.{month}.", today)
    except ValueError:
        return  # 31 April and the like
    assert (found.month, found.day) == (month, day)
    assert today <= found < date(today.year + 9, 1, 1)
    earlier = date(found.year - 1, month, day) if (month, day) != (2, 29) else None
    assert earlier is None or earlier < today


@given(_DAYS, st.sampled_from(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]))
def test_weekdays_land_within_a_week(today: date, word: str) -> None:
    ahead, back = parse_day(word, today), parse_day(word, today, past=True)
    assert 1 <= (ahead - today).days <= 7 and 1 <= (today - back).days <= 7
    assert ahead.strftime("%a").lower() == word == back.strftime("%a").lower()


@pytest.mark.parametrize(
    ("text", "order"),
    [("1980-11-24", "dmy"), ("24 nov 1980", "dmy"), ("Nov 24, 1980", "dmy"),
     ("24.11.1980", "dmy"), ("11/24/1980", "mdy")],
)  # fmt: skip
def test_a_birthday_is_read_with_its_year(text: str, order: str) -> None:
    assert parse_yearly(text, order=order) == date(1980, 11, 24)


@pytest.mark.parametrize("text", ["24 nov", "31 feb 1980", "0001-01-01", "soon"])
def test_a_birthday_without_a_year_or_day_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_yearly(text)
