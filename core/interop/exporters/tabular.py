"""CSV and JSON exports with every field of every prospect.

The JSON file is `{"format": "leadline", "version": 1, "prospects": [...]}`
with each prospect's own document. The CSV has one row per prospect and one
column per top-level field: plain text where the field is text, JSON in the
cell where it is a number, a flag or a structure (contacts, touches, notes,
stage history, ...), so both files import back into the same prospects.

A text cell that a spreadsheet would run as a formula (one starting with `=`,
`+`, `-`, `@`, a tab or a carriage return: the OWASP "CSV injection" list) is
written with a guard apostrophe in front, so opening the export cannot run
`=HYPERLINK(...)` or worse from an imported name or note. Reading leadline's
own CSV takes the apostrophe off again, so a re-import gives the same names.
Number, flag and structure cells (JSON) are never guarded.
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


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula."""
GUARD = "'"


def _guarded(text: str) -> bool:
    """True for a cell that carries a guard apostrophe in front (see `guard_formula`)."""
    return text.startswith(GUARD) and text[1:2] in (*FORMULA_STARTS, GUARD)


def guard_formula(text: str) -> str:
    """`text` with a guard apostrophe if a spreadsheet would run it as a formula.

    Text already starting with an apostrophe and a formula character (or a second
    apostrophe) gets one more, so `unguard_formula` is its exact inverse.
    """
    if text.startswith(FORMULA_STARTS) or _guarded(text):
        return GUARD + text
    return text


def unguard_formula(text: str) -> str:
    """The text `guard_formula` was given: one guard apostrophe taken off."""
    return text[1:] if _guarded(text) else text


def encode_cell(column: str, value: Any, *, guard: bool = True) -> str:
    """The CSV cell for one field of a prospect document (text cells guarded, see above)."""
    if column in TEXT_COLUMNS:
        text = "" if value is None else str(value)
        return guard_formula(text) if guard else text
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def decode_cell(column: str, text: str) -> Any:
    """The document value for one CSV cell; raises ValueError on a bad JSON cell."""
    if column in TEXT_COLUMNS:
        return None if column in NULLABLE_TEXT and not text else unguard_formula(text)
    if not text:
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"{column}: not valid JSON ({error.msg})") from error


def export_csv(prospects: Iterable[Prospect], out: TextIO, *, guard: bool = True) -> int:
    """Write every prospect as one CSV row (header first); returns the row count.

    With `guard` (the default) a text cell a spreadsheet would run as a formula
    gets a guard apostrophe; `guard=False` writes every text cell as it is.
    Open `out` with `newline=""` (as `open_private` does) so line ends stay CRLF.
    """
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    count = 0
    for prospect in prospects:
        doc = prospect.to_doc()
        writer.writerow([encode_cell(column, doc[column], guard=guard) for column in COLUMNS])
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
