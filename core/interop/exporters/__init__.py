"""Exports: CSV and JSON with every field, iCalendar for a calendar app, private files.

The names load on first use, so reading leadline's own CSV/JSON export (which
needs `tabular`) does not import icalendar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadline.core.lazy import lazy_attributes

if TYPE_CHECKING:
    from leadline.core.interop.exporters.files import ExportError, open_private
    from leadline.core.interop.exporters.ics import export_ics
    from leadline.core.interop.exporters.tabular import export_csv, export_json

_HOMES = {
    "ExportError": "files",
    "export_csv": "tabular",
    "export_ics": "ics",
    "export_json": "tabular",
    "open_private": "files",
}

__all__ = ["ExportError", "export_csv", "export_ics", "export_json", "open_private"]


__getattr__, __dir__ = lazy_attributes(__name__, _HOMES)
