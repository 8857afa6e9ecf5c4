"""Keys are the user's: a keymap by binding id, the mouse off for good, and a help
screen that lists every key of the screen and dialog (and the dates), nothing generic."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from shell_support import AppFactory, drive, sample_config, screen_text, small_pipeline

from leadline.core.store.facade import Store
from leadline.tui import app as app_module
from leadline.tui.cli import commands
from leadline.tui.cli.main import main
from leadline.tui.dialogs.log_touch import LogTouchDialog
from leadline.tui.keymap import leadline_bindings
from leadline.tui.screens.detail import DetailScreen
from leadline.tui.screens.help import HelpScreen
from leadline.tui.screens.queue import QueueScreen


def test_every_leadline_binding_has_an_id_a_description_and_a_tooltip() -> None:
    found = leadline_bindings()
    wanted = {"app.queue", "app.undo", "prospect.log_touch", "touch.confirm", "reason.1"}
    assert wanted <= set(found)  # mixins' bindings (undo) included
    lacking = [(binding_id, b.key) for binding_id, bindings in found.items() for b in bindings
               if not (b.description and b.tooltip)]  # fmt: skip
    assert lacking == []


def test_a_keymap_rebinds_by_id_and_help_shows_the_new_key(app_factory: AppFactory) -> None:
    config = dataclasses.replace(sample_config(), keymap={"app.queue": "w,ctrl+t"})
    app = app_factory(prospects=small_pipeline(), config=config)

    async def scenario(pilot: Any) -> None:
        await pilot.press("t")  # no longer Today
        await pilot.pause()
        assert not isinstance(app.screen, QueueScreen)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Today" not in screen_text(app).split("Everywhere")[1].split("\n")[0]

    drive(app, scenario, size=(100, 50))


def _tui_without_terminal(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    runs: list[dict[str, Any]] = []
    monkeypatch.setattr(commands, "_terminal_problem", lambda: None)
    monkeypatch.setattr(app_module, "run_app", lambda store, config, **o: runs.append(o) or 0)
    return runs


def test_an_unknown_binding_id_is_named_at_its_line_with_the_nearest_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    runs = _tui_without_terminal(monkeypatch)
    config = tmp_path / "config.yaml"
    text = Path(str(sample_file_of_default())).read_text()
    config.write_text(text.replace("keymap: {}", "keymap:\n  app.qeue: w\n  app.help: f2"))
    line = text.splitlines().index("keymap: {}") + 2
    status = main(["--config", str(config), "--db", str(tmp_path / "p.json")])
    err = capsys.readouterr().err
    assert status == 2 and runs == []  # the TUI never started
    assert (
        f"{config}:{line}:3: keymap: no key has the id 'app.qeue'; did you mean 'app.queue'?" in err
    )
    assert "app.help" not in err


def test_mouse_false_in_the_config_turns_the_mouse_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs = _tui_without_terminal(monkeypatch)
    config = tmp_path / "config.yaml"
    config.write_text(Path(str(sample_file_of_default())).read_text().replace(
        "mouse: true", "mouse: false"))  # fmt: skip
    db = tmp_path / "p.json"
    Store.open(db).close()  # an existing (empty) data file
    assert main(["--config", str(config), "--db", str(db)]) == 0
    assert main(["--db", str(db), "--no-mouse"]) == 0
    assert main(["--db", str(db)]) == 0
    assert [run["mouse"] for run in runs] == [False, False, True]


def sample_file_of_default() -> object:
    from importlib.resources import files  # noqa: PLC0415

    return files("leadline.core.config").joinpath("default_config.yaml")


def test_help_lists_the_screens_keys_and_the_dates_but_no_generic_ones(
    app_factory: AppFactory,
) -> None:
    app = app_factory(prospects=small_pipeline())
    texts: list[str] = []

    async def scenario(pilot: Any) -> None:
        app.open_prospect(app.store.prospects()[0].id)
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        texts.append(screen_text(app))

    drive(app, scenario, size=(100, 60))
    text = texts[0]
    for wanted in ("Log a call, email or meeting", "Stop following", "^q", "^p",
                   "Dates, in any date field", "next mon"):  # fmt: skip
        assert wanted in text, wanted
    for noise in ("Focus Next", "Focus Previous", "Copy selected text", "Scroll Home",
                  "Page Up", "Minimize", "Screenshot"):  # fmt: skip
        assert noise not in text, noise


def test_f1_in_a_dialog_lists_its_keys_then_closes_back_to_it(app_factory: AppFactory) -> None:
    app = app_factory(prospects=small_pipeline())

    async def scenario(pilot: Any) -> None:
        app.open_prospect(app.store.prospects()[0].id)
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LogTouchDialog)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "In this dialog · Log touch" in text
        assert "No response this time" in text and "On this screen · Prospect" in text
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, LogTouchDialog)  # back in the dialog, nothing lost
        await pilot.press("t")  # app keys stay off while the dialog is open
        await pilot.pause()
        assert isinstance(app.screen, LogTouchDialog)

    drive(app, scenario, size=(100, 60))
