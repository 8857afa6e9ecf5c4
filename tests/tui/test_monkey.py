"""A monkey at the keyboard: random keys, in random bursts, on every screen and dialog.

Each case opens one screen or dialog, then types 60 keys drawn with a fixed seed, in
bursts of 1 to 24 (as keys arrive over SSH), pausing between bursts as a person does.
The keys move between screens and open dialogs themselves, so most screens get many
more than their own 60. Whatever the keys did (notes, stage moves, new prospects, imports in the
palette), the app must still be running without an error, and `leadline check` must
accept the data file it left. Quit keys are left out: quitting is not a crash.

The long version: `LEADLINE_SOAK=20 python3 -m pytest -n 0 tests/tui/test_monkey.py` (1,200 keys a
screen), or any number of keys a screen with `LEADLINE_MONKEY_KEYS`.
"""

from __future__ import annotations

import os
import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from testkit import SOAK
from work_support import asynctest, burst, work_prospects

from leadline.tui.app import LeadlineApp
from leadline.tui.cli.main import main

Factory = Callable[..., LeadlineApp]

SEEN: Counter[str] = Counter()
"""Keys typed on each kind of screen (this process's cases), for a look after a long run."""
KEYS = int(os.environ.get("LEADLINE_MONKEY_KEYS", str(60 * SOAK)))
"""Keys typed on each screen."""

SPECIAL = [
    "enter", "escape", "tab", "shift+tab", "up", "down", "left", "right", "pageup",
    "pagedown", "home", "end", "backspace", "delete", "space", "ctrl+s", "ctrl+t", "ctrl+p",
    "f1", "plus", "question_mark", "minus", "slash", "full_stop", "comma",
]  # fmt: skip
LETTERS = list("abcdefghijklmnoprstuvwxyzABGJKNS0123456789") + ["é", "Ж", "北", "Ե"]
"""Every letter key but q (quit on a top screen), some capitals, digits and wide letters."""

OPENERS: dict[str, list[str]] = {
    "funnel": [],
    "stage list": ["enter"],
    "queue": ["t"],
    "detail": ["t", "enter"],
    "note": ["t", "n"],
    "add": ["plus"],
    "edit menu": ["t", "enter", "e"],
    "edit fields": ["t", "enter", "e", "f"],
    "contacts": ["t", "enter", "e", "c"],
    "meetings": ["t", "enter", "e", "m"],
    "account plan": ["t", "enter", "e", "p"],
    "log touch": ["t", "l"],
    "snooze": ["t", "s"],
    "next date": ["t", "r"],
    "advance": ["t", "a"],
    "stop following": ["t", "x"],
    "help": ["question_mark"],
    "palette": ["ctrl+p"],
}


def _keys(rng: random.Random) -> list[str]:
    pick = [SPECIAL, LETTERS]
    return [rng.choice(pick[rng.random() >= 0.45]) for _ in range(KEYS)]


@pytest.mark.slow
@pytest.mark.parametrize("start", OPENERS)
@asynctest
async def test_random_keys_leave_the_app_running_and_the_data_valid(
    start: str, app_factory: Factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # an export or import typed in the palette stays here
    monkeypatch.setenv("HOME", str(tmp_path))
    rng = random.Random(f"monkey-{start}")
    keys = _keys(rng)
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*OPENERS[start])
        while keys:
            size = rng.randint(1, 24)
            burst(app, *keys[:size])
            del keys[:size]
            await pilot.pause()
            SEEN[type(app.screen).__name__] += size
        assert app.is_running and app.return_code is None
    assert main(["--db", str(app.store.path), "check"]) == 0
