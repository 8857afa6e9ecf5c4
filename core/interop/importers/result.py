"""What an import found: new and updated prospects, per-line problems, warnings."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from leadline.core.models import Prospect


@dataclass(frozen=True)
class RowProblem:
    """A row that was not imported, or a cell that could not be read.

    `line` is the line the row starts on in the file (the header is line 1);
    for JSON files it is the position of the record in the list, from 1.
    """

    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass
class ImportResult:
    """The outcome of `import_rows`. Nothing is written: the caller saves `new` and `updated`."""

    format: str
    """The format used (detected when `fmt="auto"`)."""
    new: list[Prospect] = field(default_factory=list)
    updated: list[Prospect] = field(default_factory=list)
    """Existing prospects matched by external id (else name + email), with the file's values."""
    unchanged: int = 0
    """Rows that matched an existing prospect that already held the same values."""
    problems: list[RowProblem] = field(default_factory=list)
    unmapped_stages: Counter[str] = field(default_factory=Counter)
    """Stage names found in the file and not mapped, with their row counts."""
    warnings: list[str] = field(default_factory=list)
    rows_read: int = 0

    @property
    def rejected_lines(self) -> list[int]:
        """The lines that were not imported, in file order, each once."""
        return sorted({p.line for p in self.problems})
