"""An import matches its rows against the store's summaries (ids, external ids, names and
e-mails are all in them) and decodes the whole prospect only for the rows that match one:
the outcome is the same as matching against the whole prospects, notes' text and all."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from interop_support import TODAY

from leadline.core.config.model import Config
from leadline.core.interop.exporters import export_json
from leadline.core.interop.importers import ImportResult, import_rows, read_import
from leadline.core.models import Prospect
from leadline.core.records.summary import is_summary, summarize
from leadline.core.sample.generate import generate_pipeline

ANCHOR = date(2026, 11, 23)


@pytest.fixture(scope="module")
def stored() -> list[Prospect]:
    return generate_pipeline(120, ANCHOR, seed=3)


def _csv(tmp_path: Path, stored: list[Prospect]) -> Path:
    """Rows for three stored prospects (one changed, two as they are) and two new ones."""
    rows = ["Company,Email,Stage,Value"]
    for p in stored[:3]:
        email = p.contacts[0].email if p.contacts else ""
        rows.append(f"{p.name},{email},{p.stage},{900 if p is stored[0] else ''}")
    rows += ["Brand New Ltd,ann@brand-new.test,lead,100", "Other New,,lead,"]
    path = tmp_path / "crm.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _outcome(result: ImportResult) -> tuple[object, ...]:
    new = [(p.name, p.stage, p.value) for p in result.new]  # fresh ids differ run to run
    return new, result.updated, result.unchanged, result.problems


def _settled(path: Path, config: Config, stored: list[Prospect]) -> tuple[object, ...]:
    """The import against the whole prospects, and against their summaries with a counted
    `whole`: both outcomes, and the ids `whole` decoded."""
    by_id = {p.id: p for p in stored}
    asked: list[str] = []

    def whole(pid: str) -> Prospect:
        asked.append(pid)
        return by_id[pid]

    pending = read_import(path, config, today=ANCHOR)
    on_whole = pending.settle(stored)
    on_summaries = pending.settle([summarize(p) for p in stored], whole)
    return _outcome(on_whole), _outcome(on_summaries), asked


def test_a_csv_import_on_summaries_decodes_only_the_rows_matches(
    config: Config, tmp_path: Path, stored: list[Prospect]
) -> None:
    on_whole, on_summaries, asked = _settled(_csv(tmp_path, stored), config, stored)
    assert on_summaries == on_whole
    assert sorted(asked) == sorted(p.id for p in stored[:3])
    new, (updated,), unchanged, _ = on_summaries  # type: ignore[misc]
    assert (len(new), unchanged) == (2, 2)
    assert updated.value == 900 and not is_summary(updated)
    assert updated.notes == stored[0].notes and any(n.text for n in updated.notes)


def test_a_leadline_export_reimported_on_summaries_is_unchanged(
    config: Config, tmp_path: Path, stored: list[Prospect]
) -> None:
    # Leadline's own file names prospects by id: compared whole, nothing changed (compared
    # with a summary, every prospect with a note would look updated and lose its text).
    out = io.StringIO()
    export_json(stored[:40], out)
    path = tmp_path / "export.json"
    path.write_text(out.getvalue(), encoding="utf-8")
    on_whole, on_summaries, asked = _settled(path, config, stored)
    assert on_summaries == on_whole == ([], [], 40, [])
    assert sorted(asked) == sorted(p.id for p in stored[:40])


def test_summaries_without_the_whole_prospects_are_refused(
    config: Config, tmp_path: Path, stored: list[Prospect]
) -> None:
    with pytest.raises(ValueError, match="summaries without"):
        import_rows(_csv(tmp_path, stored), config, today=TODAY,
                    existing=[summarize(p) for p in stored])  # fmt: skip
