"""The name, contact person and tags of an imported row."""

from __future__ import annotations

import re

from leadline.core.interop.importers.record import Record, Typed
from leadline.core.models import Contact

_TAG_SPLIT = re.compile(r"[;,]")


def prospect_name(record: Record) -> str:
    """The company when there is one, else the name, deal title or contact person."""
    for name in ("organization", "name", "deal"):
        if record.get(name):
            return record.get(name)
    return contact_full_name(record)


def contact_full_name(record: Record) -> str:
    """The contact's name, from one column or first + last name."""
    if record.get("contact_name"):
        return record.get("contact_name")
    return " ".join(p for p in (record.get("first_name"), record.get("last_name")) if p)


def contact_of(record: Record, typed: Typed) -> tuple[Contact, ...]:
    """The one contact a row describes, or none when it has no contact details."""
    name = contact_full_name(record)
    email, phone = record.get("email"), record.get("phone")
    if not (name or email or phone):
        return ()
    return (
        Contact(
            name=name or email or phone,
            title=record.get("contact_title"),
            email=email,
            phone=phone,
            birthday=typed.day("birthday"),
        ),
    )


def tags_of(record: Record) -> tuple[str, ...]:
    """Tags from a tags column, the product, and any a format module added; no repeats."""
    tags = [t.strip() for t in _TAG_SPLIT.split(record.get("tags")) if t.strip()]
    if record.get("product"):
        tags.append(record.get("product"))
    return tuple(dict.fromkeys([*tags, *record.tags]))
