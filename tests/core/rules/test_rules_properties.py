"""Property tests: queue order, closed prospects kept out, stop-following monotone in time."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from rules_support import DEFAULT_CONFIG, QUALIFICATION

from leadline.core.config.model import (
    SECTION_PRIORITY,
    Config,
    Section,
    StopFollowing,
    StopFollowingOverride,
)
from leadline.core.models import (
    Contact,
    FollowUpPlan,
    Lifecycle,
    Meeting,
    Outcome,
    Prospect,
    Role,
    StageEntry,
    Touch,
    TouchOutcome,
)
from leadline.core.records.kinds import RESPONSES
from leadline.core.rules.queue import QueueItem, Reason, build_follow_up_queue
from leadline.core.rules.stop_following import evaluate_stop_following

BASE = date(2025, 5, 14)
STAGE_KEYS = [s.key for s in DEFAULT_CONFIG.stages] + [o.value for o in Outcome]
FOLLOW_UP_REASONS = {
    Reason.FIRST_CONTACT,
    Reason.OVERDUE,
    Reason.DUE,
    Reason.SOON,
    Reason.NO_NEXT_STEP,
    Reason.STOP_FOLLOWING,
    Reason.NURTURE,
}


def near(days: int = 120) -> st.SearchStrategy[date]:
    return st.integers(-days, days).map(lambda d: BASE + timedelta(days=d))


touch_steps = st.tuples(
    st.integers(0, 14),  # days after the previous touch: a follow-up cadence
    st.sampled_from(["email", "phone", "meeting"]),
    st.sampled_from([TouchOutcome.NO_RESPONSE] * 3 + [TouchOutcome.REPLIED]),  # silence is common
    st.integers(0, 90),
)


def _cadence(start: date, steps: list[tuple[int, str, TouchOutcome, int]]) -> tuple[Touch, ...]:
    found, day = [], start
    for gap, channel, outcome, minutes in steps:
        day += timedelta(days=gap)
        found.append(Touch(day, channel, outcome, minutes))
    return tuple(found)


NAMES = ["Acme", "acme", "ACME", "Bolt", "Ёлка", "ёлка", "北京云端", "Արարատ", "Zeta", "b", "B"]
# Birthdays cluster around the tested days so cards actually come up; Feb 29 included.
yearly = st.one_of(
    st.none(),
    st.integers(-8, 8).map(lambda d: (BASE + timedelta(days=d)).replace(year=1980)),
    st.integers(0, 366 * 4).map(lambda d: date(1984, 1, 1) + timedelta(days=d)),
    st.just(date(1984, 2, 29)),
)
contacts = st.builds(
    Contact,
    name=st.sampled_from(NAMES),
    role=st.sampled_from(list(Role)),
    birthday=yearly,
    anniversary=yearly,
)


# Strategies are built once: building them inside the composite costs more than drawing.
stage_keys = st.sampled_from(STAGE_KEYS)
firsts = near(400).filter(lambda d: d <= BASE + timedelta(days=30))
histories = st.lists(st.builds(StageEntry, stage_keys, near()), max_size=4)
lifecycles = st.sampled_from(list(Lifecycle))
names = st.sampled_from(NAMES)
values = st.sampled_from([0.0, 500.0, 5000.0]) | st.integers(0, 10**6).map(float)
checklists = st.dictionaries(st.sampled_from(QUALIFICATION), st.booleans())
contact_lists = st.lists(contacts, max_size=3)
plans = st.builds(
    FollowUpPlan,
    interval_days=st.none() | st.integers(1, 30),
    next_due=st.none() | near(30),
    agreed=st.booleans(),
)
touch_lists = st.builds(_cadence, near(), st.lists(touch_steps, max_size=10))
meeting_lists = st.lists(st.builds(Meeting, near(10)), max_size=2).map(tuple)


@st.composite
def prospects(draw: st.DrawFn, pid: str = "p") -> Prospect:
    stage = draw(stage_keys)
    first = draw(firsts)
    created = datetime.combine(first, datetime.min.time())
    return Prospect(
        id=pid,
        name=draw(names),
        stage=stage,
        created=created,
        updated=created,
        lifecycle=draw(lifecycles),
        value=draw(values),
        qualification=draw(checklists),
        contacts=tuple(draw(contact_lists)),
        plan=draw(plans),
        touches=draw(touch_lists),
        stage_history=(StageEntry(stage, first), *draw(histories)),
        meetings=draw(meeting_lists),
    )


PROSPECT_BY_INDEX = [prospects(pid=f"p{i:03d}") for i in range(12)]


@st.composite
def pipelines(draw: st.DrawFn) -> list[Prospect]:
    count = draw(st.integers(0, 12))
    return [draw(PROSPECT_BY_INDEX[i]) for i in range(count)]


def _urgency(item: QueueItem, today: date) -> int:
    if item.reason == Reason.OVERDUE:
        return 0
    coming = item.reason == Reason.SOON or (item.reason == Reason.BIRTHDAY and item.due != today)
    return 2 if coming else 1


def _rank(item: QueueItem) -> int:
    """A best-few-stage deal failing the best-few test ranks like one in the funnel."""
    section = Section.IN if item.not_really_best_few else item.section
    return SECTION_PRIORITY.index(section) if section else len(SECTION_PRIORITY)


def assert_in_order(a: QueueItem, b: QueueItem, today: date) -> None:
    """The documented order, checked pair by pair without the module's sort key."""
    ua, ub = _urgency(a, today), _urgency(b, today)
    assert ua <= ub
    if ua != ub:
        return
    if ua == 2:
        assert a.due is not None and b.due is not None and a.due <= b.due
        if a.due != b.due:
            return
    assert _rank(a) <= _rank(b)
    if _rank(a) == _rank(b):
        assert a.prospect.value >= b.prospect.value
        if a.prospect.value == b.prospect.value:
            assert a.prospect.name.casefold() <= b.prospect.name.casefold()


