"""Shared steps of the summary file's tests: a small pipeline saved, noted and compacted."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from leadline.core.models import Note, Prospect
from leadline.core.store.facade import Store

WHEN = datetime(2026, 12, 1, 9, 30)


def prospect(name: str, pid: str) -> Prospect:
    return Prospect(id=pid, name=name, stage="lead", created=WHEN, updated=WHEN)


def add_note(text: str):  # type: ignore[no-untyped-def]
    return lambda p: replace(p, notes=(*p.notes, Note(WHEN, text)))


def pipeline(db: Path, count: int = 40) -> list[str]:
    """`count` prospects "Company N" saved, the fourth with a note, the journal folded in."""
    with Store.open(db, backups=0) as store:
        added = store.add_many(prospect(f"Company {n}", f"{n:08x}") for n in range(count))
        store.update(added[3].id, add_note("met at the fair"))
        store.compact()
    return [p.id for p in added]
