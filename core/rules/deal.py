"""The current deal of a prospect, read from its stage history.

A prospect can be sold to more than once: a customer reopened for an upsell, a
nurture prospect that comes back. Each return into a stage from an outcome starts
a new deal (`returned_on`). The clocks that ask "how long without progress?"
(stale and busy work) count from `progress_since`: the day the current deal first
entered its current stage or any later one. A backward move (from proposal back to
needs) is not progress, so it never resets them, and neither does moving forward
again into a stage the deal had already reached.

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
    """The day the current deal first entered its current stage or any later one in the
    configured order, up to `today` (the stale and busy-work clocks). The current deal
    begins at the last return from an outcome (`returned_on`). Without a history entry
    for the current stage (an import), the day it entered it (`stage_entered`)."""
    index = config.stage_table.index
    entries = _entries(p, today)
    rank = index.get(p.stage)
    if rank is None or all(e.stage != p.stage for e in entries):
        return p.stage_entered
    start = returned_on(p, today) or date.min
    reached = (e.date for e in entries if e.date >= start and index.get(e.stage, -1) >= rank)
    return next(reached, p.stage_entered)


def stage_on(p: Prospect, today: date) -> str:
    """The stage (or outcome) `p` sat in on `today`: its latest history entry up to
    `today`; its current stage when it has no entry that early (an import, or a
    record created later)."""
    entries = _entries(p, today)
    return entries[-1].stage if entries else p.stage


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
