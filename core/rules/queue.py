"""The follow-up queue: what to do today, in the order to do it.

Items per prospect (at most one per reason):
- open prospects: one follow-up item, `stop-following` when a threshold is
  crossed (it replaces the rest), else `first-contact` when nobody ever made a
  sales touch and the first contact is due (today, or no date), else `overdue` /
  `due` / `soon` from `plan.next_due` (soon = within `follow_up.soon_days`), else
  `no-next-step` when no date is set; plus `meeting-reminder` from the reminder
  day of a meeting (`meeting_reminder_days_before` ahead, on the last working day
  on or before it) until the meeting, while the contact has not been reached;
  plus `meeting-outcome` when the latest meeting has passed with nothing logged
  on or after its day;
- nurture prospects: `nurture` when the slow touch is due (next_due <= today;
  with no date, one nurture interval after the last touch or the move), plus
  meeting reminders and meeting outcomes;
- everyone except lost/dead non-customers: `birthday` for a contact's birthday
  or anniversary within today..today+soon_days (won customers included).
Won, lost and dead prospects therefore appear only as customers' birthday items.

The order is total; it is documented with `queue_sort_key` in queue_item.py. It
ranks best-few deals by the best-few test, which needs the pipeline's normal cycle:
pass `facts` (`pipeline.pipeline_facts`); `build_follow_up_queue` computes them from
the prospects it is given, the per-prospect makers fall back on the config's defaults.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from leadline.core.config.model import Config, Section
from leadline.core.models import CLOSED_OUTCOMES, OUTCOME_VALUES, Lifecycle, Outcome, Prospect
from leadline.core.rules.followup import effective_channel
from leadline.core.rules.occasions import (
    CARD_CHANNEL,
    meeting_to_remind,
    meeting_without_outcome,
    occasion_by,
    yearly_days,
)
from leadline.core.rules.outcomes import nurture_due
from leadline.core.rules.pipeline import (
    PipelineFacts,
    default_facts,
    passes_best_few_test,
    pipeline_facts,
)
from leadline.core.rules.queue_item import QueueItem, Reason, queue_sort_key
from leadline.core.rules.stop_following import stop_decision
from leadline.core.rules.touches import silence

__all__ = [
    "QueueItem",
    "Reason",
    "build_follow_up_queue",
    "items_for",
    "queue_items_maker",
    "queue_sort_key",
]


_NURTURE = Outcome.NURTURE.value
_WON = Outcome.WON.value


@dataclass(frozen=True)
class _Day:
    """What every prospect's items need from the config and the day, worked out once."""

    config: Config
    today: date
    soon_until: date
    """Last day of `soon` follow-ups."""
    cards_until: date
    """Last day of birthday and anniversary items."""
    card_days: frozenset[int] | None
    """`yearly_days` of today..cards_until."""
    sections: dict[str, Section]
    facts: PipelineFacts

    @classmethod
    def of(cls, config: Config, today: date, facts: PipelineFacts | None = None) -> _Day:
        follow_up = config.follow_up
        cards_until = today + timedelta(days=max(0, follow_up.soon_days))
        return cls(
            config,
            today,
            today + timedelta(days=follow_up.soon_days),
            cards_until,
            yearly_days(today, cards_until),
            config.stage_table.section,
            facts or default_facts(config),
        )


def _is_customer(p: Prospect) -> bool:
    return p.stage == _WON or p.lifecycle in (Lifecycle.CUSTOMER, Lifecycle.REPEAT_BUYER)


def _date_reason(due: date | None, day: _Day) -> Reason | None:
    if due is None:
        return Reason.NO_NEXT_STEP
    if due < day.today:
        return Reason.OVERDUE
    if due == day.today:
        return Reason.DUE
    return Reason.SOON if due <= day.soon_until else None


def _follow_up_item(p: Prospect, day: _Day, section: Section | None) -> QueueItem | None:
    channel = effective_channel(p, day.config)
    quiet = silence(p, day.config, day.today)  # once: the stop test and first contact
    decision = stop_decision(p, day.config, day.today, quiet)
    if decision is not None:
        return QueueItem(
            p,
            Reason.STOP_FOLLOWING,
            day.today,
            channel,
            section=section,
            proposed_exit=decision.proposed_exit,
            stop=decision,
        )
    due = p.plan.next_due
    if (due is None or due <= day.today) and quiet.since is None:
        return QueueItem(p, Reason.FIRST_CONTACT, due or day.today, channel, section=section)
    reason = _date_reason(due, day)
    if reason is None:
        return None
    return QueueItem(p, reason, due, channel, section=section)


