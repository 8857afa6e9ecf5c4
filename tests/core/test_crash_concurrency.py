"""Real processes: kill -9 during saves and compactions, and several writers on one file.

Writers are forked with multiprocessing, each opening its own Store, and
report on a raw pipe with single small writes (atomic, so a kill cannot leave
half a message): "s N" before saving note N, "a N" once the save returned.
A writer's `compact_at` sets when its saves fold the journal into the data
file: None keeps the default (rarely, for these small files), 0 on every save,
a few KB every few saves.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import time
from dataclasses import replace
from multiprocessing.synchronize import Event
from pathlib import Path

import pytest
from testkit import NOW, SOAK, prospect
from tinydb import TinyDB
from tinydb.storages import JSONStorage

from leadline.core.models import Note
from leadline.core.records.summary import summarize
from leadline.core.store.facade import Store
from leadline.core.store.storage import LeadlineStorage

FORK = multiprocessing.get_context("fork")
PID = "0000c0de"


def _new_file(db: Path) -> None:
    with Store.open(db) as store:
        store.add(prospect(id=PID))


def _append_note(store: Store, text: str) -> None:
    store.update(PID, lambda p: replace(p, notes=(*p.notes, Note(NOW, text))))


def _compact_at(size: int | None) -> None:
    if size is not None:
        LeadlineStorage.compact_min_bytes = LeadlineStorage.compact_max_bytes = size


def _writer(db: Path, first: int, out: int, compact_at: int | None) -> None:
    """Append notes first, first+1, ... until killed, reporting each on `out`."""
    _compact_at(compact_at)
    store = Store.open(db)
    number = first
    while True:
        os.write(out, f"s {number}\n".encode())
        _append_note(store, f"note {number}")
        os.write(out, f"a {number}\n".encode())
        number += 1


def _read_all(fd: int) -> list[tuple[str, int]]:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    lines = b"".join(chunks).decode().split()
    return [(kind, int(n)) for kind, n in zip(lines[::2], lines[1::2], strict=True)]


def _kill_during_saves(
    db: Path, first: int, delay: float, compact_at: int | None
) -> list[tuple[str, int]]:
    read_end, write_end = os.pipe()
    writer = FORK.Process(target=_writer, args=(db, first, write_end, compact_at))
    writer.start()
    os.close(write_end)
    time.sleep(delay)
    os.kill(writer.pid or 0, signal.SIGKILL)
    writer.join()
    messages = _read_all(read_end)
    os.close(read_end)
    return messages


def _notes(db: Path) -> list[str]:
    """The notes as the store reads them, checking that the summary it opened through
    (or rebuilt) says what the whole prospect says."""
    with Store.open(db) as store:
        whole = store.get(PID)
        assert store.summary(PID) == summarize(whole)
        return [n.text for n in whole.notes]


def _notes_in_file(db: Path) -> list[str]:
    """Compact, read with TinyDB's own storage (as plain JSON), check with the Store too."""
    before = _notes(db)
    with Store.open(db) as store:
        store.compact()
    plain = TinyDB(db, storage=JSONStorage, access_mode="r")
    raw_notes = [n["text"] for n in plain.table("prospects").all()[0]["notes"]]
    plain.close()
    assert raw_notes == before == _notes(db)
    return raw_notes


@pytest.mark.slow
@pytest.mark.parametrize(
    ("kills", "compact_at"),
    [(100 * SOAK, 6000), (100 * SOAK, 0)],
    ids=["journal-and-some-compactions", "compaction-and-summary-on-every-save"],
)
def test_kills_during_saves_leave_a_readable_file_with_every_acknowledged_note(
    tmp_path: Path, kills: int, compact_at: int
) -> None:
    db = tmp_path / "leadline.json"
    _new_file(db)
    chance = random.Random(20240301)
    acknowledged: list[str] = []
    next_note, unreadable, killed_mid_save = 0, 0, 0
    for kill in range(kills):
        messages = _kill_during_saves(db, next_note, chance.uniform(0.0, 0.03), compact_at)
        acknowledged += [f"note {n}" for kind, n in messages if kind == "a"]
        killed_mid_save += bool(messages) and messages[-1][0] == "s"
        next_note += len(messages)
        try:
            json.loads(db.read_bytes())
        except ValueError:
            unreadable += 1
            continue
        on_disk = _notes_in_file(db) if kill % 25 == 24 else _notes(db)
        assert set(on_disk).issuperset(acknowledged)
        assert len(on_disk) == len(set(on_disk))  # no save replayed twice
    assert unreadable == 0
    assert killed_mid_save >= kills // 2, f"only {killed_mid_save} of {kills} kills hit a save"
    assert db.stat().st_mode & 0o777 == 0o600
    assert not list(tmp_path.glob(".*.tmp"))  # orphans removed by the last open


def _appender(db: Path, worker: int, count: int, start: Event, compact_at: int | None) -> None:
    _compact_at(compact_at)
    store = Store.open(db, lock_timeout=30)
    start.wait(10)
    for n in range(count):
        _append_note(store, f"w{worker} n{n}")


@pytest.mark.slow
@pytest.mark.parametrize("compact_at", [None, 8000], ids=["journal", "with-compactions"])
def test_4_processes_x_100_updates_keep_all_400_notes(
    tmp_path: Path, compact_at: int | None
) -> None:
    db = tmp_path / "leadline.json"
    _new_file(db)
    start = FORK.Event()
    workers = [
        FORK.Process(target=_appender, args=(db, w, 100, start, compact_at)) for w in range(4)
    ]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(120)
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    notes = _notes_in_file(db)
    assert len(notes) == 400
    for w in range(4):
        assert [n for n in notes if n.startswith(f"w{w} ")] == [f"w{w} n{n}" for n in range(100)]
    with Store.open(db) as store:
        assert store.revision == 401  # one save per update, none lost or merged
