"""Warnings on one prospect: the follow-up sins [004] and account penetration [001].

Only open prospects (in a configured stage) are checked; nurture, won, lost
and dead get none. Codes and their numbers:
- `unqualified-followed`: a lead (lifecycle) with touches whose qualification
  checklist is not met; touches, missing (+ `items`, the unticked ones);
- `no-decision-maker`: no contact has the decision-maker role, or a meeting is
  booked (dated today or later) while `decision_maker_confirmed` is off;
  decision_makers, meetings_booked;
- `gatekeepers-only`: every contact is a gatekeeper; gatekeepers;
- `busy-work`: >= `busy_work_touches` touches dated after the current stage was
  entered; touches, days (in the stage);
- `pest`: the last two touches came closer than the agreed interval and the
  first of them went unanswered (answering a reply is conversation, not
  pestering); actual_days, interval_days;
- `no-agreed-plan`: the plan is not agreed, or agreed without an interval or a
  channel; only once there was a conversation to agree it in (past the first
  stage, or a reply logged);
- `no-next-step`: no next follow-up date;
- `stale`: more days since `deal.progress_since` (the current deal first entered
  this stage or a later one: a backward move never resets it) than the stage's
  `stale_after_days`, else the user's normal cycle, halved in a best-few stage (pass
  `facts` from `pipeline.pipeline_facts` or the funnel summary; the config defaults
  otherwise); days, limit;
- `close-date-passed`: the expected close has passed: the deal has slipped; days
  (since the close date);
- `no-close-date`: a deal in the funnel (`in` or `best_few`) without an expected close;
- `not-really-best-few`: a best-few-stage deal whose expected close lies beyond half
  the normal cycle (`pipeline.is_best_few`); days (to the close), limit (half the cycle).
  A passed or missing close says so by the two above instead;
- `premature-stage`: entry criteria of the current stage or an earlier one are
  not ticked in `Prospect.qualification`; missing (+ `items`);
- `low-icp`: a lead scoring below `ideal_customer_profile.low_score`; score, low_score.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from operator import attrgetter

from leadline.core.config.model import Config, Section, StageTable
from leadline.core.models import Lifecycle, Prospect, Role, Touch
from leadline.core.records.kinds import RESPONSES
from leadline.core.rules.deal import funnel_entered, progress_since, returned_on
from leadline.core.rules.followup import dm_confirmed, is_qualified, missing_items
from leadline.core.rules.icp import icp_score
from leadline.core.rules.pipeline import (
    PipelineFacts,
    default_facts,
    in_best_few_stage,
    passes_best_few_test,
)
from leadline.core.rules.touches import TRIAL_CHANNELS, sales_touches, silence
from leadline.core.rules.workdays import reminder_day

_touch_date = attrgetter("date")
_LEAD, _DECIDER, _GATEKEEPER = Lifecycle.LEAD, Role.DECISION_MAKER, Role.GATEKEEPER
_FUNNEL = frozenset({Section.IN, Section.BEST_FEW})


class WarningCode(StrEnum):
    """The kinds of warning, in the order they are reported."""

    UNQUALIFIED_FOLLOWED = "unqualified-followed"
    NO_DECISION_MAKER = "no-decision-maker"
    GATEKEEPERS_ONLY = "gatekeepers-only"
    MISSING_INFLUENCES = "missing-influences"
    BUSY_WORK = "busy-work"
    PEST = "pest"
    OFFER_TRIAL = "offer-trial"
    NO_AGREED_PLAN = "no-agreed-plan"
    NO_NEXT_STEP = "no-next-step"
    STALE = "stale"
    CLOSE_DATE_PASSED = "close-date-passed"
    NO_CLOSE_DATE = "no-close-date"
    NOT_REALLY_BEST_FEW = "not-really-best-few"
    PREMATURE_STAGE = "premature-stage"
    LOW_ICP = "low-icp"


@dataclass(frozen=True)
class ProspectWarning:
    """One warning: a code, the numbers behind it, and checklist items where relevant."""

    code: WarningCode
    numbers: dict[str, int] = field(default_factory=dict)
    items: tuple[str, ...] = ()
    """The unticked checklist items (unqualified-followed, premature-stage)."""


Found = ProspectWarning | None


def _unqualified(p: Prospect, config: Config, today: date) -> Found:
    if p.lifecycle != _LEAD or not p.touches or is_qualified(p, config):
        return None
    touches = len(sales_touches(p, config, today))
    if not touches:  # a card is not a follow-up
        return None
    missing = missing_items(p, config.qualification)
    numbers = {"touches": touches, "missing": len(missing)}
    return ProspectWarning(WarningCode.UNQUALIFIED_FOLLOWED, numbers, missing)


def _decision_maker(p: Prospect, today: date) -> Found:
    deciders = len([c for c in p.contacts if c.role == _DECIDER])
    if deciders and dm_confirmed(p):
        return None
    booked = len([m for m in p.meetings if m.date >= today])
    if deciders and not booked:
        return None
    numbers = {"decision_makers": deciders, "meetings_booked": booked}
    return ProspectWarning(WarningCode.NO_DECISION_MAKER, numbers)


def _influences(p: Prospect, config: Config, dm_warned: bool) -> Found:
    """Buying influences still missing on a deal in the funnel (`buying_influences`)."""
    if config.stage_table.section.get(p.stage) not in _FUNNEL:
        return None
    held = {c.role for c in p.contacts}
    missing = [r for r in config.buying_influences if r not in held]
    if dm_warned:  # said already, by no-decision-maker
        missing = [r for r in missing if r != _DECIDER]
    if not missing:
        return None
    items = tuple(r.value for r in missing)
    return ProspectWarning(WarningCode.MISSING_INFLUENCES, {"missing": len(items)}, items)


def _gatekeepers(p: Prospect) -> Found:
    if not p.contacts or any(c.role != _GATEKEEPER for c in p.contacts):
        return None
    return ProspectWarning(WarningCode.GATEKEEPERS_ONLY, {"gatekeepers": len(p.contacts)})


def _busy_work(p: Prospect, config: Config, today: date, since: date) -> Found:
    touches = len([t for t in sales_touches(p, config, today) if t.date > since])
    if touches < config.follow_up.busy_work_touches:
        return None
    days = max(0, (today - since).days)
    return ProspectWarning(WarningCode.BUSY_WORK, {"touches": touches, "days": days})


def _trial(p: Prospect, config: Config, today: date, cycle_days: int) -> Found:
    """In the funnel for longer than half the normal cycle with no trial or demo given."""
    entered = funnel_entered(p, config, today)
    if entered is None:
        return None
    days = (today - entered).days
    if days <= cycle_days / 2:
        return None
    back = returned_on(p, today) or date.min
    if any(back <= t.date <= today and t.channel in TRIAL_CHANNELS for t in p.touches):
        return None
    return ProspectWarning(WarningCode.OFFER_TRIAL, {"days": days, "limit": cycle_days // 2})


def _confirming(touch: Touch, p: Prospect, config: Config) -> bool:
    """A touch from a meeting's reminder day to the meeting itself: the call and
    e-mail that confirm it, or the meeting (DOMAIN: not pest)."""
    days_before = config.follow_up.meeting_reminder_days_before
    return any(
        reminder_day(m.date, days_before, config) <= touch.date <= m.date for m in p.meetings
    )


def _pest(p: Prospect, config: Config, today: date) -> Found:
    interval = p.plan.interval_days
    if not p.plan.agreed or not interval or len(p.touches) < 2:
        return None
    start = today - timedelta(days=interval)
    recent = [
        t
        for t in sales_touches(p, config, today)
        if t.date > start and not (p.meetings and _confirming(t, p, config))
    ]
    found = None
    for before, after in zip(recent, recent[1:], strict=False):
        if before.outcome not in RESPONSES:  # answering a reply is conversation
            found = (after.date - before.date).days
    if found is None:
        return None
    return ProspectWarning(WarningCode.PEST, {"actual_days": found, "interval_days": interval})


def _plan(p: Prospect, config: Config, today: date) -> list[ProspectWarning]:
    found = []
    talked = config.stage_table.index.get(p.stage, -1) > 0
    talked = talked or silence(p, config, today).last_response is not None
    agreed = p.plan.agreed and bool(p.plan.interval_days) and bool(p.plan.channel)
    if talked and not agreed:
        found.append(ProspectWarning(WarningCode.NO_AGREED_PLAN))
    if p.plan.next_due is None:
        found.append(ProspectWarning(WarningCode.NO_NEXT_STEP))
    return found


def _stale(p: Prospect, config: Config, today: date, since: date, facts: PipelineFacts) -> Found:
    stage = config.stage(p.stage)
    limit = stage.stale_after_days if stage and stage.stale_after_days else None
    if limit is None:
        half = in_best_few_stage(p, config)
        limit = facts.cycle_days // 2 if half else facts.cycle_days
    days = (today - since).days
    if days <= max(1, limit):
        return None
    return ProspectWarning(WarningCode.STALE, {"days": days, "limit": max(1, limit)})


def _close_date(p: Prospect, config: Config, today: date, facts: PipelineFacts) -> Found:
    """Slipped, missing in the funnel, or too far off for a best-few stage."""
    close = p.expected_close
    if close is None:
        if config.stage_table.section.get(p.stage) in _FUNNEL:
            return ProspectWarning(WarningCode.NO_CLOSE_DATE)
        return None
    if close < today:
        return ProspectWarning(WarningCode.CLOSE_DATE_PASSED, {"days": (today - close).days})
    if in_best_few_stage(p, config) and not passes_best_few_test(p, today, facts.cycle_days):
        numbers = {"days": (close - today).days, "limit": facts.cycle_days // 2}
        return ProspectWarning(WarningCode.NOT_REALLY_BEST_FEW, numbers)
    return None


def _premature(p: Prospect, stages: StageTable) -> Found:
    missing = missing_items(p, stages.criteria_so_far.get(p.stage, ()))
    if not missing:
        return None
    return ProspectWarning(WarningCode.PREMATURE_STAGE, {"missing": len(missing)}, missing)


def _low_icp(p: Prospect, config: Config) -> Found:
    if p.lifecycle != _LEAD:
        return None
    low = config.ideal_customer_profile.low_score
    score = icp_score(p, config)
    if score >= low:
        return None
    return ProspectWarning(WarningCode.LOW_ICP, {"score": score, "low_score": low})


def warnings_for(
    p: Prospect, config: Config, today: date, facts: PipelineFacts | None = None
) -> list[ProspectWarning]:
    """Every warning that applies to `p` on `today`, in `WarningCode` order; `facts`
    from `pipeline_facts` over all prospects (the config's defaults without it)."""
    if not p.is_open:
        return []
    facts = facts or default_facts(config)
    stages = config.stage_table
    since = progress_since(p, config, today)
    decider = _decision_maker(p, today)
    found: list[Found] = [
        _unqualified(p, config, today),
        decider,
        _influences(p, config, decider is not None),
        _gatekeepers(p),
        _busy_work(p, config, today, since),
        _pest(p, config, today),
        *_plan(p, config, today),
        _stale(p, config, today, since, facts),
        _close_date(p, config, today, facts),
        _trial(p, config, today, facts.cycle_days),
        _premature(p, stages),
        _low_icp(p, config),
    ]
    return [w for w in found if w is not None]
