"""Run `leadline` against a private data file: in-process through `main(argv)`, or in a
real interpreter for the few tests about start-up itself.

`cli(...)` and `sample_cli(...)` call `leadline.tui.cli.main.main` with the
environment a shell would give it (LEADLINE_DB, LEADLINE_CONFIG, XDG folders in
tmp_path) and return what it printed and its exit status, as a process would.
An exception main does not handle fails the test with its traceback, where a
process would only have exited 1. `cli_process(...)` is the same in a fresh
interpreter (`python -m leadline.tui.cli.main`): start-up tests only, it costs
about half a second each.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from leadline.tui.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DIR = ROOT / "sample_data"


@dataclass(frozen=True)
class Result:
    """What one `leadline` run printed and its exit status (as subprocess reports them)."""

    returncode: int
    stdout: str
    stderr: str


Run = Callable[..., Result]


def _environment(db: Path, config: Path | None, home: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("LEADLINE_")}
    env.update(
        LEADLINE_DB=str(db),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
    )
    if config is not None:
        env["LEADLINE_CONFIG"] = str(config)
    return env


def _checked(args: tuple[str, ...], result: Result, check: bool) -> Result:
    if check and result.returncode != 0:
        command = " ".join(args)
        raise AssertionError(f"leadline {command} exited {result.returncode}\n{result.stderr}")
    return result


def _in_process(
    db: Path, config: Path | None, home: Path, capsys: pytest.CaptureFixture[str]
) -> Run:
    def run(*args: str, check: bool = True, env: dict[str, str] | None = None) -> Result:
        wanted = _environment(db, config, home) | (env or {})
        capsys.readouterr()  # only this run's output
        with pytest.MonkeyPatch.context() as patch:
            for key in [k for k in os.environ if k not in wanted]:
                patch.delenv(key)
            for key, value in wanted.items():
                patch.setenv(key, value)
            try:
                status = main(list(args))
            except SystemExit as leaving:  # argparse: --help, or a mistake on the command line
                status = leaving.code if isinstance(leaving.code, int) else 1
        out, err = capsys.readouterr()
        return _checked(args, Result(status, out, err), check)

    return run


def _in_a_process(db: Path, config: Path | None, home: Path) -> Run:
    def run(*args: str, check: bool = True, env: dict[str, str] | None = None) -> Result:
        done = subprocess.run(
            [sys.executable, "-m", "leadline.tui.cli.main", *args],
            capture_output=True,
            text=True,
            env=_environment(db, config, home) | (env or {}),
            stdin=subprocess.DEVNULL,
            timeout=60,
        )
        return _checked(args, Result(done.returncode, done.stdout, done.stderr), check)

    return run


def _sample_copy(tmp_path: Path) -> Path:
    db = tmp_path / "sample.json"
    db.write_bytes((SAMPLE_DIR / "pipeline.json").read_bytes())
    db.chmod(0o600)
    return db


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing a test runs in this process (forks included) can reach the user's own files."""
    for key in [k for k in os.environ if k.startswith("LEADLINE_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("CONFIG", "DATA", "STATE", "CACHE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / "home" / name.lower()))


@pytest.fixture
def cli_db(tmp_path: Path) -> Path:
    """The data file `cli` works on (not created until a command writes it)."""
    return tmp_path / "data" / "leadline.json"


@pytest.fixture
def cli(cli_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """`leadline` on an empty data file with the shipped default config."""
    return _in_process(cli_db, None, tmp_path, capsys)


@pytest.fixture
def sample_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """`leadline` on a copy of the bundled sample pipeline (anchor day 2026-11-23)."""
    return _in_process(_sample_copy(tmp_path), SAMPLE_DIR / "config.yaml", tmp_path, capsys)


@pytest.fixture
def cli_process(cli_db: Path, tmp_path: Path) -> Run:
    """`leadline` in a fresh interpreter on the same data file as `cli`."""
    return _in_a_process(cli_db, None, tmp_path)
