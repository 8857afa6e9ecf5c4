"""Dates for one sample prospect: stage history, touches and the next follow-up.

Built backwards from the anchor day so each prospect lands exactly where its
spec says (overdue, due today, silent for two months...). Every gap between
two touches is at least the plan's interval, so only the prospects designed
as pests follow up too often, and stage entries are strictly increasing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from leadline.core.config.model import Config, StageDef
from leadline.core.sample.script import Health, Spec

DAY = timedelta(days=1)


@dataclass(slots=True)
class Visit:
    """One touch before it gets a channel: when, in which stage, did they answer."""

    day: date
    stage: int
    replied: bool
    kind: str = "follow"
    """entry (moved to the stage that day), follow, final, news (nurture mailing),
    added (entered the pipeline that day, no touch)."""


@dataclass
class Timeline:
    """Touches oldest first, stage entries (index or outcome, day), next due date."""

    visits: list[Visit] = field(default_factory=list)
    entries: list[tuple[int | str, date]] = field(default_factory=list)
    next_due: date | None = None


class Timelines:
    """Makes timelines for one config and anchor day."""

    def __init__(self, rng: random.Random, config: Config, today: date) -> None:
        self.rng, self.config, self.today = rng, config, today
        self.stages = config.stages
        follow = config.follow_up
        self.soon = follow.soon_days
        self.busy = follow.busy_work_touches
        self.nurture_days = max(1, follow.nurture.interval_days)

    def thresholds(self, stage: StageDef) -> tuple[int | None, int | None]:
        """Effective stop-following thresholds (touches, days) for `stage`."""
        base = self.config.follow_up.stop_following
        over = stage.stop_following
        touches = over.after_unanswered_touches or base.after_unanswered_touches
        days = over.after_days_without_response or base.after_days_without_response
        return touches, days

    def stale_limit(self, stage: StageDef) -> int:
        return stage.stale_after_days or self.config.normal_sales_cycle_days

    def open(self, k: int, spec: Spec, interval: int) -> Timeline:
        """An open prospect in stage `k` whose follow-up is in the state `spec.health`."""
        stage = self.stages[k]
        touches, days = self.thresholds(stage)
        health = spec.health
        if health is Health.STOP_SILENT and days is None:
            health = Health.STOP_UNANSWERED
        if health is Health.STOP_UNANSWERED and touches is None:
            health = Health.OVERDUE
        due: date | None
        if health is Health.NEW:
            timeline = Timeline(next_due=self.today)
            timeline.visits = [Visit(self.today, k, False, "added")]
            timeline.entries = [(k, self.today)]
            return timeline
        if health is Health.STOP_UNANSWERED:
            current, due = self._unanswered(k, interval, touches or 1)
        elif health is Health.STOP_SILENT:
            current, due = self._silent(k, interval, days or 60, touches)
        else:
            current, due = self._healthy(k, spec, health, interval, touches)
        timeline = Timeline(next_due=due)
        self._history(timeline, k, current, interval)
        return timeline

    def _due_and_last(self, health: Health, interval: int, limit: int) -> tuple[date | None, date]:
        rng, today = self.rng, self.today
        if health is Health.NONE:
            return None, today - rng.randint(2, max(2, min(10, limit - 1))) * DAY
        if health is Health.OVERDUE:
            offset = -rng.randint(1, max(1, min(9, limit - interval - 2)))
        elif health is Health.DUE:
            offset = 0
        elif health is Health.SOON:
            offset = rng.randint(1, max(1, min(self.soon, interval - 1)))
        else:
            low, high = self.soon + 1, interval - 1
            offset = rng.randint(low, high) if high >= low else rng.randint(1, max(1, high))
        due = today + offset * DAY
        return due, min(today, due - interval * DAY)

    def _healthy(
        self, k: int, spec: Spec, health: Health, interval: int, touches: int | None
    ) -> tuple[list[Visit], date | None]:
        rng, limit = self.rng, self.stale_limit(self.stages[k])
        due, last = self._due_and_last(health, interval, limit)
        if "busy" in spec.flags:
            extra = self.busy + 1
        else:
            extra = 3 if "pest" in spec.flags else rng.randint(0, 2)
        days = [last]
        for _ in range(extra):
            if "pest" in spec.flags:
                gap = rng.randint(2, 4)
            elif "busy" in spec.flags:
                gap = interval
            else:
                gap = interval + rng.randint(0, interval // 2)
            days.append(days[-1] - gap * DAY)
        while len(days) > 1 and (self.today - days[-1]).days >= limit:
            days.pop()
        if "stale" in spec.flags:
            stale_day = self.today - (limit + rng.randint(3, 15)) * DAY
            days.append(min(days[-1] - interval * DAY, stale_day))
        # a pest keeps chasing without an answer; others hear back more often than not
        answer_rate = 0.0 if "pest" in spec.flags else 0.6
        visits = [Visit(d, k, rng.random() < answer_rate) for d in reversed(days)]
        visits[0].kind, visits[0].replied = "entry", True
        self._cap_silence(visits, touches)
        return visits, due

    def _cap_silence(self, visits: list[Visit], touches: int | None) -> None:
        """Keep a healthy prospect below both stop-following thresholds."""
        allowed = max(0, (touches or 3) - 2)
        run = 0
        for visit in reversed(visits):
            if visit.replied:
                break
            run += 1
            if run > allowed:
                visit.replied = True
                break
        recent = self.today - 45 * DAY
        if not any(v.replied and v.day >= recent for v in visits):
            visits[-1].replied = True

    def _unanswered(self, k: int, interval: int, touches: int) -> tuple[list[Visit], date]:
        rng = self.rng
        last = self.today - rng.randint(1, interval) * DAY
        days = [last]
        for _ in range(touches - 1):
            days.append(days[-1] - (interval + rng.randint(0, 2)) * DAY)
        entry = days[-1] - (interval + rng.randint(0, interval)) * DAY
        visits = [Visit(entry, k, True, "entry")]
        visits += [Visit(d, k, False) for d in reversed(days)]
        return visits, last + interval * DAY

    def _silent(
        self, k: int, interval: int, days: int, touches: int | None
    ) -> tuple[list[Visit], date]:
        rng = self.rng
        silence = days + rng.randint(3, 20)
        start = self.today - silence * DAY
        count = max(1, min(2, (touches or 3) - 1))
        step = silence // (count + 1)
        visits = [Visit(start, k, k > 0, "entry")]
        visits += [Visit(start + step * (i + 1) * DAY, k, False) for i in range(count)]
        return visits, visits[-1].day + interval * DAY

    def _history(self, timeline: Timeline, k: int, current: list[Visit], interval: int) -> None:
        """Prepend stages 0..k-1 before the current stage's visits and record entries."""
        visits = list(current)
        for i in range(k - 1, -1, -1):
            visits[:0] = self._stage_visits(i, visits[0].day, interval)
        timeline.visits = visits
        timeline.entries = [(v.stage, v.day) for v in visits if v.kind == "entry"]

    def _stage_visits(self, i: int, before: date, interval: int) -> list[Visit]:
        rng = self.rng
        step = max(interval, 7)
        days = [before - (step + rng.randint(0, 7)) * DAY]
        if rng.random() < 0.5:
            days.append(days[-1] - (step + rng.randint(0, 7)) * DAY)
        visits = [Visit(d, i, rng.random() < 0.6) for d in reversed(days)]
        visits[0].kind, visits[0].replied = "entry", True
        return visits

    def closed(self, outcome: str, reached: int, ago: int) -> Timeline:
        """Won, lost or dead `ago` days before today after reaching stage `reached`."""
        rng, interval = self.rng, self.config.follow_up.default_interval_days
        end = self.today - ago * DAY
        if outcome == "dead":
            touches = self.thresholds(self.stages[reached])[0] or 3
            tail = [Visit(end - i * (interval + 2) * DAY, reached, False) for i in range(touches)]
            tail.reverse()
        else:
            tail = [Visit(end, reached, True, "final")]
        entry_day = tail[0].day - (interval + rng.randint(0, 7)) * DAY
        current = [Visit(entry_day, reached, True, "entry"), *tail]
        timeline = Timeline()
        self._history(timeline, reached, current, interval)
        timeline.entries.append((outcome, end))
        return timeline

    def nurture(self, reached: int, health: Health) -> Timeline:
        """Parked in nurture: a few mailings on the slow cadence since the decision."""
        rng, every, today = self.rng, self.nurture_days, self.today
        if health is Health.DUE:
            due = today
        elif health is Health.OVERDUE:
            due = today - rng.randint(1, 4) * DAY
        else:
            due = today + rng.randint(self.soon + 2, max(self.soon + 2, every - 5)) * DAY
        last = due - every * DAY
        mailings = [Visit(last - i * every * DAY, reached, False, "news") for i in range(3)]
        mailings.reverse()
        mailings[0].replied = rng.random() < 0.5
        parked = mailings[0].day - rng.randint(7, 30) * DAY
        decision = Visit(parked, reached, True, "final")
        entry = Visit(parked - rng.randint(10, 30) * DAY, reached, True, "entry")
        timeline = Timeline(next_due=due)
        self._history(timeline, reached, [entry, decision, *mailings], 7)
        timeline.entries.append(("nurture", parked))
        return timeline
