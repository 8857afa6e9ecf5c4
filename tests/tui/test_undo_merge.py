"""Undo, delete and merge in the TUI: asked, said in a toast, and true on disk."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from dialog_support import CONFLICTS
from shell_support import toasts
from textual.command import CommandPalette
from work_support import NOW, asynctest, screen_text, stored, work_prospects

from leadline.core.models import Note
from leadline.core.store.facade import Store
from leadline.tui.app import LeadlineApp
from leadline.tui.dialogs.confirm import ConfirmDialog
from leadline.tui.dialogs.merge import MergeDialog
from leadline.tui.dialogs.note import NoteBox
from leadline.tui.screens.detail import DetailScreen

Factory = Callable[..., LeadlineApp]


def _said(app: LeadlineApp) -> str:
    """The screen's words on one line: a dialog's text wraps inside its box."""
    return " ".join(screen_text(app).replace("│", " ").split())


def _gone(app: LeadlineApp, pid: str) -> bool:
    with Store.open(app.store.path) as fresh:
        return all(p.id != pid for p in fresh.prospects())


async def _detail(app: LeadlineApp, pilot: object, pid: str) -> None:
    app.open_prospect(pid)
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, DetailScreen)


@asynctest
async def test_u_after_a_note_takes_it_back_and_says_so(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    before = len(stored(app, "acme").notes)
    async with app.run_test(size=(80, 24)) as pilot:
        await _detail(app, pilot, "acme")
        await pilot.press("n")
        assert isinstance(app.screen, NoteBox)
        await pilot.press(*"Send the price list", "ctrl+s")
        await pilot.pause()
        assert len(stored(app, "acme").notes) == before + 1
        assert app.store.history()[-1].by == "TUI: note box"
        await pilot.press("u")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)  # our own change: no question
        assert "Undid note added on Acme Ltd, made by TUI: note box at Mon 23 Nov 2026 09:00." in (
            toasts(app)
        )
    assert len(stored(app, "acme").notes) == before


@asynctest
async def test_delete_asks_then_u_brings_it_back(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await _detail(app, pilot, "silent")
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Delete Silent Systems? (u undoes it)" in _said(app)
        await pilot.press("n")  # keep it
        await pilot.pause()
        assert not _gone(app, "silent")
        await pilot.press("D")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, DetailScreen)  # its prospect is gone
        assert "Deleted Silent Systems. u undoes." in toasts(app)
        assert _gone(app, "silent")
        await pilot.press("u")
        await pilot.pause()
        assert not _gone(app, "silent")
        assert any(t.startswith("Undid deleted on Silent Systems") for t in toasts(app))


@asynctest
async def test_undo_of_another_process_change_asks_first(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        with Store.open(app.store.path, holder="leadline note", clock=lambda: NOW) as other:
            other.update("acme", lambda p: replace(p, notes=(*p.notes, Note(NOW, "elsewhere"))))
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Undo note added on Acme Ltd, made by leadline note at Mon 23 Nov 2026 09:00?" in (
            _said(app)
        )
        await pilot.press("y")
        await pilot.pause()
    assert "elsewhere" not in [n.text for n in stored(app, "acme").notes]


@asynctest
async def test_merge_from_the_detail_picks_the_other_and_a_field(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    acme_notes = {n.text for n in stored(app, "acme").notes}
    silent_notes = {n.text for n in stored(app, "silent").notes}
    async with app.run_test(size=(80, 24)) as pilot:
        await _detail(app, pilot, "acme")
        await pilot.press("M")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Silent Sys")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MergeDialog)
        text = screen_text(app)
        assert "Merge Silent Systems into Acme Ltd" in text
        assert "Name: ● Acme Ltd   ○ Silent Systems" in text
        await pilot.press("right")  # the name: take the other's
        await pilot.press("enter")
        await pilot.pause()
        assert "Merged Silent Systems into Silent Systems. u undoes." in toasts(app)
    merged = stored(app, "acme")
    assert merged.name == "Silent Systems"
    assert {n.text for n in merged.notes} == acme_notes | silent_notes
    assert _gone(app, "silent")
    assert app.store.history()[-1].by == "TUI: merge dialog"


@asynctest
async def test_a_very_long_name_leaves_the_merge_fields_in_view(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    long_name = "Y" * 3000
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(MergeDialog(long_name, "Globex", CONFLICTS, app.config))
        await pilot.pause()
        text, said = screen_text(app), _said(app)
    assert f"Merge Globex into {'Y' * 59}…" in said
    assert "Value: ● €15,000   ○ €12,000" in text and "Name: ● Acme Ltd   ○ Acme" in text
    assert "Enter merge · Esc cancel" in text


@asynctest
async def test_delete_of_a_very_long_name_keeps_its_keys_in_view(app_factory: Factory) -> None:
    long_silent = [replace(p, name="Z" * 3000) if p.id == "silent" else p for p in work_prospects()]
    app = app_factory(prospects=long_silent)
    async with app.run_test(size=(80, 24)) as pilot:
        await _detail(app, pilot, "silent")
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        said = _said(app)
        assert f"Delete {'Z' * 59}…? (u undoes it)" in said and "y Delete n Keep" in said
        await pilot.press("y")
        await pilot.pause()
    assert _gone(app, "silent")
