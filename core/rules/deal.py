"""The current deal of a prospect, read from its stage history.

A prospect can be sold to more than once: a customer reopened for an upsell, a
nurture prospect that comes back. Each return into a stage from an outcome starts
a new deal (`returned_on`). Within a deal, *progress* is a move forward: into a
stage later in the configured order than the one before. A backward move (from
proposal back to needs) is not progress, so it never resets the clocks that ask
"how long without progress?": stale and busy work (`progress_since`).

Everything is as of `today`: entries dated later are ignored.
"""

from __future__ import annotations

from datetime import date

from leadline.core.config.model import Config, Section
from leadline.core.models import OUTCOME_VALUES, Prospect, StageEntry

_FUNNEL = frozenset({Section.IN, Section.BEST_FEW})


def _entries(p: Prospect, today: date) -> list[StageEntry]:
    return sorted((e for e in p.stage_history if e.date <= today), key=lambda e: e.date)


def returned_on(p: Prospect, today: date) -> date | None:
    """The day the current deal began by a return from an outcome (reopened from won,
    lost or dead, revived from nurture), up to `today`; None when it never left one."""
    entries = _entries(p, today)
    found = None
    for before, entry in zip(entries, entries[1:], strict=False):
        if before.stage in OUTCOME_VALUES and entry.stage not in OUTCOME_VALUES:
            found = entry.date
    return found


def progress_since(p: Prospect, config: Config, today: date) -> date:
    """The day of the deal's last progress: its latest forward move, or the day the
    deal began (first entry, or the return from an outcome). Without a history entry
    for the current stage (an import), the day it entered it (`stage_entered`)."""
    index = config.stage_table.index
    entries = _entries(p, today)
    if not entries or all(e.stage != p.stage for e in entries):
        return p.stage_entered
    found = entries[0].date
    previous: str | None = None
    for entry in entries:
        rank = index.get(entry.stage)
        if rank is not None:
            before = index.get(previous) if previous is not None else None
            if previous is None or previous in OUTCOME_VALUES or before is None or rank > before:
                found = entry.date
        previous = entry.stage
    return found


def funnel_entered(p: Prospect, config: Config, today: date) -> date | None:
    """The day the current deal entered the funnel (its first stage in section `in` or
    `best_few`, on or after the deal began); None while it is above the funnel, or not
    open."""
    section = config.stage_table.section
    if section.get(p.stage) not in _FUNNEL:
        return None
    start = returned_on(p, today) or date.min
    found = [
        e.date for e in _entries(p, today) if e.date >= start and section.get(e.stage) in _FUNNEL
    ]
    return found[0] if found else p.stage_entered
