"""Merge two prospects: each conflicting field with both values, the user picks one.

Opened from the detail screen (M) or the palette ("merge: Acme with …") once the
other prospect is picked. Lists, contacts, touches, notes, meetings and stage
history are united by core (`actions/merge.py`); only fields set differently on
both sides are asked, each starting on the kept prospect's value. ↑/↓ choose the
field, ←/→ (or 1/2, space) the value, Enter merges, Escape cancels. Dismisses
with the choices (field -> "kept" | "other"), or None.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from leadline.core.actions import Conflict
from leadline.core.actions.merge import Side
from leadline.core.config.model import Config
from leadline.tui.dialogs.base import DIALOG_CSS
from leadline.tui.text.field_words import field_label, value_text
from leadline.tui.text.fmt import in_prose

MERGE_CSS = """
.leadline-dialog #merge-rows { height: auto; max-height: 12; }
.leadline-dialog .merge-row { height: auto; }
.leadline-dialog .merge-row.-selected { text-style: bold reverse; }
"""


class MergeDialog(ModalScreen[dict[str, Side] | None]):
    """Choose, per conflicting field, the kept prospect's value or the other's."""

    SCOPED_CSS = False
    DEFAULT_CSS = DIALOG_CSS + MERGE_CSS
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("down,j", "move(1)", "Next field", show=False, id="merge.down",
                tooltip="The next conflicting field"),
        Binding("up,k", "move(-1)", "Previous field", show=False, id="merge.up",
                tooltip="The previous conflicting field"),
        Binding("left,h,1", "take('kept')", "This one's", id="merge.kept",
                tooltip="Keep the value of the prospect merged into"),
        Binding("right,l,2", "take('other')", "The other's", id="merge.other",
                tooltip="Take the value of the prospect merged away"),
        Binding("space", "switch", "Switch", show=False, id="merge.toggle",
                tooltip="Switch the field's value"),
        Binding("enter", "merge", "Merge", id="merge.save", tooltip="Merge the two prospects"),
        Binding("escape", "cancel", "Cancel", id="merge.cancel", tooltip="Merge nothing"),
    ]  # fmt: skip

    def __init__(
        self, kept: str, other: str, conflicts: tuple[Conflict, ...], config: Config
    ) -> None:
        super().__init__(classes="leadline-dialog")
        self.kept_name, self.other_name = in_prose(kept), in_prose(other)
        self.conflicts = conflicts
        self.config = config
        self.choices: dict[str, Side] = {c.field: "kept" for c in conflicts}
        self.cursor = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static(Content(f"Merge {self.other_name} into {self.kept_name}"), id="title")
            yield Static(Content(self._intro()), classes="hint")
            with VerticalScroll(id="merge-rows"):
                for index, _conflict in enumerate(self.conflicts):
                    yield Static(self._row(index), classes="merge-row", id=f"merge-row-{index}")
            keys = "↑↓ field · ←→ choose · " if self.conflicts else ""
            yield Static(f"{keys}Enter merge · Esc cancel", classes="hint keys")

    def on_mount(self) -> None:
        self._show()

    def _intro(self) -> str:
        united = "Contacts, touches, notes, meetings and history are united"
        if not self.conflicts:
            return f"{united}; no field differs. {self.other_name} is then deleted."
        return f"{united}. Where they differ, ← keeps {self.kept_name}'s, → takes the other's."

    def _row(self, index: int) -> Content:
        c = self.conflicts[index]
        side = self.choices[c.field]
        mine = value_text(self.config, c.field, c.mine)
        theirs = value_text(self.config, c.field, c.theirs)
        kept_mark, other_mark = ("●", "○") if side == "kept" else ("○", "●")
        return Content(f"{field_label(c.field)}: {kept_mark} {mine}   {other_mark} {theirs}")

    def _show(self) -> None:
        for index, _conflict in enumerate(self.conflicts):
            row = self.query_one(f"#merge-row-{index}", Static)
            row.update(self._row(index))
            row.set_class(index == self.cursor, "-selected")
            if index == self.cursor:
                row.scroll_visible(animate=False)

    def action_move(self, step: int) -> None:
        if self.conflicts:
            self.cursor = (self.cursor + step) % len(self.conflicts)
            self._show()

    def action_take(self, side: Side) -> None:
        if self.conflicts:
            self.choices[self.conflicts[self.cursor].field] = side
            self._show()

    def action_switch(self) -> None:
        if self.conflicts:
            name = self.conflicts[self.cursor].field
            self.choices[name] = "other" if self.choices[name] == "kept" else "kept"
            self._show()

    def action_merge(self) -> None:
        self.dismiss(dict(self.choices))

    def action_cancel(self) -> None:
        self.dismiss(None)
