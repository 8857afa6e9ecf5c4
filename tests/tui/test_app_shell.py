"""The app shell: modes, keys, help, palette, themes, saving, polling, crashes."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from shell_support import (
    TODAY,
    AppFactory,
    drive,
    sample_config,
    screen_text,
    settle,
    small_pipeline,
)

from leadline.core.models import Note
from leadline.core.store.facade import Store, StoreLocked
from leadline.tui import app as app_module
from leadline.tui import theming
from leadline.tui.app import LeadlineApp
from leadline.tui.screens.funnel import FunnelScreen
from leadline.tui.screens.help import HelpScreen
from leadline.tui.screens.live import ProspectsChanged
from leadline.tui.screens.stage_list import StageListScreen
from leadline.tui.state import read_state
from leadline.tui.text.fmt import deals


def announcements(app: LeadlineApp) -> list[ProspectsChanged]:
    """Every ProspectsChanged the app publishes to the screens from now on."""
    seen: list[ProspectsChanged] = []
    app.changes_signal.subscribe(app, seen.append, immediate=True)
    return seen


def test_starts_on_the_funnel_and_t_f_switch_modes(app_factory: AppFactory) -> None:
    app = app_factory()

    async def scenario(pilot: Any) -> None:
        assert isinstance(app.screen, FunnelScreen)
        await pilot.press("t")
        await pilot.pause()
        assert app.current_mode == "queue"
        assert "Funnel ·" not in screen_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert app.current_mode == "funnel"
        assert "Funnel · Mon 23 Nov 2026" in screen_text(app)

    drive(app, scenario)


def test_footer_hides_dead_keys(app_factory: AppFactory) -> None:
    app = app_factory()

    async def scenario(pilot: Any) -> None:
        footer = screen_text(app).splitlines()[-1]
        assert "Today" in footer and "Help" in footer
        assert "Funnel" not in footer  # already there
        assert "Note" not in footer  # no prospect in view on the funnel

    drive(app, scenario)


def test_q_goes_back_then_quits(app_factory: AppFactory) -> None:
    app = app_factory()

    async def scenario(pilot: Any) -> None:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StageListScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, FunnelScreen)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0
        assert not app.is_running

    drive(app, scenario)


def test_help_lists_the_keys_of_the_screen_it_came_from(app_factory: AppFactory) -> None:
    app = app_factory(prospects=small_pipeline())

    async def scenario(pilot: Any) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Keys · Funnel" in text
        for words in ("Prospects", "Next stage", "Today", "Add", "^p"):
            assert words in text, words
        assert "Sort" not in text  # a stage-list key, not a funnel one
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FunnelScreen)
        await pilot.press("enter", "f1")
        await pilot.pause()
        assert "Keys · Stage list" in screen_text(app)
        text = ""
        for _ in range(24):  # the app's keys are further down: read it all, line by line
            await pilot.press("j")
            await pilot.pause()
            text += screen_text(app)
        assert "Sort" in text  # the stage list's own key (the funnel's help had none)
        assert "Note" in text and "Everywhere" in text
        await pilot.press("g")
        await pilot.pause()
        assert "Sort by value, time in stage, next due, ICP score" in screen_text(app)

    drive(app, scenario)


def test_palette_jumps_to_a_prospect_by_fuzzy_name(app_factory: AppFactory) -> None:
    app = app_factory()
    target = next(p for p in app.store.prospects() if p.is_open)
    fragment = target.name[:4]
    opened: list[str] = []
    app.open_prospect = opened.append  # type: ignore[method-assign]

    async def scenario(pilot: Any) -> None:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*fragment)
        # The palette searches in the background; on a loaded machine the list is
        # refilled once per typed key, so wait until the last search has settled.
        for _ in range(30):
            await pilot.pause(0.1)
            if f"prospect: {target.name}" in screen_text(app):
                break
        assert f"prospect: {target.name}" in screen_text(app)
        await pilot.pause(0.3)
        await pilot.press("enter")
        for _ in range(30):
            if opened:
                break
            await pilot.pause(0.1)

    drive(app, scenario)
    assert opened and app.store.get(opened[0]).name.startswith(fragment)


def test_palette_moves_the_prospect_in_view_to_a_stage(app_factory: AppFactory) -> None:
    app = app_factory(prospects=small_pipeline())

    async def scenario(pilot: Any) -> None:
        await pilot.press("enter")  # first stage's list
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StageListScreen)
        pid = screen.current_prospect_id()
        assert pid is not None
        name = app.store.get(pid).name
        await pilot.press("ctrl+p")
        await pilot.press(*"move to needs")
        await settle(pilot)
        assert f"stage: move {name} to Needs analysis" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.store.get(pid).stage == "needs"
        with Store.open(app.store.path) as other:
            assert other.get(pid).stage == "needs"  # on disk, not just in memory

    drive(app, scenario)


def test_theme_from_the_palette_is_remembered_in_the_state_file(
    app_factory: AppFactory, tmp_path: Path
) -> None:
    app = app_factory()
    assert app.theme == "leadline-dark"

    async def scenario(pilot: Any) -> None:
        await pilot.press("ctrl+p")
        await pilot.press(*"theme: leadline-light")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.theme == "leadline-light"

    drive(app, scenario)
    state_file = tmp_path / "state.json"
    assert read_state(state_file) == {"theme": "leadline-light"}
    assert stat.S_IMODE(state_file.stat().st_mode) == 0o600
    again = app_factory()
    assert again.theme == "leadline-light"


def test_broken_theme_file_gives_a_toast_and_a_fallback(
    app_factory: AppFactory, tmp_path: Path
) -> None:
    themes = tmp_path / "themes"
    themes.mkdir()
    (themes / "mine.yaml").write_text("name: mine\nprimary: not-a-colour\n")
    (themes / "broken.yaml").write_text("name: [unclosed\n")
    app = app_factory(theme="mine")

    async def scenario(pilot: Any) -> None:
        messages = [n.message for n in app._notifications]
        assert any("mine.yaml: primary: 'not-a-colour' is not a colour" in m for m in messages)
        assert any("broken.yaml:" in m and "not valid YAML" in m for m in messages)
        assert any("'mine' is not available" in m for m in messages)
        assert app.theme == "leadline-dark"
        assert "Funnel" in screen_text(app)

    drive(app, scenario)


def test_no_color_starts_in_the_mono_theme(
    app_factory: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_factory()
    assert app.theme == "leadline-mono"


def test_config_theme_is_the_default_until_one_is_chosen(
    app_factory: AppFactory, tmp_path: Path
) -> None:
    config = replace(sample_config(), theme="leadline-high-contrast")
    assert app_factory(config=config).theme == "leadline-high-contrast"
    assert app_factory(config=config, theme="leadline-light").theme == "leadline-light"


def test_plus_opens_the_add_form_and_the_funnel_counts_the_new_lead(
    app_factory: AppFactory,
) -> None:
    app = app_factory(prospects=small_pipeline())

    async def scenario(pilot: Any) -> None:
        await pilot.press("plus")
        await pilot.pause()
        assert type(app.screen).__name__ == "AddProspectDialog"
        await pilot.press(*"Kilo Foods", "ctrl+s")
        await pilot.pause(0.2)
        assert isinstance(app.screen, FunnelScreen)
        assert "Kilo Foods" in [p.name for p in app.store.prospects()]
        assert "Above the funnel · 4 deals" in screen_text(app)

    drive(app, scenario)


def test_n_on_a_stage_list_row_writes_a_note_to_disk(app_factory: AppFactory) -> None:
    app = app_factory(prospects=small_pipeline())

    async def scenario(pilot: Any) -> None:
        await pilot.press("enter")  # Lead: Bolt Logistics (12k) first, then Acme
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert type(app.screen).__name__ == "NoteBox"
        await pilot.press(*"Budget signed off", "ctrl+s")
        await pilot.pause(0.2)
        assert isinstance(app.screen, StageListScreen)

    drive(app, scenario)
    with Store.open(app.store.path) as other:
        assert other.get("p02").notes[-1].text == "Budget signed off"


def test_a_failed_save_is_a_toast_and_returns_none(
    app_factory: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_factory()
    pid = app.store.prospects()[0].id

    def locked(*_args: object) -> None:
        raise StoreLocked(app.store.path, 4242, "leadline note", 10.0)

    async def scenario(pilot: Any) -> None:
        announced = announcements(app)
        monkeypatch.setattr(app.store, "update", locked)
        assert app.save(pid, lambda p: p) is None
        await pilot.pause()
        assert announced == []
        assert any("pid 4242" in n.message for n in app._notifications)

    drive(app, scenario)


def test_a_save_writes_to_disk_and_announces_that_prospect(app_factory: AppFactory) -> None:
    app = app_factory()
    pid = app.store.prospects()[0].id
    note = Note(at=app.now(), text="Call back after the board meeting")

    async def scenario(pilot: Any) -> None:
        announced = announcements(app)
        saved = app.save(pid, lambda p: replace(p, notes=(*p.notes, note)))
        assert saved is not None and saved.notes[-1] == note
        await pilot.pause()
        assert announced == [ProspectsChanged(frozenset({pid}))]

    drive(app, scenario)
    with Store.open(app.store.path) as other:
        assert other.get(pid).notes[-1].text == "Call back after the board meeting"


def test_changes_from_another_process_appear_without_restart(app_factory: AppFactory) -> None:
    app = app_factory()
    lead_count = sum(1 for p in app.store.prospects() if p.stage == "lead")

    async def scenario(pilot: Any) -> None:
        await pilot.press("enter")  # the Lead stage list
        await pilot.pause()
        assert f"Lead · {deals(lead_count)}" in screen_text(app)
        code = textwrap.dedent(f"""
            from datetime import datetime
            from pathlib import Path
            from leadline.core.models import Prospect
            from leadline.core.store.facade import Store
            with Store.open(Path({str(app.store.path)!r})) as store:
                store.add(Prospect(id="", name="Written Elsewhere GmbH", stage="lead",
                                   created=datetime(2026, 11, 23), updated=datetime(2026, 11, 23)))
        """)
        subprocess.run([sys.executable, "-c", code], check=True)
        for _ in range(30):
            await pilot.pause(0.1)
            if "Written Elsewhere GmbH" in screen_text(app):
                break
        assert "Written Elsewhere GmbH" in screen_text(app)
        assert f"Lead · {deals(lead_count + 1)}" in screen_text(app)

    drive(app, scenario)


def test_no_mouse_reaches_app_run(app_factory: AppFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def fake_run(self: LeadlineApp, **kwargs: Any) -> None:
        seen.update(kwargs)

    monkeypatch.setattr(LeadlineApp, "run", fake_run)
    app = app_factory()
    assert app_module.run_app(app.store, app.config, mouse=False, state_path=app.state_path) == 0
    assert seen == {"mouse": False}


CRASHING_APP = """
import sys
from datetime import datetime
from pathlib import Path
from textual.app import App
from leadline.core.config.loader import load_config
from leadline.core.models import Prospect
from leadline.core.store.facade import Store
from leadline.tui.app import LeadlineApp
from leadline.tui.text.fmt import deals

