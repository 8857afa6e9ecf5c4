"""When the TUI exits, the journal is folded into the data file: a plain TinyDB program
then reads every change made in the session. A fold that fails loses nothing and says so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tinydb import TinyDB
from tinydb.storages import JSONStorage
from work_support import asynctest, work_prospects

from leadline.core.models import Prospect
from leadline.core.store.facade import Store, StoreLocked
from leadline.core.store.journal import journal_path
from leadline.tui.app import LeadlineApp

Factory = Callable[..., LeadlineApp]
NOTE = "Folded on the way out: Łódź warehouse visit"


def _tinydb_prospects(path: Path) -> list[Prospect]:
    """What a TinyDB program reading the data file with TinyDB's own storage sees."""
    with TinyDB(path, storage=JSONStorage, access_mode="r") as db:
        return [Prospect.from_doc(dict(doc)) for doc in db.table("prospects").all()]


def _journal_records(path: Path) -> int:
    """Lines after the journal's header: changes the data file does not hold yet."""
    lines = journal_path(path).read_bytes().splitlines()
    return len(lines) - 1


async def _note_then(
    app: LeadlineApp, *keys: str, before_exit: Callable[[], object] = lambda: None
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "n", *NOTE, "ctrl+s")  # a note on the queue's first prospect
        await pilot.pause()
        assert any(NOTE in [n.text for n in p.notes] for p in app.store.prospects())
        assert _journal_records(app.store.path) >= 1  # saved in the journal, not yet folded
        before_exit()
        await pilot.press(*keys)
        await pilot.pause()


@pytest.mark.parametrize("keys", [("f", "q"), ("ctrl+q",)], ids=["q at home", "ctrl+q"])
@asynctest
async def test_after_the_tui_exits_tinydb_reads_every_prospect_and_the_note(
    app_factory: Factory, keys: tuple[str, ...]
) -> None:
    app = app_factory(prospects=work_prospects())
    path = app.store.path
    await _note_then(app, *keys)
    assert app.exit_note is None
    assert _journal_records(path) == 0
    seen = _tinydb_prospects(path)
    assert sorted(p.id for p in seen) == sorted(p.id for p in work_prospects())
    assert [p.name for p in seen if NOTE in [n.text for n in p.notes]] == ["Acme Ltd"]


def _disk_full(*_: object) -> None:
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("failure", ["locked", "disk full"])
@asynctest
async def test_a_fold_that_fails_keeps_the_journal_and_says_so(
    app_factory: Factory, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    app = app_factory(prospects=work_prospects())
    path = app.store.path

    def busy() -> None:  # another process held the lock past the TUI's timeout
        raise StoreLocked(path, 4242, "leadline import", 3.0)

    def fail() -> None:
        if failure == "locked":
            monkeypatch.setattr(app.store, "compact", busy)
        else:  # the whole-file write finds the disk full
            monkeypatch.setattr("os.fsync", _disk_full)

    await _note_then(app, "ctrl+q", before_exit=fail)
    monkeypatch.undo()
    note = app.exit_note or ""
    assert "safe in pipeline.json.journal" in note and "leadline compact" in note, note
    assert ("busy" if failure == "locked" else "No space left") in note
    assert note.count("\n") == 1 and "Traceback" not in note
    assert _journal_records(path) >= 1  # kept: nothing lost
    with Store.open(path) as later:  # every leadline command reads it; compaction folds it
        assert NOTE in [n.text for n in later.get("acme").notes]
        later.compact()
    assert _journal_records(path) == 0
    assert NOTE in [n.text for p in _tinydb_prospects(path) for n in p.notes]


@asynctest
async def test_nothing_to_fold_writes_nothing(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    path = app.store.path
    app.store.compact()
    before = path.stat().st_mtime_ns, path.stat().st_ino
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
    assert app.exit_note is None
    assert (path.stat().st_mtime_ns, path.stat().st_ino) == before
