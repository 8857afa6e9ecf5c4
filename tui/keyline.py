"""Keys one at a time: each key is handled completely before the next is looked at.

Textual hands each key to the focused widget the moment it reads it, and runs a
screen's bindings only when the key has bubbled back up to the app. Keys that
arrive together (typed fast, or delivered in one packet over SSH) therefore
overtake each other: the `j` after a Ctrl+S was typed into the note before the
Ctrl+S had saved it, a second Enter saved the Add form twice, a `+` reached a
screen that was not drawn yet.

The app puts every key it reads through one `KeyLine`. A key is handed on; the
keys after it wait in the line until a marker sent right behind it has come
back up to the app (so the key, its bindings and whatever they opened or
closed are done), then the next one goes to whatever is focused by then. When the
marker is back while a widget on its way still has messages waiting (an Input's
Submitted, posted while it handled the key), it is sent round again behind
them. A marker can be lost when its widget goes away; a watchdog then lets the line go
on, so keys are never stuck behind it.

One repeat is dropped on purpose: an Enter that closed a dialog, followed in
the same burst by another Enter, is a bounce of the key, not a second command.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual import events
from textual.app import App
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget

from leadline.tui.compat import has_pending_messages

WATCH_EVERY = 0.25
"""Seconds between checks that the key in flight is still on its way."""
ROUNDS = 8
"""How many times a marker goes round behind the messages a key set off."""
GIVE_UP_AFTER = 3.0
"""A key whose handling takes longer than this no longer holds the keys behind it."""


class KeyHandled(Message):
    """The marker that follows a key up from its widget to the app."""

    def __init__(self, token: int) -> None:
        super().__init__()
        self.token = token


@dataclass
class _InFlight:
    token: int
    key: str
    target: Widget | Screen[Any]
    screen: Screen[Any]
    attached: bool
    started: float
    rounds: int = 0


class KeyLine:
    """The app's queue of keys waiting for the one before them to be done."""

    def __init__(self, app: App[Any], hand_on: Callable[[events.Key], Awaitable[None]]) -> None:
        """`hand_on(key)` gives a fresh key to Textual as the app would (a priority
        binding runs it at once; otherwise it is forwarded to the focused widget)."""
        self._app = app
        self._hand_on = hand_on
        self._waiting: deque[events.Key] = deque()
        self._flight: _InFlight | None = None
        self._tokens = 0

    @property
    def busy(self) -> bool:
        """True while a key is on its way."""
        return self._flight is not None

    async def take(self, key: events.Key) -> None:
        """A key the app has just read: handled now, or after those before it."""
        if self._flight is not None or self._waiting:
            self._waiting.append(key)
            return
        await self._send(key)

    async def _send(self, key: events.Key) -> None:
        app = self._app
        target: Widget | Screen[Any] = app.focused or app.screen
        screen = app.screen
        await self._hand_on(key)
        if not key.is_forwarded:
            return  # a priority binding ran it at once: done
        self._tokens += 1
        self._flight = _InFlight(
            self._tokens, key.key, target, screen, target.is_attached, time.monotonic()
        )
        target.post_message(KeyHandled(self._tokens))
        app.set_timer(WATCH_EVERY, partial(self._watch, self._tokens))

    async def handled(self, marker: KeyHandled) -> None:
        """The marker came back: the key is done; hand on the next ones."""
        flight = self._flight
        if flight is None or marker.token != flight.token:
            return
        if flight.rounds < ROUNDS and flight.target.is_attached and _busy_path(flight.target):
            flight.rounds += 1
            flight.target.post_message(KeyHandled(flight.token))
            return
        await self._release()

    async def _release(self) -> None:
        done, self._flight = self._flight, None
        if done is not None and done.key == "enter" and self._waiting:
            closed = done.screen not in self._app.screen_stack
            if closed and self._waiting[0].key == "enter":
                self._waiting.popleft()  # the bounce of the Enter that closed the dialog
        while self._waiting and self._flight is None:
            await self._send(self._waiting.popleft())

    async def _watch(self, token: int) -> None:
        flight = self._flight
        if flight is None or flight.token != token:
            return
        gone = flight.screen not in self._app.screen_stack or (
            flight.attached and not flight.target.is_attached
        )
        if gone or time.monotonic() - flight.started > GIVE_UP_AFTER:
            await self._release()
        else:
            self._app.set_timer(WATCH_EVERY, partial(self._watch, token))


def _busy_path(node: Widget | Screen[Any]) -> bool:
    """True when `node` or a parent of it below the app still has messages to handle."""
    current: Any = node
    while isinstance(current, Widget):  # a Screen is a Widget; the App is not
        if has_pending_messages(current):
            return True
        current = current.parent
    return False
