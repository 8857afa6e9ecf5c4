"""Date prompts show what they read before anything is saved.

`DatePreviewForm` is the mixin for the forms (edit, meeting): each row its
`date_parsers()` names shows, under the field and as the user types, the date
the text means ("→ Mon 7 Dec 2026 (in 4 days)") or why it is not a date, in the
row's message line. The one-field dialogs (snooze, reschedule, log a touch) show
the same `preview_date` line in their own message line. All read dates in the
config's order (`dates.order`): `date_order(screen)`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.dom import DOMNode
from textual.widgets import Input

from leadline.core.dates import date_hint
from leadline.tui.dialogs.base import api
from leadline.tui.dialogs.form import FormRow
from leadline.tui.text.date_words import preview_date

DateParser = Callable[[str], "date | None"]


def date_order(screen: DOMNode) -> str:
    """The order the user writes dates in numbers (dmy, mdy, ymd)."""
    return str(api(screen).config.dates.order)


def date_placeholder(node: DOMNode) -> str:
    """The grammar in one line for a date field's placeholder, in the user's order."""
    return date_hint(date_order(node))


class DatePreviewForm:
    """Mixin for a `FormScreen`: live previews in the rows that hold dates."""

    rows: dict[str, FormRow]

    YEARLY: frozenset[str] = frozenset()
    """Rows holding a yearly date (a birthday): previewed without "in N days"."""

    def date_parsers(self) -> dict[str, DateParser]:
        """Row key -> how that row's text is read (core's grammar and the field's rule)."""
        return {}

    def on_input_changed(self, event: Input.Changed) -> None:
        for key, parse in self.date_parsers().items():
            row = self.rows.get(key)
            if row is not None and row.field is event.input:
                today = api(self).today()  # type: ignore[arg-type]
                shown = preview_date(event.value, parse, today, yearly=key in self.YEARLY)
                if shown.refused:
                    row.set_error(shown.line)
                else:
                    row.set_note(shown.line)
