"""What the lists of won, lost, nurture and dead prospects show about each one.

The won list shows the day and value of the win (`closed.closings_on`, so a
reopened and won-again deal shows its last win); the nurture list the next
slow touch, worked out as the queue does; lost and dead their reason.
"""

from __future__ import annotations

from datetime import date, timedelta

from leadline.core.config.model import Config
from leadline.core.models import Prospect
from leadline.core.rules.closed import Closing, closings_on


def nurture_due(p: Prospect, config: Config) -> date:
    """The next nurture touch: the planned date, else one nurture interval after the
    last touch (or the day it entered nurture)."""
    planned: date | None = p.plan.next_due
    if planned is not None:
        return planned
    last: date = max([t.date for t in p.touches] + [p.stage_entered])
    return last + timedelta(days=config.follow_up.nurture.interval_days)


def last_closing(p: Prospect, config: Config, today: date) -> Closing | None:
    """The deal `p` closed last (its day and, for a win, its value), if any."""
    found = closings_on(p, config, today)
    return found[-1] if found else None
