"""Theirs or mine: a field the user edited was changed elsewhere while the form was open.

Shown by the edit form when its save would overwrite another process's change
(a `leadline move` from another terminal, a second TUI). Each field is listed
with both values; t keeps theirs for all of them (the user's other changes are
still saved), m saves the user's, Escape goes back to the form.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from leadline.core.actions import Conflict
from leadline.core.config.model import Config
from leadline.core.models import Lifecycle
from leadline.tui.dialogs.base import DIALOG_CSS
from leadline.tui.text.labels import lifecycle_label, stage_label

FIELD_LABELS = {
    "name": "Name", "stage": "Stage", "lifecycle": "Lifecycle", "value": "Value",
    "currency": "Currency", "budget": "Budget", "decision_timeframe": "Timeframe",
    "expected_close": "Expected close", "decision_maker_confirmed": "Decision maker confirmed",
    "interval_days": "Interval (days)", "channel": "Channel", "next_due": "Next follow-up",
    "agreed": "Cadence agreed", "tags": "Tags", "icp": "Profile", "lost_reason": "Reason closed",
}  # fmt: skip


def field_label(name: str) -> str:
    """What the form calls field `name` (a checklist item by its own words)."""
    if name.startswith("ticks:"):
        return f"Checklist: {name.removeprefix('ticks:')}"
    return FIELD_LABELS.get(name, name)


def value_text(config: Config, name: str, value: Any) -> str:
    """A field's value as the form shows it."""
    if name == "stage" and isinstance(value, str):
        return stage_label(config, value)
    if name == "lifecycle" and isinstance(value, Lifecycle):
        return lifecycle_label(value)
    if value is None or value == "" or value == () or value == {}:
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return f"{value:g}" if isinstance(value, float) else str(value)


class ConflictDialog(ModalScreen[str | None]):
    """Dismisses with "theirs", "mine", or None (back to the form)."""

    SCOPED_CSS = False
    DEFAULT_CSS = DIALOG_CSS
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("t", "choose('theirs')", "Keep theirs", id="conflict.theirs"),
        Binding("m", "choose('mine')", "Save mine", id="conflict.mine"),
        Binding("escape", "choose(None)", "Back to the form", id="conflict.back"),
    ]

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
                classes="hint",
            )

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)
