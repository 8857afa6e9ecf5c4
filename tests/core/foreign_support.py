"""Shared by the foreign-write tests: a pipeline folded into the data file, leadline's
notes left in the journal, and another program's write through TinyDB's JSONStorage."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from testkit import NOW, prospect
from tinydb import TinyDB
from tinydb.storages import JSONStorage

from leadline.core.actions.followups import note
from leadline.core.models import Prospect
from leadline.core.store.facade import Store
from leadline.core.store.journal import journal_path


def open_store(db: Path) -> Store:
    return Store.open(db, holder="leadline note", clock=lambda: NOW)


def pipeline(db: Path, *names: str) -> dict[str, str]:
    """The prospects `names`, folded into the data file; their ids by name."""
    with open_store(db) as store:
        ids = {n: store.add(prospect(name=n)).id for n in names}
        store.compact()
    return ids


def notes_in_journal(db: Path, ids: dict[str, str], *names: str) -> None:
    """One note each on `names`, left in the journal (one save each)."""
    with open_store(db) as store:
        for name in names:
            store.update(ids[name], lambda p, n=name: note(p, f"called {n}", NOW))
    assert journal_path(db).stat().st_size > 200  # the notes are in the journal only


def tinydb_edit(db: Path, change: Callable[[Any], None]) -> None:
    """What another program does: open the file with TinyDB's own JSONStorage, write."""
    with TinyDB(db, storage=JSONStorage) as other:
        change(other.table("prospects"))


def doc_id_of(table: Any, name: str) -> int:
    return next(d.doc_id for d in table.all() if d["name"] == name)


def set_value(name: str, value: int) -> Callable[[Any], None]:
    return lambda table: table.update({"value": value}, doc_ids=[doc_id_of(table, name)])


def names_in(store: Store) -> list[str]:
    return [p.name for p in store.prospects()]


def named(store: Store, name: str) -> Prospect:
    return next(p for p in store.prospects() if p.name == name)


def conflicted_pipeline(db: Path) -> dict[str, str]:
    """leadline notes A and C (journal); the other program edits B and C, adds Z."""
    ids = pipeline(db, "A", "B", "C")
    notes_in_journal(db, ids, "A", "C", "A")

    def other(table: Any) -> None:
        set_value("B", 111)(table)
        set_value("C", 222)(table)

    tinydb_edit(db, other)
    return ids
