"""The quick note: takes typing at once, keeps every character, is on disk when it closes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual import events
from textual.keys import _character_to_key
from work_support import asynctest, screen_text, stored, work_prospects

from leadline.core.models import TouchOutcome
from leadline.core.store.facade import Store
from leadline.tui.app import LeadlineApp
from leadline.tui.dialogs.confirm import ConfirmDialog
from leadline.tui.dialogs.log_touch import LogTouchDialog
from leadline.tui.dialogs.note import NoteBox
from leadline.tui.screens.queue import QueueScreen

Factory = Callable[..., LeadlineApp]

FAST_NOTE = (
    "Call with the CFO: budget approved, pilot in Yerevan & Shanghai first; "
    "北京会议：预算已批准 · Երևան · Москва — send the proposal by Fri!"
)


def burst(app: LeadlineApp, text: str) -> None:
    """Queue every key at once, as a terminal does when someone types fast or pastes."""
    for char in text:
        key = _character_to_key(char) if len(char) == 1 and not char.isalnum() else char
        event = events.Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)  # type: ignore[union-attr]  # noqa: SLF001


def disk_full(*_: object) -> None:
    raise OSError(28, "No space left on device")


def notes_of(app: LeadlineApp, pid: str) -> list[str]:
    """The notes written during the test (Acme starts with one)."""
    before = {n.text for p in work_prospects() if p.id == pid for n in p.notes}
    return [n.text for n in stored(app, pid).notes if n.text not in before]


@asynctest
async def test_keys_typed_before_the_box_is_drawn_are_all_kept(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        assert isinstance(app.screen, QueueScreen)
        burst(app, "n" + FAST_NOTE)  # the n opens the box; the rest arrives before it is drawn
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)
    assert notes_of(app, "acme") == [FAST_NOTE]


@asynctest
async def test_pressing_keys_right_after_the_push(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "n", *"Budget OK, 预算", "enter", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, NoteBox)
    assert notes_of(app, "acme") == ["Budget OK, 预算"]


@asynctest
async def test_enter_keeps_lines_and_two_enters_at_the_end_save(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "n", *"line one", "enter", *"line two", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteBox)  # one Enter is a new line, not a save
        assert "line two" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
    assert notes_of(app, "acme") == ["line one\nline two"]


@asynctest
async def test_escape_asks_before_discarding(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "n", *"half a thought", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Discard this note?" in screen_text(app)
        await pilot.press("n")  # keep typing
        await pilot.pause()
        assert isinstance(app.screen, NoteBox)
        await pilot.press(*" more", "escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)
        # An empty box closes on Escape without a question.
        await pilot.press("n", "escape")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)
    assert notes_of(app, "acme") == []


@asynctest
async def test_a_failed_save_keeps_the_box_and_the_text(
    app_factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "n", *"do not lose me")
        with monkeypatch.context() as patched:
            patched.setattr(Store, "update", disk_full)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, NoteBox)
            assert app.screen.text == "do not lose me"
            toasts = [n.message for n in app._notifications]  # noqa: SLF001
            assert any("No space left" in message for message in toasts)  # a toast says why
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)
    assert notes_of(app, "acme") == ["do not lose me"]


@asynctest
async def test_ctrl_t_saves_the_note_and_logs_the_call(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "n", *"no answer, left voicemail", "ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, LogTouchDialog)
        assert "left voicemail" in screen_text(app)
        await pilot.press("n", "d", *"+2", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)
    saved = stored(app, "acme")
    assert notes_of(app, "acme") == ["no answer, left voicemail"]
    touch = saved.touches[-1]
    assert touch.note == "no answer, left voicemail" and touch.outcome == TouchOutcome.NO_RESPONSE
    assert saved.plan.next_due is not None and saved.plan.next_due.isoformat() == "2026-11-25"
