"""Likely duplicates, worded for `leadline dupes`, `add`, `import` and the add dialog."""

from __future__ import annotations

from collections.abc import Sequence

from leadline.core.models import Prospect
from leadline.core.rules.dupes import Likeness, Reason

_SAME = {Likeness.NAME: "same name", Likeness.EMAIL: "same e-mail", Likeness.PHONE: "same phone"}


def reason_text(reason: Reason) -> str:
    """ "same name", "same e-mail hank@globex.com", "same phone +48 600 123 456"."""
    if reason.likeness == Likeness.NAME:
        return _SAME[reason.likeness]
    return f"{_SAME[reason.likeness]} {reason.shown}"


def reasons_text(reasons: Sequence[Reason]) -> str:
    """Every reason, joined: "same name; same phone +48 600 123 456"."""
    return "; ".join(reason_text(r) for r in reasons)


def merge_command(keep: Prospect, other: Prospect) -> str:
    """The command that joins `other` into `keep`."""
    return f"leadline merge {keep.id} {other.id}"


def looks_like(other: Prospect, reasons: Sequence[Reason]) -> str:
    """ "Looks like Globex Ltd (same name)"."""
    return f"Looks like {other.name} ({reasons_text(reasons)})"


def choices(new: Prospect, other: Prospect) -> str:
    """What the duplicate question's keys do, in words."""
    return f"Same company? m joins {new.name} into {other.name}."


def import_note(count: int) -> str:
    """The import report's line on new prospects that look like stored ones ("" for none)."""
    if not count:
        return ""
    if count == 1:
        return "1 looks like an existing prospect: leadline dupes lists it"
    return f"{count} look like existing prospects: leadline dupes lists them"
