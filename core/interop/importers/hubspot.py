"""HubSpot exports: every field quoted, `Record ID` first, property labels as headers.

The labels are HubSpot's own (`Deal Name`, `Deal Stage`, `Amount`, `Close Date`,
`Next Activity Date`, ...); the deal stage arrives as its label, e.g.
"Appointment Scheduled" or "Closed Won". Associations come as
`Associated Company` / `Associated Contact` (names) and `... IDs` columns.
"""

from __future__ import annotations

from leadline.core.interop.importers.generic_csv import TableFormat

HUBSPOT = TableFormat(
    "hubspot",
    synonyms={
        "deal description": "notes",
        "associated company": "organization",
        "associated contact": "contact_name",
        "object create date time": "created",
        "object last modified date time": "updated",
        "is closed won": "is_won",
        "last activity date": "note",
    },
)
