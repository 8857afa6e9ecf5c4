"""Odd data files: what `check` accepts, every command reads without a traceback.

Each odd value below passed `check` and then crashed `list`, `queue`, `note`, `show` or
the TUI (or was stored and overflowed later). Now `check` and every reader refuse the
file with the same DataFileError message, naming the document and the field; and the
dates typed at the command line stay in the years the model stores.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import msgspec
import pytest
from odd_support import Run, good_doc, runner, write_data_file

from leadline.core.models import Prospect
from leadline.core.store.decoding import DamagedDocument, decode_prospect
from leadline.core.store.facade import Store


@pytest.fixture
def leadline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Run:
    return runner(tmp_path, monkeypatch, capsys)


READERS = (
    ("check",),
    ("list",),
    ("queue",),
    ("funnel",),
    ("warnings",),
    ("show", "acme"),
    ("note", "acme", "hello"),
    ("export", "--format", "ics", "-o", "out.ics"),
)


def _with(path: str, value: Any) -> dict[str, Any]:
    """The good document with the field at `path` ('plan.next_due', 'contacts.0.name') set."""
    doc = good_doc()
    *parents, last = path.split(".")
    target: Any = doc
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    target[int(last) if last.isdigit() else last] = value
    return doc


ODD = {
    "name is a number": (_with("name", 12345), "field 'name' is 12345, not text"),
    "stage is a number": (_with("stage", 3), "field 'stage' is 3, not text"),
    "year 9999": (_with("expected_close", "9999-12-31"), "'expected_close' is in year 9999"),
    "year 0001": (_with("plan.next_due", "0001-01-01"), "'plan.next_due' is in year 1"),
    "a meeting in 9999": (_with("meetings.0.date", "9999-12-31"), "'meetings[0].date' is in"),
    "a time zone": (_with("created", "2026-11-01T09:00:00+02:00"), "'created' is '2026-11-01T"),
    "a huge interval": (_with("plan.interval_days", 99999999), "'plan.interval_days' is 99999999"),
    "a contact without a name": (_with("contacts.0.name", None), "'contacts[0].name' is null"),
    "contacts not a list": (_with("contacts", {"a": 1}), "'contacts' is an object, not a list"),
    "a role unknown": (_with("contacts.0.role", "boss"), "'contacts[0].role' is 'boss'"),
    "a flag as text": (_with("decision_maker_confirmed", "yes"), "is 'yes', not true or false"),
    "tags of numbers": (_with("tags", [1, 2]), "field 'tags[0]' is 1, not text"),
}
"""Odd document -> what the message says about it (after 'prospect 'abcd1234', ')."""

RAW_ODD = {
    "NaN amount": ('"value": 12000.0', '"value": NaN', "field 'value' is nan, not a number"),
    "infinite budget": ('"budget": null', '"budget": 1e400', "field 'budget' is inf, not a num"),
    "a lone surrogate": ('"name": "Acme Ltd"', '"name": "Acme \\ud800"', "lone surrogate"),
}
"""The same for values JSON writers cannot make: (good text, odd text, message)."""


def _odd_file(tmp_path: Path, case: str) -> tuple[Path, str]:
    db = tmp_path / "leadline.json"
    if case in ODD:
        doc, message = ODD[case]
        return write_data_file(db, [doc]), message
    good, odd, message = RAW_ODD[case]
    text = json.dumps({"1": good_doc()})
    assert good in text
    return write_data_file(db, text=text.replace(good, odd)), message


@pytest.mark.parametrize("case", [*ODD, *RAW_ODD])
def test_check_and_every_reader_refuse_an_odd_document_naming_it(
    leadline: Run, tmp_path: Path, case: str
) -> None:
    db, message = _odd_file(tmp_path, case)
    before = db.read_bytes()
    for argv in READERS:
        result = leadline(*argv)
        assert result.status == 2, (argv, result)
        assert "prospect document 1 is damaged: prospect 'abcd1234', " in result.err, argv
        assert message in result.err, (argv, result.err)
        assert "Traceback" not in result.err
    assert db.read_bytes() == before


@pytest.mark.parametrize("case", [*ODD, *RAW_ODD])
def test_the_fast_and_the_exact_decoder_agree_on_odd_documents(case: str) -> None:
    if case in ODD:
        doc, message = ODD[case]
        text = json.dumps(doc)
        with pytest.raises(DamagedDocument, match=re.escape(message)):
            decode_prospect(doc)  # a journal line, parsed
    else:
        good, odd, message = RAW_ODD[case]  # no JSON parser but Python's reads these
        text = json.dumps(good_doc()).replace(good, odd)
        with pytest.raises(DamagedDocument, match=re.escape(message)):
            decode_prospect(json.loads(text))
    with pytest.raises(DamagedDocument, match=re.escape(message)):
        decode_prospect(msgspec.Raw(text.encode()))  # the data file's text


def test_a_good_file_still_checks_and_reads(leadline: Run, tmp_path: Path) -> None:
    write_data_file(tmp_path / "leadline.json", [good_doc()])
    for argv in READERS:
        result = leadline(*argv)
        assert result.status == 0, (argv, result.err)


def test_the_edges_of_the_allowed_years_work_in_every_command(
    leadline: Run, tmp_path: Path
) -> None:
    edge = _with("expected_close", "2200-12-31")
    edge["plan"]["next_due"] = "2200-12-31"
    edge["meetings"][0]["date"] = "2200-12-31"
    edge["contacts"][0]["birthday"] = "1900-01-01"
    edge["plan"]["interval_days"] = 3650
    write_data_file(tmp_path / "leadline.json", [edge])
    for argv in (*READERS, ("queue", "--today", "2200-12-31"), ("funnel", "--today", "1900-01-01")):
        result = leadline(*argv)
        assert result.status == 0, (argv, result.err)
    assert "BEGIN:VCALENDAR" in (tmp_path / "out.ics").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "argv",
    [
        ("queue", "--today", "9999-12-31"),
        ("funnel", "--today", "0001-01-01"),
        ("edit", "acme", "--close", "9999-12-31"),
        ("meeting", "acme", "0001-01-01"),
        ("reschedule", "acme", "+99999999999"),
        ("contact", "add", "acme", "Jo Bloggs", "--birthday", "0001-01-01"),
        ("snooze", "acme", "99999999"),
        ("edit", "acme", "--interval", "99999999"),
        ("add", "Huge Ltd", "--value", "9" * 400),
        ("add", "Far Ltd", "--date", "0001-01-01"),
        ("log", "acme", "--channel", "phone", "--outcome", "replied", "--date", "0001-01-01"),
    ],
)
def test_dates_and_numbers_past_the_model_are_refused_at_input(
    leadline: Run, tmp_path: Path, argv: tuple[str, ...]
) -> None:
    db = write_data_file(tmp_path / "leadline.json", [good_doc()])
    before = db.read_bytes()
    result = leadline(*argv)
    assert result.status == 1, result
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert db.read_bytes() == before
    assert leadline("check").status == 0


# -- fields this version does not know ------------------------------------------------


FUTURE = {"x_future": {"score": [1, 2.5, None, "é"], "ok": True}, "renewal": "2027-01-01"}


def _stored_doc(db: Path) -> dict[str, Any]:
    with Store.open(db, backups=0) as store:
        store.compact()  # the journal's changes into the file
    docs: dict[str, Any] = json.loads(db.read_text(encoding="utf-8"))["prospects"]
    (doc,) = docs.values()
    return dict(doc)


def test_unknown_fields_survive_a_save_by_a_command(leadline: Run, tmp_path: Path) -> None:
    db = write_data_file(tmp_path / "leadline.json", [good_doc() | FUTURE])
    assert leadline("note", "acme", "Budget approved").status == 0
    assert leadline("move", "acme", "proposal").status == 0
    saved = _stored_doc(db)
    assert {k: saved[k] for k in FUTURE} == FUTURE
    assert saved["stage"] == "proposal" and saved["notes"][0]["text"] == "Budget approved"
    assert leadline("check").status == 0


def test_unknown_fields_survive_a_save_through_the_store_on_both_decoding_paths(
    tmp_path: Path,
) -> None:
    db = write_data_file(tmp_path / "leadline.json", [good_doc() | FUTURE])
    for _ in range(2):  # first from the file's text, then from the journal's parsed line
        with Store.open(db, backups=0) as store:
            store.update("abcd1234", lambda p: replace(p, name=p.name + "!"))
        with Store.open(db, backups=0) as store:
            doc = store.get("abcd1234").to_doc()
        assert {k: doc[k] for k in FUTURE} == FUTURE
    with Store.open(db, backups=0) as store:
        store.compact()
    assert {k: _stored_doc(db)[k] for k in FUTURE} == FUTURE


def test_unknown_fields_never_replace_known_ones_and_round_trip_from_doc() -> None:
    doc = good_doc() | FUTURE
    p = Prospect.from_doc(doc)
    assert p.extra == FUTURE
    assert p.to_doc() == doc
    assert list(p.to_doc())[0] == "id"  # the store reads the id from the first bytes
    forged = replace(Prospect.from_doc(good_doc()), extra={"name": "X", "y": 1})
    assert forged.to_doc()["name"] == "Acme Ltd" and forged.to_doc()["y"] == 1


def test_a_5000_deep_list_is_refused_by_check_and_every_reader(
    leadline: Run, tmp_path: Path
) -> None:
    text = json.dumps({"1": _with("tags", "DEEP")}).replace('"DEEP"', "[" * 5000 + "]" * 5000)
    write_data_file(tmp_path / "leadline.json", text=text)
    for argv in READERS:
        result = leadline(*argv)
        assert result.status == 2 and "leadline left the file unchanged" in result.err, argv
