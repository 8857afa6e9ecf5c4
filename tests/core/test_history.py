"""The change history and undo: recorded with every save, kept in the data file.

Each test saves through the store as the commands and the TUI do, then reads
the history and the prospects back, from a store opened again where it matters
(what is on disk, not what one process remembers).
"""

from __future__ import annotations

import multiprocessing
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from testkit import NOW, prospect
from tinydb import TinyDB

from leadline.core.actions.merge import merged
from leadline.core.models import Note, Touch, TouchOutcome
from leadline.core.store import recording
from leadline.core.store.changes import CannotUndo, NothingToUndo, UndoDrifted
from leadline.core.store.facade import Store
from leadline.core.store.history import HISTORY_TABLE, KEEP
from leadline.core.store.restore import restore_backup
from leadline.core.store.storage import LeadlineStorage
from leadline.core.store.summary import Kind

FORK = multiprocessing.get_context("fork")


def _open(db: Path, holder: str = "leadline test") -> Store:
    return Store.open(db, holder=holder, clock=lambda: NOW)


def _note(store: Store, pid: str, text: str, **saving: object) -> None:
    store.update(pid, lambda p: replace(p, notes=(*p.notes, Note(NOW, text))), **saving)  # type: ignore[arg-type]


def _notes(db: Path, pid: str) -> list[str]:
    with Store.open(db) as store:
        return [n.text for n in store.get(pid).notes]


