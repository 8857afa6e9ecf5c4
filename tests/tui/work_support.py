"""Test support for the queue, detail, note and table tests (helper tui-work).

`asynctest` runs an async test on a fresh event loop (no asyncio plugin is
installed); `STATE_VARS` gives a bare test App the theme variables the
widgets' stylesheets use.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any

STATE_VARS = {
    f"state-{s}": "#e0e0e0" for s in ("overdue", "due", "soon", "won", "lost", "stale", "warning")
} | {f"tone-{t}": "#c0c0c0" for t in ("cold", "warm", "hot", "meeting", "neutral")}


def asynctest(func: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run the coroutine test `func` to completion with asyncio.run."""

    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(func(*args, **kwargs))

    return run
