"""The summary file `<data file>.summary`: derived data, tied to one exact state.

It lets a command answer from the summaries (`records/summary.py`) and find any
document without reading the data file:

```
LLS1 {"format": 2, "shape": crc, "tie": {...}, "index": [offset, length, crc], "rows": offset,
      "chunks": [[length, rows, crc], ...]}
<index: msgpack {"refs": {table: [doc id, offset, length, ...]}, "docs": [...], "pids": [...],
                 "folded": [...]}>
<rows: chunks, each a msgpack array of up to 2,000 prospects' summaries, in the order of
       "docs"; a compaction copies the chunks whose prospects did not change>
```

The tie names the data file version (inode, device, size, mtime, revision, schema
version and the digest of its first and last bytes) and how much of its journal
the summaries include (the journal's inode, the end of its last included record,
that record's revision and the CRC of everything up to it). "refs" say where
every document of the data file lies; "docs", "pids" and "folded" (names folded
for finding, `core.folding`) which prospect each document holds in the state the
summaries describe. A file that does not match (nor the prospect's shape), fails a
CRC or cannot be read is ignored and rebuilt: it is never a second source of truth.
Private (0600), written atomically, like the data file.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import msgspec
import orjson

from leadline.core import models
from leadline.core.models import Prospect
from leadline.core.records.raw import SUMMARY
from leadline.core.store.atomic import write_private_atomic
from leadline.core.store.docrefs import DocRef, Source
from leadline.core.store.errors import UnsafeFileError
from leadline.core.store.layout import Refs
from leadline.core.store.safe_files import open_own

MAGIC = b"LLS1 "
FORMAT = 2
_META_MAX = 64 * 1024
_CHUNK = 2000
"""Rows per chunk of the rows section."""


@functools.cache
def shape() -> int:
    """The prospect's fields and their types, fingerprinted: rows of another shape (another
    leadline's) would decode with defaults for what they lack, and compactions copy rows."""
    parts = [f"{name}({','.join(f'{f.name}:{f.type}' for f in dataclasses.fields(obj))})"
             for name, obj in sorted(vars(models).items())
             if isinstance(obj, type) and dataclasses.is_dataclass(obj)]  # fmt: skip
    return zlib.crc32(";".join(parts).encode())


def summary_path(data_path: Path) -> Path:
    """The summary file belonging to `data_path`."""
    return data_path.with_name(data_path.name + ".summary")


@dataclass(frozen=True)
class JournalTie:
    """How much of the journal the summaries include."""

    ino: int
    end: int
    revision: int
    crc: int
    """CRC-32 of the journal's bytes up to `end`."""


@dataclass(frozen=True)
class Tie:
    """The exact state a summary file describes."""

    ino: int
    dev: int
    size: int
    mtime_ns: int
    digest: str
    revision: int
    """The data file's own revision (its header)."""
    schema_version: int
    journal: JournalTie | None


def _tie(fields: Any) -> Tie:
    log = fields["journal"]
    journal = None
    if log is not None:
        journal = JournalTie(*(int(log[k]) for k in ("ino", "end", "revision", "crc")))
    return Tie(
        int(fields["ino"]), int(fields["dev"]), int(fields["size"]), int(fields["mtime_ns"]),
        str(fields["digest"]), int(fields["revision"]), int(fields["schema_version"]),
        journal,
    )  # fmt: skip


class _Index(msgspec.Struct):
    refs: dict[str, list[int]]
    docs: list[int]
    pids: list[str]
    folded: list[str]


_INDEX = msgspec.msgpack.Decoder(_Index)
_ROWS = msgspec.msgpack.Decoder(list[Prospect])


def _no_summary_marker(value: Any) -> Any:
    if value is SUMMARY:
        return None
    raise NotImplementedError(f"cannot encode {type(value).__name__}")


_ENCODER = msgspec.msgpack.Encoder(enc_hook=_no_summary_marker)


def encode_rows(summaries: list[Prospect]) -> bytes:
    """The rows section for `summaries`."""
    return _ENCODER.encode(summaries)


Chunk = tuple[int, int, int]
"""A chunk of the rows section: (length, rows, CRC-32)."""
Segment = int | list[Prospect]
"""What `write` puts next in the rows section: a chunk of the file read (copied as it
is), or summaries to encode."""


class Rows:
    """The rows section, in chunks read from the open summary file when needed (the
    file stays open: the version read is the one its index describes)."""

    def __init__(self, source: Source, offset: int, chunks: list[Chunk]) -> None:
        self._source, self.chunks = source, chunks
        self.starts: list[int] = []
        """Each chunk's first row."""
        self._offsets: list[int] = []
        first = 0
        for length, count, _crc in chunks:
            self.starts.append(first)
            self._offsets.append(offset)
            first, offset = first + count, offset + length

    def raw(self, number: int) -> bytes:
        """Chunk `number` as it is in the file; ValueError if it fails its CRC."""
        length, _count, crc = self.chunks[number]
        body = self._source.read(self._offsets[number], length)
        if zlib.crc32(body) != crc:
            raise ValueError("a chunk of the summary file's rows fails its CRC")
        return body

    def chunk(self, number: int) -> list[Prospect]:
        """The summaries of chunk `number`; ValueError if it is damaged."""
        try:
            found = _ROWS.decode(self.raw(number))
        except msgspec.DecodeError as error:
            raise ValueError(f"the summary file's rows cannot be read ({error})") from None
        if len(found) != self.chunks[number][1]:
            raise ValueError("a chunk of the summary file's rows is damaged")
        for summary in found:
            object.__setattr__(summary, "source", SUMMARY)
        return found

    def decoded(self) -> list[Prospect]:
        """Every row's summary, in the order of `Contents.docs`, a chunk at a time (the
        section's bytes never sit in memory whole beside them); ValueError if damaged."""
        found: list[Prospect] = []
        for number in range(len(self.chunks)):
            found += self.chunk(number)
        return found


