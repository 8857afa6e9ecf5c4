"""Shared by the fuzz tests of the data-file reader and of the importers: odd JSON values,
prospect documents with some of their fields replaced by them, and `exercise`, which runs
what every command runs on prospects that were read (so "read" means "usable").

Import as `from fuzz_support import ...` (tests/ is on the path through tests/conftest.py).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from hypothesis import strategies as st

from leadline.core.config.model import Config
from leadline.core.interop.exporters.ics import export_ics
from leadline.core.models import (
    Contact,
    FollowUpPlan,
    Meeting,
    Note,
    Objection,
    PenetrationPlan,
    Prospect,
    Role,
    StageEntry,
    Touch,
    TouchOutcome,
)
from leadline.core.rules.funnel.summary import funnel_to_json, summarize_funnel
from leadline.core.rules.queue import build_follow_up_queue
from leadline.core.rules.warnings import warnings_for
from leadline.tui.cli import render

TODAY = date(2026, 11, 23)

WORDS = ("", "lead", "qualified", "won", "dead", "nurture", "decision-maker", "replied",
         "no-response", "prospect", "9999-12-31", "0001-01-01", "2026-02-30", "2200-12-31",
         "1900-01-01", "2026-11-01T09:00:00", "2026-11-01T09:00:00+02:00", "1e400", "NaN",
         "\x1b[2J", "\u202e", "=cmd|' /C calc'!A0")  # fmt: skip
"""Texts that mean something to some field: stage keys, kinds, dates at and past the edges."""

odd_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.integers(-(10**40), 10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(WORDS),
    st.text(st.characters(blacklist_categories=()), max_size=12),  # lone surrogates too
)
json_values = st.recursive(
    odd_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)


def rich_prospect(pid: str = "abcd1234", name: str = "Acme Ltd") -> Prospect:
    """A prospect with every kind of part, for mutation."""
    day = date(2026, 11, 2)
    return Prospect(
        id=pid,
        name=name,
        stage="qualified",
        created=datetime(2026, 11, 1, 9),
        updated=datetime(2026, 11, 2, 9),
        value=12000.0,
        budget=15000.0,
        expected_close=date(2026, 12, 31),
        qualification={"Can afford it": True},
        contacts=(Contact("Jo Bloggs", Role.DECISION_MAKER, birthday=date(1980, 5, 1)),),
        plan=FollowUpPlan(interval_days=7, channel="phone", next_due=date(2026, 11, 25)),
        touches=(Touch(day, "phone", TouchOutcome.REPLIED, 15, "ok"),),
        notes=(Note(datetime(2026, 11, 2, 10), "Budget approved"),),
        stage_history=(StageEntry("lead", date(2026, 11, 1)), StageEntry("qualified", day)),
        meetings=(Meeting(date(2026, 11, 26), "Demo", "09:30", "Jo Bloggs"),),
        penetration=PenetrationPlan(("Jo",), ("speed",), (Objection("price", "payback"),), ()),
        icp={"employees": 120, "industry": "retail"},
        tags=("hot",),
    )


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


_RICH_DOC = rich_prospect().to_doc()
_RICH_PATHS = _paths(_RICH_DOC)


@st.composite
def odd_documents(draw: st.DrawFn, base: dict[str, Any] | None = None) -> dict[str, Any]:
    """`base` (a rich prospect's document) with 1-3 values replaced, deleted or added."""
    doc = json.loads(json.dumps(base or _RICH_DOC))
    for path in draw(st.lists(st.sampled_from(_RICH_PATHS), min_size=1, max_size=3)):
        target: Any = doc
        try:
            for step in path[:-1]:
                target = target[step]
            if draw(st.integers(0, 5)) == 0 and isinstance(target, dict):
                del target[path[-1]]
            else:
                target[path[-1]] = draw(json_values)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change took that path away
    if draw(st.booleans()):
        doc[draw(st.sampled_from(["x_future", "extra", "source", "Name"]))] = draw(json_values)
    return doc


def document_text(doc: Any) -> bytes:
    """JSON as another writer might leave it: NaN literals, escapes or raw UTF-8 (lone
    surrogates written as the bytes Python would, which is not UTF-8)."""
    return json.dumps(doc, ensure_ascii=False).encode("utf-8", errors="surrogatepass")


def exercise(prospects: Sequence[Prospect], config: Config, today: date = TODAY) -> None:
    """What `list`, `queue`, `funnel`, `show`, `warnings`, exports and a save run on them."""
    for p in prospects:
        doc = p.to_doc()
        json.dumps(doc, allow_nan=False).encode("utf-8")  # a save, an export
        assert Prospect.from_doc(json.loads(json.dumps(doc))) == p  # reads back the same
        found = warnings_for(p, config, today)
        render.prospect_text(p, found, config, today)
    render.list_text(prospects, config)
    render.queue_text(build_follow_up_queue(prospects, config, today), config, today)
    summary = funnel_to_json(summarize_funnel(prospects, config, today))
    json.dumps(summary, allow_nan=False)
    render.funnel_text(summary, config)
    export_ics(prospects, config, today)
