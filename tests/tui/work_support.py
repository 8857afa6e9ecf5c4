"""Test support for the queue, detail, note and table tests (helper tui-work).

`asynctest` runs an async test on a fresh event loop (no asyncio plugin is
installed); `STATE_VARS` gives a bare test App the theme variables the
widgets' stylesheets use.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any

STATE_VARS = {
    f"state-{s}": "#e0e0e0" for s in ("overdue", "due", "soon", "won", "lost", "stale", "warning")
} | {f"tone-{t}": "#c0c0c0" for t in ("cold", "warm", "hot", "meeting", "neutral")}


def asynctest(func: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run the coroutine test `func` to completion with asyncio.run."""

    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(func(*args, **kwargs))

    return run


# --- a stand-in for LeadlineApp until tui/app.py lands --------------------------------------

from collections.abc import Callable as _Callable  # noqa: E402
from dataclasses import replace  # noqa: E402
from datetime import date, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

from textual.app import App  # noqa: E402
from textual.reactive import reactive  # noqa: E402
from textual.screen import Screen  # noqa: E402

from leadline.core.config import Config  # noqa: E402
from leadline.core.config_loader import load_config  # noqa: E402
from leadline.core.models import (  # noqa: E402
    Contact,
    FollowUpPlan,
    Lifecycle,
    Meeting,
    Prospect,
    Role,
    StageEntry,
    Touch,
    TouchOutcome,
)
from leadline.core.store import Store  # noqa: E402

NOW = datetime(2026, 11, 23, 9, 0)
TODAY = NOW.date()


class WorkApp(App[int]):
    """The attributes of LeadlineApp the work screens use, over a real store."""

    revision: reactive[int] = reactive(0)

    def __init__(self, store: Store, config: Config, start: _Callable[[], Screen] | None = None):
        super().__init__()
        self.store = store
        self.config = config
        self.start = start
        self.fail_saves = False

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return STATE_VARS

    def now(self) -> datetime:
        return NOW

    def today(self) -> date:
        return TODAY

    def prospects(self) -> list[Prospect]:
        return self.store.prospects()

    def save(self, pid: str, change: _Callable[[Prospect], Prospect]) -> Prospect | None:
        if self.fail_saves:
            self.notify("Could not save: disk full", severity="error")
            return None
        saved = self.store.update(pid, change)
        self.revision += 1
        return saved

    def add_prospect(self, p: Prospect) -> Prospect | None:
        saved = self.store.add(p)
        self.revision += 1
        return saved

    def on_mount(self) -> None:
        if self.start is not None:
            self.push_screen(self.start())


def prospect(pid: str, name: str, stage: str, **fields: object) -> Prospect:
    """A prospect created a month before TODAY, in `stage` since then."""
    created = datetime(2026, 10, 20, 10, 0)
    base = Prospect(
        id=pid, name=name, stage=stage, created=created, updated=created,
        stage_history=(StageEntry(stage, created.date()),), currency="EUR",
    )  # fmt: skip
    return replace(base, **fields)  # type: ignore[arg-type]


QUALIFIED = {
    "In our target market": True,
    "Can afford it": True,
    "Has authority or a path to it": True,
}
FIT = {"industry": "software", "employees": 300, "region": "EU"}


def work_prospects() -> list[Prospect]:
    """A small pipeline with one prospect per queue reason (TODAY = 2026-11-23)."""
    plan = FollowUpPlan
    silent = tuple(
        Touch(date(2026, 10, 20 + 2 * i), "email", TouchOutcome.NO_RESPONSE) for i in range(5)
    )
    return [
        prospect("acme", "Acme Ltd", "proposal", value=40000.0, lifecycle=Lifecycle.PROSPECT,
                 plan=plan(5, "phone", date(2026, 11, 20), True), qualification=QUALIFIED,
                 contacts=(Contact("Anna Berg", Role.DECISION_MAKER, email="anna@acme.test"),),
                 touches=(Touch(date(2026, 11, 15), "phone", TouchOutcome.REPLIED, 20, "Pilot?"),)),
        prospect("bj", "北京云端科技有限公司", "needs", value=25000.0,
                 plan=plan(7, "email", TODAY, True)),
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


def open_store(tmp_path: Path, prospects: list[Prospect] | None = None) -> Store:
    """A real data file in `tmp_path` holding `prospects` (default: `work_prospects()`)."""
    store = Store.open(tmp_path / "pipeline.json")
    store.add_many(work_prospects() if prospects is None else prospects)
    return store


def work_app(tmp_path: Path, start: _Callable[[], Screen] | None = None, **kw: object) -> WorkApp:
    """The stand-in app over a fresh data file, showing `start()` first."""
    return WorkApp(open_store(tmp_path, **kw), load_config(None), start)  # type: ignore[arg-type]


def screen_text(app: App[object]) -> str:
    """What the top screen shows, as plain lines of text."""
    strips = app.screen._compositor.render_strips()  # noqa: SLF001 - test-only peek
    return "\n".join(strip.text.rstrip() for strip in strips)


def stored(app: WorkApp, pid: str) -> Prospect:
    """The prospect as it is in the data file now (a fresh store, not the app's cache)."""
    fresh = Store.open(app.store.path)
    try:
        return fresh.get(pid)
    finally:
        fresh.close()
