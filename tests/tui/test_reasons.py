"""Marking a deal lost or dead asks why: the config's reasons by number, or any words."""

from __future__ import annotations

from typing import Any

from shell_support import AppFactory, drive, screen_text, settle, small_pipeline, toasts
from textual.widgets import Input

from leadline.core.store.facade import Store
from leadline.tui.dialogs.reason import LossReasonDialog
from leadline.tui.dialogs.stop import StopFollowingDialog
from leadline.tui.screens.detail import DetailScreen


async def _palette_move_to(pilot: Any, app: Any, pid: str, outcome: str) -> None:
    app.open_prospect(pid)
    await pilot.pause()
    assert isinstance(app.screen, DetailScreen)
    await pilot.press("ctrl+p", *f"move to {outcome}")
    await settle(pilot)
    await pilot.press("enter")
    await pilot.pause()


def _open_pid(app: Any) -> str:
    return next(p.id for p in app.store.prospects() if p.is_open)


def test_lost_from_the_palette_asks_why_and_keeps_the_number_picked(
    app_factory: AppFactory,
) -> None:
    app = app_factory(prospects=small_pipeline())
    pid = _open_pid(app)

    async def scenario(pilot: Any) -> None:
        await _palette_move_to(pilot, app, pid, "lost")
        assert isinstance(app.screen, LossReasonDialog)
        text = screen_text(app)
        assert "Why is it lost?" in text and "1 price" in text and "6 went silent" in text
        assert app.store.get(pid).stage != "lost"  # nothing saved before the answer
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        assert toasts(app)[-1].endswith("to Lost (reason: competitor).")
        assert "Reason closed: competitor" in screen_text(app)

    drive(app, scenario, size=(100, 40))
    with Store.open(app.store.path) as other:
        assert (other.get(pid).stage, other.get(pid).lost_reason) == ("lost", "competitor")


def test_lost_takes_a_reason_typed_in_other_and_escape_moves_nothing(
    app_factory: AppFactory,
) -> None:
    app = app_factory(prospects=small_pipeline())
    pid = _open_pid(app)
    before = app.store.get(pid).stage

    async def scenario(pilot: Any) -> None:
        await _palette_move_to(pilot, app, pid, "lost")
        await pilot.press("escape")
        await pilot.pause()
        assert app.store.get(pid).stage == before
        await _palette_move_to(pilot, app, pid, "lost")
        await pilot.press("o", *"chose the 3 year deal", "enter")
        await pilot.pause()

    drive(app, scenario)
    saved = app.store.get(pid)
    assert (saved.stage, saved.lost_reason) == ("lost", "chose the 3 year deal")


def test_stop_following_picks_a_listed_reason_by_number(app_factory: AppFactory) -> None:
    app = app_factory(prospects=small_pipeline())
    pid = _open_pid(app)

    async def scenario(pilot: Any) -> None:
        app.open_prospect(pid)
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, StopFollowingDialog)
        assert "Dead because: 1 price" in screen_text(app)
        await pilot.press("2")
        assert app.screen.query_one("#reason", Input).value == "timing"
        await pilot.press("enter")
        await pilot.pause()
        assert toasts(app)[-1].endswith("to Dead (reason: timing).")

    drive(app, scenario, size=(100, 40))
    saved = app.store.get(pid)
    assert (saved.stage, saved.lost_reason) == ("dead", "timing")
