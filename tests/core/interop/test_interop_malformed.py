"""Hand-made and broken files: every bad row reported by line, every good row imported."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from interop_support import TODAY

from leadline.core.config.model import Config
from leadline.core.interop.importers import ImportFileError, MappingError, RowProblem, import_rows
from leadline.core.models import Contact

MALFORMED = """\
Company,Contact,Email,Stage,Value,Close date,Favourite colour
Acme Ltd,Ann Smith,ann@acme.test,Proposal,"€12.500,00",30.04.2025,blue
Broken Row Ltd,Bob,bob@broken.test,Lead
Bad Date GmbH,Cem,cem@bad.test,Lead,100,31/13/2025,
Minus AG,Dora,dora@minus.test,Lead,-250,,
Weird Co,Eve,eve@weird.test,Haggling,300,,
Too Many Ltd,Finn,finn@many.test,Lead,1,,,surplus
Globex,Gil,gil@globex.test,qualified,"$1,234.50",2025-05-02,green

Twice Wrong Inc,Hal,hal@twice.test,Nowhere,-1,soon,
"""


def _write(tmp_path: Path, text: str, name: str = "leads.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_bad_rows_are_reported_by_line_and_good_rows_import(config: Config, tmp_path: Path) -> None:
    result = import_rows(_write(tmp_path, MALFORMED), config, today=TODAY, existing=[])
    assert [p.name for p in result.new] == ["Acme Ltd", "Globex"]
    assert result.rows_read == 8  # the blank line is not a row
    assert result.problems == [
        RowProblem(3, "has 4 fields; the header has 7"),
        RowProblem(4, "Close date: not a date: '31/13/2025'"),
        RowProblem(5, "Value: negative amount: '-250'"),
        RowProblem(6, "unknown stage 'Haggling': add it to stage_mapping in the config"),
        RowProblem(7, "has 8 fields; the header has 7"),
        RowProblem(10, "Close date: not a date: 'soon'"),
        RowProblem(10, "Value: negative amount: '-1'"),
        RowProblem(10, "unknown stage 'Nowhere': add it to stage_mapping in the config"),
    ]
    assert result.unmapped_stages == {"Haggling": 1, "Nowhere": 1}
    assert result.rejected_lines == [3, 4, 5, 6, 7, 10]


def test_good_rows_carry_every_value(config: Config, tmp_path: Path) -> None:
    acme, globex = import_rows(_write(tmp_path, MALFORMED), config, today=TODAY, existing=[]).new
    assert (acme.stage, acme.value, acme.currency, acme.expected_close) == (
        "proposal",
        12500.0,
        "EUR",
        date(2025, 4, 30),
    )
    assert acme.contacts == (Contact(name="Ann Smith", email="ann@acme.test"),)
    assert (globex.stage, globex.value, globex.currency) == ("qualified", 1234.5, "USD")
    # an unknown column is kept in a note, never dropped
    assert acme.notes[-1].text == "Imported from leads.csv:\nFavourite colour: blue"


def test_semicolons_and_windows_1252_with_a_warning(config: Config, tmp_path: Path) -> None:
    text = "Firma;Kontakt;E-Mail;Wert\nMüller & Söhne;Jörg Groß;jg@ms.test;1.500,00 €\n"
    path = _write(tmp_path, text, encoding="cp1252")  # Excel on Windows
    result = import_rows(
        path,
        config,
        mapping={"Firma": "organization", "Kontakt": "contact_name", "Wert": "value"},
        today=TODAY,
        existing=[],
    )
    (p,) = result.new
    assert (p.name, p.contacts[0].name, p.value, p.currency) == (
        "Müller & Söhne",
        "Jörg Groß",
        1500,
        "EUR",
    )
    assert result.warnings == [
        "leads.csv is not UTF-8; read it as cp1252. "
        "Check accented names, or save the file as UTF-8 and import again."
    ]


def test_latin1_fallback_when_not_windows_1252(config: Config, tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(b"Name\nCaf\xe9 \x81\n")  # 0x81 is undefined in Windows-1252
    result = import_rows(path, config, today=TODAY, existing=[])
    assert [p.name for p in result.new] == ["Café \x81"]
    assert "read it as latin-1" in result.warnings[0]


def test_tabs_and_bom_are_detected(config: Config, tmp_path: Path) -> None:
    text = (
        "\ufeffName\tStage\tNext follow-up\nАрмен Ltd\tLead\t05/03/2025\nОльга\tlead\t25/03/2025\n"
    )
    result = import_rows(_write(tmp_path, text), config, today=TODAY, existing=[])
    assert result.warnings == [] and result.problems == []
    assert [(p.name, p.plan.next_due) for p in result.new] == [
        ("Армен Ltd", date(2025, 3, 5)),  # day-first: the column has 25/03
        ("Ольга", date(2025, 3, 25)),
    ]


def test_month_first_column(config: Config, tmp_path: Path) -> None:
    text = "Name,Created\nA,03/05/2024\nB,12/25/2024\n"
    result = import_rows(_write(tmp_path, text), config, today=TODAY, existing=[])
    assert [p.created.date() for p in result.new] == [date(2024, 3, 5), date(2024, 12, 25)]


def test_mapping_overrides_and_explicit_ignore(config: Config, tmp_path: Path) -> None:
    text = "Client,Size,Secret,Revenue\nInitech,250,x,12.5\n"
    mapping = {"Client": "name", "Size": "employees", "Secret": "ignore", "Revenue": "icp:revenue"}
    (p,) = import_rows(
        _write(tmp_path, text), config, mapping=mapping, today=TODAY, existing=[]
    ).new
    assert (p.name, p.icp, p.notes) == ("Initech", {"employees": 250, "revenue": 12.5}, ())


def test_mapping_errors_name_the_problem(config: Config, tmp_path: Path) -> None:
    path = _write(tmp_path, "Name,Stage\nA,lead\n")
    with pytest.raises(MappingError, match="no column 'Nope'"):
        import_rows(path, config, mapping={"Nope": "name"}, today=TODAY, existing=[])
    with pytest.raises(MappingError, match="unknown field 'colour'"):
        import_rows(path, config, mapping={"Name": "colour"}, today=TODAY, existing=[])


def test_whole_file_problems(config: Config, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="empty"):
        import_rows(_write(tmp_path, ""), config, today=TODAY, existing=[])
    with pytest.raises(ImportFileError, match="cannot read"):
        import_rows(tmp_path / "missing.csv", config, today=TODAY, existing=[])
    with pytest.raises(ImportFileError, match="not a leadline export"):
        import_rows(_write(tmp_path, '{"a": 1}', "x.json"), config, today=TODAY, existing=[])
    with pytest.raises(ImportFileError, match="unknown format"):
        import_rows(_write(tmp_path, "Name\nA\n"), config, fmt="xlsx", today=TODAY, existing=[])


def test_status_column_and_outcome_words(config: Config, tmp_path: Path) -> None:
    text = (
        "Name,Stage,Status,Lost reason,Closed on\n"
        "A,Demo / trial,Won,,2025-01-10\n"
        "B,Nonsense,Lost,Budget cut,2025-02-01\n"
        "C,Closed Won,,,2025-02-02\n"
        "D,nurture,,,\n"
    )
    a, b, c, d = import_rows(_write(tmp_path, text), config, today=TODAY, existing=[]).new
    assert (a.stage, a.stage_history[0].stage) == ("won", "won")
    assert (b.stage, b.lost_reason) == ("lost", "Budget cut")
    assert "Stage: Nonsense" in b.notes[-1].text  # a closed deal's unknown stage is kept
    assert (c.stage, d.stage) == ("won", "nurture")


def test_progress_is_reported(config: Config, tmp_path: Path) -> None:
    rows = "".join(f"P{i},lead\n" for i in range(1200))
    seen: list[tuple[int, int]] = []
    import_rows(
        _write(tmp_path, "Name,Stage\n" + rows),
        config,
        today=TODAY,
        existing=[],
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen == [(500, 1200), (1000, 1200), (1200, 1200)]
