"""Backups put back: by hand (the journal beside the data file must not undo it) and
with `restore_backup` (the backup's whole state, the replaced file kept)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from testkit import prospect

from leadline.core.store import backups
from leadline.core.store.backups import backup_dir, backup_files
from leadline.core.store.facade import DataFileError, Store
from leadline.core.store.journal import journal_path


def _names(db: Path) -> list[str]:
    with Store.open(db, backups=0) as store:
        return [p.name for p in store.prospects()]


def _three_sessions(db: Path) -> tuple[Path, Path]:
    """A (compacted) then B then C, each in its own session; the backups taken before B
    (holding A) and before C (holding A, B: the data file plus its journal copy)."""
    with Store.open(db) as store:
        store.add(prospect(name="A"))
        store.compact()
    for name in ("B", "C"):
        with Store.open(db) as store:
            store.add(prospect(name=name))
    before_c, before_b = backup_files(db)
    assert _names(before_b) == ["A"] and _names(before_c) == ["A", "B"]
    return before_b, before_c


@pytest.fixture(params=["copied", "linked"])
def db(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Backups as copies (room to spare) or as hard links of the data file (a full disk)."""
    if request.param == "linked":
        monkeypatch.setattr(backups, "ROOM_TO_SPARE", 1 << 62)
    return tmp_path / "leadline.json"


def _put_back(backup: Path, db: Path, how: str) -> None:
    if how == "cp":  # in place: the data file keeps its inode, gets a new mtime
        if os.path.samefile(backup, db):
            pytest.skip("cp refuses to copy a hard link onto itself")
        shutil.copyfile(backup, db)
    elif how == "rm and cp -p":  # a new inode with the backup's mtime
        db.unlink()
        shutil.copy2(backup, db)
    else:  # "mv": the backup's own file
        os.replace(backup, db)


@pytest.mark.parametrize("how", ["cp", "rm and cp -p", "mv"])
def test_a_backup_put_back_by_hand_is_not_undone_by_the_journal(db: Path, how: str) -> None:
    """The journal still matched the content (the data file had not been compacted since
    the backup was taken) and replayed B and C over it."""
    before_b, _before_c = _three_sessions(db)
    if how == "mv" and os.path.samefile(before_b, db):
        pytest.skip("mv refuses to move a hard link onto itself")
    _put_back(before_b, db, how)
    assert _names(db) == ["A"]
    with Store.open(db) as store:  # the next save keeps the stale journal aside
        store.add(prospect(name="D"))
    assert _names(db) == ["A", "D"]
    aside = [p for p in backup_dir(db).iterdir() if p.name.endswith(".orphaned-journal")]
    assert len(aside) == 1 and b'"C"' in aside[0].read_bytes()


def test_a_backup_put_back_with_its_journal_copy_shows_its_whole_state(db: Path) -> None:
    _before_b, before_c = _three_sessions(db)
    db.unlink()
    shutil.copy2(before_c, db)
    shutil.copy2(before_c.with_name(before_c.name + ".journal"), journal_path(db))
    assert _names(db) == ["A", "B"]


def test_a_moved_folder_keeps_its_journal(db: Path, tmp_path: Path) -> None:
    """Copying the whole folder elsewhere (new inodes, mtimes kept) is no restore."""
    _three_sessions(db)
    moved = tmp_path / "moved"
    shutil.copytree(db.parent, moved, symlinks=True, ignore=shutil.ignore_patterns("moved"))
    assert _names(moved / db.name) == ["A", "B", "C"]
    with Store.open(moved / db.name) as store:
        store.add(prospect(name="D"))
    assert _names(moved / db.name) == ["A", "B", "C", "D"]


def test_touching_nothing_keeps_everything(db: Path) -> None:
    _three_sessions(db)
    assert _names(db) == ["A", "B", "C"]


def test_restore_backup_puts_its_whole_state_back_and_keeps_the_replaced_file(
    db: Path,
) -> None:
    from leadline.core.store.restore import restore_backup  # noqa: PLC0415

    _before_b, before_c = _three_sessions(db)
    watching = Store.open(db)
    watching.prospects()
    revision = watching.revision
    done = restore_backup(db, before_c)
    assert _names(db) == ["A", "B"]
    assert done.prospects == 2 and done.revision > revision
    assert done.previous is not None and _names(done.previous) == ["A", "B", "C"]
    assert watching.changed_on_disk()
    assert [p.name for p in watching.prospects()] == ["A", "B"]
    watching.add(prospect(name="D"))
    assert _names(db) == ["A", "B", "D"]


def test_restore_backup_over_a_damaged_data_file(db: Path) -> None:
    from leadline.core.store.restore import restore_backup  # noqa: PLC0415

    _three_sessions(db)
    damaged = db.with_name("damaged")
    damaged.write_bytes(b'{"_leadline": {')  # (written in place, it would damage the
    os.replace(damaged, db)  # backups that are hard links of it too: see backups)
    with pytest.raises(DataFileError) as refused:
        Store.open(db)
    offered = refused.value.backup
    assert offered is not None
    done = restore_backup(db, offered)
    assert _names(db) == ["A", "B"]
    assert done.previous is not None and done.previous.read_bytes() == b'{"_leadline": {'


def test_restore_backup_refuses_what_does_not_read_and_changes_nothing(db: Path) -> None:
    from leadline.core.store.restore import restore_backup  # noqa: PLC0415

    _three_sessions(db)
    junk = db.with_name("junk.json")
    junk.write_text("not json")
    before = db.read_bytes(), journal_path(db).read_bytes()
    with pytest.raises(DataFileError, match="junk.json: the file is not valid JSON"):
        restore_backup(db, junk)
    with pytest.raises(DataFileError, match="no such file"):
        restore_backup(db, db.with_name("missing.json"))
    with pytest.raises(DataFileError, match="the data file itself"):
        restore_backup(db, db)
    assert (db.read_bytes(), journal_path(db).read_bytes()) == before
    assert _names(db) == ["A", "B", "C"]
