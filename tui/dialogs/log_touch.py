"""Log a touch: channel and outcome prefilled, the next due date shown before Enter.

`l` then Enter logs a reply on the planned channel (2 keys); `l n Enter` logs
"no response" (3 keys). `c` cycles the channel, `d` types another next date,
`m` the minutes spent (they feed the time-allocation figures).
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Static

from leadline.core.actions import TouchInput, log_touch
from leadline.core.dates import parse_follow_up_day
from leadline.core.models import Prospect, TouchOutcome
from leadline.core.rules.followup import effective_channel
from leadline.core.rules.occasions import CARD_CHANNEL
from leadline.tui.dialogs.base import ProspectDialog, api
from leadline.tui.dialogs.date_preview import date_order, date_placeholder
from leadline.tui.text import feedback
from leadline.tui.text.fmt import day_label
from leadline.tui.text.labels import TOUCH_OUTCOME_LABELS

CHANNELS = ("phone", "email", "meeting", "demo", "trial", "social", "newsletter", "mail", "card")
"""Channels offered by `c`, after the planned one."""

OUTCOME_WORDS = {o: TOUCH_OUTCOME_LABELS[o] for o in TouchOutcome if o != TouchOutcome.SENT}
"""The outcomes a user picks (`sent` is what a card always is)."""


class LogTouchDialog(ProspectDialog[Prospect | None]):
    """Record one follow-up attempt on `pid`; `note` is attached to the touch."""

    SCOPED_CSS = False
    DEFAULT_CSS = """
    LogTouchDialog .row { height: 1; }
    LogTouchDialog .label { width: 16; color: $text-muted; }
    LogTouchDialog Input { width: 1fr; }
    LogTouchDialog #next { text-style: bold; }
    """
    AUTO_FOCUS = ""
    BINDINGS = [
        # Not priority: "n Enter" typed fast must pick "no response" first. In a
        # field, the field's own Enter submits, which confirms too.
        Binding("enter", "confirm", "Log it", id="touch.confirm",
                tooltip="Save the touch; the next follow-up moves"),
        Binding("r", "outcome('replied')", "Replied", id="touch.replied", tooltip="They replied"),
        Binding("n", "outcome('no-response')", "No response", id="touch.no_response",
                tooltip="No response this time"),
        Binding("i", "outcome('asked-for-info')", "Asked for info", id="touch.asked_info",
                tooltip="They replied asking for information (due the next working day)"),
        Binding("c", "next_channel", "Channel", id="touch.channel",
                tooltip="Next channel (email, phone, meeting...)"),
        Binding("d", "focus_field('next-date')", "Next date", id="touch.date",
                tooltip="Type another next follow-up date"),
        Binding("m", "focus_field('minutes')", "Minutes", id="touch.minutes",
                tooltip="Type the minutes spent"),
        Binding("escape", "cancel", "Cancel", id="touch.cancel", tooltip="Close without logging"),
    ]  # fmt: skip

    def __init__(self, pid: str, *, note: str = "", channel: str | None = None) -> None:
        super().__init__(pid)
        self.note = note
        p = self.prospect
        self.channel = channel or effective_channel(p, api(self).config)
        self.outcome = TouchOutcome.REPLIED
        self.error = ""

    def compose(self) -> ComposeResult:
        today = api(self).today()
        with Vertical(id="box"):
            yield Static(Content(f"Log a touch · {self.prospect.name}"), id="title")
            yield self._row("Date", Static(day_label(today, today)))
            yield self._row("Channel", Static(id="channel"))
            yield self._row("Outcome", Static(id="outcome"))
            yield self._row("Next follow-up", Static(id="next"))
            yield self._row(
                "  other date",
                Input(placeholder=date_placeholder(self), id="next-date", compact=True),
            )
            yield self._row(
                "Minutes", Input(placeholder="0", id="minutes", compact=True, type="integer")
            )
            if self.note:
                yield self._row("Note", Static(Content(self.note[:200])))
            yield Static(id="error", classes="error")
            yield Static(
                "Enter log · r replied · i asked for info · n no response · c channel · "
                "d date · m minutes · Esc",
                classes="hint keys",
            )

    def _row(self, label: str, widget: Static | Input) -> Horizontal:
        return Horizontal(Static(label, classes="label"), widget, classes="row")

    def on_mount(self) -> None:
        self._show()

    def _custom_date(self) -> date | None:
        """The typed next date; raises ValueError when it does not parse."""
        text = self.query_one("#next-date", Input).value
        order = date_order(self)
        return parse_follow_up_day(text, api(self).today(), order=order) if text.strip() else None

    def _touch(self) -> TouchInput:
        minutes = self.query_one("#minutes", Input).value.strip()
        return TouchInput(
            channel=self.channel,
            outcome=self.outcome,
            minutes=int(minutes) if minutes.isdigit() else 0,
            note=self.note,
            next_due=self._custom_date(),
        )

    def _change(self, p: Prospect) -> Prospect:
        """The prospect after this touch (what Enter will save)."""
        app = api(self)
        return log_touch(p, self._touch(), app.config, app.now())

    def _show(self) -> None:
        self.query_one("#channel", Static).update(Content(f"{self.channel}   (c to change)"))
        words = [
            f"[reverse] {word} [/]" if outcome == self.outcome else f" {word} "
            for outcome, word in OUTCOME_WORDS.items()
        ]
        shown = " ".join(words)  # the keys are in the hint line: r, i, n
        if self.channel == CARD_CHANNEL:  # core records a card as sent, whatever is picked
            shown = "[reverse] sent [/]  a card is not a sales touch"
        self.query_one("#outcome", Static).update(shown)
        today = api(self).today()
        try:
            after = self._change(self.prospect)
            self.error = ""
            next_text = day_label(after.plan.next_due, today)
        except ValueError as error:  # the typed date is refused: no stale preview stays
            self.error = str(error)
            next_text = ""
        self.query_one("#next", Static).update(Content(next_text))
        self.query_one("#error", Static).update(Content(self.error))

    def on_input_changed(self, _: Input.Changed) -> None:
        self._show()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_confirm()

    def action_outcome(self, outcome: str) -> None:
        self.outcome = TouchOutcome(outcome)
        self._show()

    def action_next_channel(self) -> None:
        options = [self.channel, *(c for c in CHANNELS if c != self.channel)]
        self.channel = options[1]
        self._show()

    def action_focus_field(self, field_id: str) -> None:
        self.query_one(f"#{field_id}", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Letters type into a focused field instead of acting."""
        if action in ("outcome", "next_channel", "focus_field"):
            return not isinstance(self.focused, Input)
        return True

    def action_confirm(self) -> None:
        """Save the touch (the plan's next due moves) and close."""
        self._show()
        if self.error:
            self.query_one("#next-date", Input).focus()
            return
        saved = self.save(self._change)
        if saved is not None:
            due = day_label(saved.plan.next_due, api(self).today())
            self.saved(saved, feedback.touch_logged(saved.name, saved.touches[-1].channel, due))
