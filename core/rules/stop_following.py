"""When to stop chasing a prospect, and which exit to propose.

A threshold is crossed when either holds (a per-stage override wins over the
global value, key by key; a value of None switches that test off):
- unanswered sales touches since the silence anchor >= `after_unanswered_touches`;
- days of silence >= the days limit: `after_days_without_response`, raised to
  the agreed interval x `missed_check_ins` when an interval was agreed with the
  customer; and with an agreed interval the agreed check-in (the next due date)
  must have been missed, so a customer on quarterly calls is never proposed dead
  two months into the quarter.
Silence is counted as `touches.silence` says: from the latest of the last
response, the return from an outcome (a reopened or revived deal) and the first
sales touch; cards and broadcasts are not sales touches. A prospect nobody ever
made a sales touch to, or a returned deal with no sales touch yet, is never
proposed: it is a first contact to make, not a silence.

Touches dated after `today` are ignored, so `--today` in the past shows what the
user saw that day.

The proposal is `nurture` when the config says `then: nurture-if-qualified`, the
qualification checklist is met and the prospect fits the ideal customer profile
(DOMAIN: "nurture if the prospect is qualified and fits the ICP"); else `dead`.
It only proposes: the user (or `leadline move`) changes the stage, giving the
reason. Only open prospects are evaluated; nurture, won, lost and dead never stop.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from leadline.core.config.model import Config, StopThen
from leadline.core.models import Outcome, Prospect
from leadline.core.rules.followup import is_qualified
from leadline.core.rules.icp import fits_icp
from leadline.core.rules.touches import Anchor, Silence, silence


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
    """No-response sales touches since the silence anchor, as of today."""
    days_silent: int = 0
    """Days since the silence anchor, never negative."""
    proposed_exit: Outcome | None = None
    """`nurture` or `dead` when `stop`, else None."""
    unanswered_limit: int | None = None
    days_limit: int | None = None
    """The days limit applied (raised by an agreed interval)."""
    anchor: Anchor | None = None
    """What the days count from: the last response, the return, the first touch."""


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


@dataclass(frozen=True)
class _Verdict:
    reasons: tuple[StopReason, ...]
    unanswered: int
    days_silent: int
    touch_limit: int | None
    day_limit: int | None
    anchor: Anchor | None


def days_limit(p: Prospect, config: Config, configured: int | None) -> int | None:
    """The days-without-response limit for `p`: at least the agreed interval times
    `missed_check_ins` when the customer agreed one (None stays off)."""
    plan = p.plan
    if configured is None or not (plan.agreed and plan.interval_days):
        return configured
    missed = config.follow_up.stop_following.missed_check_ins
    return max(configured, plan.interval_days * missed)


def _verdict(p: Prospect, config: Config, today: date, quiet: Silence | None = None) -> _Verdict:
    quiet = quiet or silence(p, config, today)
    touch_limit, configured_days = stop_thresholds(p.stage, config)
    day_limit = days_limit(p, config, configured_days)
    reasons: list[StopReason] = []
    if p.is_open and quiet.touches:
        if touch_limit is not None and quiet.unanswered >= touch_limit:
            reasons.append(StopReason.UNANSWERED)
        check_in = p.plan.next_due if p.plan.agreed and p.plan.interval_days else None
        missed = check_in is None or check_in < today
        if day_limit is not None and quiet.days >= day_limit and missed:
            reasons.append(StopReason.SILENT)
    return _Verdict(
        tuple(reasons), quiet.unanswered, quiet.days, touch_limit, day_limit, quiet.anchor
    )


def _decision(p: Prospect, config: Config, verdict: _Verdict) -> StopDecision:
    return StopDecision(
        stop=bool(verdict.reasons),
        reasons=verdict.reasons,
        unanswered=verdict.unanswered,
        days_silent=verdict.days_silent,
        proposed_exit=proposed_exit(p, config) if verdict.reasons else None,
        unanswered_limit=verdict.touch_limit,
        days_limit=verdict.day_limit,
        anchor=verdict.anchor,
    )


def evaluate_stop_following(p: Prospect, config: Config, today: date) -> StopDecision:
    """Whether to stop following `p` on `today`, why, and the exit to propose."""
    return _decision(p, config, _verdict(p, config, today))


def stop_decision(
    p: Prospect, config: Config, today: date, quiet: Silence | None = None
) -> StopDecision | None:
    """`evaluate_stop_following` when it says stop, else None (the queue needs no more);
    `quiet` is `p`'s silence on `today` when the caller has it already."""
    verdict = _verdict(p, config, today, quiet)
    return _decision(p, config, verdict) if verdict.reasons else None
