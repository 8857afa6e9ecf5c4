"""The Store facade: ids, lookup, read-modify-write, other processes, round trips."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import prospects

from leadline.core.models import Note, Prospect
from leadline.core.store.facade import DataFileError, Store, new_id

WHEN = datetime(2024, 3, 1, 9, 30)


def _prospect(name: str, pid: str = "") -> Prospect:
    return Prospect(id=pid, name=name, stage="lead", created=WHEN, updated=WHEN)


def _with_note(text: str):  # type: ignore[no-untyped-def]
    return lambda p: replace(p, notes=(*p.notes, Note(WHEN, text)))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "leadline.json")


def test_new_ids_are_8_hex_digits_and_differ() -> None:
    ids = {new_id() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(re.fullmatch(r"[0-9a-f]{8}", pid) for pid in ids)


def test_added_prospect_gets_an_id_that_survives_reopening(store: Store) -> None:
    acme = store.add(_prospect("Acme Ltd"))
    store.add(_prospect("Bolt GmbH"))
    store.delete(acme.id)
    globex = store.add(_prospect("Globex"))
    reopened = Store.open(store.path)
    assert re.fullmatch(r"[0-9a-f]{8}", globex.id)
    assert reopened.get(globex.id) == globex
    assert [p.name for p in reopened.prospects()] == ["Bolt GmbH", "Globex"]
    with pytest.raises(KeyError):
        reopened.get(acme.id)


def test_an_id_already_taken_is_refused(store: Store) -> None:
    store.add(_prospect("Acme Ltd", pid="0000aaaa"))
    with pytest.raises(ValueError, match="0000aaaa"):
        store.add(_prospect("Acme again", pid="0000aaaa"))
    assert [p.name for p in store.prospects()] == ["Acme Ltd"]


def test_add_many_saves_once(store: Store) -> None:
    before = store.revision
    added = store.add_many([_prospect(f"Lead {n}") for n in range(20)])
    assert store.revision == before + 1
    assert len({p.id for p in added}) == 20
    assert Store.open(store.path).prospects() == added


def test_find_prefers_an_exact_id_then_matches_name_fragments_in_any_case(store: Store) -> None:
    names = ["ACME Ltd", "Acme Rockets", "Straße Bau", "ЕРЕВАН Групп", "Արարատ", "北京贸易"]
    added = {p.name: p for p in store.add_many([_prospect(n) for n in names])}
    assert store.find(added["Acme Rockets"].id) == [added["Acme Rockets"]]
    assert store.find(added["Acme Rockets"].id.upper()) == [added["Acme Rockets"]]
    assert [p.name for p in store.find("acme")] == ["ACME Ltd", "Acme Rockets"]
    assert [p.name for p in store.find("  rockets ")] == ["Acme Rockets"]
    assert [p.name for p in store.find("STRASSE")] == ["Straße Bau"]
    assert [p.name for p in store.find("ереван")] == ["ЕРЕВАН Групп"]
    assert [p.name for p in store.find("ԱՐԱՐԱՏ")] == ["Արարատ"]
    assert [p.name for p in store.find("贸易")] == ["北京贸易"]
    assert store.find("nowhere") == [] and store.find("  ") == []


def test_update_saves_the_change_and_returns_it(store: Store) -> None:
    acme = store.add(_prospect("Acme Ltd"))
    saved = store.update(acme.id, _with_note("Called, wants a demo"))
    assert [n.text for n in saved.notes] == ["Called, wants a demo"]
    assert Store.open(store.path).get(acme.id) == saved


def _on_disk(store: Store) -> tuple[int, dict[str, bytes]]:
    """The revision and every file of the store's folder but the lock (a save appends to the
    journal, not the data file, so the data file alone would not show one)."""
    files = {p.name: p.read_bytes() for p in store.path.parent.iterdir() if p.suffix != ".lock"}
    assert store.path.name in files and f"{store.path.name}.journal" in files
    return Store.open(store.path).revision, files


def test_failed_or_invalid_update_changes_nothing(store: Store) -> None:
    acme = store.add(_prospect("Acme Ltd"))
    store.update(acme.id, _with_note("in the journal"))  # the journal has a save to keep too
    acme = store.get(acme.id)
    before = _on_disk(store)

    def broken(p: Prospect) -> Prospect:
        raise RuntimeError("rule failed")

    with pytest.raises(RuntimeError):
        store.update(acme.id, broken)
    with pytest.raises(ValueError, match="id"):
        store.update(acme.id, lambda p: replace(p, id="ffffffff"))
    with pytest.raises(KeyError):
        store.update("00000000", _with_note("lost"))
    assert _on_disk(store) == before
    assert store.get(acme.id) == acme


WRITER = """
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from leadline.core.models import Note, Prospect
from leadline.core.store.facade import Store

