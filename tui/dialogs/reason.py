"""Why a deal was lost (or is dead): asked whenever a prospect moves there.

The config's `lost_reasons` are listed with a number each: the number (or
Enter on the highlighted one) moves the prospect and keeps that reason; `o`
or Tab goes to the "other" field to type any reason, Enter there saves it.
Core's `move` records the reason; nothing is saved on Escape.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static

from leadline.core.actions import move
from leadline.core.models import Prospect
from leadline.tui.dialogs.base import ProspectDialog, api, stage_label
from leadline.tui.text import feedback

MAX_NUMBERED = 9
"""Reasons beyond the ninth are picked with the arrows and Enter."""

REASON_NUMBER_BINDINGS: list[BindingType] = [
    Binding(str(n), f"reason_number({n})", f"Reason {n}", show=False, id=f"reason.{n}",
            tooltip=f"The reason numbered {n}")
    for n in range(1, MAX_NUMBERED + 1)
]  # fmt: skip
"""1-9 pick the reason with that number (shared with the stop-following dialog)."""


def numbered(reasons: tuple[str, ...]) -> list[str]:
    """ "1 price", "2 timing", ... as the dialogs list them."""
    return [f"{n} {r}" if n <= MAX_NUMBERED else f"  {r}" for n, r in enumerate(reasons, 1)]


class LossReasonDialog(ProspectDialog[Prospect | None]):
    """Move `pid` to `target` (lost or dead) with a reason; dismisses with the saved prospect."""

    SCOPED_CSS = False
    DEFAULT_CSS = """
    LossReasonDialog OptionList { height: auto; max-height: 9; border: none; padding: 0; }
    LossReasonDialog .row { height: 1; }
    LossReasonDialog .label { width: 7; color: $text-muted; }
    LossReasonDialog Input { width: 1fr; }
    """
    AUTO_FOCUS = "OptionList"
    HELP_TITLE = "Why it was lost"
    BINDINGS: ClassVar[list[BindingType]] = [
        *REASON_NUMBER_BINDINGS,
        Binding("o", "other", "Other", id="reason.other", tooltip="Type another reason"),
        Binding("escape", "cancel", "Cancel", id="reason.cancel", tooltip="Close, not moved"),
    ]

    def __init__(self, pid: str, target: str) -> None:
        super().__init__(pid)
        self.target = target
        self.reasons = api(self).config.lost_reasons

    def compose(self) -> ComposeResult:
        stage = stage_label(api(self).config, self.target)
        with Vertical(id="box"):
            yield Static(Content(f"{stage} · {self.prospect.name}"), id="title")
            yield Static(f"Why is it {stage.lower()}?")
            yield OptionList(*numbered(self.reasons), id="reasons")
            yield Horizontal(
                Static("Other ", classes="label"),
                Input(placeholder="o: type a reason", id="other", compact=True),
                classes="row",
            )
            yield Static("1-9 or Enter pick · o other · Esc cancel", classes="hint keys")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("reason_number", "other"):
            return not isinstance(self.focused, Input)
        return True

    def action_reason_number(self, number: int) -> None:
        if number <= len(self.reasons):
            self.keep(self.reasons[number - 1])

    def action_other(self) -> None:
        self.query_one("#other", Input).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.keep(self.reasons[event.option_index])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.keep(event.value)

    def keep(self, reason: str) -> None:
        """Move the prospect with `reason`, say so, and close."""
        app = api(self)
        saved = self.save(
            lambda p: move(p, self.target, app.config, app.today(), app.now(), reason)
        )
        if saved is not None:
            stage = stage_label(app.config, saved.stage)
            self.saved(saved, feedback.closed(saved.name, stage, saved.lost_reason))