@dataclass
class Contents:
    """What a summary file says."""

    tie: Tie
    flat_refs: dict[str, list[int]]
    """Where each document lies: per table, doc id, offset, length, doc id, ..."""
    docs: list[str]
    """The prospect documents' ids in the state described, in order."""
    pids: list[str]
    folded: list[str]
    rows: Rows

    @property
    def refs(self) -> Refs:
        """`flat_refs` as spans by doc id."""
        return {name: _spans(flat) for name, flat in self.flat_refs.items()}

    def tables(self, source: Source) -> dict[str, dict[str, DocRef]]:
        """Every document as a reference into `source` (the data file described)."""
        found: dict[str, dict[str, DocRef]] = {}
        for name, flat in self.flat_refs.items():
            it = iter(flat)
            found[name] = {str(k): DocRef(source, o, n) for k, o, n in zip(it, it, it, strict=True)}
        return found


def read(path: Path) -> Contents | None:
    """The summary file at `path`; None if there is none or it cannot be used."""
    try:
        fd = open_own(path, os.O_RDONLY, "summary file")
    except (OSError, UnsafeFileError):  # none, or not ours to trust: rebuilt, never read
        return None
    source = Source(fd)
    try:
        head = os.pread(fd, _META_MAX, 0)
        newline = head.find(b"\n")
        if not head.startswith(MAGIC) or newline < 0:
            return None
        meta = orjson.loads(head[len(MAGIC) : newline])
        if not isinstance(meta, dict) or (meta.get("format"), meta.get("shape")) != (
            FORMAT,
            shape(),
        ):
            return None
        offset, length, crc = (int(n) for n in meta["index"])
        rows_at = int(meta["rows"])
        chunks = [(int(c[0]), int(c[1]), int(c[2])) for c in meta["chunks"]]
        size = os.fstat(fd).st_size  # a damaged length must not make us read (or allocate) more
        spans = [(offset, length), (rows_at, sum(c[0] for c in chunks))]
        if any(a < 0 or n < 0 or a + n > size for a, n in spans) or any(
            c[0] < 0 or c[1] < 0 for c in chunks
        ):
            return None
        body = source.read(offset, length)
        if zlib.crc32(body) != crc:
            return None
        index = _INDEX.decode(body)
        if sum(c[1] for c in chunks) != len(index.docs):
            return None
        if len(index.pids) != len(index.docs) or len(index.folded) != len(index.docs):
            return None
        if any(len(flat) % 3 for flat in index.refs.values()):
            return None
        return Contents(_tie(meta["tie"]), index.refs, [str(d) for d in index.docs], index.pids,
                        index.folded, Rows(source, rows_at, chunks))  # fmt: skip
    except (OSError, ValueError, KeyError, TypeError, msgspec.DecodeError):
        return None


def _spans(flat: list[int]) -> dict[str, tuple[int, int]]:  # (`read` checked the length)
    return {str(flat[i]): (flat[i + 1], flat[i + 2]) for i in range(0, len(flat), 3)}


def write(
    path: Path,
    tie: Tie,
    refs: Refs,
    idents: list[tuple[str, str, str]],
    segments: list[Segment],
    old: Rows | None = None,
) -> None:
    """Write the summary file: `idents` are (doc id, prospect id, folded name) in order, and
    `segments` their summaries, as chunks of `old` to copy or summaries to encode."""
    flat = {name: [n for key, (o, ln) in spans.items() for n in (int(key), o, ln)]
            for name, spans in refs.items()}  # fmt: skip
    index = msgspec.msgpack.encode(
        {"refs": flat, "docs": [int(d[0]) for d in idents], "pids": [d[1] for d in idents],
         "folded": [d[2] for d in idents]}
    )  # fmt: skip
    bodies: list[bytes] = []
    chunks: list[list[int]] = []
    for segment in segments:
        if isinstance(segment, int):
            assert old is not None
            bodies.append(old.raw(segment))
            chunks.append(list(old.chunks[segment]))
            continue
        for at in range(0, len(segment), _CHUNK):
            part = segment[at : at + _CHUNK]
            bodies.append(encode_rows(part))
            chunks.append([len(bodies[-1]), len(part), zlib.crc32(bodies[-1])])
    if sum(c[1] for c in chunks) != len(idents):
        raise ValueError("the summaries do not match the documents")
    meta: dict[str, Any] = {"format": FORMAT, "shape": shape(), "tie": asdict(tie),
                            "chunks": chunks}  # fmt: skip
    placeholder = MAGIC + orjson.dumps({**meta, "index": [0, 0, 0], "rows": 0})
    if len(placeholder) + 64 > _META_MAX:
        raise ValueError("too many rows for one summary file")
    start = len(placeholder) + 64  # room for the real offsets' digits
    meta["index"] = [start, len(index), zlib.crc32(index)]
    meta["rows"] = start + len(index)
    line = MAGIC + orjson.dumps(meta)
    if len(line) + 1 > start:
        raise ValueError("summary header too long")
    padded = line + b" " * (start - len(line) - 1) + b"\n"
    write_private_atomic(path, [padded, index, *bodies])
