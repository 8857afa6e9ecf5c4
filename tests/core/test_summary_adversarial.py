"""Adversarial checks of the summary file: sequences, races and damage after which the
summaries must still say what the whole prospects say (issue 13's review)."""

from __future__ import annotations

import os
import random
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import orjson
import pytest

from leadline.core.models import Note, Prospect
from leadline.core.records.summary import summarize
from leadline.core.store import storage as storage_module
from leadline.core.store.facade import Store
from leadline.core.store.summary_file import summary_path

WHEN = datetime(2026, 12, 1, 9, 30)


def _prospect(name: str, pid: str) -> Prospect:
    return Prospect(id=pid, name=name, stage="lead", created=WHEN, updated=WHEN)


def _note(text: str):  # type: ignore[no-untyped-def]
    return lambda p: replace(p, notes=(*p.notes, Note(WHEN, text)))


def _stage(stage: str):  # type: ignore[no-untyped-def]
    return lambda p: replace(p, stage=stage)


def _pipeline(db: Path, count: int = 40) -> list[str]:
    with Store.open(db, backups=0) as store:
        added = store.add_many(_prospect(f"Company {n}", f"{n:08x}") for n in range(count))
        store.update(added[3].id, _note("met at the fair"))
        store.compact()
    return [p.id for p in added]


def _agrees(store: Store) -> None:
    """Every summary says what the whole prospect says, in the same order."""
    wholes = store.prospects()
    assert [s.id for s in store.summaries()] == [p.id for p in wholes]
    for whole in wholes:
        assert store.summary(whole.id) == summarize(whole)


def _fresh(db: Path) -> None:
    """A new process's view agrees too (through the summary file if it fits)."""
    with Store.open(db, backups=0) as store:
        _agrees(store)


def test_a_save_landing_while_opening_through_the_summary_reaches_the_summaries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "leadline.json"
    ids = _pipeline(db)
    other = Store.open(db, backups=0)
    real = storage_module.LeadlineStorage.documents
    landed = []

    def documents(self, table):  # type: ignore[no-untyped-def]
        if not landed and self is not other._storage:
            landed.append(True)  # another process saves between the load and this read
            other.update(ids[5], _stage("proposal"))
        return real(self, table)

    monkeypatch.setattr(storage_module.LeadlineStorage, "documents", documents)
    with Store.open(db, backups=0) as store:
        assert landed
        assert store.get(ids[5]).stage == "proposal"
        assert store.summary(ids[5]).stage == "proposal"
        _agrees(store)
    other.close()


def _header(db: Path) -> tuple[dict, bytes]:  # type: ignore[type-arg]
    raw = summary_path(db).read_bytes()
    newline = raw.index(b"\n")
    return orjson.loads(raw[5:newline]), raw[newline:]


def _put_header(db: Path, meta: dict, rest: bytes) -> None:  # type: ignore[type-arg]
    line = b"LLS1 " + orjson.dumps(meta)
    summary_path(db).write_bytes(line + rest)


@pytest.mark.parametrize(
    "damage", ["huge index", "huge chunk", "a list", "tie a string", "negative index"]
)
def test_a_summary_header_with_impossible_numbers_is_rebuilt_not_a_crash(
    tmp_path: Path, damage: str
) -> None:
    db = tmp_path / "leadline.json"
    ids = _pipeline(db)
    meta, rest = _header(db)
    if damage == "huge index":
        meta["index"][1] = 1 << 50
    elif damage == "huge chunk":
        meta["chunks"][0][0] = 1 << 50
    elif damage == "a list":
        meta = [meta]  # type: ignore[assignment]
    elif damage == "tie a string":
        meta["tie"] = "x"
    else:
        meta["index"][0] = -5
    _put_header(db, meta, rest)
    with Store.open(db, backups=0) as store:
        assert store.summary(ids[3]).notes[0].at == WHEN
        _agrees(store)
    _fresh(db)


def test_random_damage_to_the_summary_file_never_gives_a_wrong_answer(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    _pipeline(db, 30)
    good = summary_path(db).read_bytes()
    rng = random.Random(13)
    for _ in range(60):
        raw = bytearray(good)
        for _flip in range(rng.randint(1, 3)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        if rng.random() < 0.2:
            raw = raw[: rng.randrange(len(raw))]
        summary_path(db).write_bytes(bytes(raw))
        os.chmod(summary_path(db), 0o600)
        _fresh(db)
