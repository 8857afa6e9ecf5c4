"""I/O failures are one line and an exit status, never a traceback: an unusable `-o`
is a mistake in what was asked (1), a data file that cannot be used or saved is 2, and
the line says what failed and that nothing was changed."""

from __future__ import annotations

import csv
import errno
import io
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]  # conftest's runners: (*argv, check=, env=) -> Result
OLD = b"yesterday's export\r\n"


def _fail_with(code: int) -> Callable[..., Any]:
    def fail(*_args: object, **_kwargs: object) -> Any:
        raise OSError(code, os.strerror(code))

    return fail


def _one_line(result: Any, status: int) -> str:
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("leadline: ")
    return str(line)


@pytest.fixture
def acme(cli: Run) -> Run:
    cli("add", "Acme Ltd", "--value", "12000")
    return cli


def test_export_into_a_missing_folder_is_a_mistake_in_the_arguments(
    acme: Run, tmp_path: Path
) -> None:
    target = tmp_path / "no" / "such" / "x.csv"
    line = _one_line(acme("export", "--format", "csv", "-o", str(target), check=False), 1)
    assert line == (
        f"leadline: cannot export to {target}: there is no folder {target.parent}; "
        "nothing was written"
    )
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("fmt", ["csv", "json", "ics"])
def test_export_onto_a_folder_or_a_device_is_refused(acme: Run, tmp_path: Path, fmt: str) -> None:
    line = _one_line(acme("export", "--format", fmt, "-o", str(tmp_path), check=False), 1)
    assert line.endswith("it is a folder, not a file; nothing was written")
    line = _one_line(acme("export", "--format", fmt, "-o", "/dev/null", check=False), 1)
    assert line.endswith("it is not a regular file; nothing was written")


def test_export_never_writes_through_a_planted_symlink(acme: Run, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("not yours", encoding="utf-8")
    link = tmp_path / "pipeline.csv"
    link.symlink_to(victim)
    line = _one_line(acme("export", "--format", "csv", "-o", str(link), check=False), 1)
    assert "symbolic link" in line
    assert victim.read_text(encoding="utf-8") == "not yours" and link.is_symlink()


@pytest.mark.parametrize("failing", ["write", "fsync"])
def test_a_full_disk_during_export_keeps_the_old_file(
    acme: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "pipeline.json"
    target.write_bytes(OLD)
    monkeypatch.setattr(os, failing, _fail_with(errno.ENOSPC))
    result = acme("export", "--format", "json", "-o", str(target), check=False)
    monkeypatch.undo()
    line = _one_line(result, 1)
    assert line == (
        f"leadline: cannot export to {target}: No space left on device; {target} is unchanged"
    )
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_file_size_limit_during_export_keeps_the_old_file(
    acme: Run, cli_db: Path, tmp_path: Path
) -> None:
    for n in range(40):
        acme("add", f"Prospect {n}", "--value", "1000")
    target = tmp_path / "pipeline.json"
    target.write_bytes(OLD)
    limit = 4096  # the export is bigger; reading the data file is not limited

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADLINE_")}
    done = subprocess.run(
        [sys.executable, "-m", "leadline.tui.cli.main", "--db", str(cli_db)]
        + ["export", "--format", "json", "-o", str(target)],
        capture_output=True,
        text=True,
        env=env | {"HOME": str(tmp_path / "home")},
        preexec_fn=limited,
        timeout=60,
    )
    assert (done.returncode, done.stderr) == (
        1,
        f"leadline: cannot export to {target}: File too large; {target} is unchanged\n",
    )
    assert target.read_bytes() == OLD


def test_csv_export_guards_formulas_unless_asked_for_raw_cells(cli: Run, tmp_path: Path) -> None:
    cli("add", '=HYPERLINK("http://evil.example")')
    target = tmp_path / "out.csv"
    cli("export", "--format", "csv", "-o", str(target))
    (row,) = csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"), newline=""))
    assert row["name"] == '\'=HYPERLINK("http://evil.example")'
    raw = cli("export", "--format", "csv", "--raw-cells").stdout
    (row,) = csv.DictReader(io.StringIO(raw, newline=""))
    assert row["name"] == '=HYPERLINK("http://evil.example")'
    # leadline's own export imports back as the same prospect, nothing changed
    assert "0 new, 0 updated, 1 unchanged" in cli("import", str(target)).stdout
    line = _one_line(cli("export", "--format", "json", "--raw-cells", check=False), 1)
    assert line == "leadline: --raw-cells is for --format csv"


@pytest.mark.parametrize(
    ("db", "problem"),
    [
        ("folder", "the data file {db} is a folder; give the path of a file"),
        ("/dev/null", "the data file {db} is not a regular file"),
        ("file/x.json", "the data file {db} cannot be created: {parent} is not a folder"),
    ],
)
@pytest.mark.parametrize("command", [["queue"], ["note", "acme", "hello"]])
def test_a_data_file_that_is_not_a_file_is_exit_2(
    cli: Run, tmp_path: Path, db: str, problem: str, command: list[str]
) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("", encoding="utf-8")
    path = db if db.startswith("/") else str(tmp_path / db)
    line = _one_line(cli("--db", path, *command, check=False), 2)
    wanted = problem.format(db=path, parent=Path(path).parent)
    assert line == f"leadline: {wanted}; nothing was changed"


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EFBIG])
def test_a_note_that_cannot_be_saved_changes_nothing(
    acme: Run, cli_db: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    for name in ("write", "pwrite", "fsync"):
        monkeypatch.setattr(os, name, _fail_with(code))
    result = acme("note", "acme", "Budget approved", check=False)
    monkeypatch.undo()
    # The store may name the data file or the journal beside it, in its own words.
    line = _one_line(result, 2)
    assert str(cli_db) in line and os.strerror(code) in line
    assert "nothing was changed" in line.casefold()
    assert "Budget approved" not in acme("show", "acme").stdout


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "command", [["export", "--format", "csv"], ["export", "--format", "ics"], ["list"]]
)
def test_a_full_disk_behind_standard_output_is_one_line(
    acme: Run, cli_db: Path, tmp_path: Path, command: list[str]
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADLINE_")}
    with open("/dev/full", "w") as full:  # every write: No space left on device
        done = subprocess.run(
            [sys.executable, "-m", "leadline.tui.cli.main", "--db", str(cli_db), *command],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env | {"HOME": str(tmp_path / "home")},
            timeout=60,
        )
    assert (done.returncode, done.stderr) == (
        1,
        "leadline: cannot write the output: No space left on device "
        "(free some space and try again)\n",
    )
