"""Another program writes the data file through TinyDB while the journal holds changes:
leadline refuses to go on (naming the file and the changes, the journal kept byte for
byte), `recover_journal` puts the journal's changes onto the rewritten file where they
do not conflict, and after a compaction TinyDB's own JSONStorage reads every prospect."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from testkit import NOW, prospect
from tinydb import TinyDB
from tinydb.storages import JSONStorage

from leadline.core.actions.followups import note
from leadline.core.models import Prospect
from leadline.core.store.backups import backup_dir, backup_files
from leadline.core.store.disk_state import DiskState
from leadline.core.store.facade import DataFileError, Store
from leadline.core.store.foreign import ForeignWriteError
from leadline.core.store.history import BEFORE_CAP
from leadline.core.store.journal import journal_path
from leadline.core.store.rebase import How
from leadline.core.store.recover import fold_journal, recover_journal
from leadline.core.store.storage import LeadlineStorage


def _open(db: Path) -> Store:
    return Store.open(db, holder="leadline note", clock=lambda: NOW)


def _pipeline(db: Path, *names: str) -> dict[str, str]:
    """The prospects `names`, folded into the data file; their ids by name."""
    with _open(db) as store:
        ids = {n: store.add(prospect(name=n)).id for n in names}
        store.compact()
    return ids


def _notes(db: Path, ids: dict[str, str], *names: str) -> None:
    """One note each on `names`, left in the journal (one save each)."""
    with _open(db) as store:
        for name in names:
            store.update(ids[name], lambda p, n=name: note(p, f"called {n}", NOW))
    assert journal_path(db).stat().st_size > 200  # the notes are in the journal only


def _tinydb_edit(db: Path, change: Callable[[Any], None]) -> None:
    """What another program does: open the file with TinyDB's own JSONStorage, write."""
    with TinyDB(db, storage=JSONStorage) as other:
        change(other.table("prospects"))


def _by_name(table: Any, name: str) -> int:
    return next(d.doc_id for d in table.all() if d["name"] == name)


def _set_value(name: str, value: int) -> Callable[[Any], None]:
    return lambda table: table.update({"value": value}, doc_ids=[_by_name(table, name)])


def _names(store: Store) -> list[str]:
    return [p.name for p in store.prospects()]


def _get(store: Store, name: str) -> Prospect:
    return next(p for p in store.prospects() if p.name == name)


def test_a_tinydb_write_over_unfolded_notes_is_refused_naming_file_and_changes(
    tmp_path: Path,
) -> None:
    db = tmp_path / "leadline.json"
    ids = _pipeline(db, "Acme GmbH", "Wisła", "Bolt")
    _notes(db, ids, "Acme GmbH", "Wisła", "Acme GmbH")
    _tinydb_edit(db, _set_value("Bolt", 9000))
    kept, data = journal_path(db).read_bytes(), db.read_bytes()
    with pytest.raises(ForeignWriteError) as refused:
        _open(db)
    message = str(refused.value)
    assert str(db) in message and "leadline.json.journal" in message
    assert "3 unfolded changes (notes on Acme GmbH and Wisła)" in message
    assert "leadline recover" in message and "\n" not in message
    assert isinstance(refused.value, DataFileError)  # every front-end reports it: exit 2
    assert journal_path(db).read_bytes() == kept and db.read_bytes() == data


def test_a_store_open_before_the_write_refuses_to_read_or_save_after_it(tmp_path: Path) -> None:
    """A TUI left open: its next read or save is refused too, nothing written."""
    db = tmp_path / "leadline.json"
    ids = _pipeline(db, "Acme GmbH", "Bolt")
    _notes(db, ids, "Acme GmbH")
    with _open(db) as store:
        assert len(_get(store, "Acme GmbH").notes) == 1
        _tinydb_edit(db, _set_value("Bolt", 9000))
        kept = journal_path(db).read_bytes()
        with pytest.raises(ForeignWriteError):
            store.prospects()
        with pytest.raises(ForeignWriteError):
            store.update(ids["Bolt"], lambda p: note(p, "more", NOW))
    assert journal_path(db).read_bytes() == kept


