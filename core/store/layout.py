"""How leadline lays out the data file: one document per line, in doc id order.

```
{"_leadline":{"1":{"format":"leadline","schema_version":1,"revision":42}},
"prospects":{
"1":{"id":"3e5b1c0a","name":"Acme GmbH",...},
"2":{...}
},
"history":{
"7":{...}
}}
```

Still a plain TinyDB JSON file (any JSON reader takes it), but git's diff and a
person reading it see one document change as one line, and the writer knows
where each document lies (`Refs`), so the summary can point at them and a
command about one prospect reads its line and nothing else. `find_refs` finds
the same for a file another program wrote in its own layout.
"""

from __future__ import annotations

import json
from typing import Any

import msgspec

from leadline.core.store.docrefs import DocRef

Span = tuple[int, int]
"""Where a document's text lies in the file: (offset, length)."""
Refs = dict[str, dict[str, Span]]
"""Table -> doc id -> span."""


def _text(doc: Any) -> bytes:
    """A document's JSON text, ASCII only (raw text another tool wrote as UTF-8 is escaped)."""
    if type(doc) is DocRef:
        doc = doc.raw()
    if type(doc) is msgspec.Raw:
        text = bytes(doc)
        if text.isascii():
            return text
        doc = json.loads(text)
    return json.dumps(doc, allow_nan=False, separators=(",", ":")).encode("ascii")


def write_layout(tables: dict[str, dict[str, Any]]) -> tuple[list[bytes], Refs]:
    """The file's bytes for `tables` (documents as dicts or raw text; the header table
    first, as given), as chunks to write one after the other (never joined: a big file
    is not held twice), and where each document lies in them."""
    chunks: list[bytes] = []
    refs: Refs = {}
    at = 0

    def put(chunk: bytes) -> None:
        nonlocal at
        chunks.append(chunk)
        at += len(chunk)

    put(b"{")
    for number, (name, table) in enumerate(tables.items()):
        spans: dict[str, Span] = {}
        refs[name] = spans
        put(b"%s%s:{" % (b",\n" if number else b"", json.dumps(name).encode("ascii")))
        keys = sorted(table, key=int)
        for count, key in enumerate(keys):
            put(b'%s\n"%s":' % (b"," if count else b"", key.encode("ascii")))
            try:
                text = _text(table[key])
            except ValueError:  # NaN or infinity, which another program's JSON may hold
                raise ValueError(
                    f"{name} document {key} holds a number JSON cannot hold (NaN or infinity)"
                ) from None
            spans[key] = (at, len(text))
            put(text)
        put(b"\n}" if keys else b"}")
    put(b"}\n")
    return chunks, refs


def edges(chunks: list[bytes], size: int = 4096) -> tuple[bytes, bytes]:
    """The first and the last `size` bytes of the chunks' concatenation."""
    head, tail = bytearray(), bytearray()
    for chunk in chunks:
        head += chunk[: size - len(head)]
        if len(head) >= size:
            break
    for chunk in reversed(chunks):
        tail[:0] = chunk[max(0, len(chunk) - (size - len(tail))) :]
        if len(tail) >= size:
            break
    return bytes(head), bytes(tail)


def find_refs(raw: bytes, tables: dict[str, dict[str, Any]]) -> Refs | None:
    """Where each raw document of `tables` (parsed from `raw`, in file order) lies in
    `raw`; None if a document is not raw text or cannot be found.

    Documents follow each other in the file in the order they were parsed, with only
    keys, colons, commas and white space between them, so each is the first match of
    its own text after the end of the one before.
    """
    refs: Refs = {}
    at = 0
    for name, table in tables.items():
        spans: dict[str, Span] = {}
        refs[name] = spans
        for key, doc in table.items():
            if type(doc) is not msgspec.Raw:
                return None
            text = bytes(doc)
            found = raw.find(text, at)
            if found < 0:
                return None
            spans[key] = (found, len(text))
            at = found + len(text)
    return refs
