"""Run the real `leadline` command in a subprocess against a private data file."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DIR = ROOT / "sample_data"

Run = Callable[..., subprocess.CompletedProcess[str]]


def _runner(db: Path, config: Path | None, home: Path) -> Run:
    def run(*args: str, check: bool = True, env: dict[str, str] | None = None, **kw: object):
        full_env = {
            key: value for key, value in os.environ.items() if not key.startswith("LEADLINE_")
        }
        full_env.update(
            LEADLINE_DB=str(db),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_STATE_HOME=str(home / "state"),
        )
        if config is not None:
            full_env["LEADLINE_CONFIG"] = str(config)
        full_env.update(env or {})
        result = subprocess.run(
            [sys.executable, "-m", "leadline.tui.cli.main", *args],
            capture_output=True,
            text=True,
            env=full_env,
            stdin=subprocess.DEVNULL,
            timeout=60,
            **kw,  # type: ignore[arg-type]
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"leadline {' '.join(args)} exited {result.returncode}\n{result.stderr}"
            )
        return result

    return run


@pytest.fixture
def cli(tmp_path: Path) -> Run:
    """`leadline` on an empty data file with the shipped default config."""
    return _runner(tmp_path / "data" / "leadline.json", None, tmp_path)


@pytest.fixture
def sample_cli(tmp_path: Path) -> Run:
    """`leadline` on a copy of the bundled sample pipeline (anchor day 2026-11-23)."""
    db = tmp_path / "sample.json"
    db.write_text((SAMPLE_DIR / "pipeline.json").read_text(encoding="utf-8"), encoding="utf-8")
    db.chmod(0o600)
    return _runner(db, SAMPLE_DIR / "config.yaml", tmp_path)
