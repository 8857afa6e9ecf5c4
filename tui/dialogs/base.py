"""What every prospect dialog shares: the app's API, saving, Escape to cancel.

Dialogs save through `app.save` themselves and close only when the save
worked, so a failed save (file locked, disk full) leaves the user's input on
screen instead of losing it. They dismiss with the saved prospect, or None
when cancelled.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widget import Widget

from leadline.core.config.model import Config
from leadline.core.models import Prospect
from leadline.tui.compat import point_keys_at
from leadline.tui.text.feedback import TOAST_SECONDS
from leadline.tui.text.labels import stage_label

if TYPE_CHECKING:
    from leadline.core.store.facade import Store

__all__ = ["AppApi", "ProspectDialog", "TypeAhead", "api", "say_saved", "stage_label"]

ResultT = TypeVar("ResultT")
WidgetT = TypeVar("WidgetT", bound="Widget")


class AppApi(Protocol):
    """The part of `LeadlineApp` that screens and dialogs use (see the TUI contract)."""

    store: Store
    config: Config

    def now(self) -> datetime: ...
    def today(self) -> date: ...
    def summaries(self) -> list[Prospect]: ...
    def save(self, pid: str, change: Callable[[Prospect], Prospect]) -> Prospect | None: ...
    def add_prospect(self, p: Prospect) -> Prospect | None: ...


def api(node: DOMNode) -> AppApi:
    """The running app, typed as the leadline app API."""
    return cast(AppApi, node.app)


DIALOG_CSS = """
ModalScreen.leadline-dialog { align: center middle; background: $background 60%; }
.leadline-dialog > #box {
    width: 66; max-width: 100%; height: auto; max-height: 100%;
    border: round $accent; background: $surface; padding: 0 1;
}
.leadline-dialog #title { text-style: bold; width: 1fr; dock: top; }
.leadline-dialog .keys { dock: bottom; }
.leadline-dialog #body { height: auto; max-height: 100%; }
.leadline-dialog .hint { color: $text-muted; }
.leadline-dialog .error { color: $state-warning; text-style: bold; }
.leadline-dialog .choice { height: 1; }
.leadline-dialog .choice.-selected { text-style: bold reverse; }
"""
"""Shared layout: a centred box titled with the prospect's name. The title is docked at the
top and the line of keys (`.keys`) at the bottom, so both stay in view at any size (60x20
too); a long dialog's fields go in a scrolling `#body` between them."""


class TypeAhead:
    """Mixin for dialogs that type into a field: keys typed before it is drawn are kept.

    The app hands each key to the screen's focused widget the moment it reads
    it. A dialog is pushed before its widgets exist, so keys typed right after
    the key that opened it would reach a screen with nothing focused and be
    lost. `type_into(widget)` (called in `__init__`, with a widget created
    there) points focus at the field at once: those keys queue up in the field
    itself, in order, and it handles them as soon as it is mounted.
    """

    focused: Any
    _type_target: Widget | None = None

    def type_into(self, widget: WidgetT) -> WidgetT:
        """Send keys to `widget` from now on; returns it for use in `compose`."""
        self._type_target = widget
        point_keys_at(cast(ModalScreen[Any], self), widget)
        return widget

    def on_mount(self) -> None:
        target = self._type_target
        if target is not None and self.focused is target:
            # Mounted now: focus it properly (focus style, blinking cursor).
            point_keys_at(cast(ModalScreen[Any], self), None)
            cast(ModalScreen[Any], self).set_focus(target)


class ProspectDialog(ModalScreen[ResultT]):
    """A modal about one prospect (`pid`), closed with Escape."""

    SCOPED_CSS = False
    DEFAULT_CSS = DIALOG_CSS
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel", tooltip="Close without saving")
    ]

    def __init__(self, pid: str, **kwargs: Any) -> None:
        super().__init__(classes="leadline-dialog", **kwargs)
        self.pid = pid

    @property
    def prospect(self) -> Prospect:
        """The prospect as stored now."""
        return api(self).store.get(self.pid)

    def save(self, change: Callable[[Prospect], Prospect]) -> Prospect | None:
        """Apply `change` under the store lock; None (and a toast) when it failed."""
        try:
            return api(self).save(self.pid, change)
        except ValueError as error:  # a core rule refused the change
            self.notify(str(error), severity="error")
            return None

    def saved(self, prospect: Prospect, message: str) -> None:
        """After a save: say `message` (tui/text/feedback.py) briefly, and close."""
        say_saved(self, message)
        self.dismiss(prospect)  # type: ignore[arg-type]

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)


def say_saved(node: DOMNode, message: str) -> None:
    """The brief confirmation toast after a save (names shown as typed, never as markup)."""
    node.app.notify(message, timeout=TOAST_SECONDS, markup=False)
