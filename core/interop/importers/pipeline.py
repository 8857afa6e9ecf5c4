"""`import_rows`: read a file from another tool (or leadline's own export) into prospects.

Nothing is written here. `read_import` does the slow part (reading, checking and
building every row) without the store; the caller then settles the rows against
the stored prospects under the writers' lock and saves `result.new` and
`result.updated` in one atomic save, or shows them for a dry run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from leadline.core.config.model import Config
from leadline.core.interop.importers.build import BuildContext, build_prospect
from leadline.core.interop.importers.dates import infer_day_first
from leadline.core.interop.importers.detect import (
    ImportFileError,
    Table,
    detect_format,
    looks_like_json,
    parse_table,
    read_text,
)
from leadline.core.interop.importers.fields import DATE_FIELDS, ColumnMap, map_columns
from leadline.core.interop.importers.generic_csv import GENERIC_CSV, TableFormat
from leadline.core.interop.importers.hubspot import HUBSPOT
from leadline.core.interop.importers.maven import MAVEN
from leadline.core.interop.importers.names import FORMATS
from leadline.core.interop.importers.native import csv_records, json_records
from leadline.core.interop.importers.odoo import ODOO
from leadline.core.interop.importers.pipedrive import PIPEDRIVE
from leadline.core.interop.importers.record import RowRejected, split_row
from leadline.core.interop.importers.result import ImportResult
from leadline.core.interop.importers.salesforce import SALESFORCE
from leadline.core.interop.importers.sink import ImportSink, Progress
from leadline.core.interop.importers.stages import StageResolver
from leadline.core.models import Prospect

TABLE_FORMATS: dict[str, TableFormat] = {
    f.name: f for f in (GENERIC_CSV, PIPEDRIVE, HUBSPOT, SALESFORCE, ODOO, MAVEN)
}
"""The CSV dialects by name (`names.TABLE_FORMAT_NAMES` lists the same, for the CLI)."""


def import_rows(
    path: Path,
    config: Config,
    *,
    fmt: str = "auto",
    mapping: dict[str, str] | None = None,
    today: date,
    existing: Sequence[Prospect],
    whole: Callable[[str], Prospect] | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Read `path` into new and updated prospects, with per-line problems.

    `existing` are the stored prospects (or their summaries, with `whole`): rows
    matching one of them update it instead of adding a copy. The same as
    `read_import(...).settle(existing, whole)`.
    """
    pending = read_import(path, config, fmt=fmt, mapping=mapping, today=today, progress=progress)
    return pending.settle(existing, whole)


def read_import(
    path: Path,
    config: Config,
    *,
    fmt: str = "auto",
    mapping: dict[str, str] | None = None,
    today: date,
    progress: Progress | None = None,
) -> ImportSink:
    """Read and check every row of `path`, without looking at the store (no lock needed);
    `.settle(existing)` on the result matches the rows against the stored prospects.

    `fmt` is one of `FORMATS`; "auto" tells JSON from CSV and recognises the
    tool that wrote a CSV by its header. `mapping` maps column names to fields
    (see `fields.FIELDS`) over the automatic matching. Raises ImportFileError
    (whole file unreadable) or MappingError.
    """
    if fmt not in FORMATS:
        raise ImportFileError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    text, encoding, warnings = read_text(path)
    sink = ImportSink(today, progress)
    if fmt == "json" or (fmt == "auto" and looks_like_json(text)):
        sink.result.format = "json"
        sink.result.warnings += warnings
        sink.take_native(list(json_records(text)), StageResolver(config))
        return sink
    table = parse_table(text, encoding)
    sink.result.format = detect_format(table.headers) if fmt == "auto" else fmt
    sink.result.warnings += warnings
    for line, reason in table.problems:
        sink.problem(line, reason)
    if sink.result.format == "leadline-csv":
        sink.take_native(list(csv_records(table)), StageResolver(config))
    else:
        _import_table(sink, table, path, config, mapping or {})
    return sink


def _import_table(
    sink: ImportSink, table: Table, path: Path, config: Config, mapping: dict[str, str]
) -> None:
    kind = TABLE_FORMATS[sink.result.format]
    keys = [kind.header_key(h) for h in table.headers]
    wanted = {kind.header_key(column): field for column, field in mapping.items()}
    columns = ColumnMap(tuple(table.headers), map_columns(keys, kind.synonyms, wanted).fields)
    adjust = kind.adjuster(path, sink.result.warnings)
    ctx = BuildContext(StageResolver(config), sink.today, path.name, _day_first(table, columns))
    sink.result.rows_read = len(table.rows)
    for done, (line, cells) in enumerate(table.rows, start=1):
        sink.tick(done, len(table.rows))
        cells = _trim(cells, len(table.headers))
        if len(cells) != len(table.headers):
            sink.problem(line, f"has {len(cells)} fields; the header has {len(table.headers)}")
            continue
        record = split_row(line, cells, columns)
        if adjust:
            adjust(record)
        try:
            prospect = build_prospect(record, ctx, sink.fresh_id())
        except RowRejected as rejected:
            sink.reject(line, rejected)
            continue
        sink.place(line, prospect, own_ids=False)
    sink.tick(len(table.rows), len(table.rows), force=True)


def _trim(cells: list[str], width: int) -> list[str]:
    """Drop empty cells past the header's width (a trailing delimiter)."""
    while len(cells) > width and not cells[-1].strip():
        cells = cells[:-1]
    return cells


def _day_first(table: Table, columns: ColumnMap) -> dict[str, bool]:
    """Per date field, whether its a/b/yyyy dates read day-first (see `infer_day_first`)."""
    found: dict[str, bool] = {}
    for index, name in enumerate(columns.fields):
        if name in DATE_FIELDS:
            cells = (cells[index] for _, cells in table.rows if index < len(cells))
            found[name] = infer_day_first(cells)
    return found
