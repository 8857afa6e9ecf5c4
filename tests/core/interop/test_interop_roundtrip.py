"""leadline's own CSV and JSON exports import back into the same prospects."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from interop_support import TODAY
from strategies import prospects

from leadline.core.config.model import Config
from leadline.core.interop.exporters import export_csv, export_json
from leadline.core.interop.importers import import_rows
from leadline.core.models import Prospect

pipelines = st.lists(prospects(), max_size=6, unique_by=lambda p: p.id)
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _reimport(text: str, suffix: str, folder: Path, config: Config) -> list[Prospect]:
    assume(_utf8(text))  # lone surrogates cannot be stored in any UTF-8 file
    path = folder / f"export{suffix}"
    path.write_text(text, encoding="utf-8", newline="")
    result = import_rows(path, config, today=TODAY, existing=[])
    assert result.problems == [] and result.updated == []
    return result.new


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# One drawn pipeline through both formats: drawing whole prospects is most of the time.
@SETTINGS
@given(pipeline=pipelines)
def test_json_and_csv_round_trip(pipeline: list[Prospect], config: Config, tmp_path: Path) -> None:
    as_json = io.StringIO()
    assert export_json(pipeline, as_json) == len(pipeline)
    assert _reimport(as_json.getvalue(), ".json", tmp_path, config) == pipeline
    as_csv = io.StringIO(newline="")
    assert export_csv(pipeline, as_csv) == len(pipeline)
    assert _reimport(as_csv.getvalue(), ".csv", tmp_path, config) == pipeline


def test_csv_has_every_field_as_a_column(config: Config) -> None:
    out = io.StringIO(newline="")
    export_csv([], out)
    header = next(csv.reader(io.StringIO(out.getvalue())))
    moment = datetime(2025, 3, 14)
    sample = Prospect(id="a", name="b", stage="lead", created=moment, updated=moment)
    assert header == list(sample.to_doc())


def test_json_is_a_versioned_document(config: Config) -> None:
    out = io.StringIO()
    export_json([], out)
    assert json.loads(out.getvalue()) == {"format": "leadline", "version": 1, "prospects": []}


def test_json_reimport_into_a_filled_store_updates_by_id(config: Config, tmp_path: Path) -> None:
    path = tmp_path / "seed.csv"
    path.write_text("Name,Stage\nAcme,lead\nGlobex,lead\n", encoding="utf-8")
    stored = import_rows(path, config, today=TODAY, existing=[]).new
    out = io.StringIO()
    export_json(stored, out)
    edited = out.getvalue().replace('"Globex"', '"Globex Corp"')
    target = tmp_path / "export.json"
    target.write_text(edited, encoding="utf-8")
    result = import_rows(target, config, today=TODAY, existing=stored)
    assert result.format == "json" and result.new == [] and result.unchanged == 1
    (renamed,) = result.updated
    assert (renamed.id, renamed.name) == (stored[1].id, "Globex Corp")


def test_json_from_another_config_reports_unknown_stages(config: Config, tmp_path: Path) -> None:
    moment = datetime(2025, 3, 14)
    pipeline = [
        Prospect(id="00000001", name="A", stage="Discovery", created=moment, updated=moment),
        Prospect(id="00000002", name="B", stage="pitch", created=moment, updated=moment),
    ]
    out = io.StringIO()
    export_json(pipeline, out)
    path = tmp_path / "other.json"
    path.write_text(out.getvalue(), encoding="utf-8")
    result = import_rows(path, config, today=TODAY, existing=[])
    assert [(p.id, p.stage) for p in result.new] == [("00000001", "needs")]  # stage_mapping
    assert result.unmapped_stages == {"pitch": 1}
    assert [str(p) for p in result.problems] == [
        "line 2: unknown stage 'pitch': add it to stage_mapping"
    ]
