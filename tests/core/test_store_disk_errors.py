"""Full disks, file size limits, read-only places, folders given as the data file: one
line (a DataFileError, which the CLI prints with exit status 2), nothing changed, and
reading still works where nothing can be written.

Disk full is real where the machine lets us mount a small tmpfs (root), and simulated
by monkeypatching otherwise; the file size limit is real (`RLIMIT_FSIZE` in a forked
child, SIGXFSZ ignored so writes fail with EFBIG). A read-only place is a chmod 0500
folder, or as root (whom modes do not stop) a tmpfs remounted read-only, or failing
that a monkeypatched os.open that answers EROFS to every open for writing.
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import resource
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from testkit import NOW, prospect

from leadline.core.models import Note
from leadline.core.store import backups, journal
from leadline.core.store.backups import backup_files
from leadline.core.store.facade import DataFileError, Store

FORK = multiprocessing.get_context("fork")


def _sessions(db: Path, count: int, names: str = "Session") -> None:
    for n in range(count):
        with Store.open(db) as store:
            store.add(prospect(name=f"{names} {n}"))


def _noted(name: str, size: int) -> object:
    return prospect(name=name, notes=(Note(NOW, "x" * size),))


def _big_file(db: Path, count: int = 400) -> None:
    """A data file of some 250 KB, compacted, so the next session's backup is real."""
    with Store.open(db) as store:
        store.add_many([_noted(f"Firm {n}", 500) for n in range(count)])  # type: ignore[misc]
        store.compact()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _one_line_nothing_changed(error: BaseException, reason: str) -> None:
    message = str(error)
    assert isinstance(error, DataFileError), repr(error)
    assert "\n" not in message and reason in message and "Nothing was changed" in message


def _enospc(*args: object, **kwargs: object) -> int:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_while_saving_a_note_is_one_line_and_nothing_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "leadline.json"
    _sessions(db, 2)
    before = _files(tmp_path)
    store = Store.open(db)
    monkeypatch.setattr(journal.os, "pwrite", _enospc)
    with pytest.raises(DataFileError) as refused:
        store.add(prospect(name="Lost"))
    _one_line_nothing_changed(refused.value, "the disk is full")
    monkeypatch.undo()
    assert [p.name for p in store.prospects()] == ["Session 0", "Session 1"]
    after = _files(tmp_path)
    for name in ("leadline.json", "leadline.json.journal"):
        assert after[name] == before[name]


def test_a_full_disk_during_the_sessions_backup_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "leadline.json"
    _sessions(db, 2)
    before = db.read_bytes(), journal.journal_path(db).read_bytes()
    monkeypatch.setattr(backups, "write_private_atomic", _enospc)
    with Store.open(db) as store, pytest.raises(DataFileError) as refused:
        store.add(prospect(name="Lost"))
    _one_line_nothing_changed(refused.value, "the disk is full")
    assert (db.read_bytes(), journal.journal_path(db).read_bytes()) == before


