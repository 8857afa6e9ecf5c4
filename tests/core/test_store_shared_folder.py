"""A data folder others can write into: nothing planted there is followed, pruned,
offered or trusted, and the lock file tells nobody what was typed.

Tests run as root on some machines; "another user's file" is then made with chown.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from testkit import prospect

from leadline.core.store.backups import backup_dir, backup_files
from leadline.core.store.facade import DataFileError, Store, StoreLocked, UnsafeFileError
from leadline.core.store.journal import journal_path
from leadline.core.store.storage import LeadlineStorage

ROOT = os.geteuid() == 0
STRANGER = 54321
"""A uid nobody on the test machine has."""


def _sessions(db: Path, count: int, backups: int = 5) -> None:
    for n in range(count):
        with Store.open(db, backups=backups) as store:
            store.add(prospect(name=f"Session {n}"))


def _lock(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


@pytest.fixture
def precious(tmp_path: Path) -> Path:
    """A file of the user's that a planted link points at."""
    target = tmp_path / "elsewhere" / "precious.txt"
    target.parent.mkdir()
    target.write_text("my thesis\n")
    return target


def test_a_planted_lock_link_is_not_followed_by_a_read_or_a_save(
    tmp_path: Path, precious: Path
) -> None:
    db = tmp_path / "data" / "leadline.json"
    _sessions(db, 1)
    _lock(db).unlink()
    _lock(db).symlink_to(precious)
    with Store.open(db) as store:  # a read-only command: `leadline list`
        assert [p.name for p in store.prospects()] == ["Session 0"]
        assert precious.read_text() == "my thesis\n"  # was truncated to this pid's line
        with pytest.raises(UnsafeFileError, match="lock file is a symbolic link") as refused:
            store.add(prospect(name="Blocked"))
    assert isinstance(refused.value, DataFileError)  # the CLI: one line, exit status 2
    assert "\n" not in str(refused.value) and "changed nothing" in str(refused.value)
    assert precious.read_text() == "my thesis\n"
    assert [p.name for p in Store.open(db).prospects()] == ["Session 0"]


def test_a_planted_journal_link_is_refused_and_its_target_untouched(
    tmp_path: Path, precious: Path
) -> None:
    db = tmp_path / "leadline.json"
    _sessions(db, 1)
    journal_path(db).unlink()
    journal_path(db).symlink_to(precious)
    with pytest.raises(UnsafeFileError, match="journal is a symbolic link"):
        Store.open(db)
    assert precious.read_text() == "my thesis\n"


def _open_in_child(db: Path) -> subprocess.CompletedProcess[str]:
    code = textwrap.dedent(f"""
        from pathlib import Path
        from leadline.core.store.facade import DataFileError, Store
        try:
            Store.open(Path({str(db)!r}))
        except DataFileError as error:
            print("refused:", error)
    """)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)


@pytest.mark.parametrize("where", ["journal", "data file"])
def test_a_fifo_in_place_of_a_file_is_refused_at_once(tmp_path: Path, where: str) -> None:
    """A FIFO used to hang the open forever (read in a child, so a hang is a failure)."""
    db = tmp_path / "leadline.json"
    if where == "journal":
        _sessions(db, 1)
        journal_path(db).unlink()
        os.mkfifo(journal_path(db))
    else:
        os.mkfifo(db)
    try:
        out = _open_in_child(db)
    except subprocess.TimeoutExpired:
        pytest.fail("opening the store hung on a FIFO")
    assert out.stdout.startswith("refused:"), out.stderr
    assert "special file" in out.stdout


@pytest.mark.skipif(not ROOT, reason="making another user's file needs root")
def test_another_users_lock_or_journal_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    _sessions(db, 1)
    os.chown(journal_path(db), STRANGER, STRANGER)
    with pytest.raises(UnsafeFileError, match=f"journal belongs to another user .uid {STRANGER}"):
        Store.open(db)
    os.chown(journal_path(db), 0, 0)
    os.chown(_lock(db), STRANGER, STRANGER)
    with Store.open(db) as store:
        with pytest.raises(UnsafeFileError, match="lock file belongs to another user"):
            store.add(prospect(name="Blocked"))


@pytest.mark.skipif(not ROOT, reason="making another user's file needs root")
def test_another_users_look_alike_temp_file_is_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    _sessions(db, 1)
    theirs = tmp_path / ".leadline.json.4242-0badf00d.tmp"
    theirs.write_text("not ours")
    os.chown(theirs, STRANGER, STRANGER)
    _sessions(db, 1)
    assert theirs.read_text() == "not ours"


