"""Keys across screens: what the app's own keys do while a dialog is open."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from shell_support import AppFactory, small_pipeline
from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input
from work_support import asynctest, stored, work_prospects

from leadline.core.models import TouchOutcome
from leadline.core.store.facade import Store
from leadline.tui.app import LeadlineApp
from leadline.tui.dialogs.log_touch import LogTouchDialog
from leadline.tui.dialogs.note import NoteBox
from leadline.tui.screens.funnel import FunnelScreen
from leadline.tui.screens.queue import QueueScreen
from leadline.tui.screens.stage_list import StageListScreen


@asynctest
async def test_tab_moves_between_fields_but_app_keys_stay_off_in_a_dialog(
    app_factory: AppFactory,
) -> None:
    app = app_factory(prospects=small_pipeline())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("plus")
        await pilot.pause()
        dialog = app.screen
        first = dialog.focused
        assert isinstance(first, Input)
        await pilot.press("tab")
        assert dialog.focused is not first
        await pilot.press("shift+tab")
        assert dialog.focused is first
        for action in ("show_mode", "quick_note", "add_prospect", "help", "command_palette"):
            assert app.check_action(action, ("queue",)) is False, action
        assert app.check_action("focus_next", ()) is True
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FunnelScreen)
        assert app.check_action("show_mode", ("queue",)) is True


async def until(pilot: Any, done: Callable[[], bool], timeout: float = 10.0) -> None:
    """Let the app work through a burst until `done()` (or the timeout: the asserts after
    it then say what was lost). A fixed pause would be outlasted by a loaded machine."""
    deadline = time.monotonic() + timeout
    while not done() and time.monotonic() < deadline:
        await pilot.pause(0.05)


def burst(app: LeadlineApp, keys: list[str]) -> None:
    """Queue every key at once, as a terminal does when someone types fast or pastes."""
    for key in keys:
        char = key if len(key) == 1 else None
        event = events.Key(_character_to_key(key) if char and not key.isalnum() else key, char)
        event.set_sender(app)
        app._driver.send_message(event)  # type: ignore[union-attr]  # noqa: SLF001


@asynctest
async def test_n_and_a_note_in_one_burst_on_a_stage_list(app_factory: AppFactory) -> None:
    app = app_factory(prospects=small_pipeline())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # Lead: Bolt Logistics (12k), then Acme (5k)
        await pilot.pause()
        assert isinstance(app.screen, StageListScreen)
        burst(app, ["j", "n", *"Budget signed off"])  # down to Acme, then the note
        await until(pilot, lambda: getattr(app.screen, "text", "") == "Budget signed off")
        assert isinstance(app.screen, NoteBox)
        assert app.screen.text == "Budget signed off"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StageListScreen)
    with Store.open(app.store.path) as other:
        assert other.get("p01").notes[-1].text == "Budget signed off"
        assert not other.get("p02").notes


@asynctest
async def test_a_row_key_acts_on_the_row_moved_to_first(app_factory: AppFactory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        queue = app.screen
        assert isinstance(queue, QueueScreen) and queue.table.cursor_key == "acme"
        burst(app, ["j", "l"])
        await until(pilot, lambda: isinstance(app.screen, LogTouchDialog))
        assert isinstance(app.screen, LogTouchDialog)
        assert app.screen.pid == "bj"
        await pilot.press("escape")
        await pilot.pause()
        assert queue.table.cursor_key == "bj"  # the j was not lost


@asynctest
async def test_keys_after_log_run_in_order_in_its_dialog(app_factory: AppFactory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        burst(app, ["l", "n", "enter"])  # log, no response, confirm: typed in one go
        await pilot.pause(0.5)
        assert isinstance(app.screen, QueueScreen)  # no note box opened on the next row
    assert stored(app, "acme").touches[-1].outcome == TouchOutcome.NO_RESPONSE
    assert not stored(app, "bj").notes and len(stored(app, "bj").touches) == 1


@asynctest
async def test_ctrl_s_typed_right_after_a_name_saves_the_whole_name(
    app_factory: AppFactory,
) -> None:
    app = app_factory(prospects=small_pipeline())
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, ["plus", *"Kilo Foods International", "ctrl+s"])
        for _ in range(50):  # under load a burst takes longer than one short pause
            await pilot.pause(0.1)
            if isinstance(app.screen, FunnelScreen):
                break
        assert isinstance(app.screen, FunnelScreen)
    assert "Kilo Foods International" in [p.name for p in app.store.prospects()]
