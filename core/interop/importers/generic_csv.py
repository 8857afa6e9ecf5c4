"""What a table format is, and the plain CSV format (a spreadsheet or lead list).

A format names its own column synonyms (checked before the generic table in
`fields.py`), an optional header prefix to drop (Pipedrive's `Deal - `), and an
optional adjuster: a function made once per file that may rewrite each record
before it is built (Maven joins its accounts and products tables that way).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from leadline.core.interop.importers.record import Record

Adjust = Callable[[Record], None]
MakeAdjuster = Callable[[Path, list[str]], Adjust]
"""Called with the imported file and the warnings list; returns the row adjuster."""


@dataclass(frozen=True)
class TableFormat:
    """One tool's CSV dialect: its column names and row quirks."""

    name: str
    synonyms: Mapping[str, str] = field(default_factory=dict)
    header_prefix: str = ""
    make_adjuster: MakeAdjuster | None = None

    def header_key(self, header: str) -> str:
        """The header with this format's prefix removed."""
        return header.strip().removeprefix(self.header_prefix)

    def adjuster(self, path: Path, warnings: list[str]) -> Adjust | None:
        """The row adjuster for one file, if this format has one."""
        return self.make_adjuster(path, warnings) if self.make_adjuster else None


GENERIC_CSV = TableFormat("csv")
"""Any CSV with a header row: columns matched by name and common synonyms."""
