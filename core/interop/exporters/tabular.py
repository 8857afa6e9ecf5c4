"""CSV and JSON exports with every field of every prospect.

The JSON file is `{"format": "leadline", "version": 1, "prospects": [...]}`
with each prospect's own document. The CSV has one row per prospect and one
column per top-level field: plain text where the field is text, JSON in the
cell where it is a number, a flag or a structure (contacts, touches, notes,
stage history, ...), so both files import back into the same prospects.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any, TextIO

from leadline.core.models import Doc, Prospect

JSON_FORMAT = "leadline"
JSON_VERSION = 1

_SAMPLE = Prospect(id="", name="", stage="", created=datetime.min, updated=datetime.min).to_doc()
NULLABLE_TEXT = frozenset({"expected_close"})
"""Text columns whose empty cell means "not set" (None)."""
COLUMNS: tuple[str, ...] = tuple(_SAMPLE)
"""CSV columns, in the order of `Prospect.to_doc`."""
TEXT_COLUMNS = frozenset(k for k, v in _SAMPLE.items() if isinstance(v, str)) | NULLABLE_TEXT


def encode_cell(column: str, value: Any) -> str:
    """The CSV cell for one field of a prospect document."""
    if column in TEXT_COLUMNS:
        return "" if value is None else str(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def decode_cell(column: str, text: str) -> Any:
    """The document value for one CSV cell; raises ValueError on a bad JSON cell."""
    if column in TEXT_COLUMNS:
        return None if column in NULLABLE_TEXT and not text else text
    if not text:
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"{column}: not valid JSON ({error.msg})") from error


def export_csv(prospects: Iterable[Prospect], out: TextIO) -> int:
    """Write every prospect as one CSV row (header first); returns the row count.

    Open `out` with `newline=""` (as `open_private` does) so line ends stay CRLF.
    """
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    count = 0
    for prospect in prospects:
        doc = prospect.to_doc()
        writer.writerow([encode_cell(column, doc[column]) for column in COLUMNS])
        count += 1
    return count


def export_json(prospects: Iterable[Prospect], out: TextIO) -> int:
    """Write the prospects as one JSON document; returns the count."""
    docs = [p.to_doc() for p in prospects]
    payload = {"format": JSON_FORMAT, "version": JSON_VERSION, "prospects": docs}
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(docs)


def doc_from_cells(headers: list[str], cells: list[str]) -> Doc:
    """A prospect document from one row of leadline's own CSV export."""
    doc = {h: decode_cell(h, c) for h, c in zip(headers, cells, strict=True) if h in COLUMNS}
    return {k: v for k, v in doc.items() if v is not None or k in NULLABLE_TEXT | {"budget"}}
