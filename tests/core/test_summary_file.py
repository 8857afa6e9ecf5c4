"""The summary file: tied to one exact state, used when it fits, rebuilt when it does not.

What a user would notice: `leadline note` on a big file reads one prospect, not the
file; the answers never come from a summary that no longer describes the data
(another program's write, a damaged or foreign summary file); the file is private.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from summary_support import WHEN
from summary_support import add_note as _note
from summary_support import pipeline as _pipeline
from summary_support import prospect as _prospect
from tinydb import TinyDB
from tinydb.storages import JSONStorage

from leadline.core.records.summary import is_summary, summarize
from leadline.core.store import disk_state, docrefs
from leadline.core.store.facade import Store
from leadline.core.store.summary_file import summary_path


def _agrees(store: Store) -> None:
    """Every summary says what the whole prospect says."""
    assert [s.id for s in store.summaries()] == [p.id for p in store.prospects()]
    for whole in store.prospects():
        assert store.summary(whole.id) == summarize(whole)


class _Reads:
    """Counts what opening and reading read: whole data files and single documents."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.whole, self.documents, self.bytes = 0, 0, 0
        real_main, real_read = disk_state._read_main, docrefs.Source.read

        def read_main(path: Path):  # type: ignore[no-untyped-def]
            self.whole += 1
            return real_main(path)

        def read(source: docrefs.Source, offset: int, length: int) -> bytes:
            self.documents += 1
            self.bytes += length
            return real_read(source, offset, length)

        monkeypatch.setattr(disk_state, "_read_main", read_main)
        monkeypatch.setattr(docrefs.Source, "read", read)


def test_a_command_about_one_prospect_reads_that_prospect_and_not_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "leadline.json"
    ids = _pipeline(db)
    reads = _Reads(monkeypatch)
    with Store.open(db, backups=0) as store:
        assert store.get(ids[7]).name == "Company 7"
        store.update(ids[7], _note("called back"))
    assert reads.whole == 0
    assert reads.bytes < db.stat().st_size / 4  # the prospect and the summary's index
    with Store.open(db, backups=0) as store:
        assert [n.text for n in store.get(ids[7]).notes] == ["called back"]
        assert store.summary(ids[7]).notes[0].at == WHEN  # the journal's change, summarised
        assert [p.name for p in store.find("company 17")] == ["Company 17"]
    assert reads.whole == 0


