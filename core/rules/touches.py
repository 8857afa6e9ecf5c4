"""Which touches are sales touches, and how long a prospect has been silent.

A *sales touch* is a follow-up attempt at the deal: a call, an e-mail, a meeting,
a demo. A card (birthday, anniversary) and a broadcast (the nurture channel and
`follow_up.nurture.broadcast_channels`: newsletter, social) are not: they are never
unanswered, never pest, never busy work, and logging one moves nothing in the plan.

Silence (DOMAIN, [004]) is counted from the latest of:
- the last response (a reply, or a reply asking for information);
- the last return into the funnel from an outcome (a reopened customer, a
  revived nurture prospect): the current deal starts there;
- the first sales touch.
A prospect with no sales touch at all was never contacted: it is not silent, it
is a first-contact item. Everything is as of `today`: later touches and moves are
ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from leadline.core.config.model import Config
from leadline.core.models import Prospect, Touch, TouchOutcome
from leadline.core.records.kinds import RESPONSES
from leadline.core.rules.deal import returned_on
from leadline.core.rules.occasions import CARD_CHANNEL

TRIAL_CHANNELS = frozenset({"demo", "trial"})
"""Channels of a touch that gave a free trial or a demo [000]."""
_SENT, _NO_RESPONSE = TouchOutcome.SENT, TouchOutcome.NO_RESPONSE


def not_sales_channels(config: Config) -> frozenset[str]:
    """The channels whose touches are not sales touches: the card and the broadcasts."""
    nurture = config.follow_up.nurture
    return frozenset({CARD_CHANNEL, nurture.channel, *nurture.broadcast_channels})


def is_sales_touch(touch: Touch, config: Config) -> bool:
    """True for a follow-up attempt at the deal (not a card, a broadcast or a sent item)."""
    return touch.outcome != _SENT and touch.channel not in not_sales_channels(config)


def sales_touches(p: Prospect, config: Config, today: date) -> list[Touch]:
    """The sales touches dated up to `today`, in date order."""
    others = not_sales_channels(config)
    found = [
        t for t in p.touches if t.date <= today and t.outcome != _SENT and t.channel not in others
    ]
    found.sort(key=lambda t: t.date)
    return found


class Anchor(StrEnum):
    """What the days of silence count from."""

    RESPONSE = "response"
    RETURN = "return"
    FIRST_TOUCH = "first-touch"


@dataclass(frozen=True)
class Silence:
    """How long the prospect has gone without answering, as of one day."""

    touches: int
    """Sales touches in the current deal (since the return from an outcome, if any)."""
    unanswered: int
    """No-response sales touches after the anchor."""
    since: date | None
    """The anchor day; None when nobody ever made a sales touch."""
    anchor: Anchor | None
    days: int
    """Days from `since` to today, never negative; 0 without an anchor."""
    last_response: date | None


def silence(p: Prospect, config: Config, today: date) -> Silence:
    """The silence of `p` on `today` (see the module docstring)."""
    touches = sales_touches(p, config, today)
    back = returned_on(p, today)
    if back is not None:
        touches = [t for t in touches if t.date >= back]
    replied = next((t.date for t in reversed(touches) if t.outcome in RESPONSES), None)
    candidates = [
        (day, kind)
        for day, kind in (
            (replied, Anchor.RESPONSE),
            (back, Anchor.RETURN),
            (touches[0].date if touches else None, Anchor.FIRST_TOUCH),
        )
        if day is not None
    ]
    if not touches and back is None:
        return Silence(0, 0, None, None, 0, None)
    since, anchor = max(candidates, key=lambda pair: pair[0])
    after = [t for t in touches if (t.date > replied if replied else True)]
    unanswered = sum(1 for t in after if t.outcome == _NO_RESPONSE)
    return Silence(len(touches), unanswered, since, anchor, max(0, (today - since).days), replied)
