"""`Store.changes_elsewhere()`: which prospects other processes changed, none lost.

Two `Store` objects on one file stand in for two processes (each has its own
storage, cache and journal position).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from leadline.core.models import Note, Prospect
from leadline.core.store.facade import Store

WHEN = datetime(2024, 3, 1, 9, 30)


def _prospect(pid: str) -> Prospect:
    return Prospect(id=pid, name=f"Firm {pid}", stage="lead", created=WHEN, updated=WHEN)


def _noted(p: Prospect) -> Prospect:
    return replace(p, notes=(*p.notes, Note(WHEN, "called")))


def _pair(tmp_path: Path) -> tuple[Store, Store]:
    db = tmp_path / "leadline.json"
    with Store.open(db) as seed:
        seed.add_many([_prospect(f"0000000{n}") for n in "123"])
    return Store.open(db), Store.open(db)


def test_what_the_file_held_at_opening_and_this_stores_own_saves_are_no_change(
    tmp_path: Path,
) -> None:
    tui, _ = _pair(tmp_path)
    assert tui.changes_elsewhere() == frozenset()
    tui.update("00000001", _noted)
    tui.add(_prospect("00000009"))
    assert tui.changes_elsewhere() == frozenset()


def test_other_processes_updates_adds_and_deletes_are_named_once(tmp_path: Path) -> None:
    tui, cli = _pair(tmp_path)
    cli.update("00000002", _noted)
    cli.add(_prospect("00000007"))
    cli.delete("00000003")
    assert tui.changes_elsewhere() == {"00000002", "00000007", "00000003"}
    assert tui.changes_elsewhere() == frozenset()
    assert [p.id for p in tui.prospects()] == ["00000001", "00000002", "00000007"]


def test_a_read_or_a_save_in_between_loses_none_of_them(tmp_path: Path) -> None:
    """Two TUIs saving within milliseconds: each one's read caught up on the file
    before its poll asked, and the poll used to find nothing changed."""
    tui, cli = _pair(tmp_path)
    cli.update("00000002", _noted)
    assert tui.get("00000002").notes  # a read catches up on the file...
    assert tui.changed_on_disk()  # ...but what it found is still to be reported
    cli.update("00000003", _noted)
    tui.update("00000001", _noted)  # ...and so does a save, under the lock
    assert tui.changes_elsewhere() == {"00000002", "00000003"}


def test_a_full_reload_names_every_prospect(tmp_path: Path) -> None:
    tui, cli = _pair(tmp_path)
    tui.prospects()
    cli.update("00000002", _noted)
    cli.compact()  # a new data file: read whole, nothing kept
    assert tui.changes_elsewhere() == {"00000001", "00000002", "00000003"}
    assert tui.get("00000002").notes


def test_changed_on_disk_stays_true_until_reported_whichever_path_read_last(
    tmp_path: Path,
) -> None:
    """Two TUIs saving within milliseconds: the first one's own save (or any read) caught
    up on the file, and its poll, asking `changed_on_disk` first, never noticed."""
    first, second = _pair(tmp_path)
    assert not first.changed_on_disk()
    second.update("00000002", _noted)  # the second TUI's note...
    first.update("00000001", _noted)  # ...and the first one's, a moment later
    assert first.changed_on_disk()
    first.prospects()
    first.get("00000003")
    first.find("firm")
    assert len(first) == 3
    assert first.changed_on_disk()
    assert first.changes_elsewhere() == {"00000002"}
    assert not first.changed_on_disk()
    assert first.get("00000002").notes
    assert second.changed_on_disk()  # the first one's note (its own save is no change)
    assert second.changes_elsewhere() == {"00000001"}
    assert not second.changed_on_disk()
