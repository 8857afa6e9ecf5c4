"""End to end: delete, undo and merge in the installed `leadline`, in a real 80x24 tmux.

Finds prospects through the palette as a person would, and checks the data file
after each step (another process's view: the file plus its journal).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from test_tmux import LEADLINE, Terminal, _stored, pytestmark, terminal

__all__ = ["LEADLINE", "pytestmark", "terminal"]  # the fixture and the skips, shared


def _until(check: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while not check() and time.monotonic() < deadline:
        time.sleep(0.1)
    return check()


def _names(db: Path) -> list[str]:
    return [p.name for p in _stored(db)]


def _open(term: Terminal, name: str) -> None:
    term.keys("C-p")
    term.wait_for("Search")
    term.keys(f"prospect: {name}", literal=True)
    term.wait_for(f"prospect: {name}")
    time.sleep(0.3)  # the palette's search runs after typing stops
    term.keys("Enter")
    term.wait_for(f" {name} · ")  # the detail's header line


def test_delete_undo_and_merge_in_a_real_terminal(terminal: tuple[Terminal, Path]) -> None:
    term, db = terminal
    term.wait_for("Quota")
    plain = [p for p in _stored(db) if p.name.isascii() and p.notes]
    gone, kept, other = plain[0], plain[1], plain[2]

    _open(term, gone.name)
    term.keys("D")
    term.wait_for(f"Delete {gone.name}?")
    term.keys("y")
    term.wait_for("Deleted")  # the toast (it wraps: the name is checked on disk)
    assert _until(lambda: gone.name not in _names(db))
    term.keys("u")
    term.wait_for("Undid")
    assert _until(lambda: gone.name in _names(db))

    _open(term, kept.name)
    term.keys("M")
    term.wait_for("which prospect?")
    term.keys(other.name, literal=True)
    time.sleep(0.3)
    term.keys("Enter")
    term.wait_for("Enter merge")  # the merge dialog's keys
    term.keys("Enter")
    term.wait_for("Merged")
    assert _until(lambda: other.name not in _names(db))
    merged = next(p for p in _stored(db) if p.id == kept.id)
    assert {n.text for n in other.notes} <= {n.text for n in merged.notes}

    term.keys("C-q")
    term.wait_for_exit()
    assert "Traceback" not in term.screen()
