"""The Textual application: top-level screens, shared keys, saving and theming.

Two modes (funnel and today's queue) switch with one key each; prospects,
dialogs and lists are pushed on top. Screens never touch the data file: they
call `app.save(...)`, and every screen refreshes when `app.revision` changes,
which happens after each save and when another process wrote the file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen

from leadline.core.config.model import Config
from leadline.core.models import Prospect
from leadline.core.paths import config_dir
from leadline.core.store.facade import DataFileError, Store, StoreLocked
from leadline.tui import compat, crash, state, theming
from leadline.tui.commands import LEADLINE_COMMANDS, prospect_in_view
from leadline.tui.compat import CrashHookedApp
from leadline.tui.idle_gc import IdleCollector
from leadline.tui.screens.funnel import FunnelScreen

SCREEN_ACTIONS = frozenset(
    {"show_mode", "quick_note", "add_prospect", "help", "go_back", "quit_top", "command_palette"}
)
"""App actions that open or switch screens: off while a dialog is open. The rest
(Tab / Shift+Tab between fields, Ctrl+Q) keep working in dialogs."""

ROUTED_TO = "_leadline_routed_to"
"""Attribute set on each key: the screen it was handed to when the app read it."""

SAVE_ERRORS = (StoreLocked, DataFileError, OSError, ValueError)
"""What a save may raise that the user can do something about (shown as a toast)."""


def _queue_screen() -> Screen[None]:
    from leadline.tui.screens.queue import QueueScreen  # noqa: PLC0415 - loaded on first use

    return QueueScreen()


class LeadlineApp(CrashHookedApp[int]):
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
        Binding("q", "go_back", "Back", id="app.back", tooltip="Back to the previous screen"),
        Binding("q", "quit_top", "Quit", id="app.quit_q", tooltip="Quit (on a top screen)"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit",
                tooltip="Quit leadline"),
    ]  # fmt: skip

    revision: reactive[int] = reactive(0, init=False)
    """Bumped after every save and when another process changed the data file."""

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
    ) -> None:
        super().__init__()
        self.store = store
        self.config = config
        self.mouse_enabled = mouse
        self._clock = clock
        self.state_path = state_path or state.default_state_path()
        self.crash_dir = crash_dir or crash.default_crash_dir()
        self._cache: tuple[int, list[Prospect]] | None = None
        self._idle_gc = IdleCollector()
        self._poll_failed = False
        self._crash_report: str | None = None
        self.pause_polling = False
        """True while an import's worker thread uses the store."""
        self._theme_problems = self._install_themes(themes_dir or config_dir() / "themes")

    # -- time and data ------------------------------------------------------

    def now(self) -> datetime:
        """The current time, from the injected clock (tests pass a fixed one)."""
        return self._clock()

    def today(self) -> date:
        """Today's date, from the injected clock."""
        return self.now().date()

    def prospects(self) -> list[Prospect]:
        """All prospects, read once per revision."""
        if self._cache is None or self._cache[0] != self.revision:
            self._cache = (self.revision, self.store.prospects())
        return self._cache[1]

    def save(self, pid: str, change: Callable[[Prospect], Prospect]) -> Prospect | None:
        """Apply `change` to prospect `pid` under the store's lock and save atomically.

        Returns the saved prospect, or None after telling the user why it failed;
        callers then keep their dialog open so nothing typed is lost.
        """
        try:
            saved = self.store.update(pid, change)
        except KeyError:
            self.notify("That prospect is gone (deleted elsewhere?).", title="Not saved",
                        severity="error")  # fmt: skip
            return None
        except SAVE_ERRORS as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=10)
            return None
        self.revision += 1
        return saved

    def add_prospect(self, prospect: Prospect) -> Prospect | None:
        """Store a new prospect; None (after a toast) if it could not be saved."""
        try:
            added = self.store.add(prospect)
        except SAVE_ERRORS as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=10)
            return None
        self.revision += 1
        return added

    def _poll_store(self) -> None:
        """Pick up changes another process (say `leadline note`) made to the file."""
        if self.pause_polling:
            return  # an import is writing from its worker thread
        try:
            changed = self.store.changed_on_disk()
        except (DataFileError, OSError) as error:
            if not self._poll_failed:
                self.notify(str(error), title="Data file", severity="error", timeout=10)
            self._poll_failed = True
            return
        self._poll_failed = False
        if changed:
            self.revision += 1

    # -- lifecycle ----------------------------------------------------------

    def on_mount(self) -> None:
        for problem in self._theme_problems:
            self.notify(problem, title="Theme not loaded", severity="error", timeout=10)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.set_interval(1.0, self._poll_store, name="poll-store")
        self._idle_gc.start()
        self.set_interval(0.5, self._idle_gc.tick, name="idle-gc")

    def on_unmount(self) -> None:
        self._idle_gc.stop()

    def unexpected_error(self, error: Exception) -> None:
        """Unexpected errors: a short message and a private log, never local variables."""
        if self._crash_report is None:
            self._crash_report = crash.handle_crash(self, error, self.crash_dir, datetime.now())

    def crash_report(self) -> str | None:
        """After a crash, only our short message is printed (Textual's would show locals)."""
        return self._crash_report

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(theming.VARIABLE_DEFAULTS)

    def _install_themes(self, themes_dir: Path) -> list[str]:
        loaded = theming.load_themes(themes_dir)
        for theme in loaded.themes:
            self.register_theme(theme)
        self.leadline_themes = sorted(theme.name for theme in loaded.themes)
        """The themes from leadline's and the user's theme files (offered in the palette)."""
        # The remembered choice wins, then the config's `theme`, then mono under NO_COLOR.
        wanted = state.read_state(self.state_path).get("theme") or self.config.theme
        if not wanted and os.environ.get("NO_COLOR") is not None:
            wanted = theming.MONO_THEME
        self.theme = theming.pick_theme(wanted, self.available_themes)
        if wanted and wanted != self.theme:
            loaded.problems.append(f"Theme {wanted!r} is not available; using {self.theme}.")
        return loaded.problems

    def _remember_theme(self, theme: object) -> None:
        name = getattr(theme, "name", None)
        if not name or state.read_state(self.state_path).get("theme") == name:
            return
        try:
            state.remember(self.state_path, "theme", name)
        except OSError as error:
            self.notify(f"Theme not remembered: {error}", severity="warning")

    # -- keys ---------------------------------------------------------------
    #
    # Keys run in the order typed. The app hands each key to the focused widget
    # the moment it reads it; bindings run when the key has bubbled back up. So
    # when a key opens a dialog (or switches screens), the keys typed right after
    # it were already handed to the screen behind. Each key remembers the screen
    # it was handed to; one that comes back up after its screen was covered or
    # closed is handed again to the screen now on top: a fast "n" plus a note
    # types into the note box, "j l" logs a touch on the row moved to.

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            setattr(event, ROUTED_TO, self.screen)
            self._idle_gc.key()
        await super().on_event(event)

    async def on_key(self, event: events.Key) -> None:
        # Runs before Textual's own App key handler (which runs the bindings);
        # prevent_default keeps a re-routed key from running them on this screen.
        routed_to = getattr(event, ROUTED_TO, None)
        if routed_to is None or routed_to is self.screen:
            return  # the usual path: Textual's handler runs the bindings next
        event.prevent_default()
        again = events.Key(event.key, event.character)
        setattr(again, ROUTED_TO, self.screen)
        if not await compat.run_priority_bindings(self, again.key):
            compat.forward_event(self.screen.focused or self.screen, again)

    def current_prospect_id(self) -> str | None:
        """The prospect the active screen is about (detail, highlighted row), if any."""
        return prospect_in_view(self.screen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in SCREEN_ACTIONS and isinstance(self.screen, ModalScreen):
            return False  # a dialog is open: it handles its own keys; Escape closes it
        if action == "quick_note":
            return self.current_prospect_id() is not None
        if action == "go_back":
            return len(self.screen_stack) > 1
        if action == "quit_top":
            return len(self.screen_stack) <= 1
        if action == "show_mode":
            on_base = len(self.screen_stack) <= 1
            return not (parameters and parameters[0] == self.current_mode and on_base)
        return True

    def action_show_mode(self, mode: str) -> None:
        """Go to a top-level screen; pressed again there, back to its base."""
        if mode == self.current_mode:
            while len(self.screen_stack) > 1:
                self.pop_screen()
        else:
            self.switch_mode(mode)

    def action_go_back(self) -> None:
        if len(self.screen_stack) > 1:
            self.pop_screen()

    def action_quit_top(self) -> None:
        self.exit(return_code=0)

    def action_quick_note(self) -> None:
        pid = self.current_prospect_id()
        if pid is not None:
            self.quick_note(pid)

    def action_add_prospect(self) -> None:
        from leadline.tui.dialogs.add import AddProspectDialog  # noqa: PLC0415

        self.push_screen(AddProspectDialog(), self._prospect_added)

    def _prospect_added(self, prospect: Prospect | None) -> None:
        if prospect is not None:
            self.notify(f"Added {prospect.name}.")

    def action_import_file(self) -> None:
        """Ask for a file and import it (palette: "import: file…")."""
        from leadline.tui.interop import start_import  # noqa: PLC0415

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
) -> int:
    """Run the TUI until the user quits; returns the exit status (1 after a crash)."""
    app = LeadlineApp(store, config, clock=clock, mouse=mouse, state_path=state_path)
    app.run(mouse=mouse)
    return app.return_code or 0
