"""How screens follow the data: one message when prospects change, one way to refresh.

A save here (`app.save`, `app.add_prospect`, an import), another process's
save (the app polls the store for them) and the clock passing midnight all
post one `ProspectsChanged` to the app, naming the prospects that changed. A
burst of them (an import, several TUIs saving at once) is handled as one: a
message still waiting hands its ids on to the next (`can_replace`).

The app publishes it to every `LiveScreen`. A screen the user can see (on
top, or behind an open dialog) refreshes at once; a hidden one only marks
itself stale and refreshes when it is shown again, so nothing is rebuilt for
a screen nobody looks at.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message
from textual.screen import Screen

if TYPE_CHECKING:
    from leadline.tui.app import LeadlineApp


@dataclass
class ProspectsChanged(Message, bubble=False):
    """These prospects were added, changed or deleted (or every one, on a new day)."""

    ids: frozenset[str]
    """The ids of the prospects that changed."""
    new_day: bool = False
    """The day turned: everything shown that depends on the date is out of date."""

    def touches(self, pid: str) -> bool:
        """Whether what is shown about prospect `pid` may be out of date."""
        return self.new_day or pid in self.ids

    def can_replace(self, message: Message) -> bool:
        # Textual drops this message when the next one waiting can replace it (see
        # Message.can_replace): that one takes this one's ids along, so none is lost.
        if not isinstance(message, ProspectsChanged):
            return False
        message.ids |= self.ids
        message.new_day |= self.new_day
        return True


class LiveScreen(Screen[None]):
    """A screen showing stored prospects: it refreshes when they change, if seen.

    Subclasses say how to refresh (`refresh_data`) and, if they show only some
    prospects, which changes concern them (`concerns`).
    """

    _stale = False

    @property
    def leadline(self) -> LeadlineApp:
        """The running app, typed."""
        return self.app  # type: ignore[return-value]

    def on_mount(self) -> None:
        # Runs after the subclass's own on_mount (Textual calls each class's handler).
        self.leadline.changes_signal.subscribe(self, self.follow_change, immediate=True)

    def refresh_data(self) -> None:
        """Read the prospects again and show them."""
        raise NotImplementedError

    def concerns(self, change: ProspectsChanged) -> bool:
        """Whether `change` may alter what this screen shows (by default, any change does)."""
        return True

    def follow_change(self, change: ProspectsChanged) -> None:
        """Refresh now if the user can see this screen, else when they next do."""
        if not self.concerns(change):
            return
        if self.is_current:  # on top, or visible behind a dialog
            self._stale = False
            self.refresh_data()
        else:
            self._stale = True

    def on_screen_resume(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh_data()
