"""Every touch of Textual's private API, in one place.

Written for Textual 8.2.8 (`TEXTUAL_VERSION`). Each function says what it
relies on; `PRIVATE_NAMES` lists those names, and tests/tui/test_compat.py
fails loudly when one disappears, so a Textual upgrade is checked here and
nowhere else. Everything outside this module uses Textual's public API only.
"""

from __future__ import annotations

import sys
from typing import Any, TypeVar

from rich.segment import Segment
from textual import content as _content
from textual import events
from textual.app import App
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Footer, OptionList

# Textual 8.2.8 exports FooterKey from no public module; the footer composes its
# own keys with it (same class, so Textual's footer CSS styles them).
from textual.widgets._footer import FooterKey

from leadline.tui.text.safe import REPLACEMENT, UNSAFE_CODES, has_control, without_controls

__all__ = [
    "PRIVATE_NAMES",
    "TEXTUAL_VERSION",
    "CrashHookedApp",
    "FooterKey",
    "close_messages_now",
    "footer_bindings_ready",
    "forward_event",
    "guard_option_list_paging",
    "guard_terminal_text",
    "has_pending_messages",
    "show_control_codes",
    "mark_crashed",
    "mark_footer_bindings_ready",
    "point_keys_at",
    "run_priority_bindings",
]

TEXTUAL_VERSION = "8.2.8"
"""The Textual release these functions were written and checked against."""

ReturnT = TypeVar("ReturnT")

PRIVATE_NAMES: tuple[tuple[object, str], ...] = (
    (App, "_check_bindings"),
    (App, "_handle_exception"),
    (App, "_print_error_renderables"),
    (App, "_close_messages_no_wait"),
    (App, "_exception_event"),
    (Widget, "_forward_event"),
    (Screen, "_forward_event"),
    (Footer, "_bindings_ready"),
    (Strip, "_segments"),
    (Strip, "_render_cache"),
    (OptionList, "_move_page"),
    (Widget, "_message_queue"),
    (_content, "_strip_control_codes"),
    (OptionList, "_index_to_line"),
)
"""(class, name) of every private Textual name used below (instance attributes
set in `App.__init__`, `_return_code`, `_exception`, `_exit_renderables`, are
checked on a live app by the test)."""


# -- keys -------------------------------------------------------------------


async def run_priority_bindings(app: App[Any], key: str) -> bool:
    """Run `key`'s priority bindings (app down to focus) as a fresh key would; True if one ran.

    Textual 8.2.8: `App.on_event` calls `App._check_bindings(key, priority=True)`
    for each key it reads, before forwarding the key to the focused widget.
    """
    return await app._check_bindings(key, priority=True)


def forward_event(node: Widget | Screen[Any], event: events.Event) -> None:
    """Hand `event` to `node` as the app hands it a key it has just read.

    Textual 8.2.8: `App.on_event` forwards a key with `_forward_event` (marks it
    forwarded and posts it to the node, from where it bubbles up to the app).
    """
    node._forward_event(event)


def point_keys_at(screen: Screen[Any], widget: Widget | None) -> None:
    """Make `widget` the screen's focused widget without focusing it (it may be unmounted).

    Textual 8.2.8: the app forwards each key to `screen.focused` the moment it
    reads the key; a widget not mounted yet queues what it is sent and handles
    it once mounted. Assigning the reactive skips `set_focus`, which would refuse
    a widget not in the DOM yet, and the focus events and styles that go with it.
    """
    screen.focused = widget


def has_pending_messages(node: Widget | Screen[Any]) -> bool:
    """True when `node` has messages waiting in its queue (say, an Input's Submitted
    posted while it handled a key).

    Textual 8.2.8: each message pump keeps its queue in `_message_queue` (an asyncio.Queue).
    """
    return not node._message_queue.empty()


# -- footer -----------------------------------------------------------------


def footer_bindings_ready(footer: Footer) -> bool:
    """True once the footer's screen announced its bindings (before that there is nothing to show).

    Textual 8.2.8: `Footer._bindings_ready`, a reactive set by `Footer.bindings_changed`.
    """
    return bool(footer._bindings_ready)


def mark_footer_bindings_ready(footer: Footer) -> None:
    """Record that the screen's bindings arrived, as `Footer.bindings_changed` does first.

    Set without recomposing (the caller decides when): Textual 8.2.8's
    `_bindings_ready` is a `reactive(repaint=False)` with no watcher.
    """
    footer._bindings_ready = True