store = Store.open(Path(sys.argv[1]))
when = datetime(2024, 3, 2, 10, 0)
store.update(sys.argv[2], lambda p: replace(p, notes=(*p.notes, Note(when, "from the CLI"))))
store.add(Prospect(id="", name="Added elsewhere", stage="lead", created=when, updated=when))
"""


def test_change_by_another_process_is_seen(store: Store) -> None:
    acme = store.add(_prospect("Acme Ltd"))
    revision = store.revision
    assert not store.changed_on_disk()
    subprocess.run([sys.executable, "-c", WRITER, str(store.path), acme.id], check=True)
    assert store.changed_on_disk()
    assert [p.name for p in store.prospects()] == ["Acme Ltd", "Added elsewhere"]
    assert [n.text for n in store.get(acme.id).notes] == ["from the CLI"]
    assert store.changed_on_disk()  # read, but not yet reported by changes_elsewhere
    assert len(store.changes_elsewhere()) == 2
    assert not store.changed_on_disk()
    assert store.revision == revision + 2
    saved = store.update(acme.id, _with_note("from the TUI"))
    assert [n.text for n in saved.notes] == ["from the CLI", "from the TUI"]


def test_damaged_prospect_document_is_refused_when_read_and_kept_as_it_was(
    tmp_path: Path,
) -> None:
    db = tmp_path / "leadline.json"
    with Store.open(db) as store:
        store.add_many([_prospect("Acme Ltd", "0000aaaa"), _prospect("Bolt", "0000bbbb")])
        store.compact()
    data = json.loads(db.read_bytes())
    del data["prospects"]["1"]["name"]
    db.write_text(json.dumps(data))
    store = Store.open(db)  # only ids are read at open
    with pytest.raises(DataFileError, match="prospect document 1 is damaged"):
        store.prospects()
    with pytest.raises(DataFileError, match="prospect document 1 is damaged"):
        store.get("0000aaaa")
    store.update("0000bbbb", _with_note("still works"))  # another prospect can be saved
    store.compact()
    again = json.loads(db.read_bytes())["prospects"]
    assert again["1"] == data["prospects"]["1"]  # the damaged document is left exactly so
    assert again["2"]["notes"][0]["text"] == "still works"


def test_duplicate_ids_in_the_file_are_refused(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    with Store.open(db) as store:
        store.add_many([_prospect("Acme", "0000aaaa"), _prospect("Bolt", "0000bbbb")])
        store.compact()
    data = json.loads(db.read_bytes())
    data["prospects"]["2"]["id"] = "0000aaaa"
    db.write_text(json.dumps(data))
    with pytest.raises(DataFileError, match="'0000aaaa' is used twice"):
        Store.open(db)


@pytest.fixture(scope="module")
def round_trip_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("round-trip")


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(original=prospects(), changed=prospects())
def test_a_prospect_reads_back_equal_after_add_and_update(
    round_trip_dir: Path, original: Prospect, changed: Prospect
) -> None:
    db = round_trip_dir / f"{new_id()}.json"
    with Store.open(db, backups=0) as store:
        store.add(original)
    with Store.open(db, backups=0) as store:  # from the journal
        assert store.get(original.id) == original
        store.compact()
    with Store.open(db, backups=0) as store:  # from the data file
        assert store.get(original.id) == original
        store.update(original.id, lambda _: replace(changed, id=original.id))
    with Store.open(db, backups=0) as store:
        assert store.prospects() == [replace(changed, id=original.id)]
    for leftover in (db, db.with_name(db.name + ".lock"), db.with_name(db.name + ".journal")):
        leftover.unlink()


def test_documents_written_loosely_by_hand_or_an_older_tool_still_read(tmp_path: Path) -> None:
    """The fast decoder is strict; what it refuses is read the lenient way, same result."""
    db = tmp_path / "leadline.json"
    with Store.open(db) as store:
        store.add(_prospect("Acme Ltd", "0000aaaa"))
        store.compact()
    data = json.loads(db.read_bytes())
    doc = data["prospects"]["1"]
    doc.update(value=5400, lifecycle=None, budget=12000)
    doc["touches"] = [{"date": "2024-03-01", "outcome": "replied", "minutes": 5.0}]
    doc["contacts"] = [{"name": "Ann", "role": ""}]
    db.write_text(json.dumps(data))
    p = Store.open(db).get("0000aaaa")
    assert (p.value, p.lifecycle.value, p.budget) == (5400.0, "lead", 12000)
    assert isinstance(p.budget, float)  # as the fast decoder gives it, so exports agree
    assert (p.touches[0].minutes, p.touches[0].channel, p.contacts[0].role.value) == (
        5,
        "",
        "other",
    )


def test_text_no_file_can_hold_is_refused_and_nothing_is_written(store: Store) -> None:
    acme = store.add(_prospect("Acme Ltd"))
    before = _on_disk(store)
    with pytest.raises(ValueError, match="not valid Unicode"):
        store.update(acme.id, _with_note("broken \ud800 text"))
    assert _on_disk(store) == before
    assert Store.open(store.path).get(acme.id).notes == ()


def test_a_save_whose_compaction_fails_is_still_reported_saved_and_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The note is in the journal before compaction starts: a retry must not add it twice."""
    from leadline.core.store.storage import LeadlineStorage

    db = tmp_path / "leadline.json"
    store = Store.open(db)
    acme = store.add(_prospect("Acme Ltd"))
    monkeypatch.setattr(LeadlineStorage, "compact_min_bytes", 1)
    monkeypatch.setattr(LeadlineStorage, "compact_max_bytes", 1)

    def disk_full(self: LeadlineStorage) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(LeadlineStorage, "_compact", disk_full)
    saved = store.update(acme.id, _with_note("said yes to the demo"))  # no error
    assert [n.text for n in saved.notes] == ["said yes to the demo"]
    monkeypatch.undo()
    assert [n.text for n in Store.open(db).get(acme.id).notes] == ["said yes to the demo"]
    assert [n.text for n in store.get(acme.id).notes] == ["said yes to the demo"]
