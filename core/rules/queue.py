"""The follow-up queue: what to do today, in the order to do it.

Items per prospect (at most one per reason):
- open prospects: one follow-up item, `stop-following` when a threshold is
  crossed (it replaces the rest), else `overdue` / `due` / `soon` from
  `plan.next_due` (soon = within `follow_up.soon_days`), else `no-next-step`
  when no date is set; plus `meeting-reminder` when a meeting is
  `meeting_reminder_days_before` days away;
- nurture prospects: `nurture` when the slow touch is due (next_due <= today;
  with no date, one nurture interval after the last touch or the move), plus
  meeting reminders;
- everyone except lost/dead non-customers: `birthday` for a contact's birthday
  or anniversary within today..today+soon_days (won customers included).
Won, lost and dead prospects therefore appear only as customers' birthday items.

The order is total; it is documented with `queue_sort_key` in queue_item.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from leadline.core.config import Config
from leadline.core.models import CLOSED_OUTCOMES, Lifecycle, Outcome, Prospect
from leadline.core.rules.followup import effective_channel, is_open
from leadline.core.rules.occasions import CARD_CHANNEL, meeting_to_remind, upcoming_occasion
from leadline.core.rules.queue_item import QueueItem, Reason, queue_sort_key
from leadline.core.rules.stop_following import evaluate_stop_following

__all__ = ["QueueItem", "Reason", "build_follow_up_queue", "items_for", "queue_sort_key"]


def _is_customer(p: Prospect) -> bool:
    return p.stage == Outcome.WON or p.lifecycle in (Lifecycle.CUSTOMER, Lifecycle.REPEAT_BUYER)


def _date_reason(due: date | None, today: date, soon_days: int) -> Reason | None:
    if due is None:
        return Reason.NO_NEXT_STEP
    if due < today:
        return Reason.OVERDUE
    if due == today:
        return Reason.DUE
    return Reason.SOON if due <= today + timedelta(days=soon_days) else None


def _follow_up_item(p: Prospect, config: Config, today: date) -> QueueItem | None:
    channel = effective_channel(p, config)
    section = config.section_of(p.stage)
    decision = evaluate_stop_following(p, config, today)
    if decision.stop:
        return QueueItem(
            p,
            Reason.STOP_FOLLOWING,
            today,
            channel,
            section=section,
            proposed_exit=decision.proposed_exit,
            stop=decision,
        )
    reason = _date_reason(p.plan.next_due, today, config.follow_up.soon_days)
    if reason is None:
        return None
    return QueueItem(p, reason, p.plan.next_due, channel, section=section)


def _nurture_item(p: Prospect, config: Config, today: date) -> QueueItem | None:
    due = p.plan.next_due
    if due is None:
        last = max([t.date for t in p.touches] + [p.stage_entered])
        due = last + timedelta(days=config.follow_up.nurture.interval_days)
    if due > today:
        return None
    return QueueItem(p, Reason.NURTURE, due, config.follow_up.nurture.channel)


def _reminder_item(p: Prospect, config: Config, today: date) -> QueueItem | None:
    meeting = meeting_to_remind(p, today, config.follow_up.meeting_reminder_days_before)
    if meeting is None:
        return None
    detail = meeting.contact or meeting.title
    return QueueItem(
        p,
        Reason.MEETING_REMINDER,
        today,
        effective_channel(p, config),
        detail,
        section=config.section_of(p.stage),
        meeting=meeting,
    )


def _birthday_item(p: Prospect, config: Config, today: date) -> QueueItem | None:
    occasion = upcoming_occasion(p, today, config.follow_up.soon_days)
    if occasion is None:
        return None
    return QueueItem(
        p,
        Reason.BIRTHDAY,
        occasion.on,
        CARD_CHANNEL,
        occasion.contact.name,
        section=config.section_of(p.stage),
        occasion=occasion.kind,
    )


def items_for(p: Prospect, config: Config, today: date) -> list[QueueItem]:
    """The queue items of one prospect, unordered."""
    found: list[QueueItem | None] = []
    if is_open(p):
        found += [_follow_up_item(p, config, today), _reminder_item(p, config, today)]
    elif p.stage == Outcome.NURTURE:
        found += [_nurture_item(p, config, today), _reminder_item(p, config, today)]
    if p.stage not in CLOSED_OUTCOMES or _is_customer(p):
        found.append(_birthday_item(p, config, today))
    return [item for item in found if item is not None]


def build_follow_up_queue(
    prospects: Iterable[Prospect], config: Config, today: date
) -> list[QueueItem]:
    """Today's follow-up queue for all `prospects`, in working order."""
    items = [item for p in prospects for item in items_for(p, config, today)]
    return sorted(items, key=lambda item: queue_sort_key(item, today))
