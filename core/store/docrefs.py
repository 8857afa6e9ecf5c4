"""Documents read when asked for: where each one lies in one version of the data file.

When the store opens a data file through its summary (`summary_file`), it knows
where every document's text lies without reading any of it. A `DocRef` stands in
for such a document in the storage's tables and is read (one `pread`) the first
time something needs its text. The version is held open (`Source`): the data file
is only ever replaced, never written in place, so the open file keeps reading the
version the summary describes even after another process has replaced it.
"""

from __future__ import annotations

import os

import msgspec


class Source:
    """One open version of the data file."""

    __slots__ = ("fd",)

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def read(self, offset: int, length: int) -> bytes:
        found = os.pread(self.fd, length, offset)
        if len(found) != length:
            raise OSError(f"the data file ended before byte {offset + length}")
        return found

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def __del__(self) -> None:
        self.close()


class DocRef:
    """A document not read yet: `length` bytes at `offset` of `source`."""

    __slots__ = ("length", "offset", "source")

    def __init__(self, source: Source, offset: int, length: int) -> None:
        self.source, self.offset, self.length = source, offset, length

    def raw(self) -> msgspec.Raw:
        """The document's JSON text, read now."""
        return msgspec.Raw(self.source.read(self.offset, self.length))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, DocRef):
            return (self.source, self.offset, self.length) == (
                other.source,
                other.offset,
                other.length,
            )
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]
