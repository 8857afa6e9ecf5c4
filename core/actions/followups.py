"""Following up: a note, a logged touch, snoozing, rescheduling, stopping.

Won, lost and dead prospects have no next follow-up, so they cannot be
snoozed or rescheduled; a touch can still be logged on them (a call with a
customer), and it leaves their plan alone. A touch on the `card` channel is
recorded as a sent card (outcome `sent`) whatever outcome was given: it is not
a sales touch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from leadline.core.actions.refusal import Refused
from leadline.core.actions.stages import move
from leadline.core.config.model import Config
from leadline.core.dates import check_not_future, check_not_past
from leadline.core.models import CLOSED_OUTCOMES, Outcome, Prospect, Touch, TouchOutcome
from leadline.core.records.reading import MAX_INTERVAL_DAYS
from leadline.core.rules.followup import add_note, apply_touch
from leadline.core.rules.occasions import CARD_CHANNEL
from leadline.core.rules.workdays import proposed_day


@dataclass(frozen=True)
class TouchInput:
    """One follow-up attempt as the user logs it."""

    channel: str
    outcome: TouchOutcome = TouchOutcome.REPLIED
    minutes: int = 0
    note: str = ""
    day: date | None = None
    """The day it happened; today when None."""
    next_due: date | None = None
    """A next follow-up date the user chose; None lets the plan's interval decide."""


def note(p: Prospect, text: str, now: datetime) -> Prospect:
    """Append a timestamped note; an empty note is refused."""
    if not text.strip():
        raise Refused("the note is empty", "note")
    return add_note(p, text, now)


def log_touch(p: Prospect, touch: TouchInput, config: Config, now: datetime) -> Prospect:
    """Record a touch; the next follow-up moves by the interval (or to the chosen day)."""
    today = now.date()
    channel = touch.channel.strip()
    if not channel:
        raise Refused("the channel cannot be empty (email, phone, meeting, demo, ...)", "channel")
    if touch.minutes < 0:
        raise Refused("minutes cannot be negative", "minutes")
    day = touch.day or today
    _check(check_not_future, day, today, "date")
    # A card is sent, never answered: it changes neither the plan nor the counters.
    outcome = TouchOutcome.SENT if channel == CARD_CHANNEL else touch.outcome
    record = Touch(date=day, channel=channel, outcome=outcome, minutes=touch.minutes,
                   note=touch.note)  # fmt: skip
    touched = apply_touch(p, record, config, now)
    if touch.next_due is None:
        return touched
    return reschedule(touched, touch.next_due, now)


def reschedule(p: Prospect, day: date, now: datetime) -> Prospect:
    """Set the next follow-up to `day` (today or later)."""
    if p.stage in CLOSED_OUTCOMES:
        raise Refused(f"{p.name} is {p.stage}: there is no follow-up to move")
    _check(check_not_past, day, now.date(), "next_due")
    return replace(p, plan=replace(p.plan, next_due=day), updated=now)


def snoozed_until(days: int, config: Config, today: date) -> date:
    """The day a snooze by `days` puts the follow-up on: `days` on, moved to the next
    working day when the config skips non-working days (0 is today, whatever day)."""
    if not 0 <= days <= MAX_INTERVAL_DAYS:
        raise Refused(f"snooze by a number of days from today, 0 to {MAX_INTERVAL_DAYS}", "days")
    day = today + timedelta(days=days)
    return proposed_day(day, config) if days else day


def snooze(p: Prospect, days: int, config: Config, now: datetime) -> Prospect:
    """Put the next follow-up off by `days` from today (`snoozed_until`)."""
    return reschedule(p, snoozed_until(days, config, now.date()), now)


def stop_following(
    p: Prospect, to: Outcome, reason: str, config: Config, now: datetime
) -> Prospect:
    """Park `p` in nurture or mark it dead; a dead prospect keeps `reason` as why."""
    if to not in (Outcome.NURTURE, Outcome.DEAD):
        raise Refused("stop following means nurture or dead")
    if not p.is_open:
        raise Refused(f"{p.name} is {p.stage}, not followed")
    return move(p, to.value, config, now.date(), now, reason if to == Outcome.DEAD else "")


def _check(check: Callable[[date, date], None], day: date, today: date, field: str) -> None:
    try:
        check(day, today)
    except ValueError as error:
        raise Refused(str(error), field) from None
