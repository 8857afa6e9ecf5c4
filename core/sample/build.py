"""Assemble one sample prospect from a spec: people, timeline, money, plans, notes."""

from __future__ import annotations

import math
import random
from datetime import date, datetime, timedelta

from leadline.core.config.model import Config, Section
from leadline.core.models import Contact, FollowUpPlan, Lifecycle, Prospect, Role
from leadline.core.sample.activity import TIMES, Activity
from leadline.core.sample.names import Locale
from leadline.core.sample.people import People
from leadline.core.sample.phrases import LOST_REASONS, TAGS, TIMEFRAMES_UNKNOWN
from leadline.core.sample.script import Spec
from leadline.core.sample.timeline import Timeline, Timelines

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


class ProspectBuilder:
    """Builds prospects one at a time; all randomness comes from one seeded rng."""

    def __init__(self, rng: random.Random, config: Config, today: date) -> None:
        self.rng, self.config, self.today = rng, config, today
        self.people = People(rng, config, today)
        self.timelines = Timelines(rng, config, today)
        self.activity = Activity(rng, config, today)
        self.stages = config.stages
        self.meeting_index = self.activity.meeting_index
        self.used_ids: set[str] = set()

    def build(self, spec: Spec, locale: Locale) -> Prospect:
        """One prospect shaped by `spec`, named in `locale`."""
        k = self.config.stage_index(spec.stage)
        depth = k if k >= 0 else (spec.reached or 0)
        name, domain, industry = self.people.company(locale, fit=not spec.poor_fit)
        roles = self.people.roles(depth, spec.flags)
        special = {0: ("birthday", spec.birthday_in)} if spec.birthday_in is not None else {}
        if spec.anniversary_in is not None:
            special[len(roles) - 1] = ("anniversary", spec.anniversary_in)
        contacts = self.people.contacts(locale, domain, roles, special)
        plan_interval, plan = self._plan(k, spec, contacts)
        timeline = self._timeline(k, spec, plan_interval)
        if plan is not None:
            plan = FollowUpPlan(plan.interval_days, plan.channel, timeline.next_due, plan.agreed)
        return self._assemble(spec, k, depth, (name, industry, locale), contacts, plan, timeline)

    def new_id(self) -> str:
        """Eight hex digits from the rng, never repeated within one pipeline."""
        while True:
            pid = f"{self.rng.getrandbits(32):08x}"
            if pid not in self.used_ids:
                self.used_ids.add(pid)
                return pid

    def _plan(
        self, k: int, spec: Spec, contacts: tuple[Contact, ...]
    ) -> tuple[int, FollowUpPlan | None]:
        """The interval touches are spaced by, and the plan (None for closed prospects)."""
        follow = self.config.follow_up
        if spec.stage == "nurture":
            return follow.nurture.interval_days, FollowUpPlan(
                follow.nurture.interval_days, follow.nurture.channel, None, False
            )
        if k < 0:
            return follow.default_interval_days, None
        base = self.stages[k].interval_days or follow.default_interval_days
        if "no-plan" in spec.flags:
            return base, FollowUpPlan(None, "", None, False)
        if "pest" in spec.flags:
            return 14, FollowUpPlan(14, "phone", None, True)
        interval = base if self.stages[k].interval_days else self.rng.choice((base, 7, 10, 14))
        channel = contacts[0].preferred_channel or follow.default_channel
        return interval, FollowUpPlan(interval, channel, None, True)

    def _timeline(self, k: int, spec: Spec, interval: int) -> Timeline:
        if k >= 0:
            return self.timelines.open(k, spec, interval)
        reached = min(spec.reached or 0, len(self.stages) - 1)
        if spec.stage == "nurture":
            return self.timelines.nurture(reached, spec.health)
        return self.timelines.closed(spec.stage, reached, spec.closed_days_ago or 30)

    def _assemble(
        self,
        spec: Spec,
        k: int,
        depth: int,
        company: tuple[str, str, Locale],
        contacts: tuple[Contact, ...],
        plan: FollowUpPlan | None,
        timeline: Timeline,
    ) -> Prospect:
        rng = self.rng
        name, industry, locale = company
        value = float(spec.value) if spec.value else self.value(spec.big)
        budget_of = value
        if "estimate" in spec.flags:
            value = 0.0
        qualification = self._qualification(k, depth, spec)
        has_dm = any(c.role is Role.DECISION_MAKER for c in contacts)
        dm_ok = has_dm and all(v for q, v in qualification.items() if "decision maker" in q.lower())
        activity = self.activity
        early_confirmed = all(qualification.values()) and rng.random() < 0.5
        entries = activity.entries(timeline.entries)
        first, last = timeline.visits[0].day, max(timeline.visits[-1].day, entries[-1].date)
        close = self._expected_close(k, spec, entries[-1].date)
        return Prospect(
            id=self.new_id(),
            name=name,
            stage=spec.stage if k < 0 else self.stages[k].key,
            created=datetime.combine(first, TIMES[rng.randint(8 * 60, 11 * 60 + 59)]),
            updated=datetime.combine(last, TIMES[rng.randint(18 * 60, 18 * 60 + 59)]),
            lifecycle=self._lifecycle(spec, depth),
            value=value,
            currency=self.config.currency,
            budget=self._budget(budget_of, depth, qualification, "estimate" in spec.flags),
            decision_timeframe=self._timeframe(close),
            expected_close=close,
            qualification=qualification,
            decision_maker_confirmed=dm_ok and (depth >= self.meeting_index or early_confirmed),
            contacts=contacts,
            plan=plan or FollowUpPlan(),
            touches=activity.touches(timeline.visits, spec, k, plan),
            notes=activity.notes(timeline.visits, contacts),
            stage_history=entries,
            meetings=activity.meetings(timeline.visits, spec, k, contacts[0].name),
            penetration=activity.penetration(depth, contacts),
            icp=self.people.icp(industry, locale.region, fit=not spec.poor_fit),
            tags=self._tags(spec),
            lost_reason=rng.choice(LOST_REASONS) if spec.stage == "lost" else "",
        )

    def value(self, big: bool) -> float:
        """A deal value in 1k..250k, skewed: most deals small, a few large."""
        rng = self.rng
        raw = rng.uniform(90_000, 240_000) if big else rng.lognormvariate(math.log(11_000), 0.95)
        raw = min(250_000.0, max(1_000.0, raw))
        step = 100 if raw < 10_000 else 500 if raw < 100_000 else 1000
        return float(round(raw / step) * step)

    def _budget(
        self, value: float, depth: int, qualification: dict[str, bool], known: bool = False
    ) -> float | None:
        if known:
            return float(round(value / 500) * 500)
        if any(not v for q, v in qualification.items() if "budget" in q.lower()):
            return None
        if depth < self.meeting_index and self.rng.random() < 0.7:
            return None
        return float(round(value * self.rng.uniform(0.85, 1.3) / 500) * 500)

    def _qualification(self, k: int, depth: int, spec: Spec) -> dict[str, bool]:
        """Checklist answers: qualification items, then each reached stage's entry criteria."""
        rng = self.rng
        items = self.config.qualification
        if depth == 0:
            answers = {q: rng.random() < 0.5 for q in items}
            if items and all(answers.values()):
                answers[rng.choice(items)] = False
        else:
            answers = dict.fromkeys(items, True)
        for stage in self.stages[1 : depth + 1]:
            answers.update(dict.fromkeys(stage.entry_criteria, True))
        if "premature" in spec.flags and k >= 0:
            answers.update(dict.fromkeys(self.stages[k].entry_criteria, False))
        if "no-dm" in spec.flags:
            answers.update({q: False for q in answers if "decision maker" in q.lower()})
        return answers

    def _expected_close(self, k: int, spec: Spec, last_entry: date) -> date | None:
        rng, today = self.rng, self.today
        if spec.close_in is not None:
            return today + timedelta(days=spec.close_in)
        if "no-close" in spec.flags:
            return None
        if spec.stage in ("won", "lost"):
            return last_entry
        if spec.stage == "dead" or (spec.stage == "nurture" and rng.random() < 0.5):
            return None
        if spec.stage == "nurture":
            return today + timedelta(days=rng.randint(90, 270))
        section = self.stages[k].section
        if section is Section.BEST_FEW:
            days = rng.randint(5, 28)
        elif section is Section.IN:
            days = rng.randint(40, 150)
        elif k == 0 and rng.random() < 0.5:
            return None
        else:
            days = rng.randint(60, 200)
        return today + timedelta(days=days)

    def _timeframe(self, close: date | None) -> str:
        if close is None:
            return self.rng.choice(TIMEFRAMES_UNKNOWN)
        if (close - self.today).days <= 31:
            return f"by end of {_MONTHS[close.month - 1]} {close.year}"
        return f"Q{(close.month - 1) // 3 + 1} {close.year}"

    def _lifecycle(self, spec: Spec, depth: int) -> Lifecycle:
        if spec.stage == "won":
            return Lifecycle.REPEAT_BUYER if self.rng.random() < 0.3 else Lifecycle.CUSTOMER
        return Lifecycle.LEAD if depth == 0 else Lifecycle.PROSPECT

    def _tags(self, spec: Spec) -> tuple[str, ...]:
        tags = self.rng.sample(TAGS, k=self.rng.randint(0, 2))
        if spec.big:
            tags.append("key-account")
        return tuple(sorted(set(tags)))
