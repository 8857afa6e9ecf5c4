"""Lint and types, as part of the one test command: ruff over the tree, mypy
strict over core (and the default checks over the UI)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def test_ruff_lint_and_format_are_clean() -> None:
    ruff = _tool("ruff")
    lint = subprocess.run([ruff, "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout
    fmt = subprocess.run([ruff, "format", "--check", "."], cwd=ROOT, capture_output=True, text=True)
    assert fmt.returncode == 0, fmt.stdout


def test_mypy_strict_on_core_and_clean_on_tui(tmp_path: Path) -> None:
    # mypy cannot follow the editable install's import hook (leadline.core -> core/),
    # so it checks a tree laid out as the wheel installs it.
    package = tmp_path / "leadline"
    package.mkdir()
    for folder in ("core", "tui", "themes", "sample_data"):
        (package / folder).symlink_to(ROOT / folder, target_is_directory=True)
    mypy = _tool("mypy")
    out = subprocess.run(
        [
            mypy,
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--namespace-packages",
            "--explicit-package-bases",
            "--cache-dir",
            str(tmp_path / "cache"),
            "-p",
            "leadline.core",
            "-p",
            "leadline.tui",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "MYPYPATH": ""},
    )
    assert out.returncode == 0, out.stdout + out.stderr
