"""Reading an import file: its encoding, its delimiter and which tool wrote it."""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from leadline.core.interop.importers.fields import normalise_header

if TYPE_CHECKING:
    from _csv import Reader

DELIMITERS = (",", ";", "\t", "|")


class ImportFileError(Exception):
    """The file as a whole cannot be imported (missing, empty, not a table)."""


@dataclass
class Table:
    """A CSV file read into memory: header, data rows with their line numbers."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]
    delimiter: str
    encoding: str
    warnings: list[str] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    """(line, reason) of rows the CSV reader could not split (a cell over 128 KiB)."""


def read_text(path: Path) -> tuple[str, str, list[str]]:
    """The file's text, the encoding used, and warnings (non-UTF-8 fallback).

    UTF-8 with or without a byte-order mark, UTF-16 with one (Excel's
    "Unicode text"); anything else is read as Windows-1252, or Latin-1 when
    that fails, with a warning because accented names may come out wrong.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(f"cannot read {path}: {error.strerror or error}") from error
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
        return text, "utf-8-sig", _replaced(path, text, "UTF-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
        return text, "utf-16", _replaced(path, text, "UTF-16")
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    encoding = "cp1252"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        encoding, text = "latin-1", data.decode("latin-1")
    warning = (
        f"{path.name} is not UTF-8; read it as {encoding}. "
        "Check accented names, or save the file as UTF-8 and import again."
    )
    return text, encoding, [warning]


def _replaced(path: Path, text: str, encoding: str) -> list[str]:
    """A warning when bytes that are not `encoding` were read as U+FFFD."""
    count = text.count("\ufffd")
    if not count:
        return []
    return [f"{path.name}: {count} bytes or pairs are not {encoding} and were read as \ufffd"]


def sniff_delimiter(header_line: str) -> str:
    """The delimiter used most in the header line, outside quotes (`,` on a tie)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in header_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def parse_table(text: str, encoding: str = "utf-8") -> Table:
    """Split CSV text into header and rows; blank lines are skipped.

    Each row keeps the line number it starts on (the header is line 1), so
    problems can be reported where a person will find them in an editor.
    """
    first_line = text.split("\n", 1)[0]
    delimiter = sniff_delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        headers = next(reader)
    except StopIteration:
        raise ImportFileError("the file is empty") from None
    except csv.Error as error:
        raise ImportFileError(f"line 1: {error}") from error
    if not any(h.strip() for h in headers):
        raise ImportFileError("line 1: the header row is empty")
    table = Table([h.strip() for h in headers], [], delimiter, encoding)
    _read_rows(reader, table)
    return table


def _read_rows(reader: Reader, table: Table) -> None:
    """The data rows into `table`; a row the reader refuses is a problem, and reading goes on."""
    start = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            table.problems.append((start, f"cannot be read as CSV ({error})"))
        else:
            if any(cell.strip() for cell in cells):
                table.rows.append((start, cells))
        start = reader.line_num + 1


def detect_format(headers: list[str]) -> str:
    """Name the tool that wrote a table with these headers ("csv" if none)."""
    names = {normalise_header(h) for h in headers}
    raw = [h.strip() for h in headers]
    unprefixed = {"title", "weighted value"} <= names or {"title", "contact person"} <= names
    if sum(h.startswith("Deal - ") for h in raw) >= 3 or unprefixed:
        return "pipedrive"
    if raw and raw[0] == "Record ID":
        return "hubspot"
    if {"id", "stage name"} <= names or {"id", "is deleted", "system modstamp"} <= names:
        return "salesforce"
    if {"opportunity id", "deal stage", "engage date"} <= names:
        return "maven"
    if {"external id", "company name", "contact name"} <= names:
        return "odoo"
    if {"id", "stage", "stage_history", "touches", "external_id"} <= set(raw):
        return "leadline-csv"
    return "csv"


def looks_like_json(text: str) -> bool:
    """True when the text is a JSON document rather than a table."""
    return text.lstrip()[:1] in ("{", "[")
