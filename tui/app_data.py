"""The app's side of the data: the clock, saving, and telling screens what changed.

Screens never touch the data file: they read `app.summaries()` (every
prospect without its free text: what the funnel, the queue and the lists show),
get the whole prospect they show in full from `app.store.get(pid)`, and save
with `app.save(pid, change)` or `app.add_prospect(p)`. The app keeps no list of
whole prospects: on 100,000 of them it holds their summaries and the few on
screen. Whatever changes prospects (those saves, an import, another process's
save found by the once-a-second poll, the clock passing midnight) goes through
`announce`, which posts one `ProspectsChanged` naming them; the app then
publishes it to the screens (see tui/screens/live.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime

from textual.app import App
from textual.signal import Signal

from leadline.core.config.model import Config
from leadline.core.models import Prospect
from leadline.core.store.facade import DataFileError, Store, StoreLocked
from leadline.tui.screens.live import ProspectsChanged
from leadline.tui.screens.memo import ProspectMemo


def screen_words(class_name: str) -> str:
    """ "note box" for NoteBox, "log touch" for LogTouchDialog, "queue" for QueueScreen."""
    words = re.findall(r"[A-Z][a-z0-9]*", class_name) or [class_name]
    kept = [w.lower() for w in words if w not in ("Dialog", "Screen")]
    return " ".join(kept or [w.lower() for w in words])


SAVE_ERRORS = (StoreLocked, DataFileError, OSError, ValueError)
"""What a save may raise that the user can do something about (shown as a toast)."""


class AppData(App[int]):
    """Mixin of LeadlineApp: the store, the clock, saves and change announcements."""

    store: Store
    config: Config

    def init_data(self, store: Store, config: Config, clock: Callable[[], datetime]) -> None:
        """Set up the store, config and clock (called from the app's `__init__`)."""
        self.store, self.config, self._clock = store, config, clock
        store.clock = clock  # the history records the app's time
        self.memo = ProspectMemo()
        """Each prospect's funnel parts and queue items, shared by the funnel and the queue."""
        self.changes_signal: Signal[ProspectsChanged] = Signal(self, "prospects-changed")
        """Where each `ProspectsChanged` goes to the screens."""
        self._summaries: list[Prospect] | None = None
        self._day = clock().date()
        self._poll_failed = False
        self.pause_polling = False
        """True while an import's worker thread uses the store."""

    # -- time and data ------------------------------------------------------

    def now(self) -> datetime:
        """The current time, from the injected clock (tests pass a fixed one)."""
        return self._clock()

    def today(self) -> date:
        """Today's date, from the injected clock."""
        return self.now().date()

    def summaries(self) -> list[Prospect]:
        """Every prospect's summary (`core/records/summary.py`), read again only after a
        change was announced. A summary cannot be saved: `save` hands its change the
        whole prospect, and `store.get` gives the whole one to show in full."""
        if self._summaries is None:
            self._summaries = self.store.summaries()
        return self._summaries

    def save(self, pid: str, change: Callable[[Prospect], Prospect]) -> Prospect | None:
        """Apply `change` to prospect `pid` (the whole prospect, as stored now) under the
        store's lock and save atomically.

        Returns the saved prospect, or None after telling the user why it failed;
        callers then keep their dialog open so nothing typed is lost.
        """
        try:
            self.store.actor = self.actor()  # the history says which screen saved
            saved = self.store.update(pid, change)
        except KeyError:
            self.notify("That prospect is gone (deleted elsewhere?).", title="Not saved",
                        severity="error")  # fmt: skip
            return None
        except SAVE_ERRORS as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=10)
            return None
        self.announce({pid})
        return saved

    def add_prospect(self, prospect: Prospect) -> Prospect | None:
        """Store a new prospect; None (after a toast) if it could not be saved.

        On a first run the data file is made now, by the first prospect saved, not
        when the form opened (the first-run mixin's `ensure_data_file`)."""
        ensure = getattr(self, "ensure_data_file", None)
        if ensure is not None and not ensure():
            return None
        try:
            self.store.actor = self.actor()
            added = self.store.add(prospect)
        except SAVE_ERRORS as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=10)
            return None
        self.announce({added.id})
        return added

    def actor(self) -> str:
        """Who the history says made a save: the screen or dialog on top ("TUI: note box")."""
        return f"TUI: {screen_words(type(self.screen).__name__)}"

    # -- changes --------------------------------------------------------------

    def announce(self, ids: Iterable[str], *, new_day: bool = False) -> None:
        """These prospects changed: read them again, and tell the screens (one message)."""
        changed = frozenset(ids)
        if not changed and not new_day:
            return
        self._summaries = None
        if new_day:
            self.memo.forget_all()
        self.memo.forget(changed)
        self.post_message(ProspectsChanged(changed, new_day))

    def on_prospects_changed(self, change: ProspectsChanged) -> None:
        self.changes_signal.publish(change)

    def check_for_changes(self) -> None:
        """Pick up other processes' saves (say `leadline note`) and a new day (every second)."""
        if self.pause_polling:
            return  # an import is writing from its worker thread
        today = self.today()
        new_day, self._day = today != self._day, today
        try:
            elsewhere = self.store.changes_elsewhere()
        except (DataFileError, OSError) as error:
            if not self._poll_failed:
                self.notify(str(error), title="Data file", severity="error", timeout=10)
            self._poll_failed = True
            elsewhere = frozenset()
        else:
            self._poll_failed = False
        self.announce(elsewhere, new_day=new_day)
