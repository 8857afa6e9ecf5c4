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
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16", []
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
    return Table([h.strip() for h in headers], _rows(reader), delimiter, encoding)


def _rows(reader: Reader) -> list[tuple[int, list[str]]]:
    rows: list[tuple[int, list[str]]] = []
    start = reader.line_num + 1
    for cells in reader:
        if any(cell.strip() for cell in cells):
            rows.append((start, cells))
        start = reader.line_num + 1
    return rows


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
