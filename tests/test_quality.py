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


def _wheel_layout(base: Path) -> Path:
    """`base/leadline/{core,tui,...}` linking to the tree, as the wheel installs it: mypy
    cannot follow the editable install's import hook (leadline.core -> core/)."""
    package = base / "leadline"
    package.mkdir(parents=True, exist_ok=True)
    for folder in ("core", "tui", "themes", "sample_data"):
        link = package / folder
        if not link.is_symlink():  # made once; another run may be making it right now
            spare = package / f".{folder}.{os.getpid()}"
            spare.symlink_to(ROOT / folder, target_is_directory=True)
            os.replace(spare, link)
    return base


def test_mypy_strict_on_core_and_clean_on_tui(tmp_path: Path) -> None:
    # The layout and mypy's cache stay in .mypy_cache/ (ignored by git) between runs, so
    # mypy rechecks only what changed (0.5 s instead of 8): its incremental mode reports
    # what a cold run reports. Where the tree is read-only, a cold run in tmp_path.
    try:
        layout = _wheel_layout(ROOT / ".mypy_cache" / "wheel-layout")
    except OSError:
        layout = _wheel_layout(tmp_path)
    mypy = _tool("mypy")
    out = subprocess.run(
        [
            mypy,
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--namespace-packages",
            "--explicit-package-bases",
            "--cache-dir",
            str(layout / "cache"),
            "-p",
            "leadline.core",
            "-p",
            "leadline.tui",
        ],
        cwd=layout,
        capture_output=True,
        text=True,
        env={**os.environ, "MYPYPATH": ""},
    )
    assert out.returncode == 0, out.stdout + out.stderr
