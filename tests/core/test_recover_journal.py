"""`recover_journal` after another program rewrote the data file over unfolded changes:
every change that does not conflict is kept, each conflict is named, a deletion applies
only to what the other program left alone, an added prospect gets a fresh document if
its number was taken, a big save is based on the backup taken before it, and a kill at
any step loses nothing."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from foreign_support import (
    conflicted_pipeline,
    named,
    names_in,
    notes_in_journal,
    open_store,
    pipeline,
    set_value,
    tinydb_edit,
)
from testkit import NOW, prospect

from leadline.core.actions.followups import note
from leadline.core.store.disk_state import DiskState
from leadline.core.store.facade import Store
from leadline.core.store.foreign import ForeignWriteError
from leadline.core.store.history import BEFORE_CAP
from leadline.core.store.journal import journal_path
from leadline.core.store.rebase import How
from leadline.core.store.recover import recover_journal
from leadline.core.store.storage import LeadlineStorage


def test_recover_keeps_every_change_that_does_not_conflict(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    conflicted_pipeline(db)
    rewritten, kept = db.read_bytes(), journal_path(db).read_bytes()
    done = recover_journal(db)
    assert done.changes == 3
    assert {o.name: o.how for o in done.outcomes} == {"A": How.APPLIED, "C": How.BOTH_CHANGED}
    assert [e.by for e in done.conflicts[0].entries] == ["leadline note"]
    assert done.kept is not None and done.kept.read_bytes() == rewritten
    assert done.kept.with_name(done.kept.name + ".journal").read_bytes() == kept
    with open_store(db) as store:
        assert [n.text for n in named(store, "A").notes] == ["called A", "called A"]
        assert named(store, "B").value == 111
        c = named(store, "C")
        assert c.value == 222 and not c.notes  # the other program's version
        assert [e.what.kind.value for e in store.history()][-3:] == ["note"] * 3


def test_recover_gives_an_added_prospect_a_fresh_document_if_its_number_was_taken(
    tmp_path: Path,
) -> None:
    db = tmp_path / "leadline.json"
    pipeline(db, "A")
    with open_store(db) as store:
        store.add(prospect(name="Mine"))
    tinydb_edit(db, lambda table: table.insert(prospect(name="Theirs", id="theirs1").to_doc()))
    done = recover_journal(db)
    assert [(o.name, o.how) for o in done.outcomes] == [("Mine", How.RENUMBERED)]
    with open_store(db) as store:
        assert sorted(names_in(store)) == ["A", "Mine", "Theirs"]


def test_recover_deletes_only_what_the_other_program_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    ids = pipeline(db, "A", "B")
    with open_store(db) as store:
        store.delete(ids["A"])
        store.delete(ids["B"])
    tinydb_edit(db, set_value("B", 5))
    done = recover_journal(db)
    assert {o.name: o.how for o in done.outcomes} == {"A": How.APPLIED, "B": How.CHANGED_THERE}
    with open_store(db) as store:
        assert names_in(store) == ["B"] and named(store, "B").value == 5


def test_recover_with_nothing_to_recover_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    ids = pipeline(db, "A")
    notes_in_journal(db, ids, "A")
    before = os.stat(db).st_mtime_ns, journal_path(db).read_bytes()
    done = recover_journal(db)
    assert done.changes == 0 and done.kept is None
    assert (os.stat(db).st_mtime_ns, journal_path(db).read_bytes()) == before


def _big_save_then_rewrite(db: Path, backups: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save of more prospects than the history keeps documents of (an import), left in
    the journal, then another program's edit of the first one."""
    monkeypatch.setattr(LeadlineStorage, "compact_min_bytes", 1 << 30)
    with Store.open(db, backups=backups) as store:
        store.add_many([prospect(name=f"P{n}") for n in range(BEFORE_CAP + 1)])
        store.compact()
    with Store.open(db, backups=backups, clock=lambda: NOW) as store:
        store.batch(lambda ps: [note(store.get(p.id), "bulk", NOW) for p in ps])  # summaries
    tinydb_edit(db, set_value("P0", 5))


def test_a_big_save_is_recovered_against_the_backup_taken_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "leadline.json"
    _big_save_then_rewrite(db, 5, monkeypatch)
    done = recover_journal(db)
    assert [(o.name, o.how) for o in done.conflicts] == [("P0", How.BOTH_CHANGED)]
    assert len(done.applied) == BEFORE_CAP
    with open_store(db) as store:
        assert sum(len(p.notes) for p in store.prospects()) == BEFORE_CAP
        assert named(store, "P0").value == 5


def test_without_that_backup_a_big_save_is_kept_aside_not_guessed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "leadline.json"
    _big_save_then_rewrite(db, 0, monkeypatch)
    done = recover_journal(db)
    assert {o.how for o in done.conflicts} == {How.NO_BASE} and not done.applied
    assert done.kept is not None and done.kept.with_name(done.kept.name + ".journal").exists()
    with open_store(db) as store:
        assert named(store, "P0").value == 5 and not named(store, "P1").notes


class _Killed(BaseException):
    """The process dies here (nothing after this line runs)."""


def _kill(*_args: Any, **_kwargs: Any) -> None:
    raise _Killed


@pytest.mark.parametrize("where", ["before writing", "between the file and its journal"])
def test_a_kill_during_recover_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    db = tmp_path / "leadline.json"
    conflicted_pipeline(db)
    with monkeypatch.context() as patch:
        if where == "before writing":
            patch.setattr(DiskState, "write_full", _kill)
        else:
            patch.setattr(DiskState, "start_journal", _kill)
        with pytest.raises(_Killed):
            recover_journal(db)
    if where == "before writing":  # still refused, the journal still there: recover again
        with pytest.raises(ForeignWriteError):
            open_store(db)
        recover_journal(db)
    with open_store(db) as store:
        assert len(named(store, "A").notes) == 2 and named(store, "B").value == 111
