"""Before adding a prospect that looks like a stored one: add anyway, merge, open it, cancel.

"Looks like Globex Ltd (same name)." Core's `rules.dupes` says which stored
prospects the new one looks like and why; this asks what to do. `a` (or Enter)
adds anyway; `m` adds it and merges it into the stored one (the app's
`merge_into`, whose dialog asks about each field set differently); `o` opens
the stored one instead; Escape goes back to the form with what was typed.
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

ADD, OPEN, MERGE, CANCEL = "add", "open", "merge", "cancel"


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
        Binding("m", "answer('merge')", "Merge", id="duplicate.merge",
                tooltip="Add it, then merge it into the one it looks like"),
        Binding("escape", "answer('cancel')", "Cancel", id="duplicate.cancel",
                tooltip="Back to the form"),
    ]  # fmt: skip

    def __init__(self, new: Prospect, found: Sequence[tuple[Prospect, Sequence[Reason]]]) -> None:
        super().__init__(classes="leadline-dialog")
        self.new = new
        self.found = list(found)

    def compose(self) -> ComposeResult:
        other, reasons = self.found[0]
        more = len(self.found) - 1
        with Vertical(id="box"):
            yield Static(Content(safe(dupe_words.looks_like(other, reasons)) + "."), id="title")
            yield Static(Content(safe(dupe_words.choices(self.new, other))))
            if more:
                yield Static(Content(f"… and {more} more: leadline dupes lists them."))
            yield Static(
                Content.from_markup("[b]a[/b] Add anyway   [b]m[/b] Merge   [b]o[/b] Open $name   "
                                    "[b]Esc[/b] Cancel", name=safe(other.name)),
                classes="hint keys",
            )  # fmt: skip

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)
