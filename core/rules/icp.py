"""The ideal customer profile (ICP) score: how well a prospect fits.

Each configured criterion tests one attribute of `Prospect.icp` and carries a
weight; the score is the met weight as a share of the total weight, 0..100.
A missing attribute fails its criterion (it scores 0 for it), so a prospect
nobody has profiled scores low and the `low-icp` warning asks for the data.
With no criteria configured every prospect fits perfectly (100).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from leadline.core.config.model import Config, IcpCriterion
from leadline.core.models import IcpValue, Prospect


@dataclass(frozen=True)
class IcpCheck:
    """One criterion applied to one prospect, for the detail screen."""

    criterion: IcpCriterion
    met: bool


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


def _fold(text: str) -> str:
    return text.strip().casefold()


@cache
def _folded(options: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_fold(str(option)) for option in options)


Test = Callable[[IcpValue], bool]
"""A criterion's test on the attribute's value (the attribute being present)."""


def _test_for(criterion: IcpCriterion) -> Test:
    """The test `criterion_met` applies (see there)."""
    if criterion.equals is not None:
        expected = criterion.equals
        return lambda value: _same(value, expected)
    if criterion.one_of:
        options = _folded(criterion.one_of)
        return lambda value: not isinstance(value, bool) and _fold(str(value)) in options
    if criterion.min is not None or criterion.max is not None:
        low, high = criterion.min, criterion.max

        def within(value: IcpValue) -> bool:
            number = _number(value)
            if number is None:
                return False
            return (low is None or number >= low) and (high is None or number <= high)

        return within
    return lambda value: value not in ("", None)


def criterion_met(criterion: IcpCriterion, icp: dict[str, IcpValue]) -> bool:
    """True when the prospect's attribute passes this criterion.

    `equals` compares case-insensitively for text; `one_of` matches any listed
    text case-insensitively; `min`/`max` are inclusive bounds on a number. A
    criterion with no test set only asks that the attribute be present.
    """
    if criterion.attribute not in icp:
        return False
    return _test_for(criterion)(icp[criterion.attribute])


def icp_checks(p: Prospect, config: Config) -> list[IcpCheck]:
    """Every configured criterion with whether this prospect meets it, in config order."""
    criteria = config.ideal_customer_profile.criteria
    return [IcpCheck(criterion=c, met=criterion_met(c, p.icp)) for c in criteria]


Profile = tuple[tuple[tuple[str, float, Test], ...], float]
"""((attribute, weight counted, test) per criterion in order, total weight)."""
_last: tuple[Config, Profile] | None = None


def _profile(config: Config) -> Profile:
    """The criteria ready to apply, kept for the last config object (a frozen
    config's criteria never change)."""
    global _last
    last = _last
    if last is not None and last[0] is config:
        return last[1]
    criteria = config.ideal_customer_profile.criteria
    tests = tuple((c.attribute, max(c.weight, 0.0), _test_for(c)) for c in criteria)
    found = (tests, sum(max(c.weight, 0.0) for c in criteria))
    _last = (config, found)
    return found


def icp_score(p: Prospect, config: Config) -> int:
    """The prospect's fit, 0..100: met weight over total weight, rounded.

    No criteria (or only zero weights) means no profile to miss: 100.
    """
    tests, total = _profile(config)
    icp = p.icp
    met = sum(weight for name, weight, test in tests if name in icp and test(icp[name]))
    if total <= 0:
        return 100
    return round(100 * met / total)


def fits_icp(p: Prospect, config: Config) -> bool:
    """True when the score reaches the configured `low_score` line."""
    return icp_score(p, config) >= config.ideal_customer_profile.low_score
