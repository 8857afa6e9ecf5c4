"""A yes/no question: y or Enter says yes, n or Escape says no."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from leadline.tui.dialogs.base import DIALOG_CSS


class ConfirmDialog(ModalScreen[bool]):
    """Ask `question`; dismisses with True for yes."""

    SCOPED_CSS = False
    DEFAULT_CSS = DIALOG_CSS + "ConfirmDialog.leadline-dialog #box > * { dock: none; }"
    """Two lines, nothing between them to scroll: no docking (an auto-height box of docked
    lines only would take no height)."""
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes", tooltip="Answer yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no", tooltip="Answer no"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__(classes="leadline-dialog")
        self.question = question
        self.yes_label = yes
        self.no_label = no

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static(self.question, id="title")
            keys = f"[b]y[/b] {self.yes_label}   [b]n[/b] {self.no_label}"
            yield Static(keys, classes="hint keys")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
