"""Loading a big file allocates millions of objects that live for the whole
session. Python's cyclic garbage collector would scan them again and again while
they are being built (measured: a third of `leadline queue`'s time at 10k
prospects), though none of them can form a cycle. So the collector is paused
while a file is parsed and decoded, and what was loaded is then frozen out of
its future scans. Reference counting still frees everything as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector inside the block (re-entrant)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
