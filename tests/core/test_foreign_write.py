"""Another program writes the data file through TinyDB while the journal holds changes:
leadline refuses to go on (naming the file and the changes, the journal kept byte for
byte; `recover` is tested in test_recover_journal.py), a backup put back by hand is no
such write, and after a compaction TinyDB's own JSONStorage reads every prospect."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from foreign_support import (
    named,
    names_in,
    notes_in_journal,
    open_store,
    pipeline,
    set_value,
    tinydb_edit,
)
from testkit import NOW, prospect
from tinydb import TinyDB
from tinydb.storages import JSONStorage

from leadline.core.actions.followups import note
from leadline.core.store.backups import backup_dir, backup_files
from leadline.core.store.facade import DataFileError
from leadline.core.store.foreign import ForeignWriteError
from leadline.core.store.journal import journal_path
from leadline.core.store.recover import fold_journal


def test_a_tinydb_write_over_unfolded_notes_is_refused_naming_file_and_changes(
    tmp_path: Path,
) -> None:
    db = tmp_path / "leadline.json"
    ids = pipeline(db, "Acme GmbH", "Wisła", "Bolt")
    notes_in_journal(db, ids, "Acme GmbH", "Wisła", "Acme GmbH")
    tinydb_edit(db, set_value("Bolt", 9000))
    kept, data = journal_path(db).read_bytes(), db.read_bytes()
    with pytest.raises(ForeignWriteError) as refused:
        open_store(db)
    message = str(refused.value)
    assert str(db) in message and "leadline.json.journal" in message
    assert "3 unfolded changes (notes on Acme GmbH and Wisła)" in message
    assert "leadline recover" in message and "\n" not in message
    assert isinstance(refused.value, DataFileError)  # every front-end reports it: exit 2
    assert journal_path(db).read_bytes() == kept and db.read_bytes() == data


def test_a_store_open_before_the_write_refuses_to_read_or_save_after_it(tmp_path: Path) -> None:
    """A TUI left open: its next read or save is refused too, nothing written."""
    db = tmp_path / "leadline.json"
    ids = pipeline(db, "Acme GmbH", "Bolt")
    notes_in_journal(db, ids, "Acme GmbH")
    with open_store(db) as store:
        assert len(named(store, "Acme GmbH").notes) == 1
        tinydb_edit(db, set_value("Bolt", 9000))
        kept = journal_path(db).read_bytes()
        with pytest.raises(ForeignWriteError):
            store.prospects()
        with pytest.raises(ForeignWriteError):
            store.update(ids["Bolt"], lambda p: note(p, "more", NOW))
    assert journal_path(db).read_bytes() == kept


def test_a_tinydb_write_after_folding_is_simply_read(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    ids = pipeline(db, "Acme GmbH", "Bolt")
    notes_in_journal(db, ids, "Acme GmbH")
    with open_store(db) as store:
        assert fold_journal(store) == 1
        assert fold_journal(store) == 0
    tinydb_edit(db, set_value("Bolt", 9000))
    with open_store(db) as store:
        assert named(store, "Bolt").value == 9000 and len(named(store, "Acme GmbH").notes) == 1


def test_an_older_backup_put_back_by_hand_is_no_foreign_write(tmp_path: Path) -> None:
    """A backup from before the last compaction holds other content than the journal's
    header, like a rewrite, but leadline recorded it: a restore, as before."""
    db = tmp_path / "leadline.json"
    with open_store(db) as store:
        store.add(prospect(name="A"))
        store.compact()
    for name in ("B", "C"):
        with open_store(db) as store:
            store.add(prospect(name=name))
            if name == "B":
                store.compact()
    oldest = backup_files(db)[-1]
    with open_store(oldest) as store:
        assert names_in(store) == ["A"]
    db.unlink()
    shutil.copy2(oldest, db)
    with open_store(db) as store:
        assert names_in(store) == ["A"]
        store.add(prospect(name="D"))
    aside = [p for p in backup_dir(db).iterdir() if p.name.endswith(".orphaned-journal")]
    assert len(aside) == 1 and b'"C"' in aside[0].read_bytes()


def test_after_compaction_tinydb_reads_every_prospect_including_journal_only_ones(
    tmp_path: Path,
) -> None:
    db = tmp_path / "leadline.json"
    ids = pipeline(db, "A")
    with open_store(db) as store:
        store.add(prospect(name="Only in the journal"))
        store.update(ids["A"], lambda p: note(p, "a note", NOW))
        assert fold_journal(store) == 2
    with TinyDB(db, storage=JSONStorage, access_mode="r") as plain:
        docs = {d["name"]: d for d in plain.table("prospects").all()}
    assert set(docs) == {"A", "Only in the journal"}
    assert [n["text"] for n in docs["A"]["notes"]] == ["a note"]


def test_the_refusal_words_each_kind_of_change_and_who_it_touched(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    ids = pipeline(db, "A", "B", "C")
    notes_in_journal(db, ids, "A", "B")
    with open_store(db) as store:
        store.update(ids["C"], lambda p: replace(p, stage="qualified"))
        store.add(prospect(name="New One"))
    tinydb_edit(db, set_value("C", 1))
    with pytest.raises(ForeignWriteError) as refused:
        open_store(db)
    words = "4 unfolded changes (notes on A and B; stage move of C; new prospect New One)"
    assert words in str(refused.value)
