"""Export files are written all or nothing: a full disk, a read-only folder or a file-size
limit leaves the old export as it was and no temporary file behind, and a symbolic link,
folder or device planted at the path is refused before anything is written."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from leadline.core.interop.exporters import ExportError, open_private

OLD = b"the export of yesterday\r\n"


def _enospc(*_args: object) -> int:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture
def old_export(tmp_path: Path) -> Path:
    path = tmp_path / "pipeline.csv"
    path.write_bytes(OLD)
    path.chmod(0o600)
    return path


def _only(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("failing", ["write", "fsync"])
def test_a_full_disk_leaves_the_old_export(
    old_export: Path, failing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, failing, _enospc)
    with pytest.raises(ExportError) as caught, open_private(old_export) as out:
        out.write("new,rows\r\n" * 50_000)  # past the buffer: os.write is called inside
    monkeypatch.undo()
    assert str(caught.value) == (
        f"cannot export to {old_export}: No space left on device; {old_export} is unchanged"
    )
    assert caught.value.errno == errno.ENOSPC
    assert old_export.read_bytes() == OLD
    assert _only(old_export.parent) == ["pipeline.csv"]  # no temporary file left


def test_a_read_only_folder_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def read_only(path: object, flags: int, *args: object) -> int:
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only)
    target = tmp_path / "new.ics"
    with pytest.raises(ExportError, match="Read-only file system; nothing was written"):
        with open_private(target, binary=True) as out:
            out.write(b"x")
    monkeypatch.undo()
    assert _only(tmp_path) == []


def test_an_error_while_exporting_keeps_the_old_file(old_export: Path) -> None:
    with pytest.raises(UnicodeEncodeError), open_private(old_export) as out:
        out.write("fine so far\r\n")
        out.write("\udc80")  # a lone surrogate cannot be written as UTF-8
    assert old_export.read_bytes() == OLD
    assert _only(old_export.parent) == ["pipeline.csv"]


def test_a_planted_symlink_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"someone else's file")
    link = tmp_path / "pipeline.csv"
    link.symlink_to(victim)
    with pytest.raises(ExportError, match="symbolic link"), open_private(link) as out:
        out.write("a,b\r\n")
    assert link.is_symlink() and os.readlink(link) == str(victim)
    assert victim.read_bytes() == b"someone else's file"
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "not-yet")
    with pytest.raises(ExportError, match="symbolic link"), open_private(dangling) as out:
        out.write("a,b\r\n")
    assert not (tmp_path / "not-yet").exists()


def test_a_link_planted_while_exporting_is_refused(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    target = tmp_path / "pipeline.csv"
    with pytest.raises(ExportError, match="symbolic link"), open_private(target) as out:
        out.write("a,b\r\n")
        target.symlink_to(victim)
    assert not victim.exists() and target.is_symlink()


@pytest.mark.parametrize(
    ("name", "reason"),
    [(".", "it is a folder, not a file"), ("/dev/null", "it is not a regular file")],
)
def test_a_folder_or_a_device_is_not_an_export_file(tmp_path: Path, name: str, reason: str) -> None:
    target = tmp_path / name
    with pytest.raises(ExportError, match=reason), open_private(target) as out:
        out.write("a,b\r\n")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "x.csv"
    with pytest.raises(ExportError) as caught, open_private(target):
        pass
    assert str(caught.value) == (
        f"cannot export to {target}: there is no folder {target.parent}; nothing was written"
    )


def test_a_hard_link_to_the_export_is_not_written_through(old_export: Path) -> None:
    other = old_export.with_name("other-name")
    os.link(old_export, other)
    with open_private(old_export, binary=True) as out:
        out.write(b"new")
    assert (old_export.read_bytes(), other.read_bytes()) == (b"new", OLD)
    assert stat.S_IMODE(old_export.stat().st_mode) == 0o600


def test_a_file_size_limit_leaves_the_old_export(old_export: Path) -> None:
    # A real EFBIG: the child may write 64 KiB; Python ignores SIGXFSZ, so write() fails.
    script = textwrap.dedent(
        f"""
        import resource, sys
        from pathlib import Path
        from leadline.core.interop.exporters import ExportError, open_private
        resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))
        try:
            with open_private(Path({str(old_export)!r})) as out:
                out.write("x" * 1_000_000)
        except ExportError as error:
            print(error)
            sys.exit(3)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 3, done.stderr
    assert (
        done.stdout.strip()
        == f"cannot export to {old_export}: File too large; {old_export} is unchanged"
    )
    assert old_export.read_bytes() == OLD
    assert _only(old_export.parent) == ["pipeline.csv"]
