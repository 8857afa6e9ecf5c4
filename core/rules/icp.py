"""The ideal customer profile (ICP) score: how well a prospect fits.

Each configured criterion tests one attribute of `Prospect.icp` and carries a
weight; the score is the met weight as a share of the total weight, 0..100.
What meeting a criterion means is defined once, with the criterion
(`IcpCriterion.accepts` in core/config/profile.py): a missing attribute fails
it, so a prospect nobody has profiled scores low and the `low-icp` warning asks
for the data. With no criteria configured every prospect fits perfectly (100).
"""

from __future__ import annotations

from dataclasses import dataclass

from leadline.core.config.model import Config, IcpCriterion
from leadline.core.models import Prospect


@dataclass(frozen=True)
class IcpCheck:
    """One criterion applied to one prospect, for the detail screen."""

    criterion: IcpCriterion
    met: bool


def icp_checks(p: Prospect, config: Config) -> list[IcpCheck]:
    """Every configured criterion with whether this prospect meets it, in config order."""
    criteria = config.ideal_customer_profile.criteria
    return [IcpCheck(criterion=c, met=c.met_by(p.icp)) for c in criteria]


def icp_score(p: Prospect, config: Config) -> int:
    """The prospect's fit, 0..100: met weight over total weight, rounded.

    No criteria (or only zero weights) means no profile to miss: 100.
    """
    profile = config.ideal_customer_profile
    total = profile.total_weight
    if total <= 0:
        return 100
    icp = p.icp
    tests = profile.weighted_tests
    met = sum(weight for name, weight, test in tests if name in icp and test(icp[name]))
    return round(100 * met / total)


def fits_icp(p: Prospect, config: Config) -> bool:
    """True when the score reaches the configured `low_score` line."""
    return icp_score(p, config) >= config.ideal_customer_profile.low_score