def test_a_backup_never_needs_room_for_the_data_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no room to spare the session's backup is a hard link; with room, a copy
    (so that a tool writing the data file in place cannot damage the backup too)."""
    db = tmp_path / "leadline.json"
    _big_file(db)
    _sessions(db, 1)
    assert backup_files(db)[0].stat().st_ino != db.stat().st_ino  # room: a copy
    monkeypatch.setattr(backups, "ROOM_TO_SPARE", 1 << 62)
    _sessions(db, 1, names="Tight")
    newest = backup_files(db)[0]
    assert newest.stat().st_ino == db.stat().st_ino  # a link: no space taken
    assert len(Store.open(newest, backups=0).prospects()) == 401


def _note_under_size_limit(db: str, limit: int, out: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    try:
        with Store.open(Path(db)) as store:
            store.add(prospect(name="A short note"))
        os.write(out, b"saved")
    except DataFileError as error:
        os.write(out, f"refused: {error}".encode())
    except BaseException as error:  # noqa: BLE001 - what the parent must see
        os.write(out, f"raised {type(error).__name__}: {error}".encode())


def _in_child_with_limit(db: Path, limit: int) -> str:
    read, write = os.pipe()
    child = FORK.Process(target=_note_under_size_limit, args=(str(db), limit, write))
    child.start()
    child.join(60)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        return pipe.read().decode()


def test_a_short_note_is_saved_when_the_data_file_could_not_be_copied(tmp_path: Path) -> None:
    """`ulimit -f` below the data file's size: copying it as the backup fails with EFBIG
    (as a nearly full disk would with ENOSPC); the backup is a link and the note saved."""
    db = tmp_path / "leadline.json"
    _big_file(db)
    assert db.stat().st_size > 200_000
    assert _in_child_with_limit(db, 100_000) == "saved"
    assert "A short note" in [p.name for p in Store.open(db).prospects()]


def test_a_save_beyond_the_file_size_limit_is_one_line_and_nothing_changes(
    tmp_path: Path,
) -> None:
    db = tmp_path / "leadline.json"
    _big_file(db)
    before = db.read_bytes(), journal.journal_path(db).read_bytes()
    outcome = _in_child_with_limit(db, 50)  # not even the journal line fits
    assert outcome.startswith("refused: "), outcome
    assert "size limit" in outcome and "Nothing was changed" in outcome
    assert (db.read_bytes(), journal.journal_path(db).read_bytes()) == before


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 2 MB tmpfs (needs root and a mount that works here)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(mount)],
        capture_output=True,
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (the monkeypatched disk-full tests run)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path, leave: int) -> None:
    free = os.statvfs(folder)
    room = free.f_bavail * free.f_frsize - leave
    with open(folder / f"filler-{leave}", "wb") as filler:
        filler.write(b"\0" * max(room, 0))


def test_a_really_full_disk_saves_a_short_note_and_then_refuses_in_one_line(
    small_disk: Path,
) -> None:
    db = small_disk / "leadline.json"
    _big_file(db)
    _fill(small_disk, 64 * 1024)  # far less room than the data file's size
    _sessions(db, 1, names="Tight")
    assert "Tight 0" in [p.name for p in Store.open(db).prospects()]
    _fill(small_disk, 0)
    with Store.open(db) as store, pytest.raises(DataFileError) as refused:
        store.add(_noted("Lost", 100_000))  # type: ignore[arg-type]
    _one_line_nothing_changed(refused.value, "the disk is full")
    assert "Lost" not in [p.name for p in Store.open(db).prospects()]


def _ro_by_monkeypatch(monkeypatch: pytest.MonkeyPatch) -> None:
    real_open, writing = os.open, os.O_WRONLY | os.O_RDWR | os.O_CREAT

    def read_only_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & writing:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only_open)


def _mount(folder: Path, options: str) -> bool:
    command = ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)]
    return subprocess.run(command, capture_output=True).returncode == 0


@pytest.fixture(params=["native", "patched"])
def read_only(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """A folder holding a data file written earlier, now read-only; yields the data file.
    "native": chmod 0500, or as root a tmpfs remounted read-only; "patched": os.open
    answers EROFS to every open for writing."""
    folder = tmp_path / "ro"
    folder.mkdir()
    root, native = os.geteuid() == 0, request.param == "native"
    mounted = native and root and _mount(folder, "size=4m")
    if native and root and not mounted:
        pytest.skip("cannot mount a tmpfs here (the patched variant runs)")
    db = folder / "leadline.json"
    _sessions(db, 2)
    (folder / "leadline.json.lock").unlink()  # a copy of the files, as on a mounted backup
    try:
        if not native:
            _ro_by_monkeypatch(monkeypatch)
        elif mounted:
            assert subprocess.run(["mount", "-o", "remount,ro", str(folder)]).returncode == 0
        else:
            folder.chmod(0o500)
        yield db
    finally:
        monkeypatch.undo()
        if native and not root:
            folder.chmod(0o700)
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_read_only_place_can_be_read(read_only: Path) -> None:
    """Opening used to take the lock, which writes the lock file: EROFS, a traceback."""
    with Store.open(read_only) as store:
        assert [p.name for p in store.prospects()] == ["Session 0", "Session 1"]
        assert store.find("session 1")[0].name == "Session 1"
        assert store.changes_elsewhere() == frozenset()


def test_a_save_in_a_read_only_place_is_one_line(read_only: Path) -> None:
    with Store.open(read_only) as store, pytest.raises(DataFileError) as refused:
        store.add(prospect(name="Lost"))
    message = str(refused.value)
    assert "\n" not in message and "Nothing was changed" in message
    assert "read-only" in message or "permission denied" in message
    assert [p.name for p in Store.open(read_only).prospects()] == ["Session 0", "Session 1"]


def test_a_missing_data_file_in_a_read_only_place_is_one_line(read_only: Path) -> None:
    with pytest.raises(DataFileError) as refused:
        Store.open(read_only.with_name("other.json"))
    assert "could not create the data file" in str(refused.value)


def test_a_folder_given_as_the_data_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="the data file is a directory") as refused:
        Store.open(tmp_path)
    assert "\n" not in str(refused.value) and "changed nothing" in str(refused.value)
    assert list(tmp_path.iterdir()) == []


def test_a_path_under_a_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("not a folder")
    with pytest.raises(DataFileError, match="not a folder"):
        Store.open(tmp_path / "plain" / "leadline.json")
