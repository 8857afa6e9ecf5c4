"""`import_rows`: read a file from another tool (or leadline's own export) into prospects.

Nothing is written here. The caller saves `result.new` and `result.updated` in
one atomic save, or shows them for a dry run.
"""

from __future__ import annotations

import importlib
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

from leadline.core.config import Config
from leadline.core.importers.build import BuildContext, build_prospect
from leadline.core.importers.dates import infer_day_first
from leadline.core.importers.detect import (
    ImportFileError,
    Table,
    detect_format,
    looks_like_json,
    parse_table,
    read_text,
)
from leadline.core.importers.fields import DATE_FIELDS, ColumnMap, map_columns
from leadline.core.importers.generic_csv import GENERIC_CSV, TableFormat
from leadline.core.importers.hubspot import HUBSPOT
from leadline.core.importers.maven import MAVEN
from leadline.core.importers.merge import Matcher, merge, touched
from leadline.core.importers.native import Parsed, csv_records, json_records
from leadline.core.importers.odoo import ODOO
from leadline.core.importers.pipedrive import PIPEDRIVE
from leadline.core.importers.record import RowRejected, split_row
from leadline.core.importers.result import ImportResult, RowProblem
from leadline.core.importers.salesforce import SALESFORCE
from leadline.core.importers.stages import StageResolver
from leadline.core.models import Prospect

TABLE_FORMATS: dict[str, TableFormat] = {
    f.name: f for f in (GENERIC_CSV, PIPEDRIVE, HUBSPOT, SALESFORCE, ODOO, MAVEN)
}
FORMATS: tuple[str, ...] = ("auto", *TABLE_FORMATS, "json", "leadline-csv")
"""Values accepted for `fmt` (and `--format`)."""
PROGRESS_EVERY = 500

Progress = Callable[[int, int], None]
"""Called with (rows done, rows in the file) while building prospects."""


def import_rows(
    path: Path,
    config: Config,
    *,
    fmt: str = "auto",
    mapping: dict[str, str] | None = None,
    today: date,
    existing: list[Prospect],
    progress: Progress | None = None,
) -> ImportResult:
    """Read `path` into new and updated prospects, with per-line problems.

    `fmt` is one of `FORMATS`; "auto" tells JSON from CSV and recognises the
    tool that wrote a CSV by its header. `mapping` maps column names to fields
    (see `fields.FIELDS`) over the automatic matching. `existing` are the
    stored prospects: rows matching one of them update it instead of adding a
    copy. Raises ImportFileError (whole file unreadable) or MappingError.
    """
    if fmt not in FORMATS:
        raise ImportFileError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    text, encoding, warnings = read_text(path)
    sink = _Sink(existing, today, progress)
    if fmt == "json" or (fmt == "auto" and looks_like_json(text)):
        sink.result.format = "json"
        sink.result.warnings += warnings
        sink.take_native(list(json_records(text)))
        return sink.result
    table = parse_table(text, encoding)
    sink.result.format = detect_format(table.headers) if fmt == "auto" else fmt
    sink.result.warnings += warnings
    if sink.result.format == "leadline-csv":
        sink.take_native(list(csv_records(table)))
    else:
        _import_table(sink, table, path, config, mapping or {})
    return sink.result


def _import_table(
    sink: _Sink, table: Table, path: Path, config: Config, mapping: dict[str, str]
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


class _Sink:
    """Collects an import's outcome: ids, matching, problems, progress."""

    def __init__(self, existing: list[Prospect], today: date, progress: Progress | None) -> None:
        self.result = ImportResult("auto")
        self.today = today
        self.now = datetime.combine(today, time())
        self.matcher = Matcher(existing)
        self.used = {p.id for p in existing}
        self.progress = progress
        self.new_id = _id_maker()

    def fresh_id(self) -> str:
        """A prospect id used neither in the store nor earlier in this import."""
        while True:
            candidate = self.new_id()
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate

    def tick(self, done: int, total: int, *, force: bool = False) -> None:
        if self.progress and (force or done % PROGRESS_EVERY == 0):
            self.progress(done, total)

    def problem(self, line: int, reason: str) -> None:
        self.result.problems.append(RowProblem(line, reason))

    def reject(self, line: int, rejected: RowRejected) -> None:
        for reason in rejected.reasons:
            self.problem(line, reason)
        if rejected.unmapped_stage:
            self.result.unmapped_stages[rejected.unmapped_stage] += 1

    def place(self, line: int, prospect: Prospect, *, own_ids: bool) -> None:
        """File `prospect` as new, updated or unchanged; a repeat in the file is a problem."""
        earlier = self.matcher.seen_at(prospect, line, own_ids=own_ids)
        if earlier is not None:
            self.problem(line, f"same prospect as line {earlier}; skipped")
            return
        stored = self.matcher.stored(prospect, own_ids=own_ids)
        if stored is None:
            self.result.new.append(prospect)
            return
        merged = replace(prospect, id=stored.id) if own_ids else merge(stored, prospect)
        changed = touched(merged, stored, self.now) if merged != stored else None
        if changed is None:
            self.result.unchanged += 1
        else:
            self.result.updated.append(changed)

    def take_native(self, parsed: list[Parsed]) -> None:
        self.result.rows_read = len(parsed)
        for done, (line, item) in enumerate(parsed, start=1):
            self.tick(done, len(parsed))
            if isinstance(item, str):
                self.problem(line, item)
            else:
                self.used.add(item.id)
                self.place(line, item, own_ids=True)
        self.tick(len(parsed), len(parsed), force=True)


def _id_maker() -> Callable[[], str]:
    """`leadline.core.store.new_id`, or 8 random hex digits if the store is absent."""
    try:
        store = importlib.import_module("leadline.core.store")
    except ImportError:
        return lambda: uuid.uuid4().hex[:8]
    maker: Callable[[], str] = store.new_id
    return maker
