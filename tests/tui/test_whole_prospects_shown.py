"""Memory follows what is shown: on a generated pipeline of a few thousand prospects the
running TUI reads summaries for the funnel, the queue and a stage list, and decodes a
whole prospect only when a screen shows that one in full (its detail). Counted twice: the
whole prospects the TUI asks the store for, and the documents the store decodes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from shell_support import FIXED_NOW, sample_config, screen_text, settle
from textual.keys import _character_to_key
from work_support import asynctest

from leadline.core.models import Prospect
from leadline.core.sample.generate import iter_pipeline, write_sample_file
from leadline.core.store import index as index_module
from leadline.core.store.decoding import decode_prospect
from leadline.core.store.facade import Store
from leadline.tui.app import LeadlineApp
from leadline.tui.screens.detail import DetailScreen
from leadline.tui.screens.funnel import FunnelScreen
from leadline.tui.screens.queue import QueueScreen
from leadline.tui.screens.stage_list import StageListScreen

COUNT = 3000


@pytest.fixture
def documents_decoded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the documents the store's index decoded into whole prospects."""
    done: list[str] = []

    def counted(doc: Any) -> Prospect:
        p = decode_prospect(doc)
        done.append(p.id)
        return p

    monkeypatch.setattr(index_module, "decode_prospect", counted)
    return done


@pytest.fixture
def decoded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every whole prospect asked of any store (ids; "*" for all of them at once, "scan"
    for all of them one at a time, kept by no one)."""
    asked: list[str] = []
    get, prospects, scan = Store.get, Store.prospects, Store.scan

    def one(store: Store, pid: str) -> Prospect:
        asked.append(pid)
        return get(store, pid)

    def every(store: Store) -> list[Prospect]:
        asked.append("*")
        return prospects(store)

    def stream(store: Store) -> Iterator[Prospect]:
        asked.append("scan")
        return scan(store)

    monkeypatch.setattr(Store, "get", one)
    monkeypatch.setattr(Store, "prospects", every)
    monkeypatch.setattr(Store, "scan", stream)
    return asked


@pytest.fixture
def big_app(tmp_path: Path) -> Iterator[LeadlineApp]:
    path = tmp_path / "pipeline.json"
    write_sample_file(path, iter_pipeline(COUNT, FIXED_NOW.date()), FIXED_NOW.date())
    with Store.open(path) as first:
        first.compact()  # writes the summary file beside it, as any compaction does
    with Store.open(path) as store:
        yield LeadlineApp(store, sample_config(), clock=lambda: FIXED_NOW,
                          state_path=tmp_path / "state.json", themes_dir=tmp_path / "themes",
                          crash_dir=tmp_path / "crash")  # fmt: skip


@asynctest
async def test_funnel_queue_and_a_stage_list_decode_no_whole_prospect(
    big_app: LeadlineApp, decoded: list[str], documents_decoded: list[str]
) -> None:
    app = big_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FunnelScreen)
        assert len(app.summaries()) == COUNT
        await pilot.press("t")  # the queue, its cursor moving over a few rows
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen) and app.screen.items
        await pilot.press("j", "j", "j")
        await pilot.pause()
        await pilot.press("f", "enter")  # the first stage's list
        await pilot.pause()
        assert isinstance(app.screen, StageListScreen)
        await pilot.press("j", "j", "s")
        await pilot.pause()
        assert decoded == []  # every row, footer and count came from the summaries
        assert documents_decoded == []  # read from the summary file, not the documents

        await pilot.press("enter")  # the prospect under the cursor, in full
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        shown = app.screen.pid
        await pilot.press("escape", "j")
        await pilot.pause()
    assert set(decoded) == {shown}  # only the one shown in full
    assert set(documents_decoded) == {shown}


def _note_word(prospects: Iterator[Prospect]) -> tuple[str, str]:
    """A word of a note that no other prospect's text holds anywhere (a name, a contact,
    a note, a touch, a title), and its owner's name."""
    owners: dict[str, set[str]] = {}
    notes: dict[str, str] = {}
    names: dict[str, str] = {}
    for p in prospects:
        names[p.id] = p.name
        texts = [p.name, *(n.text for n in p.notes), *(t.note for t in p.touches)]
        texts += [f"{c.name} {c.email} {c.title}" for c in p.contacts]
        notes.update((w, p.id) for n in p.notes for w in n.text.lower().split())
        for word in " ".join(texts).lower().split():
            owners.setdefault(word, set()).add(p.id)

    def quoted(word: str) -> bool:  # the notes quote people: "Moreau's"
        return word.endswith("'s") and word[:-2].isalpha() and word.isascii()

    word, pid = next((w, pid) for w, pid in notes.items() if quoted(w) and owners[w] == {pid})
    return word, names[pid]


@asynctest
async def test_the_palette_finds_a_note_word_and_a_title_keeping_no_whole_prospect(
    big_app: LeadlineApp, decoded: list[str]
) -> None:
    app = big_app
    word, owner = _note_word(app.store.scan())
    decoded.clear()
    async with app.run_test(size=(80, 24)) as pilot:
        asked = (
            (word, (f"prospect: {owner}", "note: ")),
            ("receptionist", ("title: Receptionist",)),
        )  # summaries leave titles out too
        for query, shown in asked:
            keys = [_character_to_key(c) if not c.isalnum() else c for c in query]
            await pilot.press("ctrl+p", *keys)
            await settle(pilot)
            assert all(part in screen_text(app) for part in shown), screen_text(app)
            await pilot.press("escape")
            await pilot.pause()
    assert set(decoded) == {"scan"}  # streamed from the documents, none asked for whole