def test_a_folder_anyone_may_write_is_refused_unless_sticky(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    with pytest.raises(UnsafeFileError, match="anyone may replace files"):
        Store.open(shared / "leadline.json")
    assert list(shared.iterdir()) == []
    shared.chmod(0o1777)  # like /tmp: others cannot rename or delete our files
    _sessions(shared / "leadline.json", 2)
    assert len(Store.open(shared / "leadline.json").prospects()) == 2


@pytest.mark.skipif(not ROOT, reason="making another user's folder needs root")
def test_another_users_data_folder_is_refused(tmp_path: Path) -> None:
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o755)
    os.chown(theirs, STRANGER, STRANGER)
    with pytest.raises(UnsafeFileError, match="data folder belongs to another user"):
        Store.open(theirs / "leadline.json")


def _plant_look_alikes(db: Path, folder: Path, count: int) -> list[Path]:
    """Valid data files named like backups, newer than any real one."""
    planted = []
    for n in range(count):
        fake = folder / f"{db.name}.2099010{n}T000000Z.r{90 + n}.json"
        shutil.copyfile(db, fake)
        planted.append(fake)
    return planted


def test_planted_backup_files_are_neither_pruned_nor_offered(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    _sessions(db, 3, backups=2)
    real = backup_files(db)
    assert len(real) == 2
    planted = _plant_look_alikes(db, backup_dir(db), 3)
    _sessions(db, 1, backups=2)
    kept = backup_files(db)
    assert len(kept) == 2 and kept[1] == real[0] and kept[0] not in planted
    assert all(p.exists() for p in planted)  # not ours to delete either
    db.write_bytes(b'{"_leadline": ')  # damaged: which backup is offered?
    with pytest.raises(DataFileError) as refused:
        Store.open(db)
    assert refused.value.backup == kept[0]


def test_a_planted_backups_folder_link_prunes_nothing_and_is_never_offered(
    tmp_path: Path,
) -> None:
    db = tmp_path / "data" / "leadline.json"
    _sessions(db, 1)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    planted = _plant_look_alikes(db, elsewhere, 7)
    shutil.rmtree(backup_dir(db), ignore_errors=True)
    backup_dir(db).symlink_to(elsewhere, target_is_directory=True)
    with Store.open(db, backups=2) as store:
        with pytest.raises(UnsafeFileError, match="backups: the folder is a symbolic link"):
            store.add(prospect(name="Blocked"))
    assert all(p.exists() for p in planted)
    db.write_bytes(b"{")
    with pytest.raises(DataFileError) as refused:
        Store.open(db)
    assert refused.value.backup is None
    assert str(elsewhere) not in str(refused.value)


def test_the_lock_file_holds_the_pid_and_command_name_never_the_arguments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "leadline.json"
    typed = ["/usr/local/bin/leadline", "note", "acme", "Call Jo on +44 7700 900123"]
    monkeypatch.setattr(sys, "argv", typed)
    _sessions(db, 1)
    assert _lock(db).read_text() == f"{os.getpid()} leadline note\n"
    monkeypatch.setattr(sys, "argv", ["/usr/bin/leadline", "--db", "/home/jo/secret.json"])
    _sessions(db, 1)
    assert _lock(db).read_text() == f"{os.getpid()} leadline\n"


def _hold_as_note(db: str, held: Any, release: Any) -> None:
    sys.argv = ["leadline", "note", "acme", "Call Jo on +44 7700 900123"]
    with LeadlineStorage(db).lock():
        held.set()
        release.wait(10)


def test_store_locked_names_the_holder_by_pid_and_command_name(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    store = Store.open(db, lock_timeout=0.2)
    context = multiprocessing.get_context("fork")
    held, release = context.Event(), context.Event()
    holder = context.Process(target=_hold_as_note, args=(str(db), held, release))
    holder.start()
    try:
        assert held.wait(10)
        with pytest.raises(StoreLocked) as locked:
            store.add(prospect(name="Blocked"))
    finally:
        release.set()
        holder.join(10)
    assert f"pid {holder.pid} (leadline note)" in str(locked.value)
    assert "7700" not in str(locked.value) and locked.value.holder_cmd == "leadline note"


def test_backups_an_older_leadline_wrote_are_recorded_and_pruned_as_before(
    tmp_path: Path,
) -> None:
    db = tmp_path / "leadline.json"
    _sessions(db, 5, backups=5)
    older = backup_files(db)
    (backup_dir(db) / f"{db.name}.backups").unlink()  # as an older leadline left them
    if ROOT:  # another user's look-alike is never taken for one of ours
        theirs = _plant_look_alikes(db, backup_dir(db), 1)[0]
        os.chown(theirs, STRANGER, STRANGER)
    _sessions(db, 1, backups=3)
    kept = backup_files(db)
    assert len(kept) == 3 and kept[1:] == older[:2]
    assert not any(p.exists() for p in older[2:])
    if ROOT:
        assert theirs.exists() and theirs not in kept
