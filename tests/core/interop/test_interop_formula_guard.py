"""CSV exports cannot run formulas in a spreadsheet (OWASP "CSV injection"), and
leadline's own import takes the guard off again: a re-import gives the same names."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from interop_support import TODAY

from leadline.core.config.model import Config
from leadline.core.interop.exporters import export_csv
from leadline.core.interop.exporters.tabular import guard_formula, unguard_formula
from leadline.core.interop.importers import import_rows
from leadline.core.models import Prospect

MOMENT = datetime(2025, 3, 14, 9, 30)
DANGEROUS = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\tTabbed Ltd",
    "\rReturn Ltd",
]
PLAIN = ["Acme Ltd", "'til Dawn Ltd", "O'Brien & Sons", "", "1=1 Corp", "'", "a-b"]
TRICKY = ["'=already guarded", "''double", "'''", "'-", "'\t"]


def _prospect(name: str, **fields: object) -> Prospect:
    base = Prospect(id="0000000a", name=name, stage="lead", created=MOMENT, updated=MOMENT)
    return replace(base, **fields)  # type: ignore[arg-type]


def _rows(prospects: list[Prospect], *, guard: bool = True) -> list[dict[str, str]]:
    out = io.StringIO(newline="")
    export_csv(prospects, out, guard=guard)
    return list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))


@pytest.mark.parametrize("name", DANGEROUS)
def test_a_text_cell_a_spreadsheet_would_run_gets_an_apostrophe(name: str) -> None:
    prospect = _prospect(name, lost_reason=name, external_id=name, decision_timeframe=name)
    (row,) = _rows([prospect])
    for column in ("name", "lost_reason", "external_id", "decision_timeframe"):
        assert row[column] == "'" + name


@pytest.mark.parametrize("name", PLAIN)
def test_other_text_is_written_as_it_is(name: str) -> None:
    (row,) = _rows([_prospect(name)])
    assert row["name"] == name


def test_numbers_and_dates_are_never_guarded() -> None:
    prospect = _prospect("Acme", value=-500.0, budget=-1.5)
    (row,) = _rows([prospect])
    assert (row["value"], row["budget"]) == ("-500.0", "-1.5")
    assert row["created"] == "2025-03-14T09:30:00"


def test_the_guard_can_be_turned_off() -> None:
    rows = _rows([_prospect(name) for name in DANGEROUS], guard=False)
    assert [row["name"] for row in rows] == DANGEROUS


def test_reimporting_leadlines_own_csv_gives_the_same_names(config: Config, tmp_path: Path) -> None:
    names = DANGEROUS + PLAIN + TRICKY
    pipeline = [
        replace(_prospect(name), id=f"{n:08x}", lost_reason=name)
        for n, name in enumerate(names, start=1)
    ]
    out = io.StringIO(newline="")
    export_csv(pipeline, out)
    path = tmp_path / "export.csv"
    path.write_text(out.getvalue(), encoding="utf-8", newline="")
    result = import_rows(path, config, today=TODAY, existing=[])
    assert result.problems == []
    assert [(p.name, p.lost_reason) for p in result.new] == [(n, n) for n in names]
    assert result.new == pipeline


@given(st.text())
def test_unguard_is_the_exact_inverse_of_guard(text: str) -> None:
    guarded = guard_formula(text)
    assert unguard_formula(guarded) == text
    assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r"))
