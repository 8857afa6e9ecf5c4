"""Before adding a prospect that looks like a stored one: add anyway, open it, or cancel.

"Looks like Globex Ltd (same name)." Core's `rules.dupes` says which stored
prospects the new one looks like and why; this asks what to do. `a` (or Enter)
adds anyway, `o` opens the one it looks like, Escape goes back to the form
with everything typed still there. Merging two prospects is
`leadline merge KEEP OTHER` until the TUI has a merge dialog.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from leadline.core.models import Prospect
from leadline.core.rules.dupes import Reason
from leadline.tui.dialogs.base import DIALOG_CSS
from leadline.tui.text import dupe_words
from leadline.tui.text.safe import safe

ADD, OPEN, CANCEL = "add", "open", "cancel"


class DuplicateDialog(ModalScreen[str]):
    """Dismisses with ADD, OPEN or CANCEL."""

    SCOPED_CSS = False
    DEFAULT_CSS = DIALOG_CSS
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("a,enter", "answer('add')", "Add anyway", id="duplicate.add",
                tooltip="Add it as a new prospect all the same"),
        Binding("o", "answer('open')", "Open", id="duplicate.open",
                tooltip="Open the prospect it looks like instead"),
        Binding("escape", "answer('cancel')", "Cancel", id="duplicate.cancel",
                tooltip="Back to the form"),
    ]  # fmt: skip

    def __init__(self, found: Sequence[tuple[Prospect, Sequence[Reason]]]) -> None:
        super().__init__(classes="leadline-dialog")
        self.found = list(found)
        self.other = self.found[0][0]

    def compose(self) -> ComposeResult:
        other, reasons = self.found[0]
        more = len(self.found) - 1
        with Vertical(id="box"):
            yield Static(Content(safe(dupe_words.looks_like(other, reasons)) + "."), id="title")
            if more:
                yield Static(Content(f"… and {more} more: leadline dupes lists them."))
            yield Static(Content(f"To join them later: leadline merge {other.id} <new id>"),
                         classes="hint")  # fmt: skip
            yield Static(
                Content.from_markup("[b]a[/b] Add anyway   [b]o[/b] Open $name   [b]Esc[/b] Cancel",
                                    name=safe(other.name)),
                classes="hint keys",
            )  # fmt: skip

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)
