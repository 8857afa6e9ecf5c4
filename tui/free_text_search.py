"""The palette's second pass: prospects found by what their summaries leave out.

A summary (core/records/summary.py) holds names, contacts, e-mails and phones,
so the palette finds those at once. The text of notes and touches and the
contacts' titles live only in the whole prospects, which the app does not keep:
this pass reads them through `Store.scan` in a thread, one decoded prospect at a
time, matching each with core's search (`searchable` + `match`, the rules
`leadline search` uses) and handing the hits back to the palette as they are
found. Memory stays what it was; the thread stops when the search is over or
the user types on (the palette then cancels this search and starts another).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

from leadline.core.models import Prospect
from leadline.core.rules.search import Hit, Query, match, searchable
from leadline.core.store.facade import DataFileError

_DONE = object()


def _scan(
    prospects: Iterator[Prospect],
    query: Query,
    skip: frozenset[str],
    limit: int,
    stop: threading.Event,
    put: Callable[[object], None],
) -> None:
    """The thread: put each hit, then `_DONE` (or the unexpected error)."""
    found = 0
    try:
        for p in prospects:
            if stop.is_set() or found >= limit:
                break
            if p.id not in skip and (hit := match(searchable(p), query)) is not None:
                found += 1
                put(hit)
    except (DataFileError, OSError):
        pass  # a damaged or vanished document: the app says so where it reads it
    except Exception as error:  # noqa: BLE001 - handed to the palette, which logs it
        put(error)
    put(_DONE)


async def free_text_hits(
    prospects: Iterator[Prospect], text: str, skip: frozenset[str], limit: int
) -> AsyncIterator[Hit]:
    """The hits `text` makes among `prospects` (a `Store.scan`, read in a thread), other
    than the prospects in `skip` (already listed), at most `limit`, as they are found."""
    query = Query.of(text)
    if query.empty or limit <= 0:
        return
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[Any] = asyncio.Queue()
    stop = threading.Event()

    def put(item: object) -> None:
        if not stop.is_set():
            try:
                loop.call_soon_threadsafe(queue.put_nowait, item)
            except RuntimeError:  # the app's loop is closed: nobody is waiting any more
                stop.set()

    args = (prospects, query, skip, limit, stop, put)
    threading.Thread(target=_scan, args=args, name="palette-scan", daemon=True).start()
    try:
        while (item := await queue.get()) is not _DONE:
            if isinstance(item, Exception):
                raise item
            yield item
    finally:
        stop.set()
