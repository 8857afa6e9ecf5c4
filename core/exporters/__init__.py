"""Exports: CSV and JSON with every field, iCalendar for a calendar app, private files."""

from leadline.core.exporters.files import open_private
from leadline.core.exporters.ics import export_ics
from leadline.core.exporters.tabular import export_csv, export_json

__all__ = ["export_csv", "export_ics", "export_json", "open_private"]
