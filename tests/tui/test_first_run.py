"""An empty pipeline says what to do first; a data file that does not exist yet is
created only when the user adds or imports, after the screen has said where."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from shell_support import AppFactory, drive, sample_config, screen_text, toasts

from leadline.core.store.facade import Store
from leadline.tui import app as app_module
from leadline.tui.app import LeadlineApp
from leadline.tui.cli import commands
from leadline.tui.cli.main import main
from leadline.tui.demo import OPEN_DEMO_STATUS
from leadline.tui.dialogs.add import AddProspectDialog
from leadline.tui.screens.first_run import CHOICES, FirstRunScreen
from leadline.tui.screens.funnel import FunnelScreen


def _app_on_missing_file(tmp_path: Path, store: Store, target: Path) -> LeadlineApp:
    return LeadlineApp(store, sample_config(), state_path=tmp_path / "state.json",
                       themes_dir=tmp_path / "themes", crash_dir=tmp_path / "crash",
                       new_data_file=target)  # fmt: skip


def test_an_empty_pipeline_offers_add_import_and_demo_then_gives_way(
    app_factory: AppFactory,
) -> None:
    app = app_factory(prospects=[])

    async def scenario(pilot: Any) -> None:
        assert isinstance(app.screen, FirstRunScreen)
        text = screen_text(app)
        assert "Your pipeline is empty" in text
        assert "+  Add your first prospect" in text and "i  Import a CSV" in text
        assert "d  Look around the demo pipeline" in text
        joined = "".join(line.strip() for line in text.splitlines())
        assert f"Your pipeline is saved in{app.store.path}" in joined
        await pilot.press("plus")
        await pilot.pause()
        assert isinstance(app.screen, AddProspectDialog)
        await pilot.press(*"Globex", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FunnelScreen)  # the first prospect is in

    drive(app, scenario)
    assert [p.name for p in app.store.prospects()] == ["Globex"]


def test_at_60x20_each_way_in_reads_on_one_line(app_factory: AppFactory) -> None:
    app = app_factory(prospects=[])

    async def scenario(pilot: Any) -> None:
        lines = [line.strip() for line in screen_text(app).splitlines()]
        for key, words in CHOICES:
            assert f"{key}  {words}" in lines

    drive(app, scenario, size=(60, 20))


def test_on_a_new_data_file_nothing_is_created_until_the_first_add(tmp_path: Path) -> None:
    target = tmp_path / "new" / "pipeline.json"
    with Store.open(tmp_path / "stand-in.json") as empty:
        app = _app_on_missing_file(tmp_path, empty, target)

        async def scenario(pilot: Any) -> None:
            assert isinstance(app.screen, FirstRunScreen)
            joined = "".join(line.strip() for line in screen_text(app).splitlines())
            assert f"Your pipeline will be saved in{target}" in joined
            await pilot.press("t")  # looking around creates nothing
            await pilot.press("q")
            await pilot.pause()
            assert isinstance(app.screen, FirstRunScreen) and not target.exists()
            await pilot.press("plus", "escape")  # opening the form and leaving it: nothing
            await pilot.pause()
            assert not target.exists()
            await pilot.press("plus")
            await pilot.pause()
            assert not target.exists()
            await pilot.press(*"Initech", "enter")
            await pilot.pause()
            assert target.exists()  # created by the first prospect saved

        drive(app, scenario, size=(120, 30))
    assert any(message.startswith("Created ") for message in toasts(app))
    with Store.open(target) as saved:
        assert [p.name for p in saved.prospects()] == ["Initech"]


def test_q_on_the_first_run_quits_without_creating_the_file(tmp_path: Path) -> None:
    target = tmp_path / "pipeline.json"
    with Store.open(tmp_path / "stand-in.json") as empty:
        app = _app_on_missing_file(tmp_path, empty, target)

        async def scenario(pilot: Any) -> None:
            await pilot.press("q")
            await pilot.pause()

        drive(app, scenario)
    assert app.return_code == 0 and not target.exists()


def test_d_asks_for_the_demo(app_factory: AppFactory) -> None:
    app = app_factory(prospects=[])

    async def scenario(pilot: Any) -> None:
        await pilot.press("d")
        await pilot.pause()

    drive(app, scenario)
    assert app.return_code == OPEN_DEMO_STATUS


def test_the_command_line_starts_on_a_stand_in_then_opens_the_demo_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs: list[dict[str, Any]] = []

    def fake_run_app(store: Store, config: Any, **options: Any) -> int:
        runs.append({"count": len(store), "path": store.path, **options})
        return OPEN_DEMO_STATUS if len(runs) == 1 else 0

    monkeypatch.setattr(commands, "_terminal_problem", lambda: None)
    monkeypatch.setattr(app_module, "run_app", fake_run_app)
    target = tmp_path / "mine.json"
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert main(["--db", str(target)]) == 0
    first, second = runs
    assert first["new_data_file"] == target and first["count"] == 0
    assert second["count"] > 10 and "new_data_file" not in second  # the demo pipeline
    assert not target.exists()  # only looked: nothing created
