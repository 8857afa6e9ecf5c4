"""Adding a prospect with `+`: the form, the qualification rule, validation, on disk."""

from __future__ import annotations

from collections.abc import Callable

from work_support import asynctest, screen_text, stored, work_prospects

from leadline.core.models import Lifecycle, Prospect, Role
from leadline.core.store.facade import Store
from leadline.tui.app import LeadlineApp
from leadline.tui.dialogs.add import AddProspectDialog
from leadline.tui.screens.queue import QueueScreen

Factory = Callable[..., LeadlineApp]


def added(app: LeadlineApp, name: str) -> Prospect:
    with Store.open(app.store.path) as fresh:
        return next(p for p in fresh.prospects() if p.name == name)


@asynctest
async def test_a_lead_stays_a_lead_in_the_chosen_stage_until_the_checklist_is_met(
    app_factory: Factory,
) -> None:
    # The CLI's `add --stage proposal` and the TUI's Add agree (core's add_prospect):
    # the stage picked is kept, the lifecycle says it is still a lead.
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "plus", *"Ваня Трейд")
        await pilot.press("tab", "enter", *["down"] * 5, "enter")  # stage: Proposal
        await pilot.press("tab", *"12k", "tab", *"Иван Петров", "tab")
        await pilot.press("enter", "down", "enter")  # role: decision maker
        await pilot.press("tab", *"ivan@trade.ru")
        await pilot.pause()
        assert "Checklist not met (0 of 3): added as a lead in Proposal." in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)
    p = added(app, "Ваня Трейд")
    assert (p.stage, p.lifecycle, p.value) == ("proposal", Lifecycle.LEAD, 12000.0)
    assert p.contacts[0].name == "Иван Петров" and p.contacts[0].role == Role.DECISION_MAKER
    assert p.contacts[0].email == "ivan@trade.ru"
    assert p.plan.next_due is not None and [e.stage for e in p.stage_history] == ["proposal"]


@asynctest
async def test_a_met_checklist_makes_a_prospect_in_the_chosen_stage(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "plus", *"Hayk Soft")
        await pilot.press("tab", "enter", "down", "down", "enter")  # stage: First meeting
        for _ in range(6):
            await pilot.press("tab")
        await pilot.press("space", "tab", "space", "tab", "space")
        await pilot.pause()
        assert "Checklist met: added as a prospect in First meeting." in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
    p = added(app, "Hayk Soft")
    assert (p.stage, p.lifecycle) == ("meeting", Lifecycle.PROSPECT)
    assert all(p.qualification.values()) and len(p.qualification) == 3


@asynctest
async def test_bad_fields_are_explained_and_nothing_is_saved(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "plus", "tab", "tab", *"lots", "ctrl+s")
        await pilot.pause()
        text = screen_text(app)
        assert isinstance(app.screen, AddProspectDialog)
        assert "a name is needed" in text
        assert "value must be a non-negative number" in text
        assert app.screen.focused is app.screen.query_one("#name")  # first field at fault
        await pilot.press("escape")  # something was typed: it asks first
        await pilot.pause()
        assert "Discard your changes?" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)
    assert len(app.store.prospects()) == len(work_prospects())


@asynctest
async def test_every_form_asks_before_discarding_and_enter_on_a_tick_saves(
    app_factory: Factory,
) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_prospect("bj")
        await pilot.pause()
        await pilot.press("e", "c", "a", *"Li Wei", "escape")  # the contact form
        await pilot.pause()
        assert "Discard your changes?" in screen_text(app)
        await pilot.press("n", *" Jr", "enter")  # keep editing, then save
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert stored(app, "bj").contacts[0].name == "Li Wei Jr"
        await pilot.press("e", "m", "a", *"fri", "escape")  # the meeting form
        await pilot.pause()
        assert "Discard your changes?" in screen_text(app)
        await pilot.press("y", "escape")
        await pilot.pause()
        assert stored(app, "bj").meetings == ()
        await pilot.press("plus", *"Globex", "tab", "tab", "tab", "tab", "tab", "tab", "tab")
        await pilot.press("space", "enter")  # tick the first checklist item, Enter saves
        await pilot.pause()
    added_one = added(app, "Globex")
    assert added_one.qualification["In our target market"] is True
