"""Money and percentages are rounded as people round them: a half goes up (away from
zero), never to the even neighbour as Python's round() and format() do."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leadline.tui.text.fmt import half_up, money, money_exact, percent


@pytest.mark.parametrize(
    ("amount", "short", "exact"),
    [
        (12_500, "€13k", "€12,500"),  # round() would say €12k
        (13_500, "€14k", "€13,500"),
        (950, "€950", "€950"),
        (999.5, "€1k", "€1,000"),  # never "€1000"
        (1_050, "€1.1k", "€1,050"),  # 1.05 is not 1.0499999 here
        (9_950, "€10k", "€9,950"),
        (999_500, "€1M", "€999,500"),  # never "€1000k"
        (1_250_000, "€1.3M", "€1,250,000"),
        (2.5, "€3", "€3"),
        (-12_500, "-€13k", "-€12,500"),
        (-0.4, "€0", "€0"),  # no "-€0"
    ],
)
def test_money_rounds_a_half_up(amount: float, short: str, exact: str) -> None:
    assert money(amount) == short
    assert money_exact(amount) == exact


def test_percentages_round_a_half_up() -> None:
    assert percent(0.125) == "13%"  # format() gives 12%
    assert percent(0.005) == "1%"


@given(st.integers(-(10**12), 10**12))
def test_half_up_of_a_half_is_the_next_whole_number_away_from_zero(n: int) -> None:
    assert half_up(n + 0.5 if n >= 0 else n - 0.5) == Decimal(n + 1 if n >= 0 else n - 1)
    assert half_up(float(n)) == Decimal(n)


@given(st.floats(0, 1e15, allow_nan=False))
def test_short_money_never_needs_more_than_four_characters_after_the_symbol(x: float) -> None:
    assert len(money(x)) <= 5 or money(x).endswith("M")
