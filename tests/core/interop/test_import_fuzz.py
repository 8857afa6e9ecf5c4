"""Fuzz of the importers: CSV tables of odd cells in any encoding, leadline JSON exports
of odd records, and plain odd bytes. Every run ends in an ImportResult (good rows in,
bad rows listed by line) or an ImportFileError for a file that is no table at all;
never a traceback. Whatever is imported can be stored and used by every command."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from fuzz_support import WORDS, document_text, exercise, odd_documents, rich_prospect
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadline.core.config.model import Config
from leadline.core.interop.importers import ImportFileError, ImportResult, import_rows

TODAY = rich_prospect().created.date()
SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
COLUMNS = ("Company", "Contact", "Email", "Stage", "Status", "Value", "Budget", "Currency",
           "Close date", "Created", "Next step date", "Won", "Employees", "Phone", "Tags",
           "Lost reason", "Deal - Title", "Record ID", "id", "stage_history", "touches",
           "external_id", "name", "created", "updated", "Favourite colour")  # fmt: skip
CELLS = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(["Acme Ltd", "12k", "€12.500,00", "-5", "9" * 400, "31/13/2025", "yes",
                     "30.04.2025", "2024-01-22T16:14:25.000+0000", "[]", "{}", '"', "\n"]),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=15),
)  # fmt: skip
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("import-fuzz")


def _imported(path: Path, config: Config) -> ImportResult | None:
    try:
        result = import_rows(path, config, today=TODAY, existing=[rich_prospect()])
    except ImportFileError:
        return None
    assert all(isinstance(p.line, int) and p.reason for p in result.problems)
    exercise([*result.new, *result.updated], config, TODAY)
    return result


@st.composite
def _tables(draw: st.DrawFn) -> bytes:
    header = draw(st.lists(st.sampled_from(COLUMNS), min_size=1, max_size=7, unique=True))
    width = len(header)
    rows = draw(st.lists(st.lists(CELLS, min_size=width - 1, max_size=width + 1), max_size=5))
    lines = [header, *rows]
    text = "\n".join(",".join(json.dumps(c) if "," in c else c for c in r) for r in lines)
    encoding = draw(st.sampled_from(ENCODINGS))
    data = text.encode(encoding, errors="replace")
    if draw(st.booleans()):  # a stray byte somewhere
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=2)) + data[at:]
    return data


@SETTINGS
@given(data=_tables())
def test_any_csv_imports_its_good_rows_and_lists_the_rest(
    folder: Path, config: Config, data: bytes
) -> None:
    path = folder / "odd.csv"
    path.write_bytes(data)
    _imported(path, config)


@SETTINGS
@given(docs=st.lists(odd_documents(), min_size=1, max_size=3), bare=st.booleans())
def test_any_leadline_json_imports_its_good_records_and_lists_the_rest(
    folder: Path, config: Config, docs: list[dict], bare: bool
) -> None:
    payload: object = docs if bare else {"format": "leadline", "version": 1, "prospects": docs}
    path = folder / "odd.json"
    path.write_bytes(document_text(payload))
    result = _imported(path, config)
    if result is not None and result.format == "json":
        assert len(result.new) + len(result.updated) + result.unchanged + len(
            result.rejected_lines
        ) == len(docs)


@SETTINGS
@given(
    start=st.sampled_from([b"", b"[", b'{"format": "leadline", "prospects": [', b"Company,Stage\n",
                           codecs.BOM_UTF16_LE, codecs.BOM_UTF8]),
    data=st.binary(max_size=200),
)  # fmt: skip
def test_any_bytes_are_a_result_or_an_import_file_error(
    folder: Path, config: Config, start: bytes, data: bytes
) -> None:
    path = folder / "odd.bin"
    path.write_bytes(start + data)
    _imported(path, config)
