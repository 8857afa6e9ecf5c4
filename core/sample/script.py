"""What each generated prospect should look like: the demo script and random draws.

The first prospects of every generated pipeline follow `SCRIPT`, written so
that on the anchor day the follow-up queue shows every reason, the funnel
gives its advice and each prospect warning appears at least once. Past the
script, specs are drawn at random with realistic proportions, so a 100k
pipeline looks like a big seller's book rather than 1,700 copies of the demo.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from enum import StrEnum


class Health(StrEnum):
    """Where an open prospect's follow-up stands on the anchor day."""

    OVERDUE = "overdue"
    DUE = "due"
    SOON = "soon"
    LATER = "later"
    NONE = "none"
    """No next follow-up date at all."""
    STOP_UNANSWERED = "stop-unanswered"
    """As many unanswered touches in a row as the stop-following threshold."""
    STOP_SILENT = "stop-silent"
    """No response for longer than the stop-following threshold in days."""
    NEW = "new"
    """Added today, nobody has called yet: a first-contact item."""


FLAGS = ("no-dm", "gatekeepers-only", "busy", "pest", "no-plan", "stale", "premature")
"""Designed follow-up sins; each makes the matching prospect warning appear."""
SCRIPT_FLAGS = ("no-close", "estimate")
"""Only in the script: no expected close date; no value yet, but a budget (the estimate)."""


@dataclass(frozen=True)
class Spec:
    """The shape of one prospect; the builder fills in names, dates and money."""

    stage: str
    """A stage key of the default config (mapped onto other configs) or an outcome."""
    health: Health = Health.LATER
    flags: frozenset[str] = frozenset()
    reached: int | None = None
    """Closed and nurture prospects: index of the last stage reached before leaving."""
    closed_days_ago: int | None = None
    big: bool = False
    value: int | None = None
    """A fixed deal value (the script pins the best few so the quota tells a story)."""
    poor_fit: bool = False
    meeting_in: int | None = None
    """A meeting booked this many days after the anchor day (negative: it was held
    that many days ago and nothing was logged after it)."""
    birthday_in: int | None = None
    anniversary_in: int | None = None
    close_in: int | None = None
    """A fixed expected close, this many days after the anchor day (negative: slipped)."""


def _s(stage: str, health: Health = Health.LATER, *flags: str, **kw: int | bool) -> Spec:
    return Spec(stage, health, frozenset(flags), **kw)  # type: ignore[arg-type]


