"""End to end: the installed `leadline` in a real 80x24 terminal (tmux).

Types as a person would, with send-keys, and reads the screen with
capture-pane; then checks what landed in the data file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from leadline.core.models import Prospect
from leadline.core.store.facade import Store
from leadline.tui.demo import write_demo_copy

# The installed console script, next to this Python (a venv, pyenv) or on PATH.
LEADLINE = shutil.which("leadline", path=str(Path(sys.executable).parent)) or shutil.which(
    "leadline"
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
    pytest.mark.skipif(LEADLINE is None, reason="leadline is not installed"),
]


class Terminal:
    """A tmux session on a private server socket."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        out = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=20
        )
        return out.stdout

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", *(("-l",) if literal else ()), *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p")

    def wait_for_exit(self, timeout: float = 10.0) -> None:
        """Until leadline has exited and the session's `sleep 30` runs in the pane."""
        deadline = time.monotonic() + timeout
        while self.tmux("list-panes", "-F", "#{pane_current_command}").strip() != "sleep":
            assert time.monotonic() < deadline, "leadline did not exit"
            time.sleep(0.05)

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; screen:\n{self.screen()}")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[tuple[Terminal, Path]]:
    db, config = write_demo_copy(tmp_path, date.today())
    home = tmp_path / "home"
    home.mkdir()
    env = (
        f"env HOME={home} XDG_CONFIG_HOME={home}/config XDG_STATE_HOME={home}/state "
        f"TERM=xterm-256color LEADLINE_DB={db} LEADLINE_CONFIG={config}"
    )
    term = Terminal(f"leadline-e2e-{uuid.uuid4().hex[:8]}")
    term.tmux("new-session", "-d", "-x", "80", "-y", "24", f"{env} {LEADLINE}; sleep 30")
    try:
        yield term, db
    finally:
        term.tmux("kill-server")


def _stored(db: Path) -> list[Prospect]:
    """What another process reading the file sees (the file plus its journal)."""
    store = Store.open(db)
    try:
        return store.prospects()
    finally:
        store.close()


def _notes(db: Path) -> list[str]:
    return [n.text for p in _stored(db) for n in p.notes]


def _touch_count(db: Path) -> int:
    return sum(len(p.touches) for p in _stored(db))


def test_morning_review_in_a_real_terminal(terminal: tuple[Terminal, Path]) -> None:
    term, db = terminal
    term.wait_for("Quota")  # the funnel is the home screen
    touches_before = _touch_count(db)

    term.keys("t")
    term.wait_for("Overdue")
    term.keys("l")
    term.wait_for("Next follow-up")
    term.keys("Enter")
    deadline = time.monotonic() + 10
    while _touch_count(db) == touches_before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _touch_count(db) == touches_before + 1

    note = (
        "Call with the CFO: budget approved for Q1, pilot in Yerevan and Shanghai first; "
        "send the revised proposal by Friday, copy procurement. Risk: IT freeze from "
        "15 Dec — book the demo before then, call Ani"
    )
    assert len(note) == 200
    term.keys("n")
    term.keys(note, literal=True)  # no pause: the box must take typing at once
    term.keys("C-s")
    deadline = time.monotonic() + 10
    while note not in _notes(db) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert note in _notes(db)

    term.keys("C-q")
    term.wait_for_exit()
    assert "Traceback" not in term.screen()
    assert os.stat(db).st_mode & 0o077 == 0