def test_a_tinydb_write_after_folding_is_simply_read(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    ids = _pipeline(db, "Acme GmbH", "Bolt")
    _notes(db, ids, "Acme GmbH")
    with _open(db) as store:
        assert fold_journal(store) == 1
        assert fold_journal(store) == 0
    _tinydb_edit(db, _set_value("Bolt", 9000))
    with _open(db) as store:
        assert _get(store, "Bolt").value == 9000 and len(_get(store, "Acme GmbH").notes) == 1


def test_an_older_backup_put_back_by_hand_is_no_foreign_write(tmp_path: Path) -> None:
    """A backup from before the last compaction holds other content than the journal's
    header, like a rewrite, but leadline recorded it: a restore, as before."""
    db = tmp_path / "leadline.json"
    with _open(db) as store:
        store.add(prospect(name="A"))
        store.compact()
    for name in ("B", "C"):
        with _open(db) as store:
            store.add(prospect(name=name))
            if name == "B":
                store.compact()
    oldest = backup_files(db)[-1]
    with _open(oldest) as store:
        assert _names(store) == ["A"]
    db.unlink()
    shutil.copy2(oldest, db)
    with _open(db) as store:
        assert _names(store) == ["A"]
        store.add(prospect(name="D"))
    aside = [p for p in backup_dir(db).iterdir() if p.name.endswith(".orphaned-journal")]
    assert len(aside) == 1 and b'"C"' in aside[0].read_bytes()


def _conflicted_pipeline(db: Path) -> dict[str, str]:
    """leadline notes A and C (journal); the other program edits B and C, adds Z."""
    ids = _pipeline(db, "A", "B", "C")
    _notes(db, ids, "A", "C", "A")

    def other(table: Any) -> None:
        _set_value("B", 111)(table)
        _set_value("C", 222)(table)

    _tinydb_edit(db, other)
    return ids


def test_recover_keeps_every_change_that_does_not_conflict(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    _conflicted_pipeline(db)
    rewritten, kept = db.read_bytes(), journal_path(db).read_bytes()
    done = recover_journal(db)
    assert done.changes == 3
    assert {o.name: o.how for o in done.outcomes} == {"A": How.APPLIED, "C": How.BOTH_CHANGED}
    assert [e.by for e in done.conflicts[0].entries] == ["leadline note"]
    assert done.kept is not None and done.kept.read_bytes() == rewritten
    assert done.kept.with_name(done.kept.name + ".journal").read_bytes() == kept
    with _open(db) as store:
        assert [n.text for n in _get(store, "A").notes] == ["called A", "called A"]
        assert _get(store, "B").value == 111
        c = _get(store, "C")
        assert c.value == 222 and not c.notes  # the other program's version
        assert [e.what.kind.value for e in store.history()][-3:] == ["note"] * 3


def test_recover_gives_an_added_prospect_a_fresh_document_if_its_number_was_taken(
    tmp_path: Path,
) -> None:
    db = tmp_path / "leadline.json"
    _pipeline(db, "A")
    with _open(db) as store:
        store.add(prospect(name="Mine"))
    _tinydb_edit(db, lambda table: table.insert(prospect(name="Theirs", id="theirs1").to_doc()))
    done = recover_journal(db)
    assert [(o.name, o.how) for o in done.outcomes] == [("Mine", How.RENUMBERED)]
    with _open(db) as store:
        assert sorted(_names(store)) == ["A", "Mine", "Theirs"]


def test_recover_deletes_only_what_the_other_program_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    ids = _pipeline(db, "A", "B")
    with _open(db) as store:
        store.delete(ids["A"])
        store.delete(ids["B"])
    _tinydb_edit(db, _set_value("B", 5))
    done = recover_journal(db)
    assert {o.name: o.how for o in done.outcomes} == {"A": How.APPLIED, "B": How.CHANGED_THERE}
    with _open(db) as store:
        assert _names(store) == ["B"] and _get(store, "B").value == 5


def test_recover_with_nothing_to_recover_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    ids = _pipeline(db, "A")
    _notes(db, ids, "A")
    before = os.stat(db).st_mtime_ns, journal_path(db).read_bytes()
    done = recover_journal(db)
    assert done.changes == 0 and done.kept is None
    assert (os.stat(db).st_mtime_ns, journal_path(db).read_bytes()) == before


def test_after_compaction_tinydb_reads_every_prospect_including_journal_only_ones(
    tmp_path: Path,
) -> None:
    db = tmp_path / "leadline.json"
    ids = _pipeline(db, "A")
    with _open(db) as store:
        store.add(prospect(name="Only in the journal"))
        store.update(ids["A"], lambda p: note(p, "a note", NOW))
        assert fold_journal(store) == 2
    with TinyDB(db, storage=JSONStorage, access_mode="r") as plain:
        docs = {d["name"]: d for d in plain.table("prospects").all()}
    assert set(docs) == {"A", "Only in the journal"}
    assert [n["text"] for n in docs["A"]["notes"]] == ["a note"]


def _big_save_then_rewrite(db: Path, backups: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save of more prospects than the history keeps documents of (an import), left in
    the journal, then another program's edit of the first one."""
    monkeypatch.setattr(LeadlineStorage, "compact_min_bytes", 1 << 30)
    with Store.open(db, backups=backups) as store:
        store.add_many([prospect(name=f"P{n}") for n in range(BEFORE_CAP + 1)])
        store.compact()
    with Store.open(db, backups=backups, clock=lambda: NOW) as store:
        store.batch(lambda ps: [note(p, "bulk", NOW) for p in ps])
    _tinydb_edit(db, _set_value("P0", 5))


def test_a_big_save_is_recovered_against_the_backup_taken_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "leadline.json"
    _big_save_then_rewrite(db, 5, monkeypatch)
    done = recover_journal(db)
    assert [(o.name, o.how) for o in done.conflicts] == [("P0", How.BOTH_CHANGED)]
    assert len(done.applied) == BEFORE_CAP
    with _open(db) as store:
        assert sum(len(p.notes) for p in store.prospects()) == BEFORE_CAP
        assert _get(store, "P0").value == 5


def test_without_that_backup_a_big_save_is_kept_aside_not_guessed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "leadline.json"
    _big_save_then_rewrite(db, 0, monkeypatch)
    done = recover_journal(db)
    assert {o.how for o in done.conflicts} == {How.NO_BASE} and not done.applied
    assert done.kept is not None and done.kept.with_name(done.kept.name + ".journal").exists()
    with _open(db) as store:
        assert _get(store, "P0").value == 5 and not _get(store, "P1").notes


def test_the_refusal_words_each_kind_of_change_and_who_it_touched(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    ids = _pipeline(db, "A", "B", "C")
    _notes(db, ids, "A", "B")
    with _open(db) as store:
        store.update(ids["C"], lambda p: replace(p, stage="qualified"))
        store.add(prospect(name="New One"))
    _tinydb_edit(db, _set_value("C", 1))
    with pytest.raises(ForeignWriteError) as refused:
        _open(db)
    words = "4 unfolded changes (notes on A and B; stage move of C; new prospect New One)"
    assert words in str(refused.value)


class _Killed(BaseException):
    """The process dies here (nothing after this line runs)."""


def _kill(*_args: Any, **_kwargs: Any) -> None:
    raise _Killed


@pytest.mark.parametrize("where", ["before writing", "between the file and its journal"])
def test_a_kill_during_recover_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    db = tmp_path / "leadline.json"
    _conflicted_pipeline(db)
    with monkeypatch.context() as patch:
        if where == "before writing":
            patch.setattr(DiskState, "write_full", _kill)
        else:
            patch.setattr(DiskState, "start_journal", _kill)
        with pytest.raises(_Killed):
            recover_journal(db)
    if where == "before writing":  # still refused, the journal still there: recover again
        with pytest.raises(ForeignWriteError):
            _open(db)
        recover_journal(db)
    with _open(db) as store:
        assert len(_get(store, "A").notes) == 2 and _get(store, "B").value == 111
