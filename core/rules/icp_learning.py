"""The ideal customer profile learns from results [003].

For each configured criterion: the win rate of the closed deals whose prospect
meets it, against those whose prospect does not. The deals are the win rate's:
won, lost or dead, having reached the funnel, up to `today`. Shown once at least
`MIN_CLOSED_FOR_ICP` such deals have closed (fewer say nothing yet); a side with
no deal has no rate (None).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from leadline.core.config.model import Config

MIN_CLOSED_FOR_ICP = 10
"""Closed deals needed before the profile's lessons are shown."""

IcpCounts = tuple[int, int, int, int]
"""(won, closed) of the deals meeting a criterion, then of those not meeting it."""


@dataclass(frozen=True)
class IcpLesson:
    """One criterion's results: how often deals meeting it were won, and the others."""

    attribute: str
    label: str
    met_won: int
    met_closed: int
    unmet_won: int
    unmet_closed: int

    @property
    def met_rate(self) -> float | None:
        return self.met_won / self.met_closed if self.met_closed else None

    @property
    def unmet_rate(self) -> float | None:
        return self.unmet_won / self.unmet_closed if self.unmet_closed else None


def icp_lessons(counts: Sequence[IcpCounts], closed: int, config: Config) -> tuple[IcpLesson, ...]:
    """The lessons from each criterion's counts (config order), once enough closed."""
    if closed < MIN_CLOSED_FOR_ICP:
        return ()
    criteria = config.ideal_customer_profile.criteria
    return tuple(
        IcpLesson(c.attribute, c.label or c.attribute, *numbers)
        for c, numbers in zip(criteria, counts, strict=True)
    )
