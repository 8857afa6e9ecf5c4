"""When to stop chasing a prospect, and which exit to propose.

A threshold is crossed when either holds (a per-stage override wins over the
global value, key by key; a value of None switches that test off):
- unanswered touches (no-response since the last reply) >= `after_unanswered_touches`;
- days since the last reply, or since first contact when there was none,
  >= `after_days_without_response`.

Touches dated after `today` are ignored, so `--today` in the past shows what the
user saw that day. With no new reply, a later `today` never un-crosses a
threshold: the unanswered count can only grow and so can the days of silence.

The proposal is `nurture` when the config says `then: nurture-if-qualified`, the
qualification checklist is met and the prospect fits the ideal customer profile
(DOMAIN: "nurture if the prospect is qualified and fits the ICP"); else `dead`.
It only proposes: the user (or `leadline move`) changes the stage.
Only open prospects are evaluated; nurture, won, lost and dead never stop.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from leadline.core.config.model import Config, StopThen
from leadline.core.models import Outcome, Prospect
from leadline.core.rules.followup import is_qualified, response_tally
from leadline.core.rules.icp import fits_icp


class StopReason(StrEnum):
    """Which threshold was crossed."""

    UNANSWERED = "unanswered-touches"
    SILENT = "days-without-response"


@dataclass(frozen=True)
class StopDecision:
    """The verdict for one prospect on one day, with the numbers behind it."""

    stop: bool
    reasons: tuple[StopReason, ...] = ()
    unanswered: int = 0
    """No-response touches since the last reply, as of today."""
    days_silent: int = 0
    """Days since the last reply (or first contact), never negative."""
    proposed_exit: Outcome | None = None
    """`nurture` or `dead` when `stop`, else None."""
    unanswered_limit: int | None = None
    days_limit: int | None = None


def stop_thresholds(stage_key: str, config: Config) -> tuple[int | None, int | None]:
    """(unanswered-touch limit, days-without-response limit) for a stage, overrides applied."""
    rule = config.follow_up.stop_following
    stage = config.stage(stage_key)
    override = stage.stop_following if stage else None
    touches = rule.after_unanswered_touches
    days = rule.after_days_without_response
    if override is not None and override.after_unanswered_touches is not None:
        touches = override.after_unanswered_touches
    if override is not None and override.after_days_without_response is not None:
        days = override.after_days_without_response
    return touches, days


def proposed_exit(p: Prospect, config: Config) -> Outcome:
    """`nurture` for a qualified prospect that fits the profile (when allowed), else `dead`."""
    allowed = config.follow_up.stop_following.then == StopThen.NURTURE_IF_QUALIFIED
    if allowed and is_qualified(p, config) and fits_icp(p, config):
        return Outcome.NURTURE
    return Outcome.DEAD


Verdict = tuple[tuple[StopReason, ...], int, int, int | None, int | None]
"""(reasons, unanswered, days silent, unanswered limit, days limit)."""


def _verdict(p: Prospect, config: Config, today: date) -> Verdict:
    open_ = p.is_open
    unanswered, replied = response_tally(p, as_of=today)
    anchor = replied or p.first_contact
    days_silent = max(0, (today - anchor).days)
    touch_limit, day_limit = stop_thresholds(p.stage, config)
    reasons: list[StopReason] = []
    if open_ and touch_limit is not None and unanswered >= touch_limit:
        reasons.append(StopReason.UNANSWERED)
    if open_ and day_limit is not None and days_silent >= day_limit:
        reasons.append(StopReason.SILENT)
    return tuple(reasons), unanswered, days_silent, touch_limit, day_limit


def _decision(p: Prospect, config: Config, verdict: Verdict) -> StopDecision:
    reasons, unanswered, days_silent, touch_limit, day_limit = verdict
    return StopDecision(
        stop=bool(reasons),
        reasons=reasons,
        unanswered=unanswered,
        days_silent=days_silent,
        proposed_exit=proposed_exit(p, config) if reasons else None,
        unanswered_limit=touch_limit,
        days_limit=day_limit,
    )


def evaluate_stop_following(p: Prospect, config: Config, today: date) -> StopDecision:
    """Whether to stop following `p` on `today`, why, and the exit to propose."""
    return _decision(p, config, _verdict(p, config, today))


def stop_decision(p: Prospect, config: Config, today: date) -> StopDecision | None:
    """`evaluate_stop_following` when it says stop, else None (the queue needs no more)."""
    verdict = _verdict(p, config, today)
    return _decision(p, config, verdict) if verdict[0] else None
