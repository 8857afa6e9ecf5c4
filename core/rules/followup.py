"""The follow-up plan: intervals, touches, notes, stage moves.

Every function is pure: it takes a prospect (and the config and the time) and
returns a new prospect or a value; nothing here reads the clock.

The interval that moves the next due date after a touch is, first match wins:
1. the nurture cadence (`follow_up.nurture.interval_days`) for a nurture prospect;
2. the plan's interval when the plan was agreed with the customer and sets one;
3. the current stage's `interval_days`;
4. `follow_up.default_interval_days`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from datetime import date, datetime, timedelta

from leadline.core.config.model import Config
from leadline.core.models import (
    CLOSED_OUTCOMES,
    OUTCOME_VALUES,
    Lifecycle,
    Note,
    Outcome,
    Prospect,
    StageEntry,
    Touch,
    TouchOutcome,
)
from leadline.core.rules.occasions import CARD_CHANNEL
from leadline.core.rules.touches import is_sales_touch
from leadline.core.rules.workdays import proposed_day, working_day_after


def is_qualified(p: Prospect, config: Config) -> bool:
    """True when every item of the configured qualification checklist is ticked.

    An empty checklist is trivially met.
    """
    return all(is_ticked(p, item) for item in config.qualification)


DECISION_MAKER_ITEM = "Decision maker confirmed"
"""The checklist item that is the decision-maker fact (matched ignoring case): ticking
it and ticking "decision maker confirmed" on the prospect are one and the same."""
_DM_ITEM = DECISION_MAKER_ITEM.casefold()


def is_decision_maker_item(item: str) -> bool:
    """True for the checklist item that means "decision maker confirmed"."""
    return item.casefold() == _DM_ITEM


def dm_confirmed(p: Prospect) -> bool:
    """Whether a decision maker is confirmed: the flag, or (older files) the checklist
    item of that name, ticked."""
    if p.decision_maker_confirmed:
        return True
    return any(ticked and is_decision_maker_item(k) for k, ticked in p.qualification.items())


def is_ticked(p: Prospect, item: str) -> bool:
    """Whether checklist `item` holds on `p` (the decision-maker item is `dm_confirmed`)."""
    if is_decision_maker_item(item):
        return dm_confirmed(p)
    return p.qualification.get(item, False)


def missing_items(p: Prospect, items: tuple[str, ...]) -> tuple[str, ...]:
    """The checklist items (qualification or stage entry criteria) not ticked on `p`."""
    return tuple(item for item in items if not is_ticked(p, item))


def checklist_items(config: Config) -> list[str]:
    """The items a user ticks: the qualification checklist, then every stage's entry
    criteria, without repeats, and without the decision-maker item (its own tick)."""
    items = list(config.qualification)
    for stage in config.stages:
        items += [i for i in stage.entry_criteria if i not in items]
    return [i for i in items if not is_decision_maker_item(i)]


def effective_interval(p: Prospect, config: Config) -> int:
    """Days between follow-ups for this prospect (see the module docstring), at least 1."""
    follow_up = config.follow_up
    if p.stage == Outcome.NURTURE:
        days = follow_up.nurture.interval_days
    elif p.plan.agreed and p.plan.interval_days:
        days = p.plan.interval_days
    else:
        stage = config.stage(p.stage)
        days = (stage.interval_days if stage else None) or follow_up.default_interval_days
    return max(1, days)


def effective_channel(p: Prospect, config: Config) -> str:
    """The channel of the next follow-up: nurture's, else the plan's, else the default."""
    if p.stage == Outcome.NURTURE:
        return config.follow_up.nurture.channel
    return p.plan.channel or config.follow_up.default_channel


def next_due_after(p: Prospect, touch_date: date, config: Config) -> date:
    """The next follow-up date after a touch on `touch_date`: one interval on, moved
    to a working day when the config says so (`workdays.proposed_day`)."""
    return proposed_day(touch_date + timedelta(days=effective_interval(p, config)), config)


def _plan_after_touch(touched: Prospect, touch: Touch, config: Config) -> date | None:
    """The next due date once `touch` is logged (the current one when it moves nothing)."""
    current = touched.plan.next_due
    if not is_sales_touch(touch, config):
        # A card moves nothing; a broadcast is the nurture cadence's own touch.
        if touched.stage != Outcome.NURTURE or touch.channel == CARD_CHANNEL:
            return current
    if touch.outcome == TouchOutcome.ASKED_INFO:
        return working_day_after(touch.date, config)
    sales = [t.date for t in touched.touches if is_sales_touch(t, config)]
    nurture = touched.stage == Outcome.NURTURE
    latest = max([t.date for t in touched.touches] if nurture else sales or [touch.date])
    return next_due_after(touched, latest, config)


def apply_touch(p: Prospect, touch: Touch, config: Config, now: datetime) -> Prospect:
    """Record a touch and move the next due date by the effective interval.

    Touches are kept in date order (a back-dated touch slots in, after others of
    the same day). The next due date counts from the latest sales touch, so
    logging an old touch never pulls the plan backwards; a reply asking for
    information makes the prospect due the next working day. A card, and a
    broadcast on an open prospect, change nothing in the plan (they are not sales
    touches); a broadcast to a nurture prospect is its slow touch and moves the
    nurture date. Won, lost and dead prospects keep their plan untouched: they
    have no next follow-up.
    """
    dates = [t.date for t in p.touches]
    at = bisect_right(dates, touch.date) if dates == sorted(dates) else len(dates)
    touches = p.touches[:at] + (touch,) + p.touches[at:]
    touched = replace(p, touches=touches, updated=now)
    if p.stage in CLOSED_OUTCOMES:
        return touched
    plan = replace(p.plan, next_due=_plan_after_touch(touched, touch, config))
    return replace(touched, plan=plan)


def add_note(p: Prospect, text: str, now: datetime) -> Prospect:
    """Append a timestamped note; blank text is refused with ValueError."""
    if not text.strip():
        raise ValueError("a note needs some text")
    return replace(p, notes=p.notes + (Note(at=now, text=text),), updated=now)


def snooze(p: Prospect, until: date, now: datetime) -> Prospect:
    """Put the next follow-up off (or forward) to `until`; ValueError for a past day."""
    if until < now.date():
        raise ValueError(f"{until.isoformat()} has passed: pick today or a later day")
    return replace(p, plan=replace(p.plan, next_due=until), updated=now)


def _lifecycle_after(p: Prospect, target: str, config: Config) -> Lifecycle:
    if target == Outcome.WON:
        first_win = p.lifecycle in (Lifecycle.LEAD, Lifecycle.PROSPECT)
        return Lifecycle.CUSTOMER if first_win else Lifecycle.REPEAT_BUYER
    if p.lifecycle == Lifecycle.LEAD and is_qualified(p, config):
        return Lifecycle.PROSPECT
    return p.lifecycle


def _next_due_after_move(
    before: Prospect, moved: Prospect, on: date, config: Config
) -> date | None:
    if moved.stage in CLOSED_OUTCOMES:
        return None
    if moved.stage == Outcome.NURTURE:
        return on + timedelta(days=config.follow_up.nurture.interval_days)
    if before.is_open and before.plan.next_due is not None:
        return before.plan.next_due
    return next_due_after(moved, on, config)


def move_stage(
    p: Prospect, stage_or_outcome: str | Outcome, on: date, config: Config, now: datetime
) -> Prospect:
    """Move `p` to a stage key or an outcome on day `on`.

    Appends a stage-history entry (kept in date order) and:
    - lifecycle: won makes a customer (a repeat buyer if it already was one);
      any other move promotes a lead whose qualification checklist is met to prospect;
    - next due: cleared for won, lost and dead; nurture schedules its first slow
      touch `nurture.interval_days` after `on`; an open stage keeps a scheduled
      date, else (no date, or reopened from an outcome) schedules one interval after `on`.
    - a move to won records the deal's value on the won entry (the win keeps it);
    - a move from won back into a stage (reopening a customer for more business)
      starts a new deal: the old win keeps counting in its period with its recorded
      value, and the new deal starts at value 0 with no expected close (the
      front-ends then ask for them), so the same money is never won and expected.
    Moving to the stage it is already in changes nothing. Unknown keys raise ValueError.
    """
    target = str(stage_or_outcome)
    if config.stage(target) is None and target not in OUTCOME_VALUES:
        raise ValueError(f"unknown stage or outcome {target!r}")
    if target == p.stage:
        return p
    dates = [e.date for e in p.stage_history]
    at = bisect_right(dates, on) if dates == sorted(dates) else len(dates)
    won = target == Outcome.WON
    entry = StageEntry(stage=target, date=on, value=p.value if won else None)
    history = p.stage_history[:at] + (entry,) + p.stage_history[at:]
    moved = replace(p, stage=target, stage_history=history, updated=now)
    if p.stage == Outcome.WON and config.stage(target) is not None:
        moved = replace(moved, value=0.0, expected_close=None)  # a new deal
    plan = replace(p.plan, next_due=_next_due_after_move(p, moved, on, config))
    return replace(moved, plan=plan, lifecycle=_lifecycle_after(p, target, config))
