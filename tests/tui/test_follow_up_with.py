"""The edit form's "Follow up with" picks whom follow-ups go to: saved in the plan, said
on the detail's plan line, and the queue's call sheet names that person and their phone."""

from __future__ import annotations

from collections.abc import Callable

from test_call_sheet import call_sheet
from textual.widgets import Select
from work_support import asynctest, screen_text, stored

from leadline.tui.app import LeadlineApp
from leadline.tui.dialogs.edit import EditProspectDialog
from leadline.tui.screens.detail import DetailScreen

Factory = Callable[..., LeadlineApp]
GRZEGORZ = "Grzegorz Brzęczyszczykiewicz"


@asynctest
async def test_follow_up_with_sets_the_person_on_the_call_sheet(app_factory: Factory) -> None:
    app = app_factory(prospects=call_sheet())
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_prospect("pl")
        await pilot.pause()
        await pilot.press("e", "f")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EditProspectDialog)
        choice = form.query_one("#plan_contact", Select)
        assert choice.value == ""  # the decision maker until one is named
        choice.value = GRZEGORZ
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        assert f"Every 5 days by phone with {GRZEGORZ}, not agreed" in screen_text(app)
        app.pop_screen()
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        row = [line for line in screen_text(app).splitlines() if line.startswith(" Wisła")]
        queue = app.screen
        while queue.selected_item().prospect.id != "pl":  # type: ignore[attr-defined]
            await pilot.press("j")
        assert f"Call {GRZEGORZ}: +48 1" in screen_text(app)
    assert stored(app, "pl").plan.contact == GRZEGORZ
    assert len(row) == 1 and "Grzegorz" in row[0] and "Anna Nowak" not in row[0]


@asynctest
async def test_choosing_the_decision_maker_clears_the_plans_contact(app_factory: Factory) -> None:
    app = app_factory(prospects=call_sheet())
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_prospect("pl")
        await pilot.pause()
        await pilot.press("e", "f")
        await pilot.pause()
        app.screen.query_one("#plan_contact", Select).value = GRZEGORZ
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("e", "f")
        await pilot.pause()
        choice = app.screen.query_one("#plan_contact", Select)
        assert choice.value == GRZEGORZ  # the form opens on the plan's person
        choice.value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Every 5 days by phone, not agreed" in screen_text(app)
    assert stored(app, "pl").plan.contact == ""
