"""Whom to contact and how, worded for the queue, the detail and the CLI alike.

Core's `rules.reach` decides the person and the handle; this says them:
"Call Anna Nowak: +48 600 123 456", "Copied +48 600 123 456 (Anna Nowak)".
"""

from __future__ import annotations

from typing import Any

from leadline.core.rules.reach import Handle, Reach
from leadline.tui.text.labels import ROLE_LABELS

NO_CONTACT = "no contact listed"
NO_HANDLE = "no phone or e-mail"

_VERBS = {Handle.PHONE: "Call", Handle.EMAIL: "E-mail"}


def whom(reach: Reach) -> str:
    """The person's name, or that the prospect lists nobody."""
    return reach.name or NO_CONTACT


def handle(reach: Reach) -> str:
    """The phone or e-mail to use ("" when there is nobody to reach)."""
    if reach.contact is None:
        return ""
    return reach.handle or NO_HANDLE


def sheet_cell(reach: Reach) -> str:
    """The CLI queue's last column: "phone: Anna Nowak +48 600 123 456"."""
    return f"{reach.channel}: {' '.join(part for part in (whom(reach), handle(reach)) if part)}"


def sentence(reach: Reach) -> str:
    """ "Call Anna Nowak: +48 600 123 456." for the line under the queue."""
    if reach.contact is None:
        return "No contact listed: Enter, e, c, then a adds one."  # fits 60 columns
    if not reach.handle:
        return f"Contact {reach.name}: {NO_HANDLE} on file."
    verb = _VERBS.get(reach.kind, "Contact")
    return f"{verb} {reach.name}: {reach.handle}"


def copied(reach: Reach) -> str:
    """The toast after copying the handle."""
    return f"Copied {reach.handle} ({reach.name})"


def nothing_to_copy(reach: Reach) -> str:
    """The toast when there is no handle to copy."""
    if reach.contact is None:
        return "Nothing to copy: no contact listed."
    return f"Nothing to copy: {reach.name} has {NO_HANDLE}."


def reach_doc(reach: Reach) -> dict[str, Any]:
    """The `contact` of a queue item in `leadline queue --json`."""
    c = reach.contact
    return {
        "name": c.name if c else None,
        "role": str(c.role) if c else None,
        "role_label": ROLE_LABELS[c.role] if c else None,
        "channel": reach.channel,
        "handle": reach.handle or None,
        "handle_kind": str(reach.kind) or None,
    }
