"""Imports from other tools and from leadline's own exports.

`import_rows(path, config, today=..., existing=...)` reads a CSV (generic,
Pipedrive, HubSpot, Salesforce, Odoo, Maven) or a leadline JSON/CSV export and
returns an `ImportResult`; it writes nothing.
"""

from leadline.core.importers.detect import ImportFileError
from leadline.core.importers.fields import FIELDS, MappingError
from leadline.core.importers.pipeline import FORMATS, import_rows
from leadline.core.importers.result import ImportResult, RowProblem
from leadline.core.importers.sink import Progress

__all__ = [
    "FIELDS",
    "FORMATS",
    "ImportFileError",
    "ImportResult",
    "MappingError",
    "Progress",
    "RowProblem",
    "import_rows",
]
