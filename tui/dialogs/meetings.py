"""Booked meetings: a list to edit and the form for one meeting.

The queue reminds the user the day before a meeting; the detail lists the
coming ones. Booking one without a confirmed decision maker raises a warning
(core), it is not refused.
"""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from leadline.core import actions
from leadline.core.dates import parse_clock, parse_day
from leadline.core.models import Meeting, Prospect
from leadline.tui.dialogs.base import DIALOG_CSS, api
from leadline.tui.dialogs.date_preview import (
    DateParser,
    DatePreviewForm,
    date_order,
    date_placeholder,
)
from leadline.tui.dialogs.form import FORM_CSS, FormRow, check_fields, text_input
from leadline.tui.dialogs.form_base import FORM_BINDINGS, FormBox, FormScreen
from leadline.tui.dialogs.list_editor import ListEditor
from leadline.tui.text.fmt import day_label


class MeetingForm(DatePreviewForm, FormScreen, ModalScreen[Meeting | None]):
    """Add or edit one meeting; dismisses with the meeting or None."""

    SCOPED_CSS = False
    DEFAULT_CSS = DIALOG_CSS + FORM_CSS
    AUTO_FOCUS = ""
    BINDINGS = FORM_BINDINGS

    def __init__(self, meeting: Meeting | None) -> None:
        super().__init__(classes="leadline-dialog")
        self.meeting = meeting
        self.rows: dict[str, FormRow] = {}
        day = meeting.date.isoformat() if meeting else ""
        self._date_field = self.type_into(text_input(day, date_placeholder(self), "m-date"))

    def _text_row(self, key: str, label: str, value: str, hint: str = "") -> FormRow:
        field = self._date_field if key == "date" else text_input(value, hint, f"m-{key}")
        return self._row(key, label, field)

    def compose(self) -> ComposeResult:
        m = self.meeting
        with Vertical(id="box"):
            yield Static("Meeting", id="title")
            with FormBox(id="body"):
                yield self._text_row(
                    "date", "Date", m.date.isoformat() if m else "", date_placeholder(self)
                )
                yield self._text_row("time", "Time", m.time if m else "", "HH:MM")
                yield self._text_row(
                    "title", "What", m.title if m else "", "e.g. Demo for the board"
                )
                yield self._text_row("contact", "With", m.contact if m else "", "contact name")
            yield Static("Ctrl+S or Enter save · Esc cancel", classes="hint keys")

    def _text(self, key: str) -> str:
        return self.query_one(f"#m-{key}", Input).value

    def date_parsers(self) -> dict[str, DateParser]:
        today, order = api(self).today(), date_order(self)
        return {"date": lambda text: parse_day(text, today, order=order)}

    def action_save(self) -> None:
        try:
            v = check_fields(self.rows, {
                "date": lambda: self.date_parsers()["date"](self._text("date")),
                "time": lambda: parse_clock(self._text("time")),
            })  # fmt: skip
        except ValueError:
            return
        meeting = Meeting(date=v["date"], time=v["time"], title=self._text("title").strip(),
                          contact=self._text("contact").strip())  # fmt: skip
        self.dismiss(meeting)


class MeetingsDialog(ListEditor[Meeting]):
    """The meetings of prospect `pid`, in date order."""

    TITLE_WORD = "Meetings"
    ITEM_WORD = "Meeting"

    def items(self, p: Prospect) -> tuple[Meeting, ...]:
        return p.meetings

    def added(self, p: Prospect, item: Meeting, now: datetime) -> Prospect:
        return actions.add_meeting(p, item, now)

    def replaced(
        self, p: Prospect, index: int, item: Meeting, now: datetime, was: Meeting
    ) -> Prospect:
        return actions.replace_meeting(p, index, item, now, was)

    def removed(self, p: Prospect, index: int, now: datetime, was: Meeting) -> Prospect:
        return actions.remove_meeting(p, index, now, was)

    def describe(self, item: Meeting) -> str:
        what = " ".join(x for x in (item.title or "Meeting", item.time) if x)
        who = f" with {item.contact}" if item.contact else ""
        return f"{what}{who}, {day_label(item.date, api(self).today())}"

    def form(self, item: Meeting | None) -> MeetingForm:
        return MeetingForm(item)
