"""The ideal customer profile (ICP) score: how well a prospect fits.

Each configured criterion tests one attribute of `Prospect.icp` and carries a
weight; the score is the met weight as a share of the total weight, 0..100.
A missing attribute fails its criterion (it scores 0 for it), so a prospect
nobody has profiled scores low and the `low-icp` warning asks for the data.
With no criteria configured every prospect fits perfectly (100).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from leadline.core.config import Config, IcpCriterion
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


def criterion_met(criterion: IcpCriterion, icp: dict[str, IcpValue]) -> bool:
    """True when the prospect's attribute passes this criterion.

    `equals` compares case-insensitively for text; `one_of` matches any listed
    text case-insensitively; `min`/`max` are inclusive bounds on a number. A
    criterion with no test set only asks that the attribute be present.
    """
    if criterion.attribute not in icp:
        return False
    value = icp[criterion.attribute]
    if criterion.equals is not None:
        return _same(value, criterion.equals)
    if criterion.one_of:
        return not isinstance(value, bool) and _fold(str(value)) in _folded(criterion.one_of)
    if criterion.min is not None or criterion.max is not None:
        number = _number(value)
        if number is None:
            return False
        low_ok = criterion.min is None or number >= criterion.min
        return low_ok and (criterion.max is None or number <= criterion.max)
    return value not in ("", None)


def icp_checks(p: Prospect, config: Config) -> list[IcpCheck]:
    """Every configured criterion with whether this prospect meets it, in config order."""
    criteria = config.ideal_customer_profile.criteria
    return [IcpCheck(criterion=c, met=criterion_met(c, p.icp)) for c in criteria]


def icp_score(p: Prospect, config: Config) -> int:
    """The prospect's fit, 0..100: met weight over total weight, rounded.

    No criteria (or only zero weights) means no profile to miss: 100.
    """
    criteria = config.ideal_customer_profile.criteria
    icp = p.icp
    met = sum(max(c.weight, 0.0) for c in criteria if criterion_met(c, icp))
    total = sum(max(c.weight, 0.0) for c in criteria)
    if total <= 0:
        return 100
    return round(100 * met / total)


def fits_icp(p: Prospect, config: Config) -> bool:
    """True when the score reaches the configured `low_score` line."""
    return icp_score(p, config) >= config.ideal_customer_profile.low_score
