"""Test support for the queue, detail, note and table tests (helper tui-work).

`work_prospects()` is a small pipeline with one prospect per queue reason;
`screen_text` and `stored` read what the user sees and what is on disk. The clock,
the prospect factory and `asynctest` are testkit's (re-exported here for the tests
that import them from this module).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

import testkit
from testkit import NOW as NOW  # re-exported: the tests import the clock from here
from testkit import TODAY as TODAY
from testkit import asynctest as asynctest
from textual.app import App

from leadline.core.models import (
    Contact,
    FollowUpPlan,
    Lifecycle,
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
from leadline.core.store.facade import Store
from leadline.tui.app import LeadlineApp

STATE_VARS = {
    f"state-{s}": "#e0e0e0" for s in ("overdue", "due", "soon", "won", "lost", "stale", "warning")
} | {f"tone-{t}": "#c0c0c0" for t in ("cold", "warm", "hot", "meeting", "neutral")}


CREATED = datetime(2026, 10, 20, 10, 0)
"""When the work pipeline's prospects were created: about a month before TODAY."""


def prospect(pid: str, name: str, stage: str, **fields: Any) -> Prospect:
    """testkit's prospect, created at CREATED and in euros, as the work pipeline's are."""
    made = testkit.prospect(stage, id=pid, name=name, created=CREATED, currency="EUR")
    return replace(made, **fields)


QUALIFIED = {
    "In our target market": True,
    "Can afford it": True,
    "Has authority or a path to it": True,
}
FIT = {"industry": "software", "employees": 300, "region": "EU"}


ACME_DETAIL: dict[str, Any] = {
    "budget": 35000.0,
    "decision_timeframe": "Q1 2027",
    "icp": FIT,
    "notes": (Note(datetime(2026, 11, 22, 15, 30), "Asked for two references"),),
    "penetration": PenetrationPlan(
        approval_chain=("Anna Berg", "CFO", "Board"),
        needs=("Cut onboarding time",),
        objections=(Objection("Too expensive", "Payback in 7 months"),),
        risks=("IT freeze from 15 Dec",),
    ),
    "stage_history": (
        StageEntry("lead", date(2026, 9, 1)),
        StageEntry("qualified", date(2026, 9, 20)),
        StageEntry("proposal", date(2026, 10, 20)),
    ),
}
"""The parts of Acme Ltd that only the detail screen shows."""


def work_prospects() -> list[Prospect]:
    """A small pipeline with one prospect per queue reason (TODAY = 2026-11-23); ООО Ромашка,
    never contacted, is the first contact."""
    plan = FollowUpPlan
    silent = tuple(
        Touch(date(2026, 10, 20 + 2 * i), "email", TouchOutcome.NO_RESPONSE) for i in range(5)
    )
    return [
        prospect("acme", "Acme Ltd", "proposal", value=40000.0, lifecycle=Lifecycle.PROSPECT,
                 plan=plan(5, "phone", date(2026, 11, 20), True), qualification=QUALIFIED,
                 contacts=(Contact("Anna Berg", Role.DECISION_MAKER, email="anna@acme.test"),),
                 touches=(Touch(date(2026, 11, 15), "phone", TouchOutcome.REPLIED, 20, "Pilot?"),),
                 **ACME_DETAIL),
        prospect("bj", "北京云端科技有限公司", "needs", value=25000.0,
                 plan=plan(7, "email", TODAY, True),
                 touches=(Touch(date(2026, 11, 16), "email", TouchOutcome.REPLIED),)),
        prospect("ararat", "Արարատ Կոնյակ", "meeting", value=12000.0,
                 plan=plan(7, "phone", date(2026, 11, 25)),
                 meetings=(Meeting(date(2026, 11, 24), "Kick-off", "10:00", "Armen"),)),
        prospect("romashka", "ООО Ромашка", "lead", value=3000.0),
        prospect("silent", "Silent Systems", "qualified", value=8000.0, touches=silent,
                 plan=plan(7, "email", date(2026, 12, 1)), qualification=QUALIFIED, icp=FIT),
        prospect("nurt", "Nurture GmbH", "nurture", value=5000.0,
                 plan=plan(None, "newsletter", date(2026, 11, 22))),
        prospect("won", "Old Friend Inc", "won", value=9000.0, lifecycle=Lifecycle.CUSTOMER,
                 contacts=(Contact("Bea", Role.DECISION_MAKER, birthday=date(1980, 11, 24)),)),
    ]  # fmt: skip


def screen_text(app: App[object]) -> str:
    """What the top screen shows, as plain lines of text."""
    strips = app.screen._compositor.render_strips()  # noqa: SLF001 - test-only peek
    return "\n".join(strip.text.rstrip() for strip in strips)


def stored(app: LeadlineApp, pid: str) -> Prospect:
    """The prospect as it is in the data file now (a fresh store, not the app's cache)."""
    fresh = Store.open(app.store.path)
    try:
        return fresh.get(pid)
    finally:
        fresh.close()


def burst(app: App[object], *keys: str) -> None:
    """Queue keys all at once, as a terminal over SSH delivers what was typed fast.

    Keys are named as for `pilot.press` (`"ctrl+s"`, `"enter"`, `*"text"`), but Pilot
    waits for the app to go idle after each key; here they all arrive before it looks."""
    from textual import events  # noqa: PLC0415
    from textual.keys import _character_to_key  # noqa: PLC0415

    for key in keys:
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        event = events.Key(name, key if len(key) == 1 else None)
        event.set_sender(app)
        app._driver.send_message(event)  # type: ignore[union-attr]  # noqa: SLF001
