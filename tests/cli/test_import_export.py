"""`leadline import` / `export` as a user runs them, on real CRM files."""

from __future__ import annotations

import csv
import json
import os
import stat
import statistics
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from icalendar import Calendar

Run = Callable[..., Any]  # conftest's runners: (*argv, check=, env=) -> Result
DATA = Path(__file__).resolve().parents[1] / "data"


def as_json(result: Any) -> Any:
    return json.loads(result.stdout)


def test_maven_import_then_funnel_agrees_with_the_csv(cli: Run, tmp_path: Path) -> None:
    # Every 20th deal of the Maven file (440, every stage): the command's part. The whole file
    # (8,800 deals, the funnel's figures, a second import) is tests/core/interop/test_interop_maven.
    with (DATA / "maven" / "sales_pipeline.csv").open(encoding="utf-8", newline="") as handle:
        lines = handle.read().splitlines(keepends=True)
    source = tmp_path / "sales_pipeline.csv"
    source.write_text("".join([lines[0], *lines[1::20]]), encoding="utf-8", newline="")
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    out = cli("import", str(source)).stdout
    assert f"{len(rows)} new" in out and "0 rows skipped" in out

    stages = Counter(row["deal_stage"] for row in rows)
    won_days = [
        (date.fromisoformat(r["close_date"]) - date.fromisoformat(r["engage_date"])).days
        for r in rows
        if r["deal_stage"] == "Won"
    ]
    funnel = as_json(cli("funnel", "--today", "2026-11-23", "--json"))
    counts = {s["key"]: s["count"] for s in funnel["stages"]}
    # The default config maps Maven's words: Prospecting -> lead, Engaging -> meeting.
    assert counts["lead"] == stages["Prospecting"] > 0
    assert counts["meeting"] == stages["Engaging"] > 0
    outcomes = {o["key"]: o["count"] for o in funnel["outcomes"]}
    assert outcomes["won"] == stages["Won"]
    assert outcomes["lost"] == stages["Lost"]
    expected_rate = stages["Won"] / (stages["Won"] + stages["Lost"])
    assert abs(funnel["win_rate"] - expected_rate) < 1e-4
    assert funnel["normal_cycle_days"] == round(statistics.median(won_days))

    again = cli("import", str(source)).stdout
    assert "0 new" in again and f"{len(rows)} unchanged" in again
    assert len(as_json(cli("list", "--json"))) == len(rows)


def test_malformed_csv_reports_lines_and_imports_good_rows(cli: Run, tmp_path: Path) -> None:
    bad = tmp_path / "leads.csv"
    bad.write_text(
        "Company;Value;Stage;Close date;Email\n"
        "Acme GmbH;€1.200,50;Qualified;31.12.2026;jo@acme.example\n"
        "Ragged Ltd;100\n"
        "Negative SA;-500;Lead;01.12.2026;x@neg.example\n"
        "Baddate AG;300;Lead;99.99.2026;b@bad.example\n"
        "Nowhere Inc;300;Heaven;01.12.2026;n@nowhere.example\n"
        "Борей ООО;2 500;Proposal;15.01.2027;info@borey.example\n",
        encoding="utf-8",
    )
    dry = cli("import", str(bad), "--dry-run")
    assert "would import 2 new" in dry.stdout
    assert cli("list", "--json", check=False).returncode == 2  # the dry run made no data file

    result = cli("import", str(bad))
    for line in (3, 4, 5, 6):
        assert f"line {line}:" in result.stderr
    assert "Heaven" in result.stdout  # unmapped stage reported, not guessed
    listed = {p["name"]: p for p in as_json(cli("list", "--json"))}
    assert set(listed) == {"Acme GmbH", "Борей ООО"}
    assert listed["Acme GmbH"]["value"] == 1200.5
    assert listed["Acme GmbH"]["expected_close"] == "2026-12-31"
    assert listed["Борей ООО"]["stage"] == "proposal"


def test_json_export_round_trips_into_an_empty_file(
    sample_cli: Run, cli: Run, tmp_path: Path
) -> None:
    exported = tmp_path / "out" / "pipeline.json"
    exported.parent.mkdir()
    old = os.umask(0o022)
    try:
        sample_cli("export", "--format", "json", "-o", str(exported))
    finally:
        os.umask(old)
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600
    cli("import", str(exported))
    before = sorted(as_json(sample_cli("list", "--json")), key=lambda p: p["id"])
    after = sorted(as_json(cli("list", "--json")), key=lambda p: p["id"])
    assert after == before


def test_ics_export_has_meetings_with_alarms(sample_cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "followups.ics"
    sample_cli("export", "--format", "ics", "-o", str(target))
    calendar = Calendar.from_ical(target.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert events, "the sample pipeline has booked meetings"
    assert any(list(event.walk("VALARM")) for event in events)
    uids = [str(c["UID"]) for c in calendar.subcomponents if "UID" in c]
    assert len(uids) == len(set(uids))


def test_an_import_reads_its_file_without_holding_up_other_saves(
    cli: Run, cli_process: Run, tmp_path: Path, monkeypatch: Any
) -> None:
    # While the import is still reading rows, another terminal notes on a prospect. The
    # note must save at once (it once waited for the whole import: a 1M-row file blocked
    # every save for over a minute), and the import, settled afterwards, must keep it.
    from leadline.core.interop.importers import pipeline  # noqa: PLC0415

    pid = cli("add", "Acme Ltd", "--value", "100").stdout.strip()
    source = tmp_path / "deals.csv"
    source.write_text("Name,Value\nAcme Ltd,250\nGlobex,900\nInitech,50\n", encoding="utf-8")
    real_build, elsewhere = pipeline.build_prospect, []

    def build_and_note_elsewhere(*args: Any) -> Any:
        if not elsewhere:
            elsewhere.append(cli_process("note", pid, "said while importing", check=False))
        return real_build(*args)

    monkeypatch.setattr(pipeline, "build_prospect", build_and_note_elsewhere)
    out = cli("import", str(source)).stdout
    assert elsewhere[0].returncode == 0, elsewhere[0].stderr
    assert "2 new" in out and "1 updated" in out
    shown = cli("show", pid, "--json").stdout
    assert "said while importing" in shown and '"value": 250.0' in shown
