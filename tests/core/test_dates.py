"""The one date grammar (core/dates.py), as the CLI's --date/--today and every TUI field read it."""

from __future__ import annotations

from datetime import date

import pytest

from leadline.core.dates import parse_day, parse_follow_up_day, parse_past_day

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


@pytest.mark.parametrize("text", ["month", "mo", "frid4y", "31/12", "next", ""])
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
