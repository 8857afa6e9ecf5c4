"""The cost of chasing [004]: time logged in the period on deals that ended lost or dead.

A touch belongs to the deal that closed first on or after its day (`closed.Closing`);
when that deal ended lost or dead by `today`, the touch's minutes were spent chasing
a deal that never came. Only touches dated in the quota period up to `today` count.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from leadline.core.models import Prospect
from leadline.core.rules.closed import Closing

_GONE = frozenset({"lost", "dead"})


def chasing_minutes(
    p: Prospect, closed: Sequence[Closing], start: date, today: date
) -> tuple[int, int]:
    """(minutes, deals): the minutes `p`'s touches from `start` to `today` spent on its
    deals that ended lost or dead, and how many such deals they went to."""
    gone = [c for c in closed if c.outcome in _GONE and c.day >= start]
    if not gone or not p.touches:
        return 0, 0
    minutes = 0
    deals: set[date] = set()
    for touch in p.touches:
        if not (start <= touch.date <= today and touch.minutes > 0):
            continue
        deal = next((c for c in closed if c.day >= touch.date), None)
        if deal is not None and deal.outcome in _GONE:
            minutes += touch.minutes
            deals.add(deal.day)
    return minutes, len(deals)
