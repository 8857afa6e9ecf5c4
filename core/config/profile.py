"""The ideal customer profile: weighted criteria, and what meeting one means.

The meaning of a criterion is defined here, once, beside its keys: the score
(`leadline.core.rules.icp`) and the sample generator both ask `IcpCriterion.accepts`.
A missing attribute fails its criterion, so a prospect nobody has profiled
scores low and the `low-icp` warning asks for the data.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property

from leadline.core.models import IcpValue

Test = Callable[[IcpValue], bool]
"""A criterion's test on the attribute's value (the attribute being present)."""


def _fold(text: str) -> str:
    return text.strip().casefold()


def _number(value: IcpValue) -> float | None:
    """A numeric reading of an attribute; booleans and text that is no number give None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(value)
    except ValueError:
        return None


def _same(value: IcpValue, expected: IcpValue) -> bool:
    """Equality that ignores case for text and never confuses True with 1."""
    if isinstance(expected, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(expected, bool) and value is expected
    if isinstance(expected, str) or isinstance(value, str):
        return _fold(str(value)) == _fold(str(expected))
    return value == expected


def _within(low: float | None, high: float | None) -> Test:
    def test(value: IcpValue) -> bool:
        number = _number(value)
        if number is None:
            return False
        return (low is None or number >= low) and (high is None or number <= high)

    return test


@dataclass(frozen=True)
class IcpCriterion:
    """One weighted ideal-customer-profile test on a prospect's `icp` attribute.

    Exactly one of `equals`, `one_of`, `min`/`max` (either or both) is set.
    `equals` compares case-insensitively for text and never takes True for 1;
    `one_of` matches any listed text case-insensitively (never a yes/no value);
    `min`/`max` are inclusive bounds on a number (numeric text counts, yes/no
    does not). A criterion with no test set only asks that the attribute be present.
    """

    attribute: str
    weight: float = 1.0
    label: str = ""
    equals: str | int | float | bool | None = None
    one_of: tuple[str, ...] = ()
    min: float | None = None
    max: float | None = None

    def accepts(self, value: IcpValue) -> bool:
        """True when `value`, the prospect's attribute, passes this criterion."""
        return self.test(value)

    def met_by(self, icp: Mapping[str, IcpValue]) -> bool:
        """True when the attribute is present in `icp` and passes (see the class)."""
        return self.attribute in icp and self.test(icp[self.attribute])

    @cached_property
    def test(self) -> Test:
        """`accepts` as a plain function, made once per criterion (scored per prospect)."""
        if self.equals is not None:
            expected = self.equals
            return lambda value: _same(value, expected)
        if self.one_of:
            options = frozenset(_fold(str(option)) for option in self.one_of)
            return lambda value: not isinstance(value, bool) and _fold(str(value)) in options
        if self.min is not None or self.max is not None:
            return _within(self.min, self.max)
        return lambda value: value not in ("", None)


WeightedTest = tuple[str, float, Test]
"""(attribute, weight counted (never negative), test) of one criterion."""


@dataclass(frozen=True)
class Icp:
    """The ideal customer profile: weighted criteria and the low-score warning line."""

    criteria: tuple[IcpCriterion, ...] = ()
    low_score: int = 40
    """New leads scoring below this get a warning."""

    @cached_property
    def weighted_tests(self) -> tuple[WeightedTest, ...]:
        """Every criterion ready to score, in order (made once per profile)."""
        return tuple((c.attribute, max(c.weight, 0.0), c.test) for c in self.criteria)

    @cached_property
    def total_weight(self) -> float:
        """The weight of all criteria (negative weights count as 0)."""
        return sum(weight for _, weight, _ in self.weighted_tests)
