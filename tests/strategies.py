"""Hypothesis strategies for leadline's records, shared by storage and rules tests.

`prospects()` builds any valid Prospect: every field filled or empty, names in
Latin, Cyrillic, Armenian and CJK scripts, contacts of every role, touches,
notes, stage history, meetings and a penetration plan. Datetimes are naive and
whole seconds, as the document format stores them.

Import as `from strategies import prospects` (tests/ is on the path through
tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TypeVar

from hypothesis import strategies as st

from leadline.core.models import (
    Contact,
    FollowUpPlan,
    Lifecycle,
    Meeting,
    Note,
    Objection,
    Outcome,
    PenetrationPlan,
    Prospect,
    Role,
    StageEntry,
    Touch,
    TouchOutcome,
)

T = TypeVar("T")

DEFAULT_STAGES = ("lead", "qualified", "demo", "proposal", "negotiation")

_SCRIPTS = {
    "latin": st.characters(min_codepoint=0x20, max_codepoint=0x24F),
    "cyrillic": st.characters(min_codepoint=0x400, max_codepoint=0x4FF),
    "armenian": st.characters(min_codepoint=0x531, max_codepoint=0x587),
    "cjk": st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
}

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 12, 31)).map(
    lambda moment: moment.replace(microsecond=0)
)
amounts = st.floats(min_value=0, max_value=1e12, allow_nan=False, allow_infinity=False)
_UNICODE = st.characters(blacklist_categories=("Cs",))
"""Any character a UTF-8 file can hold (no lone surrogates; see test_store for those)."""
short_text = st.text(_UNICODE, max_size=30)


@st.composite
def names(draw: st.DrawFn, max_size: int = 40) -> str:
    """A non-blank name in one script (or a mix), as a multinational seller meets them."""
    script = draw(st.sampled_from([*_SCRIPTS.values(), _UNICODE]))
    text = draw(st.text(script, min_size=1, max_size=max_size))
    return text if text.strip() else "x" + text


contacts = st.builds(
    Contact,
    name=names(),
    role=st.sampled_from(Role),
    title=short_text,
    email=short_text,
    phone=short_text,
    birthday=st.none() | days,
    anniversary=st.none() | days,
    preferred_channel=short_text,
)
plans = st.builds(
    FollowUpPlan,
    interval_days=st.none() | st.integers(1, 365),
    channel=short_text,
    next_due=st.none() | days,
    agreed=st.booleans(),
    contact=short_text,
)
touches = st.builds(
    Touch,
    date=days,
    channel=short_text,
    outcome=st.sampled_from(TouchOutcome),
    minutes=st.integers(0, 600),
    note=st.text(_UNICODE, max_size=200),
)
notes = st.builds(Note, at=moments, text=st.text(_UNICODE, max_size=300))
meetings = st.builds(Meeting, date=days, title=short_text, time=short_text, contact=short_text)
penetration_plans = st.builds(
    PenetrationPlan,
    approval_chain=st.lists(names()).map(tuple),
    needs=st.lists(short_text).map(tuple),
    objections=st.lists(st.builds(Objection, objection=short_text, counter=short_text)).map(tuple),
    risks=st.lists(short_text).map(tuple),
)
icp_values = st.text(_UNICODE, max_size=20) | st.integers(-(10**9), 10**9) | amounts | st.booleans()


def stage_keys(stages: Sequence[str] = DEFAULT_STAGES) -> st.SearchStrategy[str]:
    """A configured stage key or an outcome."""
    return st.sampled_from([*stages, *(o.value for o in Outcome)])


def _tuple_of(
    elements: st.SearchStrategy[T], max_size: int = 5
) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(elements, max_size=max_size).map(tuple)


def prospects(
    stages: Sequence[str] = DEFAULT_STAGES, ids: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[Prospect]:
    """Any valid prospect whose stage is one of `stages` or an outcome."""
    return st.builds(
        Prospect,
        id=ids if ids is not None else st.text("0123456789abcdef", min_size=8, max_size=8),
        name=names(),
        stage=stage_keys(stages),
        created=moments,
        updated=moments,
        lifecycle=st.sampled_from(Lifecycle),
        value=amounts,
        currency=st.sampled_from(["", "EUR", "USD", "AMD", "RUB", "CNY"]),
        budget=st.none() | amounts,
        decision_timeframe=short_text,
        expected_close=st.none() | days,
        qualification=st.dictionaries(short_text, st.booleans(), max_size=4),
        decision_maker_confirmed=st.booleans(),
        contacts=_tuple_of(contacts),
        plan=plans,
        touches=_tuple_of(touches, 8),
        notes=_tuple_of(notes, 8),
        stage_history=_tuple_of(st.builds(StageEntry, stage=stage_keys(stages), date=days)),
        meetings=_tuple_of(meetings, 3),
        penetration=penetration_plans,
        icp=st.dictionaries(short_text, icp_values, max_size=4),
        tags=_tuple_of(short_text),
        lost_reason=short_text,
        external_id=short_text,
    )


def funnel_prospects(stages: Sequence[str] = DEFAULT_STAGES) -> st.SearchStrategy[Prospect]:
    """Prospects that vary only in what the funnel's figures read: stage, value, lifecycle,
    creation, stage history, touch dates, outcomes and minutes, meeting dates and the expected
    close (core/rules/funnel, history, quota, allocation, advice read nothing else).

    Names, notes, contacts and the account plan stay small or empty: drawing them is most of
    the time `prospects()` takes, and no funnel figure can change with them. Widen this if a
    figure starts reading another field.
    """
    return st.builds(
        Prospect,
        id=st.text("0123456789abcdef", min_size=8, max_size=8),
        name=st.sampled_from(["Acme", "Борей", "Արարատ", "北京"]),
        stage=stage_keys(stages),
        created=moments,
        updated=moments,
        lifecycle=st.sampled_from(Lifecycle),
        value=amounts,
        expected_close=st.none() | days,
        touches=_tuple_of(
            st.builds(Touch, date=days, channel=st.just("phone"),
                      outcome=st.sampled_from(TouchOutcome), minutes=st.integers(0, 600)),
            8,
        ),
        stage_history=_tuple_of(st.builds(StageEntry, stage=stage_keys(stages), date=days)),
        meetings=_tuple_of(st.builds(Meeting, date=days, title=st.just("Demo")), 3),
    )  # fmt: skip
