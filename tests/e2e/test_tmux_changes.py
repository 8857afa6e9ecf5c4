"""End to end: add a duplicate and merge it, delete and undo, find by a note word: the
installed `leadline` in a real 80x24 tmux.

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


def _word_of_one_note(db: Path) -> tuple[str, str]:
    """A word of some note that appears in no other prospect's text, and whose it is."""
    prospects = _stored(db)
    for p in prospects:
        for note in p.notes:
            for word in note.text.split():
                word = word.strip(".,;:!?()\"'")
                if len(word) < 6 or not word.isascii() or not word.isalpha():
                    continue
                owners = [
                    q
                    for q in prospects
                    if word.lower() in (q.name + " ".join(n.text for n in q.notes)).lower()
                ]
                if owners == [p]:
                    return word, p.name
    raise AssertionError("no note word belongs to one prospect only")


def test_duplicate_merge_delete_undo_and_find_in_a_real_terminal(
    terminal: tuple[Terminal, Path],
) -> None:
    term, db = terminal
    term.wait_for("Quota")
    plain = [p for p in _stored(db) if p.name.isascii() and p.notes]
    kept, gone = plain[0], plain[1]
    count = len(_stored(db))

    # Add the same company again, in capitals and with a full stop: leadline asks,
    # and m merges the new one into the stored one.
    term.keys("+")
    term.wait_for("Add a prospect")
    term.keys(f"{kept.name.upper()}.", literal=True)
    term.keys("C-s")
    term.wait_for(f"Looks like {kept.name}")
    term.keys("m")
    term.wait_for("Enter merge")  # the merge dialog's keys
    term.keys("Enter")
    term.wait_for("Merged")
    assert _until(lambda: len(_stored(db)) == count)
    assert [p.name for p in _stored(db)].count(kept.name) == 1

    # Delete a prospect found through the palette, then undo the delete.
    _open(term, gone.name)
    term.keys("D")
    term.wait_for(f"Delete {gone.name}?")
    term.keys("y")
    term.wait_for("Deleted")  # the toast (it wraps: the name is checked on disk)
    assert _until(lambda: gone.name not in _names(db))
    term.keys("u")
    term.wait_for("Undid")
    assert _until(lambda: gone.name in _names(db))
    back = next(p for p in _stored(db) if p.name == gone.name)
    assert [n.text for n in back.notes] == [n.text for n in gone.notes]

    # Find a prospect by a word that only one of its notes holds.
    word, owner = _word_of_one_note(db)
    term.keys("C-p")
    term.wait_for("Search")
    term.keys(word.lower(), literal=True)
    term.wait_for(owner)
    time.sleep(0.3)  # the palette's search runs after typing stops
    term.keys("Enter")
    term.wait_for(f" {owner} · ")  # the detail's header line

    term.keys("C-q")
    term.wait_for_exit()
    assert "Traceback" not in term.screen()
