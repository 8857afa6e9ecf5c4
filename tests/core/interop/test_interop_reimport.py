"""Re-importing never duplicates: matches on external id, else name + contact email."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from interop_support import TODAY

from leadline.core.config.model import Config
from leadline.core.interop.importers import RowProblem, import_rows
from leadline.core.models import StageEntry, Touch, TouchOutcome

WITH_IDS = (
    "Id,Company,Email,Stage,Value\nX1,Acme,ann@acme.test,Lead,100\nX2,Acme,bob@acme.test,Lead,200\n"
)
NO_IDS = "Company,Email,Stage\nAcme,ann@acme.test,Lead\nAcme,bob@acme.test,Lead\nGlobex,,Lead\n"


def _file(tmp_path: Path, text: str, name: str = "in.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_same_file_twice_updates_nothing(config: Config, tmp_path: Path) -> None:
    path = _file(tmp_path, WITH_IDS)
    first = import_rows(path, config, today=TODAY, existing=[])
    again = import_rows(path, config, today=TODAY, existing=first.new)
    assert len(first.new) == 2
    assert (again.new, again.updated, again.unchanged) == ([], [], 2)


def test_changed_row_updates_the_stored_prospect_in_place(config: Config, tmp_path: Path) -> None:
    first = import_rows(_file(tmp_path, WITH_IDS), config, today=TODAY, existing=[]).new
    worked = replace(first[0], touches=(Touch(date(2025, 3, 1), "phone", TouchOutcome.REPLIED),))
    stored = [worked, first[1]]
    changed = WITH_IDS.replace(
        "X1,Acme,ann@acme.test,Lead,100", "X1,Acme,ann@acme.test,Proposal,900"
    )
    later = date(2025, 3, 20)
    result = import_rows(_file(tmp_path, changed, "v2.csv"), config, today=later, existing=stored)
    assert (result.new, result.unchanged) == ([], 1)
    (updated,) = result.updated
    assert (updated.id, updated.stage, updated.value) == (worked.id, "proposal", 900)
    assert updated.touches == worked.touches  # what leadline knows stays
    assert updated.stage_history[-1] == StageEntry("proposal", later)
    assert updated.updated == datetime(2025, 3, 20)


def test_name_and_email_match_when_there_is_no_id(config: Config, tmp_path: Path) -> None:
    path = _file(tmp_path, NO_IDS)
    first = import_rows(path, config, today=TODAY, existing=[]).new
    assert [(p.name, p.contacts[0].email if p.contacts else "") for p in first] == [
        ("Acme", "ann@acme.test"),
        ("Acme", "bob@acme.test"),
        ("Globex", ""),
    ]
    shouty = NO_IDS.replace("Acme,ann@acme.test", "ACME ,Ann@Acme.test")
    again = import_rows(_file(tmp_path, shouty, "b.csv"), config, today=TODAY, existing=first)
    assert (again.new, again.unchanged) == ([], 2)
    (renamed,) = again.updated  # matched despite case and spaces; takes the file's spelling
    assert (renamed.id, renamed.name) == (first[0].id, "ACME")


def test_a_repeated_row_in_one_file_is_reported(config: Config, tmp_path: Path) -> None:
    text = WITH_IDS + "X1,Acme again,ann@acme.test,Lead,100\n"
    result = import_rows(_file(tmp_path, text), config, today=TODAY, existing=[])
    assert len(result.new) == 2
    assert result.problems == [RowProblem(4, "same prospect as line 2; skipped")]


def test_old_file_does_not_undo_a_later_stage_move(config: Config, tmp_path: Path) -> None:
    text = "Id,Company,Stage,Created\nX1,Acme,Lead,2025-01-02\n"
    (imported,) = import_rows(_file(tmp_path, text), config, today=TODAY, existing=[]).new
    moved = replace(
        imported,
        stage="demo",
        stage_history=(*imported.stage_history, StageEntry("demo", date(2025, 2, 1))),
    )
    result = import_rows(_file(tmp_path, text), config, today=TODAY, existing=[moved])
    assert (result.updated, result.unchanged) == ([], 1)


def test_new_ids_never_collide_with_stored_ones(config: Config, tmp_path: Path) -> None:
    rows = "".join(f"P{i},lead\n" for i in range(300))
    path = _file(tmp_path, "Name,Stage\n" + rows)
    first = import_rows(path, config, today=TODAY, existing=[]).new
    more = import_rows(
        _file(tmp_path, "Name,Stage\n" + rows.replace("P", "Q"), "q.csv"),
        config,
        today=TODAY,
        existing=first,
    ).new
    ids = [p.id for p in first + more]
    assert len(ids) == len(set(ids)) == 600
