"""Toasts show names and error text as text: never markup, never terminal controls."""

from __future__ import annotations

from typing import Any

from shell_support import AppFactory, drive, small_pipeline


def test_a_toast_with_brackets_and_controls_shows_them_as_text(app_factory: AppFactory) -> None:
    app = app_factory(prospects=small_pipeline())

    async def scenario(pilot: Any) -> None:
        app.notify("Cannot save a [/] b [bold]x\x1b[2J", title="Not [red]saved")
        await pilot.pause()
        shown = app._notifications  # noqa: SLF001
        (toast,) = list(shown)
        assert toast.message == "Cannot save a [/] b [bold]x\ufffd[2J"
        assert toast.title == "Not [red]saved"
        assert toast.markup is False

    drive(app, scenario)
