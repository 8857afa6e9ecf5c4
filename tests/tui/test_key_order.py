"""Keys typed fast arrive in one burst (over SSH they often do): they must act in the
order typed, each after the one before it has finished, and none may crash the app."""

from __future__ import annotations

from collections.abc import Callable

from work_support import asynctest, burst, stored, work_prospects

from leadline.core.store.facade import Store
from leadline.tui.app import LeadlineApp
from leadline.tui.dialogs.add import AddProspectDialog
from leadline.tui.dialogs.note import NoteBox
from leadline.tui.screens.queue import QueueScreen

Factory = Callable[..., LeadlineApp]


def new_notes(app: LeadlineApp, pid: str) -> list[str]:
    before = {n.text for p in work_prospects() if p.id == pid for n in p.notes}
    return [n.text for n in stored(app, pid).notes if n.text not in before]


def names_on_disk(app: LeadlineApp) -> list[str]:
    with Store.open(app.store.path) as fresh:
        return [p.name for p in fresh.prospects()]


@asynctest
async def test_a_key_after_ctrl_s_acts_on_the_queue_not_in_the_note(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        await pilot.press("j")  # where a j goes from the first row
        below = queue.table.cursor_key
        await pilot.press("k")
        burst(app, "n", *"AAA", "ctrl+s", "j")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is queue
        assert queue.table.cursor_key == below  # the j moved the cursor
    assert new_notes(app, "acme") == ["AAA"]


@asynctest
async def test_two_notes_typed_in_one_burst_are_two_notes(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        burst(app, "n", *"AAA", "ctrl+s", "n", *"BBB", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)
    assert new_notes(app, "acme") == ["AAA", "BBB"]


@asynctest
async def test_a_double_enter_in_add_adds_once_and_the_app_goes_on(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "plus")
        assert isinstance(app.screen, AddProspectDialog)
        burst(app, *"Zed Corp", "enter", "enter")
        await pilot.pause()
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, AddProspectDialog)
    assert names_on_disk(app).count("Zed Corp") == 1


@asynctest
async def test_enter_q_plus_from_the_funnel_opens_add(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, "enter", "q", "plus")
        await pilot.pause()
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, AddProspectDialog)


@asynctest
async def test_palette_then_page_down_does_not_crash(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, "ctrl+p", "pagedown", "pagedown", "pageup", "end", "home")
        await pilot.pause()
        await pilot.press("ctrl+p", "pagedown", "down", "pagedown")
        await pilot.pause()
        assert app.is_running
        await pilot.press("escape")


@asynctest
async def test_the_note_box_still_takes_keys_typed_before_it_is_drawn(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        burst(app, "n", *"Fast typist")
        await pilot.pause()
        assert isinstance(app.screen, NoteBox) and app.screen.text == "Fast typist"
