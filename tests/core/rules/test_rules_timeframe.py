"""The decision timeframe drives the expected close date (DOMAIN: budget and timeframe
"drive the value and expected close date")."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from rules_support import DEFAULT_CONFIG, build_prospect

from leadline.core import actions
from leadline.core.rules.timeframe import timeframe_close

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    ("text", "close"),
    [
        ("Q1 2027", date(2027, 3, 31)),
        ("q1", date(2027, 3, 31)),  # the next first quarter
        ("Q4", date(2026, 12, 31)),  # this one has not ended yet
        ("2027-Q2", date(2027, 6, 30)),
        ("Q3/27", date(2027, 9, 30)),
        ("by end of March 2027", date(2027, 3, 31)),
        ("March", date(2027, 3, 31)),
        ("late Feb", date(2027, 2, 28)),
        ("november", date(2027, 11, 30)),  # this November is over
        ("2027-03", date(2027, 3, 31)),
        ("end of year", date(2026, 12, 31)),
        ("EOY 2027", date(2027, 12, 31)),
        ("2027-01-15", date(2027, 1, 15)),
        ("before summer", None),
        ("when the board meets", None),
        ("March madness", None),
        ("", None),
    ],
)
def test_a_timeframe_is_read_as_the_last_day_it_names(text: str, close: date | None) -> None:
    assert timeframe_close(text, TODAY) == close


def test_the_timeframe_sets_the_close_date_only_when_none_was_set() -> None:
    now = datetime(2026, 12, 2, 9, 0)
    p = build_prospect("needs")
    edit = actions.ProspectEdit(decision_timeframe="Q1 2027")
    assert actions.edit_fields(p, edit, DEFAULT_CONFIG, TODAY, now).expected_close == date(
        2027, 3, 31
    )
    dated = build_prospect("needs", expected_close=date(2027, 1, 20))
    kept = actions.edit_fields(dated, edit, DEFAULT_CONFIG, TODAY, now)
    assert kept.expected_close == date(2027, 1, 20)  # the user's own date wins
    both = actions.ProspectEdit(decision_timeframe="Q1 2027", expected_close=date(2027, 2, 1))
    assert actions.edit_fields(p, both, DEFAULT_CONFIG, TODAY, now).expected_close == date(
        2027, 2, 1
    )
    vague = actions.ProspectEdit(decision_timeframe="before summer")
    assert actions.edit_fields(p, vague, DEFAULT_CONFIG, TODAY, now).expected_close is None
