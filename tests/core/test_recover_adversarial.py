"""`leadline recover` edge cases found in review: what it writes must open again."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from foreign_support import named, names_in, open_store, pipeline, set_value, tinydb_edit
from testkit import prospect

from leadline.core.store.datafile import DataFileError
from leadline.core.store.journal import journal_path
from leadline.core.store.recover import recover_journal


def test_a_prospect_the_other_program_also_added_is_not_written_twice(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    pipeline(db, "A")
    with open_store(db) as store:
        mine = store.add(prospect(name="Mine"))
    copy = mine.to_doc()  # e.g. from a leadline export, which reads the journal

    def insert(table):  # type: ignore[no-untyped-def]
        table.insert(prospect(name="Theirs", id="theirs1").to_doc())  # takes Mine's number
        table.insert(copy)

    tinydb_edit(db, insert)
    recover_journal(db)
    with open_store(db) as store:
        assert sorted(names_in(store)) == ["A", "Mine", "Theirs"]


def test_a_prospect_deleted_and_added_again_in_the_journal_is_recovered_once(
    tmp_path: Path,
) -> None:
    db = tmp_path / "leadline.json"
    ids = pipeline(db, "A", "B")
    with open_store(db) as store:
        whole = store.get(ids["A"])
        store.delete(ids["A"])
        store.add(replace(whole, value=77))  # the same id, in a new document
    tinydb_edit(db, set_value("B", 5))
    recover_journal(db)
    with open_store(db) as store:
        assert sorted(names_in(store)) == ["A", "B"]
        assert store.get(ids["A"]).value == 77 and named(store, "B").value == 5


def test_recovering_onto_a_file_holding_nan_is_refused_not_a_crash(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    ids = pipeline(db, "A", "B")
    with open_store(db) as store:
        store.update(ids["A"], lambda p: replace(p, value=9))
    tinydb_edit(db, lambda table: table.update({"weird": float("nan")}, doc_ids=[2]))
    journal = journal_path(db).read_bytes()
    with pytest.raises(DataFileError, match="cannot hold"):
        recover_journal(db)
    assert journal_path(db).read_bytes() == journal
