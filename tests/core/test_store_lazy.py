"""Decoding on demand: other processes' changes, odd documents, files other tools wrote.

Two `Store` objects on one file stand in for two processes (each has its own
storage, cache and journal position), so the interleavings are exact.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import prospects

from leadline.core.models import Note, Prospect
from leadline.core.store.facade import DataFileError, Store

WHEN = datetime(2024, 3, 1, 9, 30)


def _prospect(name: str, pid: str) -> Prospect:
    return Prospect(id=pid, name=name, stage="lead", created=WHEN, updated=WHEN)


def _note(text: str):  # type: ignore[no-untyped-def]
    return lambda p: replace(p, notes=(*p.notes, Note(WHEN, text)))


def _texts(p: Prospect) -> list[str]:
    return [n.text for n in p.notes]


def test_changes_landing_while_others_are_caught_up_are_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The TUI polls while `leadline note` and `leadline add` save; no save is lost."""
    db = tmp_path / "leadline.json"
    tui = Store.open(db)
    tui.add_many([_prospect("Acme Ltd", "0000aaaa"), _prospect("Bolt GmbH", "0000bbbb")])
    assert len(tui.prospects()) == 2  # both decoded
    cli = Store.open(db)
    cli.update("0000bbbb", _note("cli on bolt"))
    take_changes = tui._storage.take_changes

    def more_saves_land_meanwhile() -> Any:
        taken = take_changes()
        monkeypatch.setattr(tui._storage, "take_changes", take_changes)
        cli.update("0000aaaa", _note("cli on acme"))
        cli.add(_prospect("Corp Inc", "0000cccc"))
        return taken

    monkeypatch.setattr(tui._storage, "take_changes", more_saves_land_meanwhile)
    assert _texts(tui.get("0000bbbb")) == ["cli on bolt"]
    assert [p.id for p in tui.prospects()] == ["0000aaaa", "0000bbbb", "0000cccc"]
    assert _texts(tui.update("0000aaaa", _note("tui"))) == ["cli on acme", "tui"]
    tui.add(_prospect("Dyn AG", "0000dddd"))
    reread = Store.open(db)
    assert [p.name for p in reread.prospects()] == ["Acme Ltd", "Bolt GmbH", "Corp Inc", "Dyn AG"]
    assert _texts(reread.get("0000aaaa")) == ["cli on acme", "tui"]


def test_a_prospect_deleted_and_added_again_at_a_lower_doc_id_is_caught_up(
    tmp_path: Path,
) -> None:
    db = tmp_path / "leadline.json"
    tui = Store.open(db)
    tui.add_many([_prospect(n, f"0000000{n}") for n in "123"])
    assert [p.id for p in tui.prospects()] == ["00000001", "00000002", "00000003"]
    other = Store.open(db)
    third = other.get("00000003")
    other.delete("00000002")
    other.delete("00000003")
    other.add(third)  # takes doc id 2, which the deleted "00000002" had
    assert [p.id for p in tui.prospects()] == ["00000001", "00000003"]
    assert tui.get("00000003") == third
    tui.update("00000003", _note("still there"))
    assert [p.id for p in Store.open(db).prospects()] == ["00000001", "00000003"]


def test_a_damaged_change_by_another_writer_stays_refused_and_is_never_overwritten(
    tmp_path: Path,
) -> None:
    db = tmp_path / "leadline.json"
    tui = Store.open(db)
    tui.add(_prospect("Acme Ltd", "0000aaaa"))
    assert len(tui.prospects()) == 1
    other = Store.open(db)
    twin = replace(tui.get("0000aaaa"), name="Acme twin").to_doc()
    with other._storage.lock():
        other._storage.refresh()
        other._storage.apply({"prospects": {"2": twin}})  # the id "0000aaaa" again
    for _ in range(2):
        with pytest.raises(DataFileError, match="used twice"):
            tui.prospects()
    with pytest.raises(DataFileError):
        tui.add(_prospect("Bolt GmbH", "0000bbbb"))
    saved = db.read_bytes() + db.with_name(db.name + ".journal").read_bytes()
    assert b"Acme twin" in saved
    assert b"Bolt" not in saved


def test_a_file_that_is_not_utf8_inside_a_document_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    with Store.open(db) as store:
        store.add(_prospect("Acme Ltd", "0000aaaa"))
        store.add(_prospect("Bolt GmbH", "0000bbbb"))
        store.compact()
    broken = db.read_bytes().replace(b"Bolt", b"B\xffolt")
    db.write_bytes(broken)
    with pytest.raises(DataFileError, match="UTF-8"):
        Store.open(db)
    assert db.read_bytes() == broken


def test_a_file_another_tool_wrote_as_utf8_is_compacted_to_ascii(tmp_path: Path) -> None:
    """Raw documents are copied as they are, but the data file stays ASCII."""
    db = tmp_path / "leadline.json"
    with Store.open(db) as store:
        store.add(_prospect("Ереван Групп", "0000aaaa"))
        store.compact()
    data = json.loads(db.read_bytes())
    db.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    with Store.open(db) as store:
        store.add(_prospect("北京贸易", "0000bbbb"))
        store.compact()
    assert db.read_bytes().isascii()
    assert [p.name for p in Store.open(db).prospects()] == ["Ереван Групп", "北京贸易"]


_OPTIONAL = ("lifecycle", "value", "currency", "budget", "decision_timeframe", "expected_close",
             "qualification", "decision_maker_confirmed", "contacts", "plan", "touches", "notes",
             "stage_history", "meetings", "penetration", "icp", "tags", "lost_reason",
             "external_id")  # fmt: skip


@st.composite
def _rewritten(draw: st.DrawFn) -> dict[str, Any]:
    """A prospect document as another JSON writer or a hand edit could leave it."""
    doc = draw(prospects()).to_doc()
    if float(doc["value"]).is_integer() and draw(st.booleans()):
        doc["value"] = int(doc["value"])
    for key in draw(st.lists(st.sampled_from(_OPTIONAL), unique=True, max_size=6)):
        del doc[key]
    if draw(st.booleans()):
        doc["x_other_tool"] = {"kept": [1, None, "é"]}
    if draw(st.booleans()):  # the id no longer first
        doc = dict(sorted(doc.items(), reverse=draw(st.booleans())))
    return doc


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=_rewritten(), indent=st.sampled_from([None, 2, "\t"]), ascii_only=st.booleans())
def test_documents_from_other_writers_read_as_from_doc_reads_them(
    lazy_dir: Path, doc: dict[str, Any], indent: int | str | None, ascii_only: bool
) -> None:
    db = lazy_dir / "leadline.json"
    for leftover in lazy_dir.glob("leadline.json*"):
        leftover.unlink()
    with Store.open(db, backups=0) as store:
        store.compact()
    data = json.loads(db.read_bytes())
    data["prospects"] = {"1": doc}
    db.write_text(json.dumps(data, indent=indent, ensure_ascii=ascii_only), encoding="utf-8")
    expected = Prospect.from_doc(json.loads(json.dumps(doc)))
    with Store.open(db, backups=0) as store:
        assert store.get(doc["id"]) == expected
        assert store.find(doc["id"]) == [expected]
        store.compact()  # raw text copied on
    with Store.open(db, backups=0) as store:
        assert store.prospects() == [expected]


@pytest.fixture(scope="module")
def lazy_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("lazy")
