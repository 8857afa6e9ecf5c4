"""Salesforce Data Loader exports: API field names, a UTF-8 BOM, `...T16:14:25.000+0000`.

Headers are internal names (`StageName`, `CloseDate`, `IsWon`), normalised to
words by `fields.normalise_header`, so most match the generic table. For a
closed opportunity `CloseDate` is the day it closed.
"""

from __future__ import annotations

from leadline.core.interop.importers.generic_csv import TableFormat

SALESFORCE = TableFormat(
    "salesforce",
    synonyms={
        "name": "deal",
        "stage name": "stage",
        "billing country": "region",
        "mailing country": "region",
    },
)
