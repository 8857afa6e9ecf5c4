"""Exports: CSV and JSON with every field, iCalendar for a calendar app, private files.

The names load on first use, so reading leadline's own CSV/JSON export (which
needs `tabular`) does not import icalendar.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from leadline.core.exporters.files import open_private
    from leadline.core.exporters.ics import export_ics
    from leadline.core.exporters.tabular import export_csv, export_json

_HOMES = {
    "export_csv": "tabular",
    "export_ics": "ics",
    "export_json": "tabular",
    "open_private": "files",
}

__all__ = ["export_csv", "export_ics", "export_json", "open_private"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # once loaded, a plain module attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