# -- crashes ----------------------------------------------------------------


def mark_crashed(app: App[Any], error: Exception) -> None:
    """What Textual's own handler does before drawing its report: exit status 1,
    and the first exception kept for Pilot to re-raise in tests.

    Textual 8.2.8: `App._handle_exception` sets `_return_code`, `_exception` and
    `_exception_event` (awaited by `run_test`).
    """
    app._return_code = 1
    if app._exception is None:
        app._exception = error
        app._exception_event.set()


def close_messages_now(app: App[Any]) -> None:
    """Stop the app's message loop at once, as Textual does after a crash.

    Textual 8.2.8: `MessagePump._close_messages_no_wait`.
    """
    app._close_messages_no_wait()


class CrashHookedApp(App[ReturnT]):
    """An App whose unexpected errors go to `unexpected_error`, and whose exit
    report is `crash_report()` when that returns text.

    Textual 8.2.8 calls `App._handle_exception(error)` for every error raised in
    a handler, and `App._print_error_renderables()` once the terminal is restored
    (it prints `_exit_renderables`).
    """

    def unexpected_error(self, error: Exception) -> None:
        """Handle an unexpected error; by default as Textual does (a traceback with locals)."""
        App._handle_exception(self, error)

    def crash_report(self) -> str | None:
        """Text to print instead of Textual's exit report, or None for Textual's."""
        return None

    def _handle_exception(self, error: Exception) -> None:
        self.unexpected_error(error)

    def _print_error_renderables(self) -> None:
        report = self.crash_report()
        if report is None:
            super()._print_error_renderables()
            return
        self._exit_renderables.clear()
        sys.stderr.write(report)
        sys.stderr.flush()


# -- text reaching the terminal ----------------------------------------------

_plain_render = Strip.render


def _guarded_render(strip: Strip, console: Any) -> str:
    segments = strip._segments
    if strip._render_cache is None and any(has_control(s.text) for s in segments if not s.control):
        # A name, note or imported cell holding control characters: drawn without
        # them (they take no cell, so the columns stay as laid out).
        clean = [s if s.control else Segment(without_controls(s.text), s.style) for s in segments]
        strip = Strip(clean, strip.cell_length)
    return _plain_render(strip, console)


_VISIBLE = dict.fromkeys(UNSAFE_CODES, REPLACEMENT)


def _visible_control_codes(text: str, _table: object = None) -> str:
    return text.translate(_VISIBLE)


def show_control_codes() -> None:
    """Make text drawn through Textual's `Content` show a control character as U+FFFD.

    Textual 8.2.8: `Content(text)` passes its text through the module function
    `textual.content._strip_control_codes`, which deletes a few codes (ESC, BEL, CR...)
    and keeps the C1 codes and bidi overrides. One for one, a prospect named with an
    escape sequence shows where it was, as the CLI shows it, and the columns keep
    their width (one cell each, as they are counted).
    """
    _content._strip_control_codes = _visible_control_codes  # type: ignore[assignment]


def guard_terminal_text() -> None:
    """Make every line Textual draws drop control characters from its text.

    Textual 8.2.8: `Strip.render` joins each segment's text (`Strip._segments`) with
    the escape codes of its style, caching the result in `Strip._render_cache`.
    Textual's own escape codes come from the styles, never from segment text, so
    any control character in the text came from data: an escape sequence in a
    prospect's name would otherwise set the window title or clear the screen.
    """
    Strip.render = _guarded_render  # type: ignore[method-assign,assignment]


# -- paging in an option list -------------------------------------------------

_plain_move_page = OptionList._move_page


def _guarded_move_page(option_list: OptionList, direction: Any) -> None:
    if (option_list.highlighted or 0) not in option_list._index_to_line:
        return  # its lines are not laid out yet (the palette just opened): nothing to page
    _plain_move_page(option_list, direction)


def guard_option_list_paging() -> None:
    """Make PgUp/PgDn in an option list (the command palette's) wait for its lines.

    Textual 8.2.8: `OptionList._move_page` looks the highlighted option up in
    `_index_to_line`, which is filled when the list is laid out; PgDn right after
    Ctrl+P (keys in one burst) raised KeyError and stopped the app. Textual's bug,
    guarded here until a release fixes it.
    """
    OptionList._move_page = _guarded_move_page  # type: ignore[method-assign,assignment]
