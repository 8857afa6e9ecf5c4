"""The fields a raw JSON document holds beyond the model's, read only when it is written back.

A prospect decoded straight from the data file's text (the fast path in
`store/decoding.py`) keeps a reference to that text instead of sorting out its
unknown fields at once: nearly every document has none, and finding them would cost
a fifth of the decoding time. They are read here when the prospect is saved or
exported, which happens to few prospects at a time.
"""

from __future__ import annotations

from typing import Any

import msgspec

_KEYS = msgspec.json.Decoder(dict[str, msgspec.Raw])


def unknown_in(source: Any, known: frozenset[str]) -> dict[str, Any]:
    """The fields of JSON document `source` (bytes or `msgspec.Raw`) not in `known`."""
    fields = _KEYS.decode(source)
    return {k: msgspec.json.decode(v) for k, v in fields.items() if k not in known}


class _Summary:
    """The `source` of a prospect that is only its summary (`records/summary.py`)."""

    def __repr__(self) -> str:
        return "SUMMARY"


SUMMARY: Any = _Summary()
"""Marks a summary: `Prospect.to_doc` refuses it, so a summary is never saved over the
whole prospect it stands for."""
