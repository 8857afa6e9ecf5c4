"""The deals a prospect has closed, as of one day: each win, loss and death.

A prospect's history is a sequence of deals: each ends with a closing entry (won,
lost or dead) and the next begins at the following stage entry (a reopened
customer, a revived deal). Nurture parks a deal without closing it. For each
closing, read from the history up to `today` (later entries are ignored):

- `value`: what was won: the value recorded on the won entry; a legacy won entry
  (written before values were recorded) counts the prospect's `value` while the
  prospect still sits in won on that entry, else 0 (see `StageEntry`); 0 for lost
  and dead;
- `funnel`: the deal reached the funnel (a stage in section `in` or `best_few`)
  before it closed; the win rate is measured over these deals only;
- `meeting`: the deal reached the meeting stage (the first stage marked
  `meeting: true`) or a later one: the base of "work on closing";
- `start`: the day the deal began (its first stage entry), None for a closing with
  no stage entry before it.

A record sitting in won, lost or dead with no entry for it (an import) closed
once, on `stage_entered`; with no stage entry before it, it counts as having
reached the funnel (it was a deal) but not a meeting (nothing says it had one), and
says nothing about how long the deal took (`real` is False).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from leadline.core.config.model import Config, Section
from leadline.core.models import Outcome, Prospect, StageEntry

_WON, _LOST, _DEAD = Outcome.WON.value, Outcome.LOST.value, Outcome.DEAD.value
CLOSING_STAGES = frozenset({_WON, _LOST, _DEAD})
_NURTURE = Outcome.NURTURE.value
_FUNNEL = frozenset({Section.IN, Section.BEST_FEW})


class Closing(NamedTuple):
    """One closed deal (see the module docstring)."""

    outcome: str
    """won, lost or dead."""
    day: date
    value: float
    funnel: bool
    meeting: bool
    start: date | None
    real: bool
    """A history entry, not an import's current stage."""


def _history(p: Prospect) -> tuple[list[StageEntry], StageEntry | None, StageEntry | None]:
    """The history in date order, with an import's closing (a record in won, lost or
    dead without an entry for it) added on `stage_entered`; that added entry; and the
    entry `p` sits in when it sits in won (a legacy win takes the prospect's value)."""
    entries = sorted(p.stage_history, key=lambda e: e.date)
    current = next((e for e in reversed(p.stage_history) if e.stage == p.stage), None)
    added = None
    if current is None and p.stage in CLOSING_STAGES:
        current = added = StageEntry(p.stage, p.stage_entered)
        entries.append(added)
    return entries, added, current if p.stage == _WON else None


def closings_on(p: Prospect, config: Config, today: date) -> list[Closing]:
    """Every deal `p` closed up to `today`, in date order."""
    if not p.stage_history and p.stage not in CLOSING_STAGES:
        return []  # most open prospects of an import: nothing to walk
    entries, added, sits_in = _history(p)
    section, index = config.stage_table.section, config.stage_table.index
    meeting_rank = next((i for i, s in enumerate(config.stages) if s.meeting), None)
    found: list[Closing] = []
    start: date | None = None
    funnel = meeting = False
    for entry in entries:
        if entry.date > today:
            continue  # not known yet (an import's added stage may come after, earlier)
        stage = entry.stage
        if stage in CLOSING_STAGES:
            value = 0.0
            if stage == _WON:
                legacy = p.value if entry is sits_in else 0.0
                value = entry.value if entry.value is not None else legacy
            found.append(Closing(stage, entry.date, value, funnel or start is None,
                                 meeting, start, entry is not added))  # fmt: skip
            start, funnel, meeting = None, False, False
        elif stage != _NURTURE:
            start = entry.date if start is None else start
            funnel = funnel or section.get(stage) in _FUNNEL
            rank = index.get(stage)
            if meeting_rank is not None and rank is not None and rank >= meeting_rank:
                meeting = True
    return found
