"""A name or note holding escape sequences is shown, harmless: each control character
drawn as U+FFFD where it stands (as the CLI prints it), never sent to the terminal."""

from __future__ import annotations

from collections.abc import Callable

from work_support import NOW, asynctest, prospect, screen_text

from leadline.core.models import Note
from leadline.tui.app import LeadlineApp

Factory = Callable[..., LeadlineApp]
EVIL_NAME = "Evil\x1b]0;pwned\x07\x1b[2J Corp\u202eX"
OBEYED = ("\x1b", "\x07", "\r", "\u202e", "\x9b")


@asynctest
async def test_the_queue_and_the_detail_show_control_characters_as_marks(
    app_factory: Factory,
) -> None:
    note = Note(NOW, "hi\x1b]52;c;ZXZpbA==\x07 there")
    evil = prospect("evil", EVIL_NAME, "proposal", value=1000.0, notes=(note,))
    app = app_factory(prospects=[evil])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        queue = screen_text(app)
        app.open_prospect("evil")
        await pilot.pause()
        detail = screen_text(app)
    for text in (queue, detail):
        assert not any(c in text for c in OBEYED), repr(text)
    assert "Evil\ufffd]0;pwned\ufffd\ufffd[2J Corp\ufffdX" in detail
