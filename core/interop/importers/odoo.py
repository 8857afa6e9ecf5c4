"""Odoo CRM lead import template and exports (crm.lead).

The template's `Name` is the lead's subject ("Quote for 600 keyboards"); the
prospect is the `Company Name`; without one the subject names it.
"""

from __future__ import annotations

from leadline.core.interop.importers.generic_csv import TableFormat

ODOO = TableFormat(
    "odoo",
    synonyms={
        "name": "deal",
        "salesperson": "note",
        "expected closing": "expected_close",
    },
)
