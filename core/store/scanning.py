"""Every whole prospect, one at a time, kept by no one: for a pass over the whole file.

A screen that must look at what only whole prospects hold (the palette finding a
word of one note among 100,000 prospects, an export) reads them through `scan`:
each document is decoded, handed over, and left for the collector once the
caller lets it go. Nothing is added to the store's index, so memory stays what
it was before the pass, whatever the file's size.

The pass reads the documents as they were when it began (`Store.scan` takes the
ids then): a prospect deleted meanwhile is skipped, one changed meanwhile is
read as it is now. Only decoding happens during the pass, so it may run in a
worker thread while the app's own thread goes on reading and saving.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from leadline.core.models import Prospect
from leadline.core.store.decoding import DamagedDocument, decode_prospect

__all__ = ["scan_documents"]

Damaged = Callable[[int, str], Exception]
"""Makes the error for document `doc_id` being damaged (`problem` says how)."""


def scan_documents(
    doc_ids: list[int], docs: Mapping[str, Any], damaged: Damaged
) -> Iterator[Prospect]:
    """Decode the documents `doc_ids` of `docs` in that order, yielding each prospect.

    A document gone from `docs` by the time it is reached is skipped; a damaged one
    raises `damaged(doc_id, problem)`, as reading it through the store would.
    """
    for doc_id in doc_ids:
        doc = docs.get(str(doc_id))
        if doc is None:
            continue
        try:
            yield decode_prospect(doc)
        except DamagedDocument as error:
            raise damaged(doc_id, str(error)) from None