def test_each_kind_of_change_is_recorded_with_who_and_when(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    with _open(db) as store:
        acme = store.add(prospect(name="Acme Ltd"), by="leadline add")
        _note(store, acme.id, "called", by="TUI: note box", now=NOW + timedelta(minutes=2))
        touch = Touch(date(2026, 11, 23), "phone", TouchOutcome.REPLIED)
        store.update(acme.id, lambda p: replace(p, touches=(touch,)))
        store.update(acme.id, lambda p: replace(p, stage="demo"))
        store.update(acme.id, lambda p: replace(p, value=1200.0, currency="EUR"))
        globex = store.add(prospect(name="Globex"))
        store.delete(globex.id, by="leadline delete")
    with Store.open(db) as again:
        entries = again.history()
    kinds = [e.what.kind for e in entries]
    assert kinds == [Kind.ADDED, Kind.NOTE, Kind.TOUCH, Kind.STAGE, Kind.FIELDS, Kind.ADDED,
                     Kind.DELETED]  # fmt: skip
    assert [e.by for e in entries][:2] == ["leadline add", "TUI: note box"]
    assert entries[2].by == "leadline test"  # the store's holder when a save names no one
    assert entries[1].at == NOW + timedelta(minutes=2) and entries[0].at == NOW
    assert (entries[3].what.stage_from, entries[3].what.stage_to) == ("lead", "demo")
    assert entries[4].what.fields == ("currency", "value")
    assert entries[6].names() == ("Globex",)
    assert [e.seq for e in again.history(acme.id)] == [1, 2, 3, 4, 5]


def test_the_history_keeps_the_newest_entries_trimmed_in_the_same_save(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    with _open(db) as store:
        pid = store.add(prospect()).id
        for n in range(KEEP + 50):
            _note(store, pid, f"n{n}")
    plain = TinyDB(db, storage=LeadlineStorage)
    table = plain.storage.read()[HISTORY_TABLE]  # type: ignore[index]
    plain.close()
    assert len(table) == KEEP
    assert min(int(k) for k in table) == 52 and max(int(k) for k in table) == KEEP + 51


def test_undo_walks_back_one_change_at_a_time_across_compaction_and_reopening(
    tmp_path: Path,
) -> None:
    db = tmp_path / "leadline.json"
    with _open(db) as store:
        pid = store.add(prospect()).id
        for text in ("one", "two", "three"):
            _note(store, pid, text)
        store.compact()
    with _open(db, "leadline undo") as store:
        store.undo()
    assert _notes(db, pid) == ["one", "two"]
    with _open(db, "leadline undo") as store:
        store.compact()
        store.undo()
        store.undo()
    assert _notes(db, pid) == []
    with _open(db, "leadline undo") as store:
        store.undo()  # the add itself
        assert len(store) == 0
        with pytest.raises(NothingToUndo):
            store.undo()
        entries = store.history()
    assert [(e.what.kind, e.undoes) for e in entries[4:]] == [
        (Kind.UNDO, 4), (Kind.UNDO, 3), (Kind.UNDO, 2), (Kind.UNDO, 1)
    ]  # fmt: skip
    assert entries[4].what.of is not None and entries[4].what.of.kind == Kind.NOTE


def test_a_hundred_changes_can_be_undone(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    with _open(db) as store:
        pid = store.add(prospect()).id
        for n in range(120):
            _note(store, pid, f"n{n}")
        for _ in range(100):
            store.undo()
    assert _notes(db, pid) == [f"n{n}" for n in range(20)]


def test_a_new_change_after_undo_is_the_next_undone(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    with _open(db) as store:
        pid = store.add(prospect()).id
        _note(store, pid, "a")
        _note(store, pid, "b")
        store.undo()  # b
        _note(store, pid, "c")
        store.undo()  # c
        store.undo()  # a
    assert _notes(db, pid) == []


def test_delete_and_merge_are_undone_whole(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    with _open(db) as store:
        ids = [store.add(prospect(name=name)).id for name in ("Acme", "Globex", "Initech")]
        store.delete(ids[1])
        store.merge(ids[0], ids[2], lambda k, o: merged(k, o, NOW, prefer="kept"))
        assert [p.name for p in store.prospects()] == ["Acme"]
        assert store.history()[-1].what.kind == Kind.MERGED
        store.undo()
        store.undo()
    with Store.open(db) as again:
        assert sorted(p.id for p in again.prospects()) == sorted(ids)
        assert sorted(p.name for p in again.prospects()) == ["Acme", "Globex", "Initech"]
        assert [p.name for p in again.prospects() if p.id == ids[0]] == ["Acme"]


def test_undo_refuses_when_the_prospect_changed_outside_the_history(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    with _open(db) as store:
        pid = store.add(prospect()).id
        _note(store, pid, "mine")
    other = TinyDB(db, storage=LeadlineStorage)  # another tool, not through the store
    other.table("prospects").update({"name": "Acme (renamed)"}, doc_ids=[1])
    other.close()
    with _open(db) as store:
        with pytest.raises(UndoDrifted) as refused:
            store.undo()
        assert [d.item.name for d in refused.value.drifts] == ["Acme Ltd"]
        assert refused.value.drifts[0].since is None
        assert _notes(db, pid) == ["mine"]  # nothing undone
        store.undo(force=True)
    assert _notes(db, pid) == []


def _other_process(db: Path) -> None:
    with Store.open(db, holder="leadline note", clock=lambda: NOW) as store:
        _note(store, store.prospects()[0].id, "from elsewhere")


def test_undo_in_one_process_says_it_reverts_another_process_change(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    with _open(db) as store:
        pid = store.add(prospect()).id
        watcher = _open(db)
        watcher.prospects()
        child = FORK.Process(target=_other_process, args=(db,))
        child.start()
        child.join(30)
        assert child.exitcode == 0
        plan = store.undo_plan()
        assert plan.foreign and plan.target.by == "leadline note"
        store.undo()
        assert watcher.changes_elsewhere() == {pid}  # another TUI sees the revert
        assert watcher.get(pid).notes == ()
        watcher.close()


def test_a_big_batch_and_a_restore_cannot_be_undone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(recording, "BEFORE_CAP", 3)
    db = tmp_path / "leadline.json"
    with _open(db) as store:
        store.batch(lambda _old: [prospect(name=f"P{n}") for n in range(5)], by="leadline import")
        entry = store.history()[-1]
        assert (entry.undoable, entry.count, entry.what.added) == (False, 5, 5)
        with pytest.raises(CannotUndo):
            store.undo()
    backup = tmp_path / "copy.json"
    backup.write_bytes(db.read_bytes())
    restore_backup(db, backup, now=datetime(2026, 12, 3, 10, 0))
    with _open(db) as store:
        last = store.history()[-1]
        assert (last.what.kind, last.what.other, last.by) == (Kind.RESTORE, "copy.json",
                                                               "leadline restore")  # fmt: skip
        with pytest.raises(CannotUndo):
            store.undo()
