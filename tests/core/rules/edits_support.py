"""Random user actions on generated pipelines, for the property tests (imported by its own
name, like rules_support): notes, touches, stage moves, meetings, contacts, follow-up
plans, snoozes, account plans and unknown fields, through core's actions, with free text
that would change an answer if a rule read it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from golden_support import CONFIGS, DAYS
from hypothesis import strategies as st

from leadline.core import actions
from leadline.core.config.model import Config
from leadline.core.models import Contact, Meeting, Objection, PenetrationPlan, Prospect, Role
from leadline.core.records.kinds import Outcome, TouchOutcome
from leadline.core.sample.generate import generate_pipeline

ANCHOR = date(2026, 11, 23)
WORDS = ["", "won", "lost", "CEO", "Decision maker", "budget approved", "call back", "Łódź"]
"""Free text that would change an answer if a rule read it."""
CHANNELS = ["email", "phone", "meeting", "card", "linkedin"]

text = st.sampled_from(WORDS) | st.text(max_size=12)
near = st.integers(-40, 40).map(lambda d: ANCHOR + timedelta(days=d))


def _at(day: date) -> datetime:
    return datetime.combine(day, time(9, 0))


# -- random user actions -------------------------------------------------------------

Edit = Callable[[Prospect, Config, date], Prospect]


def note_edit(words: str) -> Edit:
    return lambda p, _c, day: actions.note(p, words or "a note", _at(day))


def touch_edit(channel: str, outcome: TouchOutcome, minutes: int, words: str, ahead: int) -> Edit:
    def apply(p: Prospect, config: Config, day: date) -> Prospect:
        next_due = day + timedelta(days=ahead) if ahead else None
        touch = actions.TouchInput(channel, outcome, minutes, words, day, next_due)
        return actions.log_touch(p, touch, config, _at(day))

    return apply


def move_edit(target: str, words: str) -> Edit:
    return lambda p, c, day: actions.move(p, target, c, day, _at(day), words)


def meeting_edit(ahead: int, title: str, who: str) -> Edit:
    meeting = Meeting(ANCHOR + timedelta(days=ahead), title, "10:00" if ahead % 2 else "", who)
    return lambda p, _c, day: actions.add_meeting(p, meeting, _at(day))


def contact_edit(name: str, role: Role, title: str, email: str, phone: str, born: int) -> Edit:
    birthday = ANCHOR.replace(year=1980) + timedelta(days=born) if born else None
    person = Contact(name or "Ann", role, title, email, phone, birthday)
    return lambda p, _c, day: actions.add_contact(p, person, _at(day))


def plan_edit(interval: int | None, channel: str, ahead: int, agreed: bool, who: str) -> Edit:
    due = ANCHOR + timedelta(days=ahead)
    edit = actions.ProspectEdit(
        interval_days=interval, channel=channel, next_due=due, agreed=agreed, plan_contact=who
    )
    return lambda p, c, day: actions.edit_fields(p, edit, c, day, _at(day))


def snooze_edit(days: int) -> Edit:
    return lambda p, c, day: actions.snooze(p, days, c, _at(day))


def account_plan_edit(words: str) -> Edit:
    plan = PenetrationPlan((words,), (words, "uptime"), (Objection(words, "ROI"),), (words,))
    return lambda p, _c, day: actions.set_account_plan(p, plan, _at(day))


def unknown_fields_edit(words: str) -> Edit:
    return lambda p, _c, _day: replace(p, extra={"x_future": words, "renewal": "2027-01-01"})


stage_keys = st.sampled_from([s.key for c in CONFIGS.values() for s in c.stages]
                             + [o.value for o in Outcome])  # fmt: skip
edits = st.one_of(
    st.builds(note_edit, text),
    st.builds(
        touch_edit,
        st.sampled_from(CHANNELS),
        st.sampled_from(list(TouchOutcome)),
        st.sampled_from([0, 5, 30]),
        text,
        st.integers(0, 20),
    ),
    st.builds(move_edit, stage_keys, text),
    st.builds(meeting_edit, st.integers(-10, 20), text, st.sampled_from(["", "Ann", "Nobody"])),
    st.builds(
        contact_edit,
        text,
        st.sampled_from(list(Role)),
        text,
        st.sampled_from(["", "ann@acme.test", "x@y.test"]),
        st.sampled_from(["", "+48 600 123 456", "600-123-456"]),
        st.integers(-5, 5),
    ),
    st.builds(
        plan_edit,
        st.none() | st.integers(1, 30),
        st.sampled_from(["", "phone", "email"]),
        st.integers(0, 30),
        st.booleans(),
        st.sampled_from(["", "Ann"]),
    ),
    st.builds(snooze_edit, st.integers(0, 14)),
    st.builds(account_plan_edit, text),
    st.builds(unknown_fields_edit, text),
)


def apply_edits(ps: list[Prospect], steps: list[tuple[int, int, Edit]], config: Config) -> None:
    """Apply each (which prospect, which day, what) in place; refused actions change nothing."""
    for which, offset, edit in steps:
        i = which % len(ps)
        try:
            ps[i] = edit(ps[i], config, ANCHOR + timedelta(days=offset))
        except actions.Refused:
            pass


@st.composite
def pipelines(draw: st.DrawFn) -> tuple[list[Prospect], Config, date]:
    config = draw(st.sampled_from(list(CONFIGS.values())))
    size = draw(st.integers(1, 45))
    ps = generate_pipeline(size, ANCHOR, seed=draw(st.integers(0, 10_000)), config=config)
    steps = draw(st.lists(st.tuples(st.integers(0, 999), st.integers(-30, 0), edits),
                          max_size=25))  # fmt: skip
    apply_edits(ps, steps, config)
    return ps, config, draw(near | st.sampled_from(DAYS))
