"""What every test shares: the one fixed clock, the one prospect factory, the one async runner.

Import as `from testkit import NOW, TODAY, prospect, asynctest` (tests/ is on the path
through tests/conftest.py, as for `strategies`).

- `NOW` is 2026-11-23 09:00, the day the sample pipeline is anchored on: the TUI's
  clock, the CLI's `--today`, the store's timestamps. (Rules tables written around
  another day keep it as table data: their quarter ends and due dates are worked out
  from it by hand.)
- `prospect(stage, id=, name=, created=, **fields)` builds every hand-made prospect;
  the helpers of each folder (work_support, shell_support, rules_support) only name
  their defaults and data sets through it.
- `SOAK` (env `LEADLINE_SOAK`, default 1) multiplies the rounds of the soak tests (random
  kills, shells of notes, the key monkey): `LEADLINE_SOAK=5 python3 -m pytest -n 0 -m slow`
  is the long run; the default run keeps each proof at a size that fits in the minute.
- `asynctest` runs an async test function, `run_async` a coroutine, each on a fresh
  event loop (no asyncio plugin is installed).
"""

from __future__ import annotations

import asyncio
import functools
import os
from collections.abc import Callable, Coroutine
from dataclasses import replace
from datetime import date, datetime
from typing import Any, TypeVar

from leadline.core.models import Prospect, StageEntry

T = TypeVar("T")

SOAK = max(1, int(os.environ.get("LEADLINE_SOAK", "1")))
"""How many times over the soak tests run their rounds (1 in the default run)."""

NOW = datetime(2026, 11, 23, 9, 0)
TODAY: date = NOW.date()


def prospect(
    stage: str = "lead",
    *,
    id: str = "",  # noqa: A002 - the field's name
    name: str = "Acme Ltd",
    created: datetime = NOW,
    **fields: Any,
) -> Prospect:
    """A prospect created (and last updated) at `created`, in `stage` since that day, which
    is its one stage-history entry; any other field as given (`stage_history=` too)."""
    base = Prospect(
        id=id,
        name=name,
        stage=stage,
        created=created,
        updated=created,
        stage_history=(StageEntry(stage, created.date()),),
    )
    return replace(base, **fields)


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run `coroutine` to completion on a fresh event loop: the one way tests run async code."""
    return asyncio.run(coroutine)


def asynctest(func: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Decorator: the async test `func`, run by `run_async` (pytest sees a plain function)."""

    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> None:
        run_async(func(*args, **kwargs))

    return run
