"""The records of what happened with a sample prospect: touches, notes, meetings, plans.

Touches and stage entries are immutable values, and a big pipeline holds the
same one many times (a reply by e-mail on a given day...), so each distinct
value is built once and shared: 100k prospects then fit in a few hundred MB.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from leadline.core.config.model import Config, Section
from leadline.core.models import (
    Contact,
    FollowUpPlan,
    Meeting,
    Note,
    Objection,
    PenetrationPlan,
    Role,
    StageEntry,
    Touch,
    TouchOutcome,
)
from leadline.core.sample.phrases import MEETING_TITLES, NEEDS, NOTE_TEMPLATES, OBJECTIONS, RISKS
from leadline.core.sample.script import Spec
from leadline.core.sample.timeline import Visit

_REPLIED, _SILENT = TouchOutcome.REPLIED, TouchOutcome.NO_RESPONSE
_NEED_TEXTS = tuple(need.lower() for need in NEEDS)
_OBJECTION_TEXTS = tuple((o.lower(), c) for o, c in OBJECTIONS)
_OBJECTIONS = tuple(Objection(o, c) for o, c in OBJECTIONS)
_CHAIN_ORDER = {Role.COACH: 0, Role.INFLUENCER: 1, Role.DECISION_MAKER: 2}
TIMES = tuple(time(minute // 60, minute % 60) for minute in range(24 * 60))
"""Every minute of a day, so timestamps need no new `time` objects."""
_FINAL = {
    "won": ("meeting", 60, "Contract signed"),
    "lost": ("phone", 15, "Told us the decision"),
    "nurture": ("phone", 15, "Not now; agreed to stay in touch"),
}


class Activity:
    """Turns a timeline's visits into touches, notes, meetings and a penetration plan."""

    def __init__(self, rng: random.Random, config: Config, today: date) -> None:
        self.rng, self.today, self.stages = rng, today, config.stages
        self.meeting_index = next((i for i, s in enumerate(self.stages) if s.meeting), 2)
        self._above = [s.section is Section.ABOVE for s in self.stages]
        self._nurture_channel = config.follow_up.nurture.channel
        self._touch_pool: dict[tuple[date, str, bool, int, str], Touch] = {}
        self._entry_pool: dict[tuple[int | str, date], StageEntry] = {}

    def touches(
        self, visits: list[Visit], spec: Spec, k: int, plan: FollowUpPlan | None
    ) -> tuple[Touch, ...]:
        """Channel and minutes follow what happened: cold calls, meetings, demos, mailings."""
        rand = self.rng.random
        planned = plan.channel if plan and plan.channel in ("email", "phone") else ""
        touches = []
        for visit in visits:
            kind = visit.kind
            if kind == "added":
                continue
            if kind == "follow":
                channel = planned if planned and rand() < 0.6 else ("email", "phone")[rand() < 0.5]
                note = "" if visit.replied else ("No answer" if channel == "phone" else "No reply")
                # prospecting eats time: research before each call to a lead
                above = self._above[visit.stage]
                minutes = 5 * (5 + int(rand() * 5) if above else 1 + int(rand() * 3))
                if channel == "email":
                    minutes = max(5, minutes // 2)
            elif kind == "entry":
                channel, minutes, note = self._entry_channel(visit.stage, spec, k)
            elif kind == "final":
                channel, minutes, note = _FINAL.get(spec.stage, _FINAL["lost"])
            else:
                channel, minutes, note = self._nurture_channel, 2, ""
            touches.append(self._shared_touch(visit.day, channel, visit.replied, minutes, note))
        return tuple(touches)

    def _shared_touch(
        self, day: date, channel: str, replied: bool, minutes: int, note: str
    ) -> Touch:
        key = (day, channel, replied, minutes, note)
        touch = self._touch_pool.get(key)
        if touch is None:
            outcome = _REPLIED if replied else _SILENT
            touch = self._touch_pool[key] = Touch(day, channel, outcome, minutes, note)
        return touch

    def entries(self, entries: list[tuple[int | str, date]]) -> tuple[StageEntry, ...]:
        """Stage history records; an int is a stage index, a string an outcome."""
        found = []
        for stage, day in entries:
            entry = self._entry_pool.get((stage, day))
            if entry is None:
                key = self.stages[stage].key if isinstance(stage, int) else stage
                entry = self._entry_pool[(stage, day)] = StageEntry(key, day)
            found.append(entry)
        return tuple(found)

    def _entry_channel(self, index: int, spec: Spec, k: int) -> tuple[str, int, str]:
        stage = self.stages[index]
        if index == 0:
            return "phone", 5 * self.rng.randint(6, 10), "First call"
        if stage.meeting and not (index == k and spec.meeting_in is not None):
            return "meeting", 60, "First meeting"
        if "demo" in stage.key or "trial" in stage.key:
            trial = self.rng.random() < 0.3
            return ("trial", 30, "Trial started") if trial else ("demo", 90, "Demo given")
        if stage.section is Section.BEST_FEW:
            return "meeting", 45, f"{stage.name} presented"
        if stage.section is Section.ABOVE:
            return "phone", 45, "Qualification call"
        return "phone", 15, ""

    def notes(self, visits: list[Visit], contacts: tuple[Contact, ...]) -> tuple[Note, ...]:
        """One to three notes taken on calls that got an answer, oldest first."""
        rng = self.rng
        replied = [v for v in visits if v.replied and v.kind != "news"] or visits
        if all(v.kind == "added" for v in replied):
            return ()
        picks = rng.sample(range(len(replied)), k=min(len(replied), rng.randint(1, 3)))
        notes = []
        for index in sorted(picks):
            visit = replied[index]
            at = datetime.combine(visit.day, TIMES[rng.randint(9 * 60, 17 * 60 + 59)])
            notes.append(Note(at, self.note_text(contacts, self.stages[visit.stage].section)))
        return tuple(notes)

    def note_text(self, contacts: tuple[Contact, ...], section: Section) -> str:
        """What a seller jots down on a call with one of `contacts` at this point of the deal."""
        rng = self.rng
        dm_title = next((c.title for c in contacts if c.role is Role.DECISION_MAKER), "owner")
        objection, counter = rng.choice(_OBJECTION_TEXTS)
        return rng.choice(NOTE_TEMPLATES[section]).format(
            contact=rng.choice(contacts).name, need=rng.choice(_NEED_TEXTS),
            dm_title=dm_title, objection=objection, counter=counter,
        )  # fmt: skip

    def meetings(self, visits: list[Visit], spec: Spec, k: int, who: str) -> tuple[Meeting, ...]:
        """Meetings held (first meetings, contract signings) and the one booked ahead, if any."""
        rng = self.rng
        held = []
        for v in visits:
            booked_ahead = v.stage == k and spec.meeting_in is not None
            if v.kind == "entry" and self.stages[v.stage].meeting and not booked_ahead:
                held.append(Meeting(v.day, MEETING_TITLES[0], f"{rng.randint(9, 16)}:00", who))
            elif v.kind == "final" and spec.stage == "won":
                held.append(Meeting(v.day, MEETING_TITLES[-1], f"{rng.randint(9, 16)}:00", who))
        if spec.meeting_in is not None:
            day = self.today + timedelta(days=spec.meeting_in)
            at = f"{rng.randint(9, 16)}:{rng.choice(('00', '30'))}"
            # the next meeting of the deal: introduction, needs, demo, proposal, contract
            title = MEETING_TITLES[min(max(0, k - self.meeting_index), len(MEETING_TITLES) - 1)]
            held.append(Meeting(day, title, at, who))
        return tuple(held)

    def penetration(self, depth: int, contacts: tuple[Contact, ...]) -> PenetrationPlan:
        """Needs from the first meeting on; the full plan from half-way through the stages."""
        rng = self.rng
        if depth < self.meeting_index:
            return PenetrationPlan()
        needs = tuple(rng.sample(NEEDS, k=rng.randint(1, 3)))
        if depth < len(self.stages) // 2:
            return PenetrationPlan(needs=needs)
        chain = approval_chain(contacts)
        if rng.random() < 0.4:
            chain += (rng.choice(("Board", "Group procurement", "Supervisory board")),)
        objections = tuple(rng.sample(_OBJECTIONS, k=rng.randint(1, 2)))
        risks = tuple(rng.sample(RISKS, k=rng.randint(0, 2)))
        return PenetrationPlan(chain, needs, objections, risks)


def approval_chain(contacts: tuple[Contact, ...]) -> tuple[str, ...]:
    """Who signs off, bottom up: coach, influencers, then the decision maker."""
    chain = sorted((c for c in contacts if c.role in _CHAIN_ORDER), key=_chain_rank)
    return tuple(f"{c.name} ({c.title})" for c in chain)


def _chain_rank(contact: Contact) -> int:
    return _CHAIN_ORDER[contact.role]
