"""What the stage histories say about this user: win rate, normal cycle, conversion.

A prospect's *timeline* is its stage history in date order (same-day entries
keep the order they were recorded in); when the last entry is not the current
stage (imported records often have no history) the current stage is added on
`stage_entered`. Every won or lost entry is one closed deal (`closings`).

The `*_of` functions take what was read from each prospect's history, so the
funnel summary reads every history once and shares it. Conversions are
counted in conversion.py (`Conversion` is importable from here too).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from statistics import median

from leadline.core.config.model import Config
from leadline.core.models import Outcome, Prospect, StageEntry
from leadline.core.rules.conversion import Conversion, conversions_of

__all__ = [
    "Closed",
    "Conversion",
    "NormalCycle",
    "WinRate",
    "closed_deals",
    "closings",
    "conversions",
    "conversions_of",
    "normal_cycle",
    "normal_cycle_from_days",
    "normal_cycle_of",
    "timeline",
    "win_rate",
    "win_rate_from_counts",
    "win_rate_of",
]

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


def timeline(p: Prospect) -> list[StageEntry]:
    """The stage history in date order, ending with the current stage."""
    history = p.stage_history
    entries = sorted(history, key=_entry_date) if len(history) > 1 else list(history)
    if not entries or entries[-1].stage != p.stage:
        entries.append(StageEntry(stage=p.stage, date=p.stage_entered))
    return entries


_WON = Outcome.WON.value
_LOST = Outcome.LOST.value
_CLOSED = frozenset({_WON, _LOST})


def closings(p: Prospect) -> list[StageEntry]:
    """The won and lost entries of the history, in date order.

    A record sitting in won or lost with no entry for it (an import) counts
    once, on `stage_entered`.
    """
    found = [e for e in p.stage_history if e.stage in _CLOSED]
    if p.stage in _CLOSED and all(e.stage != p.stage for e in found):
        found.append(StageEntry(stage=p.stage, date=p.stage_entered))
    return sorted(found, key=_entry_date) if len(found) > 1 else found


Closed = tuple[list[date], int, bool]
"""What `closings` says, without sorting: (won dates in any order, lost count,
whether the won dates are real history entries rather than an import's)."""
_NOT_CLOSED: Closed = ([], 0, True)


def closed_deals(p: Prospect) -> Closed:
    """The won dates and lost count of `closings(p)`, in one pass and no sort."""
    won: list[date] | None = None
    lost = 0
    for entry in p.stage_history:
        stage = entry.stage
        if stage == _WON:
            if won is None:
                won = [entry.date]
            else:
                won.append(entry.date)
        elif stage == _LOST:
            lost += 1
    stage = p.stage
    if stage == _WON and won is None:
        return [p.stage_entered], lost, False
    if stage == _LOST and not lost:
        lost = 1
    return (won, lost, True) if won is not None else ([], lost, True) if lost else _NOT_CLOSED


def win_rate(prospects: Iterable[Prospect], config: Config) -> WinRate:
    """The user's win rate once 10 deals have closed, else `quota.default_win_rate`."""
    return win_rate_of([closed_deals(p) for p in prospects], config)


def win_rate_of(closed: Iterable[Closed], config: Config) -> WinRate:
    """`win_rate` from each prospect's `closed_deals`."""
    won = lost = 0
    for won_dates, lost_count, _ in closed:
        won += len(won_dates)
        lost += lost_count
    return win_rate_from_counts(won, lost, config)


def win_rate_from_counts(won: int, lost: int, config: Config) -> WinRate:
    """`win_rate` from the number of won and lost deals."""
    if won + lost >= MIN_CLOSED_FOR_WIN_RATE:
        return WinRate(won / (won + lost), won, lost, from_history=True)
    return WinRate(config.quota.default_win_rate, won, lost, from_history=False)


def normal_cycle(prospects: Iterable[Prospect], config: Config) -> NormalCycle:
    """Median days from first contact to the first recorded win, once 5 prospects were won.

    Only real history entries count: a record imported as won with no history
    says nothing about how long it took.
    """
    listed = list(prospects)
    return normal_cycle_of(listed, [closed_deals(p) for p in listed], config)


def normal_cycle_of(
    prospects: Sequence[Prospect], closed: Sequence[Closed], config: Config
) -> NormalCycle:
    """`normal_cycle` from each prospect's `closed_deals` (same order)."""
    days: list[int] = []
    for p, (won_dates, _, from_history) in zip(prospects, closed, strict=True):
        if won_dates and from_history:
            days.append(max(0, (min(won_dates) - p.first_contact).days))
    return normal_cycle_from_days(days, config)


def normal_cycle_from_days(days: Sequence[int], config: Config) -> NormalCycle:
    """`normal_cycle` from each won prospect's days from first contact to its first win."""
    if len(days) >= MIN_WINS_FOR_CYCLE:
        return NormalCycle(round(median(days)), len(days), from_history=True)
    return NormalCycle(config.normal_sales_cycle_days, len(days), from_history=False)


def conversions(
    prospects: Iterable[Prospect], config: Config
) -> tuple[tuple[Conversion, ...], Conversion | None]:
    """Stage-to-next conversions (the last stage's next is won) and meeting-to-won.

    Meeting-to-won uses the first stage marked `meeting: true`; None without one.
    """
    return conversions_of((timeline(p) for p in prospects), config)
