"""Reading one stored prospect document: the whole record, or only its id.

Documents come from the storage either as raw JSON text (`msgspec.Raw`, as
loaded from the data file) or as parsed dicts (from journal lines). A document
that cannot be read raises `DamagedDocument`; the store turns it into the
`DataFileError` that names a good backup.
"""

from __future__ import annotations

import re
from typing import Any

import msgspec
import orjson

from leadline.core.models import Prospect

__all__ = ["DamagedDocument", "decode_prospect", "document_id"]


class DamagedDocument(ValueError):
    """A prospect document that cannot be read; the message says what is wrong."""


_DECODE_PROSPECT = msgspec.json.Decoder(Prospect).decode
"""Raw JSON text straight to a Prospect, about three times faster than parsing it
into a dict and calling `Prospect.from_doc`. What it is stricter about (a float
where an integer is expected, null for a missing value, an empty role...) falls
back to `from_doc`. Known differences on documents another tool wrote: a time
with 7+ fractional digits is rounded (from_doc truncates; leadline writes
seconds), and a lowercase "z" offset is accepted (from_doc refuses it)."""


class _Ident(msgspec.Struct):
    id: str


_DECODE_IDENT = msgspec.json.Decoder(_Ident).decode
_LEADING_ID = re.compile(rb'\{\s*"id"\s*:\s*"([ -!#-\[\]-~]*)"')  # printable ASCII, no escapes
_ID_PROBE = 96
"""Only the id of a raw document: finding a prospect does not decode the others."""


def document_id(doc: dict[str, Any] | msgspec.Raw) -> str:
    """The prospect id of a document, reading as little of it as possible."""
    try:
        if isinstance(doc, msgspec.Raw):
            # leadline writes "id" first: read it from the first bytes if it is there
            leading = _LEADING_ID.match(memoryview(doc)[:_ID_PROBE].tobytes())
            return leading[1].decode() if leading else _DECODE_IDENT(doc).id
        if type(doc.get("id")) is str:
            return str(doc["id"])
    except msgspec.DecodeError:
        pass
    return decode_prospect(doc).id  # says what is wrong with it


def decode_prospect(doc: dict[str, Any] | msgspec.Raw) -> Prospect:
    """The whole prospect; DamagedDocument if the document cannot be read."""
    try:
        if isinstance(doc, msgspec.Raw):
            try:
                return _DECODE_PROSPECT(doc)
            except msgspec.DecodeError:
                doc = orjson.loads(memoryview(doc))
        assert isinstance(doc, dict), "a document is a JSON object (checked at load)"
        return Prospect.from_doc(doc)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise DamagedDocument(f"it cannot be read ({error!r})") from None
