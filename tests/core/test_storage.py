"""The TinyDB storage: private files, refusal of bad files, backups, caching, locking."""

from __future__ import annotations

import json
import multiprocessing
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from testkit import prospect
from tinydb import TinyDB
from tinydb.storages import JSONStorage

from leadline.core.store import atomic, datafile, journal
from leadline.core.store.backups import backup_dir, backup_files
from leadline.core.store.facade import DataFileError, Store, StoreLocked
from leadline.core.store.journal import journal_path
from leadline.core.store.storage import LeadlineStorage, StaleWriteError


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _sessions(db: Path, count: int, backups: int = 5) -> None:
    """`count` separate sessions, each adding one prospect."""
    for n in range(count):
        with Store.open(db, backups=backups) as store:
            store.add(prospect(name=f"Session {n}"))


def test_data_dir_is_0700_and_every_file_0600_under_umask_022(
    tmp_path: Path, umask_022: None
) -> None:
    db = tmp_path / "new" / "leadline" / "leadline.json"
    _sessions(db, 3)
    assert _mode(tmp_path / "new") == 0o700
    assert _mode(db.parent) == 0o700
    assert _mode(backup_dir(db)) == 0o700
    assert _mode(db) == 0o600
    assert _mode(db.with_name("leadline.json.lock")) == 0o600
    assert _mode(journal_path(db)) == 0o600
    assert len(backup_files(db)) == 2
    assert {_mode(b) for b in backup_dir(db).iterdir()} == {0o600}
    # each with its journal, and the record of the backups leadline wrote
    assert len(list(backup_dir(db).iterdir())) == 5


def test_an_existing_folder_keeps_its_mode(tmp_path: Path, umask_022: None) -> None:
    tmp_path.chmod(0o755)
    Store.open(tmp_path / "leadline.json").close()
    assert _mode(tmp_path) == 0o755


