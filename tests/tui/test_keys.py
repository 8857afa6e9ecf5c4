"""Keys across screens: what the app's own keys do while a dialog is open."""

from __future__ import annotations

from shell_support import AppFactory, small_pipeline
from textual.widgets import Input
from work_support import asynctest

from leadline.tui.screens.funnel import FunnelScreen


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
