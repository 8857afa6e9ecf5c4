"""Adding a prospect that looks like a stored one asks first: add anyway, open it, cancel;
an import says how many of its new prospects look like stored ones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from shell_support import settle, toasts
from test_interop import enter_path, run_palette
from work_support import asynctest, screen_text, work_prospects

from leadline.core.store.facade import Store
from leadline.tui.app import LeadlineApp
from leadline.tui.dialogs.add import AddProspectDialog
from leadline.tui.dialogs.duplicate import DuplicateDialog
from leadline.tui.dialogs.interop import SummaryDialog
from leadline.tui.dialogs.merge import MergeDialog
from leadline.tui.screens.detail import DetailScreen

Factory = Callable[..., LeadlineApp]


def names_on_disk(app: LeadlineApp) -> list[str]:
    with Store.open(app.store.path) as fresh:
        return sorted(p.name for p in fresh.prospects())


async def _type_acme(pilot: object) -> None:
    await pilot.press("t", "plus", *"ACME limited")  # type: ignore[attr-defined]
    await pilot.press("ctrl+s")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


@asynctest
async def test_a_likely_duplicate_asks_and_escape_goes_back_to_the_form(
    app_factory: Factory,
) -> None:
    app = app_factory(prospects=work_prospects())
    before = names_on_disk(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await _type_acme(pilot)
        assert isinstance(app.screen, DuplicateDialog)
        text = screen_text(app)
        assert "Looks like Acme Ltd (same name)." in text
        assert "Same company? m joins ACME limited into Acme Ltd." in text
        assert "a Add anyway   m Merge   o Open Acme Ltd   Esc Cancel" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AddProspectDialog)
        assert "ACME limited" in screen_text(app)  # what was typed is still there
    assert names_on_disk(app) == before


@asynctest
async def test_add_anyway_saves_and_open_shows_the_stored_one(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await _type_acme(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.pid == "acme"
        assert "ACME limited" not in names_on_disk(app)
        await pilot.press("escape")
        await pilot.pause()
        await _type_acme(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert not isinstance(app.screen, (DuplicateDialog, AddProspectDialog))
    assert names_on_disk(app).count("ACME limited") == 1


@asynctest
async def test_a_new_company_is_added_without_a_question(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "plus", *"Umbrella plc", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, (DuplicateDialog, AddProspectDialog))
    assert "Umbrella plc" in names_on_disk(app)


@asynctest
async def test_an_import_says_how_many_look_like_stored_prospects(
    app_factory: Factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "leads.csv").write_text(
        "name,contact,email\nAcme Inc.,Anna,\nUmbrella,Alice,alice@umbrella.com\n"
        "Acme Europe,Anna B,ANNA@acme.test\n",
        encoding="utf-8",
    )
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await run_palette(pilot, "import: file")
        await enter_path(app, pilot, "~/leads.csv")
        assert isinstance(app.screen, SummaryDialog)
        text = screen_text(app)
    assert "3 new" in text
    assert "2 look like existing prospects: leadline dupes lists them." in text
    assert names_on_disk(app).count("Umbrella") == 1  # imported all the same


@asynctest
async def test_merge_adds_then_joins_the_new_one_into_the_stored_one(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "plus", *"ACME limited", "tab", "tab", "tab", *"Bob Smith")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "m Merge" in screen_text(app)
        await pilot.press("m")
        for _ in range(50):  # the merge worker waits for its dialog: wait for the dialog
            await pilot.pause()
            if isinstance(app.screen, MergeDialog):
                break
        assert isinstance(app.screen, MergeDialog)  # the values differ: it asks
        await pilot.press("enter")
        await settle(pilot)
    with Store.open(app.store.path) as fresh:
        acme = fresh.get("acme")
        names = [p.name for p in fresh.prospects()]
    assert "ACME limited" not in names  # joined, not kept twice
    assert {"Anna Berg", "Bob Smith"} <= {c.name for c in acme.contacts}


@asynctest
async def test_cancelling_the_merge_says_the_new_one_was_added(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "plus", *"ACME limited", "tab", "tab", "tab", *"Bob Smith")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("m")
        for _ in range(50):  # the merge worker waits for its dialog: wait for the dialog
            await pilot.pause()
            if isinstance(app.screen, MergeDialog):
                break
        await pilot.press("escape")
        await settle(pilot)
        said = toasts(app)
    assert "Added ACME limited as a prospect of its own; u undoes the add." in said
    assert names_on_disk(app).count("ACME limited") == 1


@asynctest
async def test_the_question_fits_60_by_20(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(60, 20)) as pilot:
        await _type_acme(pilot)
        assert isinstance(app.screen, DuplicateDialog)
        text = screen_text(app)
    assert "Looks like Acme Ltd (same name)." in text
    assert "a Add anyway   m Merge   o Open Acme Ltd   Esc Cancel" in text
