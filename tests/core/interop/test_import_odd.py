"""Odd import files: a bad row or record is reported and the import goes on. Each of
these aborted the whole import with a traceback (and took the TUI down with it)."""

from __future__ import annotations

import codecs
import json
from datetime import datetime
from pathlib import Path

from interop_support import TODAY

from leadline.core.config.model import Config
from leadline.core.interop.importers import import_rows
from leadline.core.models import Prospect

HEADER = "Company,Contact,Stage,Value,Close date\n"
GOOD = "Acme Ltd,Ann Smith,Lead,100,2026-12-01\n"
LAST = "Globex,Gil,Lead,200,\n"


def _import(config: Config, path: Path) -> tuple[list[str], list[str], list[str]]:
    result = import_rows(path, config, today=TODAY, existing=[])
    return [p.name for p in result.new], [str(p) for p in result.problems], result.warnings


def test_a_cell_over_128_kib_rejects_its_row_only(config: Config, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text(HEADER + GOOD + "Big Ltd,Bo," + "x" * 200_000 + ",1,\n" + LAST, "utf-8")
    names, problems, _ = _import(config, path)
    assert names == ["Acme Ltd", "Globex"]
    assert len(problems) == 1 and problems[0].startswith("line 3: cannot be read as CSV")


def test_a_utf16_file_with_a_stray_byte_imports_with_a_warning(
    config: Config, tmp_path: Path
) -> None:
    path = tmp_path / "excel.csv"
    text = HEADER + GOOD + LAST
    body = text.encode("utf-16-le")
    cut = 2 * text.index(" Smith")  # a lone surrogate in Ann's name, and an odd last byte
    path.write_bytes(codecs.BOM_UTF16_LE + body[:cut] + b"\x00\xd8" + body[cut:] + b"\x41")
    result = import_rows(path, config, today=TODAY, existing=[])
    assert [p.name for p in result.new] == ["Acme Ltd", "Globex"]
    assert result.new[0].contacts[0].name == "Ann\ufffd Smith"
    assert [p.line for p in result.problems] == [4]  # the odd byte, alone on a last line
    assert any("are not UTF-16" in w for w in result.warnings)


def _native(tmp_path: Path, docs: list[object], deep_at: int | None = None) -> Path:
    text = json.dumps({"format": "leadline", "version": 1, "prospects": docs})
    if deep_at is not None:
        marker = json.dumps(f"DEEP{deep_at}")
        text = text.replace(marker, "[" * 100_000 + "]" * 100_000)
    path = tmp_path / "pipeline.json"
    path.write_text(text, encoding="utf-8")
    return path


def _doc(name: str, pid: str) -> dict[str, object]:
    moment = datetime(2026, 11, 1, 9)
    return Prospect(id=pid, name=name, stage="lead", created=moment, updated=moment).to_doc()


def test_a_100k_deep_record_is_rejected_alone(config: Config, tmp_path: Path) -> None:
    deep = _doc("Deep Ltd", "0000dddd") | {"tags": "DEEP2"}
    path = _native(tmp_path, [_doc("Acme Ltd", "0000aaaa"), deep, _doc("Globex", "0000bbbb")], 2)
    names, problems, _ = _import(config, path)
    assert names == ["Acme Ltd", "Globex"]
    assert problems == ["line 2: nests too deeply to be a prospect record"]


def test_wrong_types_in_leadline_json_name_the_field(config: Config, tmp_path: Path) -> None:
    docs: list[object] = [
        _doc("Acme Ltd", "0000aaaa"),
        _doc("x", "0000cccc") | {"name": 123},
        _doc("y", "0000dddd") | {"touches": [{"date": "9999-01-01", "outcome": "replied"}]},
        _doc("z", "0000eeee") | {"value": "lots"},
        "not a record",
        _doc("Globex", "0000bbbb"),
    ]
    names, problems, _ = _import(config, _native(tmp_path, docs))
    assert names == ["Acme Ltd", "Globex"]
    assert problems == [
        "line 2: field 'name' is 123, not text",
        "line 3: field 'touches[0].date' is in year 9999; dates must fall in the years 1900-2200",
        "line 4: field 'value' is 'lots', not a number",
        "line 5: not a prospect record",
    ]


def test_dates_past_the_model_reject_their_csv_row(config: Config, tmp_path: Path) -> None:
    path = tmp_path / "far.csv"
    path.write_text(HEADER + GOOD + "Far Ltd,Fa,Lead,1,9999-12-31\n" + LAST, "utf-8")
    names, problems, _ = _import(config, path)
    assert names == ["Acme Ltd", "Globex"]
    assert len(problems) == 1 and "line 3: Close date: '9999-12-31' is in year 9999" in problems[0]