class Crashing(LeadlineApp):
    def on_ready(self) -> None:
        self.set_timer(0.2, self.fail)

    def fail(self) -> None:
        names = [p.name for p in self.summaries()]  # personal data in a local variable
        raise RuntimeError(f"failed after {len(names)} prospects")

class TextualDefault(Crashing):
    _handle_exception = App._handle_exception

tmp = Path(sys.argv[1])
app_class = Crashing if sys.argv[2] == "leadline" else TextualDefault
store = Store.open(tmp / "data.json")
store.add(Prospect(id="", name="Zyxwv Privatename", stage="lead",
                   created=datetime(2026, 1, 1), updated=datetime(2026, 1, 1)))
app = app_class(store, load_config(None), state_path=tmp / "state.json", themes_dir=tmp,
                crash_dir=tmp / "crash")
app.run(headless=True)
sys.exit(app.return_code)
"""


def _crash(tmp_path: Path, which: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "crashing.py"
    script.write_text(CRASHING_APP)
    (tmp_path / which).mkdir()
    env = {**os.environ, "TERM": "xterm-256color"}
    return subprocess.run(
        [sys.executable, str(script), str(tmp_path / which), which],
        capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip


def test_crash_prints_a_short_message_and_logs_privately(tmp_path: Path) -> None:
    result = _crash(tmp_path, "leadline")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "leadline stopped after an unexpected error (RuntimeError)" in output
    assert "Zyxwv" not in output
    logs = list((tmp_path / "leadline" / "crash").glob("crash-*.log"))
    assert len(logs) == 1 and str(logs[0]) in output
    assert stat.S_IMODE(logs[0].stat().st_mode) == 0o600
    details = logs[0].read_text()
    assert "RuntimeError: failed after 1 prospects" in details and "Zyxwv" not in details


def test_textual_default_would_have_leaked_the_local(tmp_path: Path) -> None:
    """The check above can fail: Textual's own report prints local variables."""
    result = _crash(tmp_path, "textual")
    assert "Zyxwv Privatename" in result.stdout + result.stderr