def test_summaries_come_from_the_summary_file_and_are_never_saved(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    ids = _pipeline(db)
    assert summary_path(db).stat().st_mode & 0o777 == 0o600
    with Store.open(db, backups=0) as store:
        summary = store.summary(ids[3])
        assert is_summary(summary) and summary.notes[0].text == ""  # free text left out
        assert store.get(ids[3]).notes[0].text == "met at the fair"
        with pytest.raises(TypeError, match="summary"):
            store.update(ids[3], lambda _p: replace(summary, name="Renamed"))
        assert store.get(ids[3]).name == "Company 3"
        _agrees(store)


def test_another_processes_saves_and_deletes_reach_the_summaries(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    ids = _pipeline(db)
    with Store.open(db, backups=0) as mine, Store.open(db, backups=0) as theirs:
        mine.summaries()
        theirs.update(ids[1], lambda p: replace(p, stage="qualified"))
        theirs.delete(ids[2])
        theirs.add(_prospect("Newcomer", "feedf00d"))
        assert mine.summary(ids[1]).stage == "qualified"
        assert ids[2] not in [s.id for s in mine.summaries()]
        assert mine.summary("feedf00d").name == "Newcomer"
        _agrees(mine)
    with Store.open(db, backups=0) as later:  # through the summary file and the journal
        assert later.summary(ids[1]).stage == "qualified"
        _agrees(later)


@pytest.mark.parametrize(
    "damage",
    ["garbage", "truncated", "rows flipped", "index flipped", "empty", "another file's"],
)
def test_a_damaged_or_foreign_summary_file_is_rebuilt_not_believed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    db = tmp_path / "leadline.json"
    ids = _pipeline(db)
    path = summary_path(db)
    raw = bytearray(path.read_bytes())
    if damage == "garbage":
        raw = bytearray(b"LLS1 {not json\n" + os.urandom(200))
    elif damage == "truncated":
        raw = raw[: len(raw) // 2]
    elif damage == "rows flipped":
        raw[-40] ^= 0xFF
    elif damage == "index flipped":
        raw[raw.index(b"\n") + 10] ^= 0xFF
    elif damage == "empty":
        raw = bytearray()
    else:  # the summary of another pipeline, of the same size, put beside this one
        other = tmp_path / "other" / "leadline.json"
        other.parent.mkdir()
        _pipeline(other)
        raw = bytearray(summary_path(other).read_bytes())
    path.write_bytes(bytes(raw))
    with Store.open(db, backups=0) as store:
        assert [s.name for s in store.summaries()][:2] == ["Company 0", "Company 1"]
        _agrees(store)
    reads = _Reads(monkeypatch)
    with Store.open(db, backups=0) as store:  # rebuilt: used again from now on
        assert store.summary(ids[3]).notes[0].at == WHEN
        _agrees(store)
    assert reads.whole == 0


def test_a_data_file_another_program_rewrote_is_read_whole_and_the_summary_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "leadline.json"
    ids = _pipeline(db)
    with TinyDB(db, storage=JSONStorage) as plain:  # no journal pending: nothing to refuse
        table = plain.table("prospects")
        doc = table.all()[5]
        table.update({"stage": "proposal"}, doc_ids=[doc.doc_id])
    reads = _Reads(monkeypatch)
    with Store.open(db, backups=0) as store:
        assert store.summary(ids[5]).stage == "proposal"
        _agrees(store)
    assert reads.whole == 1
    with Store.open(db, backups=0) as store:
        assert store.summary(ids[5]).stage == "proposal"
    assert reads.whole == 1  # the rebuilt summary fits the rewritten file


def test_a_summary_that_cannot_be_written_costs_nothing(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    ids = _pipeline(db, 5)
    summary_path(db).unlink()
    summary_path(db).mkdir()  # a folder in its place: never written over, never read
    with Store.open(db, backups=0) as store:
        store.update(ids[0], _note("still saved"))
        store.compact()
        _agrees(store)
    assert summary_path(db).is_dir()
    shutil.rmtree(summary_path(db))
    with Store.open(db, backups=0) as store:
        assert [n.text for n in store.get(ids[0]).notes] == ["still saved"]


def test_the_data_file_is_one_document_per_line_and_plain_tinydb(tmp_path: Path) -> None:
    db = tmp_path / "leadline.json"
    ids = _pipeline(db, 4)
    lines = db.read_text().splitlines()
    assert lines[0] == '{"_leadline":{'
    start = lines.index('"prospects":{')
    prospect_lines = lines[start + 1 : start + 5]
    assert [json.loads(line.split(":", 1)[1].rstrip(","))["id"] for line in prospect_lines] == ids
    assert lines[start + 5] == "},"
    with TinyDB(db, storage=JSONStorage, access_mode="r") as plain:
        assert [d["name"] for d in plain.table("prospects").all()] == [
            "Company 0",
            "Company 1",
            "Company 2",
            "Company 3",
        ]


def test_a_compaction_keeps_the_rows_of_prospects_that_did_not_change_as_they_were(
    tmp_path: Path,
) -> None:
    db = tmp_path / "leadline.json"
    ids = _pipeline(db, 4500)  # three chunks of rows: 2,000 + 2,000 + 500
    before = summary_path(db).read_bytes()
    with Store.open(db, backups=0) as store:
        store.update(ids[4100], _note("only the last chunk changes"))
        store.compact()
    after = summary_path(db).read_bytes()
    rows_at = before.index(b"\n") + 1
    assert before[:rows_at] != after[:rows_at]  # tied to the new data file
    first_chunks = json.loads(before[5 : before.index(b"\n")])["chunks"][:2]
    assert json.loads(after[5 : after.index(b"\n")])["chunks"][:2] == first_chunks
    with Store.open(db, backups=0) as store:
        assert store.summary(ids[4100]).notes[-1].at == WHEN
        assert store.get(ids[4100]).notes[-1].text == "only the last chunk changes"
        _agrees(store)
