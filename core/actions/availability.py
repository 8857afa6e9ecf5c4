"""Which actions make sense for a prospect now: the same answer the actions give.

The TUI hides the keys of actions that would be refused (no "advance" on a
won deal, no snooze on a lost one); the actions themselves refuse the same
cases with a reason, which is what the command line shows.
"""

from __future__ import annotations

from leadline.core.actions.stages import next_stage
from leadline.core.config.model import Config
from leadline.core.models import CLOSED_OUTCOMES, Prospect


def allowed(action: str, p: Prospect, config: Config) -> bool:
    """Whether `action` ("advance", "stop_following", "snooze", "reschedule", or any
    other, which is always allowed) can be done on `p`."""
    if action == "advance":
        return next_stage(p, config) is not None
    if action == "stop_following":
        return p.is_open
    if action in ("snooze", "reschedule"):
        return p.stage not in CLOSED_OUTCOMES
    return True
