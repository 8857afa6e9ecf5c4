"""The journal: an append-only file of changed documents beside the data file.

A save appends one line holding only the documents it changed, so it costs in
proportion to the change, not to the file. `<data file>.journal` looks like:

```
LLJ1 {"base": 41, "size": 1234567, "digest": "9f...", "schema_version": 1, "ino": 81, ...}
3e5b1c0a {"r": 42, "t": {"prospects": {"17": {...document...}}}}
77a0c2d1 {"r": 43, "t": {"prospects": {"9": null}}}
```

The first line ties the journal to one exact version of the data file (its
revision, size and a digest of its first and last bytes, and the inode and
mtime of the file leadline wrote, which tell it from a copy with the same
content, such as a backup put back by hand: see `restore`); each record line
starts with the CRC-32 of its JSON and carries the next revision (a document
of `null` is a deletion). A journal tied to another version of the data file
(after a compaction, or after the user put a backup in place) is ignored. A
kill during an append leaves a last line that is cut short or fails its CRC;
readers stop before it and the next writer truncates it, under the lock.
"""

from __future__ import annotations

import hashlib
import os
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from leadline.core.store.safe_files import open_own

MAGIC = b"LLJ1 "
Changes = dict[str, dict[str, Any]]
"""Documents changed by one save: table -> doc id -> document (None = deleted)."""


def journal_path(data_path: Path) -> Path:
    """The journal belonging to `data_path`."""
    return data_path.with_name(data_path.name + ".journal")


def main_digest(raw: bytes) -> str:
    """A short fingerprint of a data file's content (its size, first and last 4 KiB)."""
    return main_digest_of(len(raw), raw[:4096], raw[-4096:])


def main_digest_of(size: int, head: bytes, tail: bytes) -> str:
    """`main_digest` of a file of `size` bytes from its first and last 4 KiB alone."""
    probe = hashlib.sha256(str(size).encode() + head + tail)
    return probe.hexdigest()[:32]


@dataclass(frozen=True)
class Header:
    """Which data file version a journal extends."""

    base: int
    size: int
    digest: str
    schema_version: int
    ino: int | None = None
    """The data file's inode and mtime when the journal was started; None in a journal
    written before leadline recorded them."""
    mtime_ns: int | None = None

    def line(self) -> bytes:
        fields = {
            "base": self.base,
            "size": self.size,
            "digest": self.digest,
            "schema_version": self.schema_version,
            "ino": self.ino,
            "mtime_ns": self.mtime_ns,
        }
        return MAGIC + orjson.dumps(fields) + b"\n"

    def same_content(self, other: Header) -> bool:
        """True if both describe the same data file content (revision, size, digest)."""
        mine = (self.base, self.size, self.digest, self.schema_version)
        return mine == (other.base, other.size, other.digest, other.schema_version)

    def same_file(self, ino: int, mtime_ns: int) -> bool:
        """True if the data file is still the one the journal was started on (or the
        journal predates the record of it)."""
        return self.ino is None or (self.ino, self.mtime_ns) == (ino, mtime_ns)


@dataclass
class Scan:
    """What a journal holds: header, valid records and where the valid part ends."""

    header: Header | None
    records: list[tuple[int, Changes]]
    end: int


def record_line(revision: int, changes: Changes) -> bytes:
    """One journal line for a save that took the data to `revision`."""
    try:
        body = orjson.dumps({"r": revision, "t": changes})
    except TypeError as error:  # e.g. a lone surrogate, which no UTF-8 file can hold
        raise ValueError(f"refusing to save text that is not valid Unicode ({error})") from None
    return b"%08x " % zlib.crc32(body) + body + b"\n"


def _header(line: bytes) -> Header | None:
    if not line.startswith(MAGIC):
        return None
    try:
        fields = orjson.loads(line[len(MAGIC) :])
        ino, mtime = fields.get("ino"), fields.get("mtime_ns")
        return Header(
            int(fields["base"]),
            int(fields["size"]),
            str(fields["digest"]),
            int(fields["schema_version"]),
            int(ino) if ino is not None else None,
            int(mtime) if mtime is not None else None,
        )
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
        return None


def _record(line: bytes) -> tuple[int, Changes] | None:
    crc, _, body = line.partition(b" ")
    if len(crc) != 8 or b"%08x" % zlib.crc32(body) != crc:
        return None
    try:
        fields = orjson.loads(body)
        revision, changes = fields["r"], fields["t"]
    except (orjson.JSONDecodeError, KeyError, TypeError):
        return None
    if type(revision) is not int or not isinstance(changes, dict):
        return None
    return revision, changes


def scan(raw: bytes, *, with_header: bool, expected: int | None = None) -> Scan:
    """Read journal bytes (from the start if `with_header`) up to the first bad line.

    Records must carry consecutive revisions, starting at `expected` if given;
    anything after a break is a torn tail (`end` is where the good part stops).
    """
    position, records, header = 0, [], None
    if with_header:
        newline = raw.find(b"\n")
        header = _header(raw[: newline + 1]) if newline >= 0 else None
        if header is None:
            return Scan(None, [], 0)
        position = newline + 1
    while True:
        newline = raw.find(b"\n", position)
        if newline < 0:
            break
        found = _record(raw[position:newline])
        if found is None or (expected is not None and found[0] != expected):
            break
        records.append(found)
        expected = found[0] + 1
        position = newline + 1
    return Scan(header, records, position)


def apply_changes(tables: dict[str, dict[str, Any]], changes: Changes) -> None:
    """Put the changed documents of one record into `tables` (None removes one)."""
    for name, docs in changes.items():
        table = tables.setdefault(name, {})
        for doc_id, doc in docs.items():
            if doc is None:
                table.pop(doc_id, None)
            else:
                table[doc_id] = doc


def read_from(path: Path, start: int) -> tuple[os.stat_result, bytes] | None:
    """The journal's stat and its bytes from `start`, or None if there is none."""
    try:
        fd = open_own(path, os.O_RDONLY, "journal")
    except FileNotFoundError:
        return None
    with open(fd, "rb") as handle:
        stat = os.fstat(fd)
        handle.seek(start)
        return stat, handle.read()


def append(path: Path, line: bytes, valid_end: int) -> os.stat_result:
    """Durably append `line` after cutting off anything past `valid_end` (hold the lock)."""
    fd = open_own(path, os.O_WRONLY, "journal")
    try:
        if os.fstat(fd).st_size != valid_end:
            os.ftruncate(fd, valid_end)  # a torn line left by a killed writer
        view = memoryview(line)
        offset = valid_end
        try:
            while view:
                written = os.pwrite(fd, view, offset)
                view, offset = view[written:], offset + written
            os.fsync(fd)
        except BaseException:
            os.ftruncate(fd, valid_end)  # a failed save must not show up later
            raise
        return os.fstat(fd)
    finally:
        os.close(fd)
