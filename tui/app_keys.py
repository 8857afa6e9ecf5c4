"""The app's key routing and top-level navigation (a mixin of LeadlineApp).

Keys run in the order typed. The app hands each key to the focused widget
the moment it reads it; bindings run when the key has bubbled back up. So
when a key opens a dialog (or switches screens), the keys typed right after
it were already handed to the screen behind. Each key remembers the screen
it was handed to; one that comes back up after its screen was covered or
closed is handed again to the screen now on top: a fast "n" plus a note
types into the note box, "j l" logs a touch on the row moved to.

Keys also go one at a time (tui/keyline.py): the next waits until the one
before has been handled, bindings and screen changes included.
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.screen import ModalScreen

from leadline.tui import compat
from leadline.tui.commands import prospect_in_view
from leadline.tui.idle_gc import IdleCollector
from leadline.tui.keyline import KeyHandled, KeyLine

SCREEN_ACTIONS = frozenset(
    {"show_mode", "quick_note", "add_prospect", "help", "go_back", "quit_top", "command_palette"}
)
"""App actions that open or switch screens: off while a dialog is open. The rest
(Tab / Shift+Tab between fields, Ctrl+Q) keep working in dialogs, and F1 opens help
on a dialog's keys."""

ROUTED_TO = "_leadline_routed_to"
"""Attribute set on each key: the screen it was handed to when the app read it."""


class KeyRouting(App[int]):
    """Mixin of LeadlineApp: keys in the order typed, and the top-level navigation."""

    _keys: KeyLine
    _idle_gc: IdleCollector

    # -- keys ---------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            self._idle_gc.key()
            await self._keys.take(event)
            return
        await super().on_event(event)

    async def _hand_on(self, key: events.Key) -> None:
        setattr(key, ROUTED_TO, self.screen)
        await super().on_event(key)

    async def on_key_handled(self, marker: KeyHandled) -> None:
        await self._keys.handled(marker)

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

    # -- navigation ---------------------------------------------------------

    def current_prospect_id(self) -> str | None:
        """The prospect the active screen is about (detail, highlighted row), if any."""
        return prospect_in_view(self.screen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in SCREEN_ACTIONS and self.dialog_open():
            return False  # a dialog handles its own keys (Escape closes it; F1 lists them)
        if action == "dialog_help":  # F1 in a dialog (elsewhere F1 is the usual help key)
            return isinstance(self.screen, ModalScreen)
        if action == "quick_note":
            return self.current_prospect_id() is not None
        if action == "go_back":
            return not self.on_home_screen()
        if action == "quit_top":
            return self.on_home_screen()
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

    def dialog_open(self) -> bool:
        """True while a dialog is open (help may be on top of it)."""
        return any(isinstance(screen, ModalScreen) for screen in self.screen_stack)

    def on_home_screen(self) -> bool:
        """True on the home screen (the funnel's base), where `q` quits; elsewhere it goes back."""
        if getattr(self.screen, "IS_HOME", False):  # the first-run screen of an empty pipeline
            return True
        return len(self.screen_stack) <= 1 and self.current_mode == self.DEFAULT_MODE

    def action_help(self) -> None:
        raise NotImplementedError  # LeadlineApp opens the help screen

    def action_dialog_help(self) -> None:
        self.action_help()

    def action_go_back(self) -> None:
        """Back to the screen before; from another top-level screen, home."""
        if len(self.screen_stack) > 1:
            self.pop_screen()
        elif self.current_mode != self.DEFAULT_MODE:
            self.switch_mode(self.DEFAULT_MODE)

    def action_quit_top(self) -> None:
        self.exit(return_code=0)
