"""Form parts for the add and edit dialogs: labelled rows with an error line each.

Parsing is strict and explains itself next to the field ("value must be a
non-negative number"); a form saves only when every field parses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Static

from leadline.core.actions import Refused
from leadline.core.money import parse_amount, parse_optional_amount

__all__ = ["parse_amount", "parse_optional_amount"]

FORM_CSS = """
FormRow { height: auto; }
FormRow > Horizontal { height: auto; }
FormRow .label { width: 18; color: $text-muted; }
FormRow Input, FormRow Select { width: 1fr; }
FormRow .field-error { display: none; color: $state-warning; text-style: bold; padding-left: 18; }
FormRow .field-error.-shown { display: block; }
FormRow .field-error.-note { color: $text-muted; text-style: none; }
.leadline-dialog TickBox { border: none; padding: 0; height: 1; background: transparent; }
.leadline-dialog .section { text-style: bold; margin-top: 1; }
"""


class TickBox(Checkbox, inherit_bindings=False):
    """A checkbox that shows ✓ when ticked and nothing when not, not only a colour,
    so a monochrome terminal still tells them apart. Space ticks it; Enter is left to
    the form, which saves, as its hint says."""

    BINDINGS = [
        Binding("space", "toggle_button", "Tick", show=False, id="form.tick",
                tooltip="Tick or untick the box"),
    ]  # fmt: skip

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 - Textual's name
        return "✓" if self.value else " "


class FormRow(Vertical):
    """A label, the field widget, and an error line shown only when there is an error."""

    def __init__(self, label: str, field: Widget) -> None:
        super().__init__()
        self.label_text = label
        self.field = field

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static(self.label_text, classes="label")
            yield self.field
        yield Static(classes="field-error")

    def set_error(self, message: str) -> None:
        """Show `message` under the field ("" hides the line)."""
        line = self.query_one(".field-error", Static)
        line.update(Content(message))  # it may quote what was typed: never markup
        line.set_class(bool(message), "-shown")
        line.remove_class("-note")

    def set_note(self, message: str) -> None:
        """Show `message` under the field as a note, not an error: what a typed date
        means ("" hides the line)."""
        self.set_error(message)
        self.query_one(".field-error", Static).set_class(bool(message), "-note")


def parse_days_count(text: str) -> int | None:
    """A whole number of days, at least 1; empty means none."""
    if not text.strip():
        return None
    if not text.strip().isdigit() or int(text) < 1:
        raise ValueError("interval must be a whole number of days, at least 1")
    return int(text)


def check_fields(rows: dict[str, FormRow], parsers: dict[str, Callable[[], Any]]) -> dict[str, Any]:
    """Run each field's parser; show errors next to the fields. Returns the parsed values.

    Raises ValueError (after showing every message) when any field is wrong.
    """
    values: dict[str, Any] = {}
    failed: list[FormRow] = []
    for key, parse in parsers.items():
        try:
            values[key] = parse()
            rows[key].set_error("")
        except ValueError as error:
            rows[key].set_error(str(error))
            failed.append(rows[key])
    if failed:
        failed[0].field.focus()  # the cursor goes where the first fix is needed
        raise ValueError("some fields need fixing")
    return values


def text_input(value: str = "", placeholder: str = "", field_id: str | None = None) -> Input:
    """A one-line input for forms."""
    return Input(value=value, placeholder=placeholder, id=field_id, compact=True)


def show_refusal(
    rows: dict[str, FormRow], refused: Refused, aliases: dict[str, str] | None = None
) -> None:
    """Show core's refusal under the field at fault and put the cursor there.

    `aliases` maps core's field names to the form's row keys where they differ."""
    field = refused.field or ""
    row = rows.get((aliases or {}).get(field, field))
    if row is None:
        row = next(iter(rows.values()), None)
        if row is not None:
            row.app.notify(refused.reason, severity="error")
        return
    row.set_error(refused.reason)
    row.field.focus()