H = Health
SCRIPT: tuple[Spec, ...] = (
    # above the funnel: cold leads and qualified prospects
    _s("lead", H.DUE),
    _s("lead", H.NEW),  # added this morning: make first contact
    _s("lead", H.STOP_UNANSWERED),  # unqualified: proposes dead
    _s("lead", H.SOON),
    _s("lead", H.LATER, poor_fit=True),
    _s("lead", H.OVERDUE),
    _s("lead", H.STOP_SILENT),  # never answered in two months: dead
    _s("qualified", H.OVERDUE, "gatekeepers-only"),
    _s("qualified", H.DUE),
    _s("qualified", H.SOON),
    _s("qualified", H.LATER, birthday_in=0),
    _s("qualified", H.LATER, "stale"),
    _s("qualified", H.LATER),
    # in the funnel
    _s("meeting", H.LATER, meeting_in=1),
    _s("meeting", H.DUE, meeting_in=-1),  # held yesterday, nothing logged: how did it go?
    _s("meeting", H.OVERDUE, "no-dm"),
    _s("meeting", H.DUE, "no-plan"),
    _s("meeting", H.LATER, meeting_in=18),
    _s("meeting", H.NONE),
    _s("needs", H.SOON, "busy"),
    _s("needs", H.OVERDUE),
    _s("needs", H.LATER, birthday_in=2),
    _s("needs", H.STOP_UNANSWERED),  # qualified and a good fit: proposes nurture
    _s("needs", H.DUE),
    _s("needs", H.SOON, "no-close"),  # in the funnel and nobody asked when they decide
    _s("demo", H.LATER, "pest"),
    _s("demo", H.SOON, "estimate"),  # no value yet: the budget stands in
    _s("demo", H.SOON),
    _s("demo", H.LATER, meeting_in=21, big=True),
    _s("demo", H.OVERDUE),
    # the best few: weighted, they cover about half of what the quarter still needs
    _s("proposal", H.DUE, value=14_000),
    _s("proposal", H.SOON, "premature", value=8_500),
    _s("proposal", H.OVERDUE, value=11_000),
    _s("proposal", H.LATER, anniversary_in=1, value=9_000),
    _s("negotiation", H.DUE, value=16_000),
    _s("negotiation", H.OVERDUE, "stale", value=7_500),
    _s("negotiation", H.SOON, value=4_800),
    _s("negotiation", H.OVERDUE, value=50_000, close_in=-60),  # slipped two months ago
    _s("proposal", H.LATER, value=12_000, close_in=75),  # a best-few stage, not best few
    # history: few wins, many losses after the first meeting (weak closing)
    _s("won", reached=6, closed_days_ago=46),
    _s("won", reached=6, closed_days_ago=13),
    _s("won", reached=6, closed_days_ago=161, birthday_in=1),
    *(
        _s("lost", reached=r, closed_days_ago=d)
        for r, d in (
            (2, 24), (3, 37), (5, 52), (2, 68), (4, 85), (1, 96), (3, 118),
            (6, 131), (2, 149), (4, 176), (1, 203), (5, 231), (3, 262),
        )
    ),
    *(
        _s("dead", reached=r, closed_days_ago=d, poor_fit=bool(p))
        for r, d, p in ((0, 19, 0), (0, 44, 0), (1, 73, 0), (2, 101, 0), (3, 140, 0), (1, 188, 1))
    ),
    _s("nurture", H.DUE, reached=2),
    _s("nurture", H.OVERDUE, reached=3),
    _s("nurture", H.LATER, reached=1),
    _s("nurture", H.LATER, reached=3),
    _s("nurture", H.LATER, reached=2),
)  # fmt: skip

_HEALTH_WEIGHTS = (
    (H.LATER, 40), (H.SOON, 14), (H.DUE, 8), (H.OVERDUE, 22),
    (H.NONE, 4), (H.STOP_UNANSWERED, 6), (H.STOP_SILENT, 6),
)  # fmt: skip
_HEALTHS = tuple(h for h, _ in _HEALTH_WEIGHTS)
_HEALTH_CUM = tuple(sum(w for _, w in _HEALTH_WEIGHTS[: i + 1]) for i in range(7))


def random_spec(rng: random.Random, stage_keys: tuple[str, ...]) -> Spec:
    """Draw one prospect shape: mostly open, early stages more crowded than late."""
    n = len(stage_keys)
    roll = rng.random()
    flags = frozenset(f for f in FLAGS if rng.random() < 0.025)
    poor = rng.random() < 0.12
    if roll < 0.6:
        index = min(int(n * (1 - rng.random() ** 0.6)), n - 1)
        health = rng.choices(_HEALTHS, cum_weights=_HEALTH_CUM)[0]
        meeting = rng.randint(1, 28) if index > 1 and rng.random() < 0.3 else None
        return Spec(stage_keys[index], health, flags, poor_fit=poor, meeting_in=meeting)
    ago = rng.randint(5, 360)
    if roll < 0.68:
        return Spec("won", reached=n - 1, closed_days_ago=ago)
    if roll < 0.84:
        return Spec("lost", reached=rng.randint(1, n - 1), closed_days_ago=ago, poor_fit=poor)
    if roll < 0.92:
        return Spec("dead", reached=rng.randint(0, min(2, n - 1)), closed_days_ago=ago)
    health = H.DUE if rng.random() < 0.2 else H.LATER
    return Spec("nurture", health, reached=rng.randint(1, min(3, n - 1)))
