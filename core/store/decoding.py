"""Reading one stored prospect document: the whole record, or only its id.

Documents come from the storage either as raw JSON text (`msgspec.Raw`, as
loaded from the data file) or as parsed dicts (from journal lines). A document
that cannot be read raises `DamagedDocument`; the store turns it into the
`DataFileError` that names a good backup.
"""

from __future__ import annotations

import json
import re
from typing import Any

import msgspec
import orjson

from leadline.core.models import Prospect
from leadline.core.records.checks import plausible
from leadline.core.records.reading import BadField
from leadline.core.store.docrefs import DocRef

__all__ = ["DamagedDocument", "decode_prospect", "document_id"]


class DamagedDocument(ValueError):
    """A prospect document that cannot be read; the message says what is wrong."""


_DECODE_PROSPECT = msgspec.json.Decoder(Prospect).decode
"""Raw JSON text straight to a Prospect, about three times faster than parsing it
into a dict and calling `Prospect.from_doc`. What it is stricter about (a float
where an integer is expected, null for a missing value, an empty role...) falls
back to `from_doc`, and so does anything `plausible` doubts. A known difference on documents another
tool wrote: a time with 7+ fractional digits is rounded (from_doc truncates;
leadline writes seconds)."""


class _Ident(msgspec.Struct):
    id: str


_DECODE_IDENT = msgspec.json.Decoder(_Ident).decode
_LEADING_ID = re.compile(rb'\{\s*"id"\s*:\s*"([ -!#-\[\]-~]*)"')  # printable ASCII, no escapes
_ID_PROBE = 96
"""Only the id of a raw document: finding a prospect does not decode the others."""


def document_id(doc: dict[str, Any] | msgspec.Raw | DocRef) -> str:
    """The prospect id of a document, reading as little of it as possible."""
    if isinstance(doc, DocRef):
        doc = doc.raw()
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


def decode_prospect(doc: dict[str, Any] | msgspec.Raw | DocRef) -> Prospect:
    """The whole prospect; DamagedDocument naming the field if the document cannot be read.

    The fast path (msgspec, straight from the text) checks the types; what it
    cannot check (dates outside the model's years, a time zone, numbers out of
    range, a key the model keeps for itself) sends the document to `from_doc`,
    which reads every field strictly and names the one at fault.
    """
    if isinstance(doc, DocRef):
        doc = doc.raw()
    if isinstance(doc, msgspec.Raw):
        try:
            found = _DECODE_PROSPECT(doc)
        except (msgspec.DecodeError, RecursionError):
            pass
        else:
            if plausible(found):
                object.__setattr__(found, "source", doc)  # its unknown fields, if any
                return found
        doc = _parsed(doc)
    assert isinstance(doc, dict), "a document is a JSON object (checked at load)"
    try:
        return Prospect.from_doc(doc)
    except BadField as error:
        raise DamagedDocument(_naming(doc, str(error))) from None
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as error:
        raise DamagedDocument(f"it cannot be read ({error!r})") from None  # a net, not a plan


def _parsed(raw: msgspec.Raw) -> Any:
    """A raw document as a dict; Python's parser reads what orjson refuses (1e400, a lone
    surrogate escape) so that `from_doc` can name the field holding it."""
    try:
        return orjson.loads(memoryview(raw))
    except (orjson.JSONDecodeError, RecursionError):
        pass
    try:
        return json.loads(bytes(raw))
    except (ValueError, RecursionError) as error:
        raise DamagedDocument(f"it is not valid JSON ({error})") from None


def _naming(doc: Any, problem: str) -> str:
    pid = doc.get("id") if isinstance(doc, dict) else None
    return f"prospect {pid!r}, {problem}" if type(pid) is str and pid.isprintable() else problem
