"""What the stage histories say about this user: win rate, normal cycle, conversion.

A prospect's *timeline* is its stage history in date order (same-day entries
keep the order they were recorded in); when the last entry is not the current
stage (imported records often have no history) the current stage is added on
`stage_entered`. Every won or lost entry is one closed deal (`closings`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter
from statistics import median

from leadline.core.config import Config
from leadline.core.models import Outcome, Prospect, StageEntry

_entry_date = attrgetter("date")

MIN_CLOSED_FOR_WIN_RATE = 10
"""Closed deals (won + lost) needed before the user's own win rate replaces the default."""
MIN_WINS_FOR_CYCLE = 5
"""Wins needed before the median cycle replaces `normal_sales_cycle_days`."""


@dataclass(frozen=True)
class WinRate:
    """won / (won + lost) over all history, or the configured default."""

    rate: float
    won: int
    lost: int
    from_history: bool


@dataclass(frozen=True)
class NormalCycle:
    """Median days from first contact to won, or the configured default."""

    days: int
    wins: int
    from_history: bool


@dataclass(frozen=True)
class Conversion:
    """Of the prospects that ever entered `from_stage`, how many later reached `to_stage`.

    For a step between stages "reached" means entered the next stage or any
    later one, or won; for meeting-to-won it means won. Prospects still sitting
    in `from_stage` count as entered and not (yet) converted.
    """

    from_stage: str
    to_stage: str
    entered: int
    converted: int

    @property
    def rate(self) -> float | None:
        """converted / entered, or None when nobody entered."""
        return self.converted / self.entered if self.entered else None


def timeline(p: Prospect) -> list[StageEntry]:
    """The stage history in date order, ending with the current stage."""
    entries = sorted(p.stage_history, key=_entry_date)
    if not entries or entries[-1].stage != p.stage:
        entries.append(StageEntry(stage=p.stage, date=p.stage_entered))
    return entries


_CLOSED = frozenset({Outcome.WON.value, Outcome.LOST.value})


def closings(p: Prospect) -> list[StageEntry]:
    """The won and lost entries of the history, in date order.

    A record sitting in won or lost with no entry for it (an import) counts
    once, on `stage_entered`.
    """
    found = [e for e in p.stage_history if e.stage in _CLOSED]
    if p.stage in _CLOSED and all(e.stage != p.stage for e in found):
        found.append(StageEntry(stage=p.stage, date=p.stage_entered))
    return sorted(found, key=_entry_date) if len(found) > 1 else found


def win_rate(prospects: Iterable[Prospect], config: Config) -> WinRate:
    """The user's win rate once 10 deals have closed, else `quota.default_win_rate`."""
    won = lost = 0
    for p in prospects:
        for entry in closings(p):
            won += entry.stage == Outcome.WON
            lost += entry.stage == Outcome.LOST
    if won + lost >= MIN_CLOSED_FOR_WIN_RATE:
        return WinRate(won / (won + lost), won, lost, from_history=True)
    return WinRate(config.quota.default_win_rate, won, lost, from_history=False)


def normal_cycle(prospects: Iterable[Prospect], config: Config) -> NormalCycle:
    """Median days from first contact to the first recorded win, once 5 prospects were won.

    Only real history entries count: a record imported as won with no history
    says nothing about how long it took.
    """
    days: list[int] = []
    for p in prospects:
        wins = [e.date for e in p.stage_history if e.stage == Outcome.WON]
        if wins:
            days.append(max(0, (min(wins) - p.first_contact).days))
    if len(days) >= MIN_WINS_FOR_CYCLE:
        return NormalCycle(round(median(days)), len(days), from_history=True)
    return NormalCycle(config.normal_sales_cycle_days, len(days), from_history=False)


def _reached(p: Prospect, ranks: dict[str, int], meeting: int) -> tuple[set[int], set[int], bool]:
    """(stage ranks entered, ranks later left upwards, whether a meeting entry was later won).

    Walks the timeline backwards, remembering the highest rank seen later on.
    """
    entered: set[int] = set()
    converted: set[int] = set()
    best_after, won_after, meeting_won = -1, False, False
    for entry in reversed(timeline(p)):
        rank = ranks.get(entry.stage)
        if rank is None:
            continue
        if entry.stage != Outcome.WON:
            entered.add(rank)
            if best_after > rank:
                converted.add(rank)
            meeting_won = meeting_won or (rank == meeting and won_after)
        won_after = won_after or entry.stage == Outcome.WON
        best_after = max(best_after, rank)
    return entered, converted, meeting_won


def conversions(
    prospects: Iterable[Prospect], config: Config
) -> tuple[tuple[Conversion, ...], Conversion | None]:
    """Stage-to-next conversions (the last stage's next is won) and meeting-to-won.

    Meeting-to-won uses the first stage marked `meeting: true`; None without one.
    """
    keys = [s.key for s in config.stages]
    ranks: dict[str, int] = {key: i for i, key in enumerate(keys)}
    ranks[Outcome.WON] = len(keys)
    meeting = next((i for i, s in enumerate(config.stages) if s.meeting), -1)
    entered = [0] * len(keys)
    converted = [0] * len(keys)
    meeting_won = 0
    for p in prospects:
        p_entered, p_converted, p_meeting_won = _reached(p, ranks, meeting)
        for rank in p_entered:
            entered[rank] += 1
        for rank in p_converted:
            converted[rank] += 1
        meeting_won += p_meeting_won
    targets = keys[1:] + [Outcome.WON.value]
    steps = tuple(
        Conversion(keys[i], targets[i], entered[i], converted[i]) for i in range(len(keys))
    )
    if meeting < 0:
        return steps, None
    return steps, Conversion(keys[meeting], Outcome.WON.value, entered[meeting], meeting_won)
