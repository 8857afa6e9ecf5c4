"""Test data and helpers for the shell and funnel tests (helper tui-shell).

A small pipeline over every section with names in four scripts, the demo
config, `screen_text` (what the terminal shows, as text) and `drive` (an app
through a scenario of keys), on testkit's
clock (FIXED_NOW is testkit's NOW) and prospect factory. The fixtures built on
these live in conftest.py.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from testkit import NOW, prospect, run_async
from testkit import TODAY as TODAY  # re-exported: the tests import the clock from here

from leadline.core.config.loader import load_config
from leadline.core.config.model import Config
from leadline.core.models import (
    Contact,
    FollowUpPlan,
    Lifecycle,
    Prospect,
    Role,
    StageEntry,
    Touch,
    TouchOutcome,
)
from leadline.tui.app import LeadlineApp

FIXED_NOW = NOW


def sample_file(name: str) -> Path | None:
    """A file of the shipped sample data, if it exists yet."""
    path = Path(str(resources.files("leadline.sample_data").joinpath(name)))
    return path if path.is_file() else None


def make_prospect(pid: str, name: str, stage: str, value: float, **fields: Any) -> Prospect:
    """testkit's prospect, in euros, created 60 days ago as a lead and in `stage` for the
    last 20 days, with a follow-up by e-mail in two days."""
    created = NOW - timedelta(days=60)
    defaults: dict[str, Any] = {
        "currency": "EUR",
        "lifecycle": Lifecycle.PROSPECT,
        "stage_history": (
            StageEntry("lead", created.date()),
            StageEntry(stage, TODAY - timedelta(days=20)),
        ),
        "plan": FollowUpPlan(interval_days=7, channel="email", next_due=TODAY + timedelta(days=2)),
    }
    made = prospect(stage, id=pid, name=name, created=created, value=value, **defaults)
    return replace(made, **fields)


def small_pipeline() -> list[Prospect]:
    """Twelve prospects over every section, two closed, names in four scripts."""
    due = FollowUpPlan(interval_days=7, channel="phone", next_due=TODAY - timedelta(days=3))
    boss = (Contact("Ada Kovač", Role.DECISION_MAKER),)
    return [
        make_prospect("p01", "Acme Ltd", "lead", 5000, plan=due),
        make_prospect("p02", "Bolt Logistics", "lead", 12000),
        make_prospect("p03", "Север Трейд", "qualified", 30000, contacts=boss),
        make_prospect("p04", "Արարատ Սոֆթ", "meeting", 18000, contacts=boss),
        make_prospect("p05", "上海星辰科技", "needs", 45000),
        make_prospect(
            "p06",
            "Delta Retail",
            "demo",
            22000,
            touches=(Touch(TODAY - timedelta(days=4), "demo", TouchOutcome.REPLIED, minutes=60),),
        ),
        make_prospect(
            "p07",
            "Echo Manufacturing",
            "proposal",
            60000,
            expected_close=TODAY + timedelta(days=20),
        ),
        make_prospect(
            "p08",
            "Foxtrot Software",
            "negotiation",
            90000,
            expected_close=TODAY + timedelta(days=10),
            contacts=boss,
        ),
        make_prospect("p09", "Golf Partners", "proposal", 15000),
        make_prospect("p10", "Hotel Group", "needs", 8000),
        make_prospect(
            "p11",
            "India Imports",
            "won",
            40000,
            stage_history=(
                StageEntry("lead", TODAY - timedelta(days=90)),
                StageEntry("won", TODAY - timedelta(days=10)),
            ),
        ),
        make_prospect("p12", "Juliet Media", "lost", 10000),
    ]


@functools.cache
def no_top_pipeline() -> list[Prospect]:
    """Five open deals (not a thin pipeline), none above the funnel: the roller-coaster."""
    deals = (("a", "Alpha", "proposal", 50000), ("b", "Beta", "negotiation", 70000),
             ("c", "Gamma", "needs", 20000), ("d", "Delta", "demo", 30000),
             ("e", "Echo", "meeting", 10000))  # fmt: skip
    return [make_prospect(pid, name, stage, value) for pid, name, stage, value in deals]


def sample_config() -> Config:
    """The demo configuration (the shipped default until sample_data has one), read once:
    the config is frozen, and every app of the TUI tests starts from it."""
    path = sample_file("config.yaml")
    return load_config(path) if path else load_config(None)


AppFactory = Callable[..., LeadlineApp]
Scenario = Callable[[Any], Awaitable[None]]


def drive(app: LeadlineApp, scenario: Scenario, size: tuple[int, int] = (80, 24)) -> None:
    """Run `scenario(pilot)` against `app` at `size`, after its first screen has settled,
    with testkit's runner."""

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(pilot)

    run_async(main())


async def settle(pilot: Any) -> None:
    """Wait until no worker runs (the palette's search, an import's or export's thread) and
    the messages they posted are handled: instead of a guessed pause, which a loaded machine
    outlasts and an idle one wastes."""
    for _ in range(10):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in pilot.app.workers):
            return


def screen_text(app: LeadlineApp) -> str:
    """What the terminal shows right now, as plain text lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def toasts(app: LeadlineApp) -> list[str]:
    """The messages of the toasts shown (or about to be shown), oldest first."""
    return [n.message for n in app._notifications]  # noqa: SLF001
