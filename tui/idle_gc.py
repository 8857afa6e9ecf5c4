"""Cyclic garbage collection at moments the user does not notice.

Python's collector runs whenever enough objects have been allocated, which in
a keyboard app means in the middle of a keypress: with a large pipeline a full
pass over the screens' objects takes 15-50 ms and shows up as a stutter in the
lists. Instead the app turns the automatic collector off and calls `tick()`
twice a second; it collects only when enough has been allocated since the last
pass, and only once no key has come for a moment, or when typing has gone on so
long that waiting longer would let memory grow. Reference counting still frees
almost everything at once; only reference cycles wait for a pass.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


class IdleCollector:
    """Runs `gc.collect()` when the user pauses (see the module docstring)."""

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        quiet: float = 1.0,
        enough: int = 5_000,
        too_many: int = 500_000,
        collect: Callable[[], object] = gc.collect,
    ) -> None:
        self._clock = clock
        self._quiet = quiet
        self._enough = enough
        self._too_many = too_many
        self._collect = collect
        self._last_key = clock()
        self._was_enabled = gc.isenabled()

    def start(self) -> None:
        """Take over from the automatic collector."""
        self._was_enabled = gc.isenabled()
        gc.disable()

    def stop(self) -> None:
        """Give collection back to Python (as it was before `start`)."""
        if self._was_enabled:
            gc.enable()

    def key(self) -> None:
        """The user pressed a key: hold collection off for a moment."""
        self._last_key = self._clock()

    def tick(self, allocated: int | None = None) -> bool:
        """Collect if it is worth it and the user is not typing; True if it did."""
        pending = gc.get_count()[0] if allocated is None else allocated
        if pending < self._enough:
            return False
        typing = self._clock() - self._last_key < self._quiet
        if typing and pending < self._too_many:
            return False
        self._collect()
        return True