def test_today_and_now_come_from_the_clock(app_factory: AppFactory) -> None:
    app = app_factory()
    assert app.today() == TODAY


def test_every_shipped_theme_loads_and_defines_every_leadline_variable() -> None:
    loaded = theming.load_themes(None)
    assert loaded.problems == []
    names = {theme.name for theme in loaded.themes}
    assert {"leadline-dark", "leadline-light", "leadline-high-contrast", "leadline-mono"} <= names
    for theme in loaded.themes:
        missing = set(theming.VARIABLE_DEFAULTS) - set(theme.variables)
        assert not missing, f"{theme.name} lacks {sorted(missing)}"


COLOUR_LITERAL = re.compile(
    r"(?:color|background|border[a-z-]*|outline[a-z-]*|tint)\s*:[^;\n]*"
    r"(?:#[0-9a-fA-F]{3,8}\b|\brgba?\(|\bhsla?\(|\b(?:red|green|blue|white|black|yellow)\b)"
)


def test_stylesheets_use_theme_variables_not_colour_literals() -> None:
    tui = Path(app_module.__file__).parent
    sources = [*tui.rglob("*.tcss"), *tui.rglob("*.py")]
    offenders = [
        f"{path.relative_to(tui)}: {match.group(0)}"
        for path in sources
        for match in COLOUR_LITERAL.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