def test_tinydb_own_json_storage_reads_the_file(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    with Store.open(db) as store:
        added = store.add(prospect(name="Ararat Trading"))
        store.compact()
    plain = TinyDB(db, storage=JSONStorage, access_mode="r")
    assert [doc["name"] for doc in plain.table("prospects").all()] == ["Ararat Trading"]
    assert plain.table("prospects").all()[0]["id"] == added.id
    assert plain.table("_leadline").get(doc_id=1) == {
        "format": "leadline",
        "schema_version": 1,
        "revision": 1,
    }


def test_truncated_file_is_refused_untouched_and_newest_good_backup_named(
    tmp_path: Path,
) -> None:
    db = tmp_path / "leadline.json"
    _sessions(db, 4)
    newest, second = backup_files(db)[:2]
    newest.write_bytes(newest.read_bytes()[:40])  # a damaged backup is skipped
    content = db.read_bytes()
    db.write_bytes(content[: len(content) // 2])
    before = db.read_bytes(), db.stat().st_mtime_ns, db.stat().st_ino
    with pytest.raises(DataFileError) as refused:
        Store.open(db)
    message = str(refused.value)
    assert "not valid JSON" in message
    assert str(second) in message and str(newest) not in message
    assert refused.value.backup == second
    assert (db.read_bytes(), db.stat().st_mtime_ns, db.stat().st_ino) == before


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"  \n", "empty"),
        (b'{"name": "\xff"}', "not UTF-8"),
        (b"[1, 2]", "not a leadline data file"),
        (b'{"_default": {"1": {"name": "Acme"}}}', "not a leadline data file"),
        (b'{"_leadline": {"1": {"format": "other"}}}', "not a leadline data file"),
        (b'{"prospects": []}', "not a TinyDB file"),
        (b'{"_leadline": {"1": {"format": "leadline"}}}', "header is damaged"),
    ],
)
def test_foreign_or_broken_file_is_refused_byte_identical(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    db = tmp_path / "leadline.json"
    db.write_bytes(content)
    with pytest.raises(DataFileError, match=reason) as refused:
        Store.open(db)
    assert "No readable backup" in str(refused.value)
    assert db.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["leadline.json"]  # not even a lock


def test_file_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    header = {"format": "leadline", "schema_version": 99, "revision": 3}
    db.write_text(json.dumps({"_leadline": {"1": header}, "prospects": {}}))
    with pytest.raises(DataFileError, match="newer leadline .*format 99.* up to 1"):
        Store.open(db)


class _Version2(LeadlineStorage):
    """A future version whose documents gained a `source` field."""

    schema_version = 2
    migrations = {
        1: lambda tables: {
            **tables,
            "prospects": {k: {**d, "source": "v1"} for k, d in tables["prospects"].items()},
        }
    }


def test_older_file_is_migrated_in_memory_and_saved_in_the_new_format(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    _sessions(db, 1)
    original = db.read_bytes()
    db2 = TinyDB(db, storage=_Version2)
    assert db2.table("prospects").all()[0]["source"] == "v1"
    assert db.read_bytes() == original  # reading alone changes nothing
    db2.table("prospects").update({"stage": "demo"}, doc_ids=[1])
    saved = json.loads(db.read_bytes())
    assert saved["_leadline"]["1"]["schema_version"] == 2
    assert saved["prospects"]["1"]["source"] == "v1"
    assert backup_files(db)[0].read_bytes() == original


def test_orphaned_temp_files_are_removed_at_the_first_save(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    _sessions(db, 2)
    orphans = [
        tmp_path / ".leadline.json.4242-0badf00d.tmp",
        backup_dir(db) / ".leadline.json.20240101T000000Z.r1.json.4242-0badf00d.tmp",
    ]
    bystander = tmp_path / ".notes.txt.tmp"
    for path in [*orphans, bystander]:
        path.write_text("half a save")
    with Store.open(db) as store:  # reading alone writes nothing (it may be a read-only place)
        assert all(p.exists() for p in orphans)
        store.add(prospect(name="Saved"))
    assert not any(p.exists() for p in orphans)
    assert bystander.exists()


def test_backups_rotate_and_are_taken_once_per_session(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    _sessions(db, 2, backups=2)
    before_third = [p.name for p in Store.open(db).prospects()]
    with Store.open(db, backups=2) as store:
        for n in range(3):
            store.add(prospect(name=f"Third session {n}"))
    _sessions(db, 1, backups=2)
    kept = backup_files(db)
    assert len(kept) == 2
    assert [p.name for p in Store.open(kept[1], backups=0).prospects()] == before_third
    assert Store.open(kept[0], backups=0).revision == 5


def test_no_backups_when_disabled(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    _sessions(db, 3, backups=0)
    assert not backup_dir(db).exists()


def test_unchanged_file_is_not_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "leadline.json"
    _sessions(db, 1)
    storage = LeadlineStorage(db)
    calls: list[int] = []
    real_parse = datafile.parse_file

    def counting_parse(*args: Any) -> Any:
        calls.append(1)
        return real_parse(*args)

    monkeypatch.setattr(datafile, "parse_file", counting_parse)
    for _ in range(5):
        assert storage.read() is not None
    assert calls == []
    other = LeadlineStorage(db)
    changed = other.read() or {}
    changed["prospects"]["1"]["name"] = "Renamed elsewhere"
    other.write(changed)
    calls.clear()  # opening `other` parsed the file once
    assert storage.changed_on_disk()
    assert (storage.read() or {})["prospects"]["1"]["name"] == "Renamed elsewhere"
    assert not storage.changed_on_disk()
    assert calls == []  # only the new journal line was read, not the data file
    assert storage.revision == other.revision == 2
    other.compact()
    assert (storage.read() or {})["prospects"]["1"]["name"] == "Renamed elsewhere"
    assert len(calls) == 1


def test_mutating_what_read_returns_does_not_change_later_reads(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    _sessions(db, 1)
    table = TinyDB(db, storage=LeadlineStorage).table("prospects")
    first = table.all()[0]
    first["contacts"].append({"name": "ghost"})
    first["plan"]["channel"] = "ghost"
    again = table.all()[0]
    assert again["contacts"] == [] and again["plan"]["channel"] == ""


def test_failed_save_leaves_old_file_and_reads_from_disk_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "leadline.json"
    _sessions(db, 1)
    before = db.read_bytes(), journal_path(db).read_bytes()
    table = TinyDB(db, storage=LeadlineStorage).table("prospects")

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    real_pwrite = os.pwrite

    def half_written(fd: int, data: Any, offset: int) -> int:
        real_pwrite(fd, bytes(data[:10]), offset)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(journal.os, "pwrite", half_written)
    with pytest.raises(OSError, match="No space"):
        table.update({"name": "Renamed"}, doc_ids=[1])
    monkeypatch.undo()
    monkeypatch.setattr(atomic.os, "replace", disk_full)
    with pytest.raises(OSError, match="No space"):
        TinyDB(db, storage=LeadlineStorage).storage.compact()  # type: ignore[attr-defined]
    monkeypatch.undo()
    assert (db.read_bytes(), journal_path(db).read_bytes()) == before
    assert table.all()[0]["name"] == "Session 0"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".tmp") == []


def test_save_based_on_a_stale_read_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    _sessions(db, 1)
    slow, fast = LeadlineStorage(db), LeadlineStorage(db)
    stale = slow.read() or {}
    fresh = fast.read() or {}
    fresh["prospects"]["1"]["name"] = "Changed elsewhere"
    fast.write(fresh)
    stale["prospects"]["1"]["name"] = "Would overwrite"
    with pytest.raises(StaleWriteError):
        slow.write(stale)
    assert (LeadlineStorage(db).read() or {})["prospects"]["1"]["name"] == "Changed elsewhere"


def _hold_lock(db: str, held: Any, release: Any) -> None:
    storage = LeadlineStorage(db)
    with storage.lock():
        held.set()
        release.wait(10)


def test_lock_held_too_long_names_the_holder(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    store = Store.open(db, lock_timeout=0.3)
    context = multiprocessing.get_context("fork")
    held, release = context.Event(), context.Event()
    holder = context.Process(target=_hold_lock, args=(str(db), held, release))
    holder.start()
    try:
        assert held.wait(10)
        started = time.monotonic()
        with pytest.raises(StoreLocked) as locked:
            store.add(prospect(name="Blocked"))
        waited = time.monotonic() - started
    finally:
        release.set()
        holder.join(10)
    assert locked.value.holder_pid == holder.pid
    assert f"pid {holder.pid}" in str(locked.value)
    assert 0.25 <= waited < 5
    assert store.prospects() == []  # nothing half-saved
    store.add(prospect(name="After release"))
    assert [p.name for p in Store.open(db).prospects()] == ["After release"]


def test_a_lock_taken_by_another_tool_does_not_blame_a_finished_process(tmp_path: Path) -> None:
    import fcntl  # noqa: PLC0415 - the test takes the lock the way flock(1) would

    db = tmp_path / "leadline.json"
    store = Store.open(db, lock_timeout=0.2)
    store.add(prospect(name="Acme"))  # leaves this process's line in the lock file
    lock_path = db.with_name(db.name + ".lock")
    lock_path.write_text("999999 leadline show acme\n")  # a holder line whose process is gone
    with lock_path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        with pytest.raises(StoreLocked) as locked:
            store.add(prospect(name="Blocked"))
    assert locked.value.holder_pid is None
    assert "999999" not in str(locked.value) and "another process" in str(locked.value)
