"""Odd data files for the odd-file tests: one prospect document with one field gone wrong,
and `leadline` run in-process on such a file (as tests/cli/conftest.py does it)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from leadline.core.models import Contact, FollowUpPlan, Meeting, Prospect, Role, StageEntry
from leadline.tui.cli.main import main

HEADER = {"_leadline": {"1": {"format": "leadline", "schema_version": 1, "revision": 1}}}


def good_doc(pid: str = "abcd1234", name: str = "Acme Ltd") -> dict[str, Any]:
    """A prospect document as leadline writes it."""
    return Prospect(
        id=pid,
        name=name,
        stage="qualified",
        created=datetime(2026, 11, 1, 9),
        updated=datetime(2026, 11, 2, 9),
        value=12000.0,
        contacts=(Contact("Jo Bloggs", Role.DECISION_MAKER),),
        plan=FollowUpPlan(interval_days=7, next_due=datetime(2026, 11, 25).date()),
        stage_history=(StageEntry("qualified", datetime(2026, 11, 1).date()),),
        meetings=(Meeting(datetime(2026, 11, 26).date(), "Demo"),),
    ).to_doc()


def write_data_file(path: Path, docs: list[dict[str, Any]] | None = None, text: str = "") -> Path:
    """A leadline data file holding `docs` (or the prospects table written as `text`)."""
    body = text or json.dumps({str(i): d for i, d in enumerate(docs or [], start=1)})
    path.write_text(json.dumps(HEADER)[:-1] + ', "prospects": ' + body + "}", encoding="utf-8")
    return path


@dataclass(frozen=True)
class Result:
    status: int
    out: str
    err: str


Run = Callable[..., Result]


def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Run:
    """`leadline(*argv)` in-process on tmp_path/leadline.json; an exception fails the test.
    (each test module wraps it in its own `leadline` fixture)."""
    monkeypatch.chdir(tmp_path)
    for key in ("LEADLINE_CONFIG", "LEADLINE_DB"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LEADLINE_DB", str(tmp_path / "leadline.json"))
    for name in ("CONFIG", "DATA", "STATE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / name.lower()))

    def run(*argv: str) -> Result:
        capsys.readouterr()
        try:
            status = main(list(argv))
        except SystemExit as leaving:  # argparse
            status = leaving.code if isinstance(leaving.code, int) else 1
        out, err = capsys.readouterr()
        return Result(status, out, err)

    return run
