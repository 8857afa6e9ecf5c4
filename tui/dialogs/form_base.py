"""What every form (add, edit, contact, meeting) shares.

- `FormBox`: the scrolling box of fields, which never takes focus itself (a
  focusable scroll container was an invisible Tab stop that swallowed a key);
- `_row`: a labelled field with its message line, kept in `rows`;
- Enter saves from any field, a checkbox included (Space ticks it);
- Escape closes at once when nothing was changed, else asks "Discard your
  changes?" first, so typed data is never thrown away by one key;
- `check_fields` (form.py) puts the cursor on the first field at fault.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, TextArea

from leadline.tui.dialogs.base import TypeAhead
from leadline.tui.dialogs.confirm import ConfirmDialog
from leadline.tui.dialogs.form import FormRow

FORM_BINDINGS: list[BindingType] = [
    Binding("ctrl+s", "save", "Save", id="form.save", tooltip="Save the form"),
    Binding("enter", "save", "Save", show=False, id="form.enter",
            tooltip="Save the form (from any field)"),
    Binding("escape", "cancel", "Cancel", id="form.cancel",
            tooltip="Close; asks first when something was changed"),
]  # fmt: skip
"""Enter reaches this binding from a checkbox or a pick-list that is closed; an input
submits itself (on_input_submitted saves too)."""


class FormBox(VerticalScroll, can_focus=False):
    """The form's scrolling box: scrolls to the focused field, never focused itself."""


class FormScreen(TypeAhead):
    """Mixin for a modal form; subclasses define `action_save` and compose with `_row`."""

    rows: dict[str, FormRow]
    _as_opened: tuple[tuple[str | None, object], ...] = ()

    def _row(self, key: str, label: str, field: Widget) -> FormRow:
        if not hasattr(self, "rows"):
            self.rows = {}
        self.rows[key] = FormRow(label, field)
        return self.rows[key]

    def on_mount(self) -> None:
        super().on_mount()
        self._as_opened = self._form_state()

    def _form_state(self) -> tuple[tuple[str | None, object], ...]:
        screen: ModalScreen[Any] = self  # type: ignore[assignment]
        fields = (Input, Select, Checkbox)
        state: list[tuple[str | None, object]] = [
            (w.id, getattr(w, "value", None)) for w in screen.query("*") if isinstance(w, fields)
        ]
        state += [(w.id, w.text) for w in screen.query(TextArea)]
        return tuple(state)

    def changed(self) -> bool:
        """Whether any field differs from how the form opened."""
        return self._form_state() != self._as_opened

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        """Close; after a change, ask before throwing it away."""
        screen: ModalScreen[Any] = self  # type: ignore[assignment]
        if not self.changed():
            screen.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                screen.dismiss(None)

        screen.app.push_screen(
            ConfirmDialog("Discard your changes?", "Discard", "Keep editing"), answered
        )
