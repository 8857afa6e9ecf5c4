"""The Textual application: top-level screens, shared keys, saving and theming.

Two modes (funnel and today's queue) switch with one key each; prospects,
dialogs and lists are pushed on top. Screens never touch the data file: they
call `app.save(...)`, and refresh from the `ProspectsChanged` message that
each save, import, other process's save and new day posts (tui/app_data.py).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen

from leadline.core.config.model import Config
from leadline.core.models import Prospect
from leadline.core.paths import config_dir
from leadline.core.store.facade import Store
from leadline.tui import compat, crash, state, theming
from leadline.tui.app_changes import AppChanges
from leadline.tui.app_keys import KeyRouting
from leadline.tui.app_start import FirstRun
from leadline.tui.commands import LEADLINE_COMMANDS
from leadline.tui.compat import CrashHookedApp
from leadline.tui.exit_fold import fold_journal
from leadline.tui.idle_gc import IdleCollector
from leadline.tui.keyline import KeyLine
from leadline.tui.keymap import keymap_problems
from leadline.tui.screens.funnel import FunnelScreen
from leadline.tui.text.safe import safe

__all__ = ["LeadlineApp", "keymap_problems", "run_app"]  # keymap_problems: for the CLI


def _queue_screen() -> Screen[None]:
    from leadline.tui.screens.queue import QueueScreen  # noqa: PLC0415 - loaded on first use

    return QueueScreen()


class LeadlineApp(AppChanges, KeyRouting, FirstRun, CrashHookedApp[int]):
    """leadline's terminal UI over one store and one configuration."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    TITLE = "leadline"
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {
        "funnel": FunnelScreen,
        "queue": _queue_screen,
    }
    DEFAULT_MODE = "funnel"
    COMMANDS = App.COMMANDS | LEADLINE_COMMANDS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "show_mode('funnel')", "Funnel", id="app.funnel",
                tooltip="The funnel: sections, stages, quota and advice"),
        Binding("t", "show_mode('queue')", "Today", id="app.queue",
                tooltip="Today's follow-up queue"),
        Binding("n", "quick_note", "Note", id="app.note",
                tooltip="Write a note on the prospect in view"),
        Binding("plus", "add_prospect", "Add", id="app.add", tooltip="Add a prospect"),
        Binding("question_mark,f1", "help", "Help", id="app.help",
                tooltip="Every key of this screen", key_display="?"),
        Binding("f1", "dialog_help", "Help", show=False, priority=True, id="app.dialog_help",
                tooltip="The keys of the dialog open"),
        Binding("q", "go_back", "Back", id="app.back", tooltip="Back to the previous screen"),
        Binding("q", "quit_top", "Quit", id="app.quit_q", tooltip="Quit (on a top screen)"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit",
                tooltip="Quit leadline"),
    ]  # fmt: skip

    def __init__(
        self,
        store: Store,
        config: Config,
        *,
        clock: Callable[[], datetime] = datetime.now,
        mouse: bool = True,
        state_path: Path | None = None,
        themes_dir: Path | None = None,
        crash_dir: Path | None = None,
        new_data_file: Path | None = None,
    ) -> None:
        compat.guard_terminal_text()  # before anything is drawn
        compat.show_control_codes()
        compat.guard_option_list_paging()
        super().__init__()
        self.init_data(store, config, clock)
        self.mouse_enabled = mouse
        self.new_data_file = new_data_file
        self.state_path = state_path or state.default_state_path()
        self.crash_dir = crash_dir or crash.default_crash_dir()
        self._idle_gc = IdleCollector()
        self._keys = KeyLine(self, self._hand_on)
        self._crash_report: str | None = None
        self.exit_note: str | None = None
        """Said once the terminal is restored: why the journal is not folded in (exit_fold)."""
        wanted = state.read_state(self.state_path).get("theme") or config.theme
        themes = theming.install_themes(self, themes_dir or config_dir() / "themes", wanted)
        self.leadline_themes = sorted(theme.name for theme in themes.themes)
        """The themes from leadline's and the user's theme files (offered in the palette)."""
        self._theme_problems = themes.problems

    # -- lifecycle ----------------------------------------------------------

    def on_mount(self) -> None:
        for problem in self._theme_problems:
            self.notify(problem, title="Theme not loaded", severity="error", timeout=10)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.set_interval(1.0, self.check_for_changes, name="poll-store")
        self._idle_gc.start()
        self.set_interval(0.5, self._idle_gc.tick, name="idle-gc")
        self.set_keymap(dict(self.config.keymap))  # the user's keys (tui/keymap.py)
        self.show_first_run_if_empty()

    def on_unmount(self) -> None:
        self._idle_gc.stop()
        if self.new_data_file is None:  # not the empty stand-in of a first run
            self.exit_note = fold_journal(self.store)  # a TinyDB reader sees it all now

    def unexpected_error(self, error: Exception) -> None:
        """Unexpected errors: a short message and a private log, never local variables."""
        if self._crash_report is None:
            self._crash_report = crash.handle_crash(self, error, self.crash_dir, datetime.now())

    def crash_report(self) -> str | None:
        """After a crash, only our short message is printed (Textual's would show locals)."""
        return self._crash_report

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Toasts carry names, paths and error text from files and users: shown as text,
        never read as markup (a name like "a [/] b" would not show, or would raise), with
        control characters made visible."""
        super().notify(safe(message), title=safe(title), severity=severity, timeout=timeout,
                       markup=markup)  # fmt: skip

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(theming.VARIABLE_DEFAULTS)

    def _remember_theme(self, theme: object) -> None:
        try:
            state.remember_once(self.state_path, "theme", getattr(theme, "name", None))
        except OSError as error:
            self.notify(f"Theme not remembered: {error}", severity="warning")

    def action_quick_note(self) -> None:
        pid = self.current_prospect_id()
        if pid is not None:
            self.quick_note(pid)

    def action_add_prospect(self) -> None:
        from leadline.tui.dialogs.add import AddProspectDialog  # noqa: PLC0415

        self.push_screen(AddProspectDialog(), self._prospect_added)  # saving makes the file

    def _prospect_added(self, prospect: Prospect | None) -> None:
        if prospect is not None:
            from leadline.tui.dialogs.base import say_saved  # noqa: PLC0415
            from leadline.tui.text import feedback  # noqa: PLC0415

            say_saved(self, feedback.added(prospect.name))

    def action_import_file(self) -> None:
        """Ask for a file and import it (palette: "import: file…")."""
        from leadline.tui.interop import start_import  # noqa: PLC0415

        if self.ensure_data_file():
            start_import(self)

    def action_export(self, fmt: str) -> None:
        """Ask for a file and export every prospect as `fmt` (csv, json, ics)."""
        from leadline.tui.interop import start_export  # noqa: PLC0415

        start_export(self, fmt)

    def action_help(self) -> None:
        from leadline.tui.screens.help import HelpScreen  # noqa: PLC0415

        self.push_screen(HelpScreen(self.screen))

    # -- navigation used by screens ------------------------------------------

    def open_prospect(self, pid: str) -> None:
        """Show one prospect's detail screen."""
        from leadline.tui.screens.detail import DetailScreen  # noqa: PLC0415

        self.push_screen(DetailScreen(pid))

    def open_stage(self, stage_key: str) -> None:
        """List the prospects in one stage."""
        from leadline.tui.screens.stage_list import StageListScreen  # noqa: PLC0415

        self.push_screen(StageListScreen(stage_key))

    def quick_note(self, pid: str) -> None:
        """Open the note box for prospect `pid`; it takes typing at once."""
        from leadline.tui.dialogs.note import NoteBox  # noqa: PLC0415

        self.push_screen(NoteBox(pid))


def run_app(
    store: Store,
    config: Config,
    *,
    mouse: bool = True,
    clock: Callable[[], datetime] = datetime.now,
    state_path: Path | None = None,
    new_data_file: Path | None = None,
) -> int:
    """Run the TUI until the user quits; returns the exit status (1 after a crash;
    OPEN_DEMO_STATUS when the first-run screen asked for the demo). With `new_data_file`,
    `store` is an empty stand-in until the first add or import creates that file."""
    app = LeadlineApp(store, config, clock=clock, mouse=mouse, state_path=state_path,
                      new_data_file=new_data_file)  # fmt: skip
    app.run(mouse=mouse)
    if app.exit_note:
        sys.stderr.write(app.exit_note)
    return app.return_code or 0
