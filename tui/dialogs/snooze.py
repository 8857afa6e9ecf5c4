"""Put the next follow-up off: snooze by a single key, or reschedule to a date.

Snooze: `s` then `1` (tomorrow), `3` (three days), `7` (a week) or `d` (type a
date, Enter). Reschedule: `r`, type a date ("2026-12-01", "+10", "fri"), Enter.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from leadline.core.actions import reschedule, snooze, snoozed_until
from leadline.core.dates import parse_follow_up_day
from leadline.core.models import Prospect
from leadline.tui.dialogs.base import ProspectDialog, TypeAhead, api
from leadline.tui.dialogs.date_preview import date_order, date_placeholder
from leadline.tui.text import feedback
from leadline.tui.text.date_words import preview_date
from leadline.tui.text.fmt import day_label

PRESETS = ((1, "1", "a day"), (3, "3", "3 days"), (7, "7", "a week"))


class DateDialog(ProspectDialog[Prospect | None]):
    """Shared: a date input that validates as you type and saves on Enter."""

    SCOPED_CSS = False
    DEFAULT_CSS = "DateDialog Input { margin: 0 0; }"

    def _date_input(self) -> Input:
        return Input(placeholder=date_placeholder(self), id="date", compact=True)

    def _current(self) -> Static:
        due = self.prospect.plan.next_due
        return Static(f"Now due: {day_label(due, api(self).today())}", classes="hint")

    def _day(self, text: str) -> date:
        return parse_follow_up_day(text, api(self).today(), order=date_order(self))

    def on_input_changed(self, event: Input.Changed) -> None:
        """What the typed date means, or why it is none, before Enter saves it."""
        shown = preview_date(event.value, self._day, api(self).today())
        self.query_one("#error", Static).update(Content(shown.line))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            day = self._day(event.value)
        except ValueError as error:
            self.query_one("#error", Static).update(Content(str(error)))
            return
        self.move_to(day)

    def move_to(self, day: date) -> None:
        """Save `day` as the next follow-up and close."""
        saved = self.save(lambda p: reschedule(p, day, api(self).now()))
        if saved is not None:
            self._said(saved)

    def _said(self, saved: Prospect) -> None:
        due = day_label(saved.plan.next_due, api(self).today())
        self.saved(saved, feedback.next_follow_up(saved.name, due))


class SnoozeDialog(DateDialog):
    """Snooze `pid` by 1, 3 or 7 days, or to a typed date."""

    AUTO_FOCUS = ""
    BINDINGS = [
        *(
            Binding(key, f"days({n})", label, id=f"snooze.{n}", tooltip=f"Put it off {label}")
            for n, key, label in PRESETS
        ),
        Binding("d", "type_date", "A date", id="snooze.date",
                tooltip="Type the date to put the follow-up off to"),
        Binding("escape", "cancel", "Cancel", id="snooze.cancel",
                tooltip="Close, follow-up unchanged"),
    ]  # fmt: skip

    def compose(self) -> ComposeResult:
        today = api(self).today()
        with Vertical(id="box"):
            yield Static(Content(f"Snooze · {self.prospect.name}"), id="title")
            yield self._current()
            for n, key, label in PRESETS:
                until = day_label(snoozed_until(n, api(self).config, today), today)
                yield Static(f"[b]{key}[/b]  {label}: {until}", classes="choice")
            yield Static("[b]d[/b]  a date …", classes="choice")
            date_input = self._date_input()
            date_input.display = False
            yield date_input
            yield Static(id="error", classes="error")
            yield Static("Esc cancel", classes="hint keys")

    def action_days(self, days: int) -> None:
        app = api(self)
        saved = self.save(lambda p: snooze(p, days, app.config, app.now()))
        if saved is not None:
            self._said(saved)

    def action_type_date(self) -> None:
        date_input = self.query_one("#date", Input)
        date_input.display = True
        date_input.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("days", "type_date"):
            return not isinstance(self.focused, Input)
        return True


class RescheduleDialog(TypeAhead, DateDialog):
    """Set the next follow-up of `pid` to a typed date."""

    AUTO_FOCUS = ""

    def __init__(self, pid: str) -> None:
        super().__init__(pid)
        self._date_field = self.type_into(self._date_input())

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static(Content(f"Reschedule · {self.prospect.name}"), id="title")
            yield self._current()
            yield self._date_field
            yield Static(id="error", classes="error")
            yield Static("Enter save · Esc cancel", classes="hint keys")