def _nurture_item(p: Prospect, day: _Day) -> QueueItem | None:
    nurture = day.config.follow_up.nurture
    due = nurture_due(p, day.config)
    if due > day.today:
        return None
    return QueueItem(p, Reason.NURTURE, due, nurture.channel)


def _reminder_item(p: Prospect, day: _Day, section: Section | None) -> QueueItem | None:
    meeting = meeting_to_remind(p, day.today, day.config) if p.meetings else None
    if meeting is None:
        return None
    detail = meeting.contact or meeting.title
    return QueueItem(
        p,
        Reason.MEETING_REMINDER,
        day.today,
        effective_channel(p, day.config),
        detail,
        section=section,
        meeting=meeting,
    )


def _outcome_item(p: Prospect, day: _Day, section: Section | None) -> QueueItem | None:
    meeting = meeting_without_outcome(p, day.today) if p.meetings else None
    if meeting is None:
        return None
    detail = meeting.contact or meeting.title
    channel = effective_channel(p, day.config)
    return QueueItem(
        p, Reason.MEETING_OUTCOME, meeting.date, channel, detail, section=section, meeting=meeting
    )


def _birthday_item(p: Prospect, day: _Day, section: Section | None) -> QueueItem | None:
    horizon = day.config.follow_up.soon_days
    occasion = occasion_by(p, day.today, day.cards_until, horizon, day.card_days)
    if occasion is None:
        return None
    return QueueItem(
        p,
        Reason.BIRTHDAY,
        occasion.on,
        CARD_CHANNEL,
        occasion.contact.name,
        section=section,
        occasion=occasion.kind,
    )


def _items(p: Prospect, day: _Day) -> list[QueueItem]:
    stage = p.stage
    section = day.sections.get(stage)
    found: list[QueueItem | None]
    if stage not in OUTCOME_VALUES:
        found = [
            _follow_up_item(p, day, section),
            _reminder_item(p, day, section),
            _outcome_item(p, day, section),
        ]
    elif stage == _NURTURE:
        found = [
            _nurture_item(p, day),
            _reminder_item(p, day, section),
            _outcome_item(p, day, section),
        ]
    else:
        found = []
    if p.contacts and (stage not in CLOSED_OUTCOMES or _is_customer(p)):
        found.append(_birthday_item(p, day, section))
    items = [item for item in found if item is not None]
    if items and section == Section.BEST_FEW:
        if not passes_best_few_test(p, day.today, day.facts.cycle_days):
            return [replace(item, not_really_best_few=True) for item in items]
    return items


ItemsMaker = Callable[[Prospect], list[QueueItem]]


def queue_items_maker(
    config: Config, today: date, facts: PipelineFacts | None = None
) -> ItemsMaker:
    """A function giving each prospect's queue items (unordered) under `config` on
    `today`, with the day's dates worked out once (a few microseconds, which per
    prospect would cost as much as the items themselves)."""
    day = _Day.of(config, today, facts)
    return lambda p: _items(p, day)


def items_for(
    p: Prospect, config: Config, today: date, facts: PipelineFacts | None = None
) -> list[QueueItem]:
    """The queue items of one prospect, unordered (for many use `queue_items_maker`)."""
    return _items(p, _Day.of(config, today, facts))


def build_follow_up_queue(
    prospects: Iterable[Prospect],
    config: Config,
    today: date,
    facts: PipelineFacts | None = None,
) -> list[QueueItem]:
    """Today's follow-up queue for all `prospects`, in working order (`facts`: these
    prospects' `pipeline_facts`, computed when not given)."""
    listed = list(prospects)
    day = _Day.of(config, today, facts or pipeline_facts(listed, config, today))
    items = [item for p in listed for item in _items(p, day)]
    return sorted(items, key=lambda item: queue_sort_key(item, today))