def assert_ordered(items: list[QueueItem], today: date) -> None:
    for a, b in zip(items, items[1:], strict=False):
        assert_in_order(a, b, today)


def assert_closed_only_as_customer_cards(items: list[QueueItem]) -> None:
    for item in items:
        p = item.prospect
        if p.stage in (Outcome.WON, Outcome.LOST, Outcome.DEAD):
            assert item.reason == Reason.BIRTHDAY
            customer = p.lifecycle in (Lifecycle.CUSTOMER, Lifecycle.REPEAT_BUYER)
            assert customer or p.stage == Outcome.WON


def assert_one_follow_up_each(items: list[QueueItem], ps: list[Prospect], today: date) -> None:
    keys = [(i.prospect.id, i.reason) for i in items]
    assert len(keys) == len(set(keys))
    follow_ups = [i.prospect.id for i in items if i.reason in FOLLOW_UP_REASONS]
    assert len(follow_ups) == len(set(follow_ups))
    overdue_or_due = {p.id for p in ps if p.is_open and (p.plan.next_due or today) <= today}
    assert overdue_or_due <= set(follow_ups)  # nothing due is ever dropped


# One test for the queue invariants: drawing whole pipelines is the slow part (building
# the queue almost free), so each pipeline is checked on every day of near(5).
@settings(max_examples=40, deadline=None)
@given(pipelines())
def test_queue_order_closed_prospects_and_uniqueness(ps: list[Prospect]) -> None:
    for today in (BASE + timedelta(days=offset) for offset in range(-5, 6)):
        items = build_follow_up_queue(ps, DEFAULT_CONFIG, today)
        assert_ordered(items, today)
        assert build_follow_up_queue(list(reversed(ps)), DEFAULT_CONFIG, today) == items
        assert_closed_only_as_customer_cards(items)
        assert_one_follow_up_each(items, ps, today)


def _only(touches: int | None, days: int | None) -> Config:
    """The default config with one global rule and no per-stage overrides."""
    rule = StopFollowing(touches, days)
    stages = tuple(
        replace(s, stop_following=StopFollowingOverride()) for s in DEFAULT_CONFIG.stages
    )
    follow_up = replace(DEFAULT_CONFIG.follow_up, stop_following=rule)
    return replace(DEFAULT_CONFIG, stages=stages, follow_up=follow_up)


STOP_CONFIGS = [DEFAULT_CONFIG, _only(3, None), _only(None, 20)]
"""Each threshold alone too, so one cannot hide a fault in the other."""


@settings(max_examples=80, deadline=None)
@given(prospects(), st.sampled_from(STOP_CONFIGS))
def test_stop_following_is_monotone_in_today(p: Prospect, config: Config) -> None:
    # Every day from 30 before the last touch (where thresholds get crossed) to 490 after,
    # each against the next: once proposed, stopping stays proposed, for no fewer reasons and
    # the same exit, until a reply. By induction that holds from any day to any later one
    # without a reply between, which is what drawing pairs of days (one pair a prospect) did.
    anchor = p.touches[-1].date if p.touches else p.first_contact
    # ... or a return into the funnel from an outcome (a new deal begins that day)
    replied = {t.date for t in p.touches if t.outcome in RESPONSES}
    replied |= {e.date for e in p.stage_history}
    days = [anchor + timedelta(days=offset) for offset in range(-30, 491)]
    verdicts = [evaluate_stop_following(p, config, day) for day in days]
    for day, before, after in zip(days[1:], verdicts, verdicts[1:], strict=False):
        if before.stop and day not in replied:
            assert after.stop
            assert set(before.reasons) <= set(after.reasons)
            assert after.proposed_exit == before.proposed_exit
