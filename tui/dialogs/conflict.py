"""Theirs or mine: a field the user edited was changed elsewhere while the form was open.

Shown by the edit form when its save would overwrite another process's change
(a `leadline move` from another terminal, a second TUI). Each field is listed
with both values; t keeps theirs for all of them (the user's other changes are
still saved), m saves the user's, Escape goes back to the form.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from leadline.core.actions import Conflict
from leadline.core.config.model import Config
from leadline.tui.dialogs.base import DIALOG_CSS
from leadline.tui.text.field_words import field_label, value_text


class ConflictDialog(ModalScreen[str | None]):
    """Dismisses with "theirs", "mine", or None (back to the form)."""

    SCOPED_CSS = False
    DEFAULT_CSS = DIALOG_CSS
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("t", "choose('theirs')", "Keep theirs", id="conflict.theirs",
                tooltip="Keep what was saved elsewhere for these fields"),
        Binding("m", "choose('mine')", "Save mine", id="conflict.mine",
                tooltip="Save your values over what was saved elsewhere"),
        Binding("escape", "choose(None)", "Back to the form", id="conflict.back",
                tooltip="Back to your form, nothing saved"),
    ]  # fmt: skip

    def __init__(self, conflicts: tuple[Conflict, ...], config: Config) -> None:
        super().__init__(classes="leadline-dialog")
        self.conflicts = conflicts
        self.config = config

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static("Changed elsewhere while you were editing", id="title")
            for c in self.conflicts:
                theirs = value_text(self.config, c.field, c.theirs)
                mine = value_text(self.config, c.field, c.mine)
                yield Static(Content(f"{field_label(c.field)}: now {theirs} · yours {mine}"))
            yield Static(
                "t keep theirs (your other changes are saved) · m save yours · Esc back",
                classes="hint keys",
            )

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)
