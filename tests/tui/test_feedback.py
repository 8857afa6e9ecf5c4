"""Every save says what it did in a brief toast, worded once (tui/text/feedback.py)."""

from __future__ import annotations

from typing import Any

import pytest
from shell_support import AppFactory, drive, small_pipeline, toasts

from leadline.core.store.facade import Store
from leadline.tui.screens.detail import DetailScreen
from leadline.tui.screens.funnel import FunnelScreen
from leadline.tui.screens.queue import QueueScreen

# (keys pressed on a prospect's detail screen, the toast that follows, what is on disk)
SAVES = {
    "note": (["n", *"Call back in May", "ctrl+s"], "Note saved on {name}.",
             lambda p: p.notes[-1].text == "Call back in May"),
    "touch": (["l", "r", "enter"], "Logged phone on {name}; next follow-up Mon 30 Nov",
              lambda p: len(p.touches) == 1),
    "snooze": (["s", "7"], "{name}: next follow-up Mon 30 Nov 2026 (in 7 days).",
               lambda p: str(p.plan.next_due) == "2026-11-30"),
    "reschedule": (["r", *"2026-12-04", "enter"], "{name}: next follow-up Fri 4 Dec 2026",
                   lambda p: str(p.plan.next_due) == "2026-12-04"),
    "advance": (["a", "y"], "Moved {name} to ", lambda p: len(p.stage_history) == 3),
    "edit": (["e", "f", "ctrl+s"], "Saved your changes to {name}.", lambda p: True),
    "contact": (["e", "c", "a", *"Ola Nowak", "ctrl+s"], "Contact added: Ola Nowak.",
                lambda p: p.contacts[-1].name == "Ola Nowak"),
    "plan": (["e", "p", *"CFO signs", "ctrl+s"], "Account plan saved for {name}.",
             lambda p: p.penetration.approval_chain == ("CFO signs",)),
    "stop": (["x", "enter"], "Moved {name} to ", lambda p: not p.is_open),
}  # fmt: skip


@pytest.mark.parametrize("what", list(SAVES))
def test_each_save_confirms_in_a_toast(app_factory: AppFactory, what: str) -> None:
    keys, said, on_disk = SAVES[what]
    app = app_factory(prospects=small_pipeline())
    target = next(p for p in app.store.prospects() if p.is_open and p.stage != "negotiation")
    shown: list[str] = []

    async def scenario(pilot: Any) -> None:
        app.open_prospect(target.id)
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        assert toasts(app) == []
        await pilot.press(*keys)
        await pilot.pause()
        shown.extend(toasts(app))

    drive(app, scenario, size=(100, 40))
    assert len(shown) == 1 and shown[0].startswith(said.format(name=target.name)), shown
    with Store.open(app.store.path) as other:
        assert on_disk(other.get(target.id))


def test_adding_a_prospect_confirms_it(app_factory: AppFactory) -> None:
    app = app_factory(prospects=small_pipeline())

    async def scenario(pilot: Any) -> None:
        await pilot.press("plus", *"Globex", "enter")
        await pilot.pause()

    drive(app, scenario)
    assert toasts(app) == ["Added Globex."]


def test_q_goes_back_everywhere_but_home_and_only_home_quits(app_factory: AppFactory) -> None:
    app = app_factory(prospects=small_pipeline())

    async def scenario(pilot: Any) -> None:
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)  # back, not out
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, FunnelScreen) and app.is_running
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running and app.return_code == 0

    drive(app, scenario)
