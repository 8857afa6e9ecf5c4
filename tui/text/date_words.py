"""What a typed date means, in words, before it is saved: "→ Mon 7 Dec 2026 (in 4 days)",
or the grammar's refusal. Every date prompt of the TUI shows this as the user types
(tui/dialogs/date_preview.py); no Textual here, so it is tested on its own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from leadline.tui.text.fmt import day_label, day_text


@dataclass(frozen=True)
class DatePreview:
    """The day the text names (None: no date, or not a date) and the line to show."""

    day: date | None
    line: str
    refused: bool = False


def preview_date(
    text: str,
    parse: Callable[[str], date | None],
    today: date,
    *,
    yearly: bool = False,
) -> DatePreview:
    """The preview of `text` read by `parse` (core's grammar with the field's rule):
    nothing for an empty field, the refusal for text that is not a date. A `yearly`
    date (a birthday) is shown without how far it is from today."""
    if not text.strip():
        return DatePreview(None, "")
    try:
        day = parse(text)
    except ValueError as error:
        return DatePreview(None, str(error), refused=True)
    if day is None:
        return DatePreview(None, "→ no date")
    return DatePreview(day, f"→ {day_text(day) if yearly else day_label(day, today)}")
