"""Pipedrive deal exports: `Deal - Title`, `Deal - Status` (Open/Won/Lost), ...

Columns carry a `Deal - ` prefix (also accepted without it); related person
and organization columns appear as `Person - Email`, `Organization - Name`.
"""

from __future__ import annotations

from leadline.core.interop.importers.generic_csv import TableFormat

PIPEDRIVE = TableFormat(
    "pipedrive",
    header_prefix="Deal - ",
    synonyms={
        "title": "deal",
        "organization": "organization",
        "currency of value": "currency",
        "deal created": "created",
        "contact person": "contact_name",
        "person email": "email",
        "person phone": "phone",
        "label": "tags",
    },
)
