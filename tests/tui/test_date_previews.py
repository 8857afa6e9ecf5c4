"""Every date prompt says what it read before anything is saved, and an invalid date
shows the refusal with no stale preview left; the note box opens $EDITOR (Ctrl+E)."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from shell_support import sample_config, toasts
from textual.widgets import Input, Static
from work_support import asynctest, screen_text, stored, work_prospects

from leadline.core.config.model import DateOrder, Dates
from leadline.tui.app import LeadlineApp
from leadline.tui.dialogs.contacts import ContactForm
from leadline.tui.dialogs.edit import EditProspectDialog
from leadline.tui.dialogs.log_touch import LogTouchDialog
from leadline.tui.dialogs.meetings import MeetingForm
from leadline.tui.dialogs.note import NoteBox
from leadline.tui.dialogs.snooze import RescheduleDialog, SnoozeDialog

Factory = Callable[..., LeadlineApp]
SIZE = (80, 24)  # today is Mon 23 Nov 2026 in these tests


def flat(app: LeadlineApp) -> str:
    """The screen's words in one line: a message wrapped in a box reads whole."""
    return " ".join(screen_text(app).replace("│", " ").split())


async def _open(app: LeadlineApp, pilot: object, *keys: str) -> None:
    app.open_prospect("acme")
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press(*keys)  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def _type(pilot: object, field: Input, text: str) -> None:
    field.value = ""
    field.focus()
    await pilot.press(*text)  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


@asynctest
async def test_reschedule_shows_the_date_then_the_refusal(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, "r")
        assert isinstance(app.screen, RescheduleDialog)
        field = app.screen.query_one("#date", Input)
        await _type(pilot, field, "7 dec")
        assert "→ Mon 7 Dec 2026 (in 14 days)" in screen_text(app)
        await _type(pilot, field, "31 feb")
        text = flat(app)
        assert "February has no day 31" in text and "→" not in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RescheduleDialog)  # nothing saved
    assert stored(app, "acme").plan.next_due == work_prospects()[0].plan.next_due


@asynctest
async def test_snooze_to_a_typed_date_previews_it(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, "s", "d")
        assert isinstance(app.screen, SnoozeDialog)
        await _type(pilot, app.screen.query_one("#date", Input), "next fri")
        assert "→ Fri 27 Nov 2026 (in 4 days)" in screen_text(app)


@asynctest
async def test_the_log_dialog_clears_its_preview_for_an_invalid_date(
    app_factory: Factory,
) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, "l")
        assert isinstance(app.screen, LogTouchDialog)
        field = app.screen.query_one("#next-date", Input)
        await _type(pilot, field, "in 2 weeks")
        shown = app.screen.query_one("#next", Static)
        assert "Mon 7 Dec 2026 (in 14 days)" in str(shown.render())
        await _type(pilot, field, "in 2 weks")
        assert str(shown.render()).strip() == ""  # the last valid date is not kept
        assert "after a number come days, weeks or months" in flat(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LogTouchDialog)
    assert len(stored(app, "acme").touches) == len(work_prospects()[0].touches)


@asynctest
async def test_the_edit_form_previews_its_date_fields(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, "e", "f")
        assert isinstance(app.screen, EditProspectDialog)
        close = app.screen.query_one("#close", Input)
        await _type(pilot, close, "15.2.2027")
        assert "→ Mon 15 Feb 2027" in screen_text(app)
        await _type(pilot, close, "15.13.2027")
        text = flat(app)
        assert "there is no month 13" in text and "→ Mon 15 Feb" not in text


@asynctest
async def test_the_meeting_form_previews_its_date(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, "e", "m", "a")
        assert isinstance(app.screen, MeetingForm)
        await _type(pilot, app.screen.query_one("#m-date", Input), "this fri")
        assert "→ Fri 27 Nov 2026 (in 4 days)" in screen_text(app)


@asynctest
async def test_the_contact_form_previews_a_birthday(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, "e", "c", "a")
        assert isinstance(app.screen, ContactForm)
        field = app.screen.query_one("#c-birthday", Input)
        await _type(pilot, field, "24 nov 1980")
        assert "→ Mon 24 Nov 1980" in flat(app) and "days" not in flat(app)
        await _type(pilot, field, "24 nov")
        assert "write the date with its year" in flat(app) and "→" not in flat(app)


@asynctest
async def test_dates_are_read_in_the_configured_order(app_factory: Factory) -> None:
    us = dataclasses.replace(sample_config(), dates=Dates(order=DateOrder.MDY))
    app = app_factory(prospects=work_prospects(), config=us)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, "r")
        field = app.screen.query_one("#date", Input)
        assert "12/7" in field.placeholder  # the hint in the user's order
        await _type(pilot, field, "12/7")
        assert "→ Mon 7 Dec 2026" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
    assert str(stored(app, "acme").plan.next_due) == "2026-12-07"


@contextlib.contextmanager
def _no_terminal_to_hand_over() -> Iterator[None]:
    yield  # the headless test driver cannot suspend; the editor below needs no terminal


@asynctest
async def test_ctrl_e_writes_the_note_in_the_editor(
    app_factory: Factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\nprintf " and the pilot starts in March" >> "$1"\n', "utf-8")
    editor.chmod(0o700)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.delenv("VISUAL", raising=False)
    app = app_factory(prospects=work_prospects())
    monkeypatch.setattr(app, "suspend", _no_terminal_to_hand_over)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, "n")
        assert isinstance(app.screen, NoteBox)
        await pilot.press(*"Budget approved", "ctrl+e")
        await pilot.pause()
        assert app.screen.text == "Budget approved and the pilot starts in March"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert stored(app, "acme").notes[-1].text == "Budget approved and the pilot starts in March"


@asynctest
async def test_a_failing_editor_leaves_the_note_as_it_was(
    app_factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VISUAL", "false")
    app = app_factory(prospects=work_prospects())
    monkeypatch.setattr(app, "suspend", _no_terminal_to_hand_over)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, "n")
        await pilot.press(*"Budget approved", "ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, NoteBox) and app.screen.text == "Budget approved"
        assert any("exited with status 1" in toast for toast in toasts(app))
