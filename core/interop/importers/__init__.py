"""Imports from other tools and from leadline's own exports.

`import_rows(path, config, today=..., existing=...)` reads a CSV (generic,
Pipedrive, HubSpot, Salesforce, Odoo, Maven) or a leadline JSON/CSV export and
returns an `ImportResult`; it writes nothing. `read_import(...)` does the reading
alone (no store, no lock), and its `.settle(existing, whole)` the matching: against
the store's summaries, decoding (`whole`) only the prospects the rows update.

The names below load on first use: `leadline queue` imports the money parser
from `values` and must not pay for the readers, the exporters and icalendar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadline.core.lazy import lazy_attributes

if TYPE_CHECKING:
    from leadline.core.interop.importers.detect import ImportFileError
    from leadline.core.interop.importers.fields import FIELDS, MappingError
    from leadline.core.interop.importers.names import FORMATS
    from leadline.core.interop.importers.pipeline import import_rows, read_import
    from leadline.core.interop.importers.result import ImportResult, RowProblem
    from leadline.core.interop.importers.sink import ImportSink, Progress

_HOMES = {
    "FIELDS": "fields",
    "FORMATS": "names",
    "ImportFileError": "detect",
    "ImportResult": "result",
    "MappingError": "fields",
    "Progress": "sink",
    "RowProblem": "result",
    "import_rows": "pipeline",
    "read_import": "pipeline",
    "ImportSink": "sink",
}

__all__ = [
    "FIELDS",
    "FORMATS",
    "ImportFileError",
    "ImportResult",
    "ImportSink",
    "MappingError",
    "Progress",
    "RowProblem",
    "import_rows",
    "read_import",
]


__getattr__, __dir__ = lazy_attributes(__name__, _HOMES)
