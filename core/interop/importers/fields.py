"""Column names to leadline fields: normalising headers, synonyms, `--map` overrides.

A column is matched by its normalised header (lower case, words split at
camel case, `_`/`-`/`/` as spaces, Salesforce's `__c` suffix dropped), first in
the format's own table, then in the generic one. A column that matches nothing
is kept as an extra: its values go into a note on the prospect, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

FIELDS: dict[str, str] = {
    "external_id": "the other tool's record id (re-import matches on it)",
    "name": "the prospect's name (company or person)",
    "organization": "the company; becomes the name when there is one",
    "deal": "the deal or opportunity title (kept in a note when the name is the company)",
    "stage": "the stage name, mapped to a configured stage",
    "status": "open / won / lost",
    "is_won": "yes/no: the deal was won",
    "is_closed": "yes/no: the deal is closed (lost unless is_won)",
    "value": "deal value (money)",
    "currency": "currency code of the value",
    "budget": "the prospect's budget (money)",
    "timeframe": "the decision timeframe",
    "expected_close": "expected close date",
    "closed_on": "the date the deal was won or lost",
    "won_time": "the date the deal was won",
    "lost_time": "the date the deal was lost",
    "stage_changed": "the date the deal entered its current stage",
    "created": "creation date (first contact)",
    "updated": "last modification date",
    "next_due": "next follow-up date",
    "channel": "preferred follow-up channel",
    "lost_reason": "why the deal was lost",
    "contact_name": "the contact person's full name",
    "first_name": "the contact's first name",
    "last_name": "the contact's last name",
    "email": "the contact's email",
    "phone": "the contact's phone",
    "contact_title": "the contact's job title",
    "birthday": "the contact's birthday",
    "notes": "free text, kept as a note",
    "tags": "tags, separated by , or ;",
    "product": "the product, kept as a tag",
    "industry": "ICP attribute `industry`",
    "employees": "ICP attribute `employees` (head count)",
    "region": "ICP attribute `region` (country or region)",
    "note": "keep the column in the imported-columns note",
    "ignore": "drop the column on purpose",
}
"""Fields a column can be mapped to (`--map COL=FIELD`); `icp:NAME` sets an ICP attribute."""

DATE_FIELDS = frozenset(
    {"expected_close", "closed_on", "won_time", "lost_time", "stage_changed", "created"}
    | {"updated", "next_due", "birthday"}
)

GENERIC: dict[str, str] = {
    **dict.fromkeys(["id", "external id", "record id", "deal id", "lead id"], "external_id"),
    **dict.fromkeys(["opportunity id", "crm id"], "external_id"),
    **dict.fromkeys(["name", "prospect", "prospect name", "lead name", "lead"], "name"),
    **dict.fromkeys(["company", "company name", "organization", "organisation"], "organization"),
    **dict.fromkeys(["organization name", "account", "account name", "customer"], "organization"),
    **dict.fromkeys(["deal", "deal name", "deal title", "opportunity", "opportunity name"], "deal"),
    **dict.fromkeys(["stage", "deal stage", "pipeline stage", "sales stage"], "stage"),
    **dict.fromkeys(["status", "deal status", "lead status"], "status"),
    **dict.fromkeys(["is won", "won"], "is_won"),
    **dict.fromkeys(["is closed", "closed"], "is_closed"),
    **dict.fromkeys(["value", "amount", "deal value", "deal amount", "price"], "value"),
    **dict.fromkeys(["expected revenue", "opportunity amount", "close value"], "value"),
    **dict.fromkeys(
        ["currency", "currency code", "currency iso code", "deal currency"], "currency"
    ),
    **dict.fromkeys(["budget"], "budget"),
    **dict.fromkeys(["timeframe", "decision timeframe"], "timeframe"),
    **dict.fromkeys(["close date", "expected close", "expected close date"], "expected_close"),
    **dict.fromkeys(["expected closing", "deadline", "expected closing date"], "expected_close"),
    **dict.fromkeys(["closed on", "date closed", "closed date", "deal closed on"], "closed_on"),
    **dict.fromkeys(["won time", "won date", "date won"], "won_time"),
    **dict.fromkeys(["lost time", "lost date", "date lost"], "lost_time"),
    **dict.fromkeys(["last stage change", "stage change date", "stage date"], "stage_changed"),
    **dict.fromkeys(["created", "created on", "created date", "create date"], "created"),
    **dict.fromkeys(["date created", "deal created", "add time", "first contact"], "created"),
    **dict.fromkeys(["updated", "update time", "last modified date", "modified"], "updated"),
    **dict.fromkeys(["next activity date", "next follow up", "next step date"], "next_due"),
    **dict.fromkeys(["follow up", "follow up date", "next contact", "next due"], "next_due"),
    **dict.fromkeys(["channel", "preferred channel"], "channel"),
    **dict.fromkeys(["lost reason", "closed lost reason", "loss reason"], "lost_reason"),
    **dict.fromkeys(["contact", "contact name", "contact person", "person"], "contact_name"),
    **dict.fromkeys(["full name", "person name"], "contact_name"),
    **dict.fromkeys(["first name", "given name"], "first_name"),
    **dict.fromkeys(["last name", "surname", "family name"], "last_name"),
    **dict.fromkeys(["email", "e mail", "email address", "work email", "mail"], "email"),
    **dict.fromkeys(["phone", "phone number", "telephone", "mobile", "mobile phone"], "phone"),
    **dict.fromkeys(
        ["title", "job title", "position", "job position", "function"], "contact_title"
    ),
    **dict.fromkeys(["birthday", "birthdate", "birth date", "date of birth", "dob"], "birthday"),
    **dict.fromkeys(["notes", "note", "description", "comments", "comment"], "notes"),
    **dict.fromkeys(["tags", "tag", "labels", "label"], "tags"),
    **dict.fromkeys(["product", "product name", "products"], "product"),
    **dict.fromkeys(["industry", "sector", "vertical"], "industry"),
    **dict.fromkeys(["employees", "number of employees", "company size", "headcount"], "employees"),
    **dict.fromkeys(["region", "country", "territory", "office location"], "region"),
}

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_SEPARATORS = re.compile(r"[\s_\-/]+")


class MappingError(ValueError):
    """A `--map COL=FIELD` override names a missing column or an unknown field."""


def normalise_header(header: str) -> str:
    """`StageName` -> `stage name`, `Deal - Title` -> `deal title`, `Product__c` -> `product`."""
    text = header.strip().removesuffix("__c")
    text = _CAMEL.sub(" ", text)
    return _SEPARATORS.sub(" ", text).strip().casefold()


def is_known_field(name: str) -> bool:
    """True for a field a column may be mapped to, including `icp:<attribute>`."""
    return name in FIELDS or (name.startswith("icp:") and len(name) > 4)


@dataclass(frozen=True)
class ColumnMap:
    """The field each column feeds (None: an extra kept in the note)."""

    headers: tuple[str, ...]
    fields: tuple[str | None, ...]


def map_columns(
    headers: list[str],
    synonyms: Mapping[str, str],
    overrides: Mapping[str, str] | None = None,
) -> ColumnMap:
    """Decide the field for every column: overrides, then format synonyms, then generic."""
    wanted = _check_overrides(headers, overrides or {})
    fields: list[str | None] = []
    for header in headers:
        key = normalise_header(header)
        fields.append(wanted.get(key) or synonyms.get(key) or GENERIC.get(key))
    return ColumnMap(tuple(headers), tuple(fields))


def _check_overrides(headers: list[str], overrides: Mapping[str, str]) -> dict[str, str]:
    present = {normalise_header(h) for h in headers}
    wanted: dict[str, str] = {}
    for column, target in overrides.items():
        if normalise_header(column) not in present:
            raise MappingError(f"no column {column!r} in the file; columns: {', '.join(headers)}")
        if not is_known_field(target):
            raise MappingError(
                f"unknown field {target!r} for column {column!r}; "
                f"fields: {', '.join(FIELDS)}, icp:<attribute>"
            )
        wanted[normalise_header(column)] = target
    return wanted
