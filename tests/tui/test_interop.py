"""Import and export from the command palette: path prompt, worker, summary, files on disk."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from shell_support import AppFactory, settle, small_pipeline
from work_support import asynctest, screen_text

from leadline.core.store.facade import Store
from leadline.tui.app import LeadlineApp
from leadline.tui.dialogs.interop import PathPrompt, SummaryDialog
from leadline.tui.screens.funnel import FunnelScreen

SMALL_CSV = """Company,Deal value,Stage,Contact,Email,Close date
Kilo Foods,"€12,500",Qualified,Ivan Petrov,ivan@kilo.test,2026-12-15
Lima Robotics,8000,Proposal,Ana Lima,ana@lima.test,2027-01-10
Mike & Sons,-5,Lead,,,2026-12-01
November Labs,3000,Somewhere odd,,,2026-12-01
"""


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path as the home folder, so the tests type short "~/..." paths."""
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


async def run_palette(pilot: object, words: str) -> None:
    press = pilot.press  # type: ignore[attr-defined]
    await press("ctrl+p")
    await press(*words)
    await settle(pilot)
    await press("enter")
    await pilot.pause()  # type: ignore[attr-defined]


async def enter_path(app: LeadlineApp, pilot: object, path: str) -> None:
    assert isinstance(app.screen, PathPrompt)
    await pilot.press("ctrl+a", "ctrl+k", *path, "enter")  # type: ignore[attr-defined]
    await settle(pilot)


@asynctest
async def test_import_a_csv_from_the_palette_saves_and_shows_the_summary(
    app_factory: AppFactory, home: Path
) -> None:
    (home / "deals.csv").write_text(SMALL_CSV, encoding="utf-8")
    app = app_factory(prospects=small_pipeline())
    async with app.run_test(size=(80, 24)) as pilot:
        await run_palette(pilot, "import: file")
        await enter_path(app, pilot, "~/nothing.csv")
        assert "No such file" in screen_text(app)  # the prompt stays, with the reason
        await enter_path(app, pilot, "~/deals.csv")
        assert isinstance(app.screen, SummaryDialog)
        text = screen_text(app)
        assert "Imported · deals.csv" in text
        assert "2 new · 0 updated · 0 unchanged · 2 skipped" in text
        assert "line 4:" in text and "line 5:" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FunnelScreen)
        assert "Kilo Foods" in [p.name for p in app.summaries()]  # the screens see it
    with Store.open(app.store.path) as other:
        stored = {p.name: p for p in other.prospects()}
    assert stored["Kilo Foods"].value == 12500 and stored["Kilo Foods"].stage == "qualified"
    assert stored["Lima Robotics"].stage == "proposal"
    assert "Mike & Sons" not in stored and len(stored) == len(small_pipeline()) + 2


@asynctest
async def test_importing_the_same_file_again_changes_nothing(
    app_factory: AppFactory, home: Path
) -> None:
    (home / "deals.csv").write_text(SMALL_CSV, encoding="utf-8")
    app = app_factory(prospects=small_pipeline())
    async with app.run_test(size=(80, 24)) as pilot:
        for expected in ("2 new · 0 updated · 0 unchanged", "0 new · 0 updated · 2 unchanged"):
            await run_palette(pilot, "import: file")
            await enter_path(app, pilot, "~/deals.csv")
            assert expected in screen_text(app)
            await pilot.press("escape")
            await pilot.pause()
    assert len(app.store.prospects()) == len(small_pipeline()) + 2


@asynctest
async def test_export_json_from_the_palette_writes_a_private_file(
    app_factory: AppFactory, home: Path
) -> None:
    target = home / "out" / "pipeline.json"
    target.parent.mkdir()
    app = app_factory(prospects=small_pipeline())
    async with app.run_test(size=(80, 24)) as pilot:
        await run_palette(pilot, "export: JSON")
        await enter_path(app, pilot, "~/out/pipeline.json")
        toasts = [(n.title, n.message) for n in app._notifications]  # noqa: SLF001
        assert ("Exported JSON", f"12 prospects to {target} (readable by you only).") in toasts
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    names = {doc["name"] for doc in json.loads(target.read_text(encoding="utf-8"))["prospects"]}
    assert names == {p.name for p in small_pipeline()}


@asynctest
async def test_export_asks_before_replacing_and_refuses_a_missing_folder(
    app_factory: AppFactory, home: Path
) -> None:
    existing = home / "old.csv"
    existing.write_text("keep me", encoding="utf-8")
    app = app_factory(prospects=small_pipeline())
    async with app.run_test(size=(80, 24)) as pilot:
        await run_palette(pilot, "export: CSV")
        await enter_path(app, pilot, "~/no/such.csv")
        assert "No such folder" in screen_text(app)
        await enter_path(app, pilot, "~/old.csv")
        assert "old.csv exists: Enter again replaces it." in screen_text(app)
        assert existing.read_text(encoding="utf-8") == "keep me"
        await pilot.press("enter")
        await settle(pilot)
    assert existing.read_text(encoding="utf-8").startswith("id,")


@asynctest
async def test_palette_offers_import_export_and_only_leadline_themes(
    app_factory: AppFactory,
) -> None:
    app = app_factory(prospects=small_pipeline())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"theme: ")
        await settle(pilot)
        text = screen_text(app)
        assert "theme: leadline-light" in text and "theme: nord" not in text
        await pilot.press(*["backspace"] * 7, *"port")
        await settle(pilot)
        text = screen_text(app)
        for command in ("import: file…", "export: CSV…", "export: JSON…", "export: iCalendar…"):
            assert command in text, command
