"""leadline's own exports read back: the JSON document and the every-field CSV.

These carry leadline ids, so a record matches a stored prospect by id first,
then like any import. A matched record replaces the stored one whole: the file
is a full copy of a prospect, not a partial view from another tool.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from leadline.core.interop.exporters.tabular import JSON_FORMAT, doc_from_cells
from leadline.core.interop.importers.detect import ImportFileError, Table
from leadline.core.interop.importers.nested import split_records
from leadline.core.models import Prospect
from leadline.core.records.reading import BadField

Parsed = tuple[int, Prospect | str]
"""(line or record number, the prospect or why it could not be read)."""


def json_records(text: str) -> Iterator[Parsed]:
    """The prospects of a leadline JSON export (or a bare list of documents)."""
    try:
        payload: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(f"line {error.lineno}: not valid JSON ({error.msg})") from error
    except RecursionError:  # some record nests deeper than Python reads: read the others
        yield from split_records(text, _prospect)
        return
    except ValueError as error:  # an integer of thousands of digits
        raise ImportFileError(f"not valid JSON ({error})") from error
    if isinstance(payload, dict):
        if payload.get("format") != JSON_FORMAT:
            raise ImportFileError("this JSON file is not a leadline export")
        payload = payload.get("prospects")
    if not isinstance(payload, list):
        raise ImportFileError("the JSON file holds no list of prospects")
    for number, doc in enumerate(payload, start=1):
        yield number, _prospect(doc)


def csv_records(table: Table) -> Iterator[Parsed]:
    """The prospects of leadline's own CSV export, one per row."""
    for line, cells in table.rows:
        if len(cells) != len(table.headers):
            yield line, f"has {len(cells)} fields; the header has {len(table.headers)}"
            continue
        try:
            yield line, _prospect(doc_from_cells(table.headers, cells))
        except ValueError as error:
            yield line, str(error)


def _prospect(doc: Any) -> Prospect | str:
    if not isinstance(doc, dict):
        return "not a prospect record"
    try:
        return Prospect.from_doc(doc)
    except BadField as error:
        return str(error)
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as error:
        return f"unreadable record: {error!r}"  # a net: from_doc names what it refuses
