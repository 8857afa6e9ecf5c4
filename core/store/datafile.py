"""The on-disk format: a plain TinyDB JSON file with a leadline header table.

```
{"_leadline": {"1": {"format": "leadline", "schema_version": 1, "revision": 42}},
 "prospects": {"1": {...prospect document...}, "2": {...}}}
```

TinyDB's own JSONStorage can open it. The header comes first so a reader can
pick up the revision counter from the first bytes without parsing the rest.
Older schema versions are migrated in memory by `MIGRATIONS` (saved on the next
write); a newer version than this code knows is refused.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import msgspec
import orjson

from leadline.core.store.docrefs import DocRef
from leadline.core.store.layout import Refs, write_layout

Tables = dict[str, dict[str, Any]]
"""Tables of documents by doc id. A document is a dict, or a `msgspec.Raw` holding
its JSON text as read from the data file (see `parse_file`; `materialize` turns
either into a dict)."""
Migration = Callable[[Tables], Tables]

FORMAT = "leadline"
META_TABLE = "_leadline"
META_ID = "1"
PROSPECTS_TABLE = "prospects"
SCHEMA_VERSION = 1

MIGRATIONS: dict[int, Migration] = {}
"""Migration steps by the version they start from: `MIGRATIONS[n]` turns version n into n+1."""

_HEAD_REVISION = re.compile(rb'"revision"\s*:\s*(\d+)')
HEAD_BYTES = 256


class DataFileError(Exception):
    """The data file cannot be used; it has been left exactly as it was."""

    def __init__(self, path: Path, problem: str, backup: Path | None, backup_dir: Path) -> None:
        self.path = path
        self.problem = problem
        self.backup = backup
        if backup is not None:
            hint = f"The newest backup that reads is {backup} ('leadline restore' puts it back)"
        else:
            hint = f"No readable backup was found in {backup_dir}"
        super().__init__(f"{path}: {problem}. leadline left the file unchanged. {hint}.")


class Refused(ValueError):
    """Raised by `decode` with a one-line reason the file is not a usable leadline file."""


def head_revision(head: bytes) -> int | None:
    """The revision counter as written in the first bytes of a file, if it is there."""
    found = _HEAD_REVISION.search(head)
    return int(found.group(1)) if found else None


def with_header(tables: Mapping[str, Any], revision: int, schema_version: int) -> Tables:
    """`tables` with a fresh header table placed first (the tables themselves are shared)."""
    meta = {"format": FORMAT, "schema_version": schema_version, "revision": revision}
    ordered: Tables = {META_TABLE: {META_ID: meta}}
    ordered.update((name, table) for name, table in tables.items() if name != META_TABLE)
    return ordered


_RAW_TABLES = msgspec.json.Decoder(dict[str, dict[str, msgspec.Raw]])


def materialize(doc: Any) -> Any:
    """A document as a dict, parsing it if it is still raw JSON text (or not read yet)."""
    if type(doc) is DocRef:
        doc = doc.raw()
    return orjson.loads(memoryview(doc)) if type(doc) is msgspec.Raw else doc


def _materialized(tables: Tables) -> Tables:
    return {name: {k: materialize(d) for k, d in t.items()} for name, t in tables.items()}


def resolve(doc: Any) -> Any:
    """A document as it is held: a dict or raw text (a `DocRef` is read now)."""
    return doc.raw() if type(doc) is DocRef else doc


def encode(tables: Tables) -> bytes:
    """Serialise in leadline's layout (`layout`); ASCII only, so a reader assuming any
    locale encoding reads it right. Raw documents are copied as they are, without being
    parsed and written again: a compaction costs little more than the copy."""
    return b"".join(encode_layout(tables)[0])


def encode_layout(tables: Tables) -> tuple[list[bytes], Refs]:
    """`encode` as chunks to write one after the other, and where each document lies."""
    return write_layout(check_tables(tables))


_TOO_DEEP = (
    "lists or objects in it nest too deeply to be a leadline file (a thousand levels or more)"
)


def _parse(raw: bytes) -> Any:
    if not raw or raw.isspace():
        raise Refused("the file is empty")
    try:
        return orjson.loads(raw)  # about twice as fast as json; its errors are less precise
    except orjson.JSONDecodeError:
        pass
    try:
        return json.loads(raw)
    except RecursionError:
        raise Refused(_TOO_DEEP) from None
    except UnicodeDecodeError:
        raise Refused("the file is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise Refused(
            f"the file is not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg}); it may have been cut short"
        ) from None


def check_tables(data: Any) -> Tables:
    """`data` if it has the shape of a TinyDB file (tables of numbered documents)."""
    if not isinstance(data, dict):
        raise Refused("the file is not a leadline data file (its top level is not an object)")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise Refused(f"the file is not a TinyDB file (table {name!r} is not an object)")
        for doc_id, doc in table.items():
            if not (str(doc_id).isascii() and str(doc_id).isdigit() and _is_object(doc)):
                raise Refused(f"table {name!r} holds a damaged document (id {doc_id!r})")
    return data


def _is_object(doc: Any) -> bool:
    if type(doc) is DocRef:
        return True  # checked when the summary pointing at it was written
    if type(doc) is msgspec.Raw:
        return len(doc) > 0 and memoryview(doc)[0] == 0x7B  # "{"
    return isinstance(doc, dict)


def _header(tables: Tables) -> tuple[int, int]:
    meta = materialize(tables.get(META_TABLE, {}).get(META_ID))
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise Refused(f"the file is not a leadline data file (no {META_TABLE!r} header)")
    version, revision = meta.get("schema_version"), meta.get("revision")
    if type(version) is not int or type(revision) is not int or version < 1 or revision < 0:
        raise Refused(f"the {META_TABLE!r} header is damaged")
    return version, revision


def _migrate(tables: Tables, version: int, known: int, steps: Mapping[int, Migration]) -> Tables:
    if version > known:
        raise Refused(
            f"the file was written by a newer leadline (data format {version}; this version "
            f"reads up to {known}); upgrade leadline to open it"
        )
    if version < known:  # migration steps work on plain dicts
        tables = _materialized(tables)
    while version < known:
        if version not in steps:
            raise Refused(f"data format {version} cannot be migrated to {known}")
        tables = steps[version](tables)
        version += 1
    return tables


def decode(raw: bytes, known: int, steps: Mapping[int, Migration]) -> tuple[Tables, int]:
    """Parse, check and migrate a data file; return (tables, revision) or raise Refused."""
    tables, revision, _version = decode_file(raw, known, steps)
    return tables, revision


def parse_file(raw: bytes) -> tuple[Tables, int, int]:
    """Parse and check a data file without migrating: (tables, revision, schema version).

    The documents stay raw JSON text (`msgspec.Raw`, views into `raw`): the file
    is checked to be well-formed JSON of the TinyDB shape, but each document is
    only parsed when it is needed, and straight into its final type by the store.
    """
    try:
        tables: Tables = _RAW_TABLES.decode(raw)
        if not raw.isascii():
            raw.decode()  # msgspec does not check the text of the documents it keeps raw
    except (msgspec.DecodeError, UnicodeDecodeError):  # say what is wrong as precisely as we can
        tables = _parse(raw)
    except RecursionError:
        raise Refused(_TOO_DEEP) from None
    tables = check_tables(tables)
    version, revision = _header(tables)
    return tables, revision, version


def migrate(
    tables: Tables, version: int, revision: int, known: int, steps: Mapping[int, Migration]
) -> Tables:
    """Bring tables of schema `version` to `known`, with a fresh header; raises Refused."""
    tables = _migrate(tables, version, known, steps)
    tables[META_TABLE] = {
        META_ID: {"format": FORMAT, "schema_version": known, "revision": revision}
    }
    return tables


def decode_file(raw: bytes, known: int, steps: Mapping[int, Migration]) -> tuple[Tables, int, int]:
    """Like `decode`, also giving the schema version the file was written in."""
    tables, revision, version = parse_file(raw)
    if version > known:  # refuse before anything else is read
        _migrate(tables, version, known, steps)
    return migrate(tables, version, revision, known, steps), revision, version


def readable(raw: bytes) -> bool:
    """True if `raw` is a leadline data file this version can open."""
    try:
        decode(raw, SCHEMA_VERSION, MIGRATIONS)
    except Refused:
        return False
    return True
