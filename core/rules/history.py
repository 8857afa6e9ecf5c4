"""What the stage histories say about this user: win rate, normal cycle, conversion.

A prospect's *timeline* is its stage history in date order (same-day entries
keep the order they were recorded in); when the last entry is not the current
stage (imported records often have no history) the current stage is added on
`stage_entered`. Every won or lost entry is one closed deal (`closings`); the
figures below read the deals closed up to the day (`closed.closings_on`), so
`--today` in the past shows what was known that day.

- win rate = won / (won + lost + dead) over the deals that reached the funnel
  (section `in` or later), once `MIN_CLOSED_FOR_WIN_RATE` of them have closed;
  `quota.default_win_rate` until then;
- lead-to-won rate = won / (won + lost + dead) over every closed deal, wherever it
  closed (a lead dropped above the funnel counts), once `MIN_CLOSED_FOR_WIN_RATE`
  deals have closed; `quota.default_lead_to_won_rate` until then;
- average deal size = the mean value of the wins with a value, once
  `MIN_WINS_FOR_DEAL_SIZE` of them exist; until then the mean value of the open
  deals with one; None when nothing has a value;
- normal cycle = the median days from first contact to the first recorded win,
  once `MIN_WINS_FOR_CYCLE` prospects were won; `normal_sales_cycle_days` until then.

The `*_from_*` functions take what was read from each prospect, so the funnel
summary reads every history once and shares it. Conversions are counted in
conversion.py (`Conversion` is importable from here too).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from statistics import median

from leadline.core.config.model import Config
from leadline.core.models import Outcome, Prospect, StageEntry
from leadline.core.rules.closed import Closing, closings_on
from leadline.core.rules.conversion import Conversion, conversions_of

__all__ = [
    "Conversion",
    "DealSize",
    "NormalCycle",
    "WinRate",
    "average_deal_size",
    "closings",
    "conversions",
    "conversions_of",
    "cycle_days_of",
    "deal_size_from_values",
    "lead_to_won_rate",
    "normal_cycle",
    "normal_cycle_from_days",
    "timeline",
    "win_rate",
    "win_rate_from_counts",
]

_entry_date = attrgetter("date")

MIN_CLOSED_FOR_WIN_RATE = 10
"""Closed deals (won + lost + dead) needed before the user's own win rate (and
lead-to-won rate) replaces the default."""
MIN_WINS_FOR_CYCLE = 5
"""Wins needed before the median cycle replaces `normal_sales_cycle_days`."""
MIN_WINS_FOR_DEAL_SIZE = 5
"""Wins with a value needed before their mean is the average deal size."""


@dataclass(frozen=True)
class WinRate:
    """won / (won + lost + dead) over the counted deals, or the configured default."""

    rate: float
    won: int
    lost: int
    from_history: bool
    dead: int = 0

    @property
    def closed(self) -> int:
        """The deals counted: won + lost + dead."""
        return self.won + self.lost + self.dead


@dataclass(frozen=True)
class NormalCycle:
    """Median days from first contact to won, or the configured default."""

    days: int
    wins: int
    from_history: bool


@dataclass(frozen=True)
class DealSize:
    """The average value of a deal: of the wins, else of the open deals, else unknown."""

    amount: float | None
    deals: int
    """The deals averaged."""
    from_wins: bool


def timeline(p: Prospect, today: date | None = None) -> list[StageEntry]:
    """The stage history in date order, ending with the current stage; with `today`,
    only the entries up to that day (the current stage is added only when the history
    does not end on it and it was entered by then)."""
    history = p.stage_history
    entries = sorted(history, key=_entry_date) if len(history) > 1 else list(history)
    current = not entries or entries[-1].stage != p.stage
    if today is not None and entries and entries[-1].date > today:
        entries = [e for e in entries if e.date <= today]
    if current and (today is None or p.stage_entered <= today):
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


def _counts(closed: Iterable[Closing], funnel_only: bool) -> tuple[int, int, int]:
    won = lost = dead = 0
    for c in closed:
        if funnel_only and not c.funnel:
            continue
        won += c.outcome == _WON
        lost += c.outcome == _LOST
        dead += c.outcome == Outcome.DEAD
    return won, lost, dead


def win_rate(prospects: Iterable[Prospect], config: Config, today: date) -> WinRate:
    """The win rate on `today` (module docstring)."""
    closed = [c for p in prospects for c in closings_on(p, config, today)]
    return win_rate_from_counts(*_counts(closed, True), config)


def lead_to_won_rate(prospects: Iterable[Prospect], config: Config, today: date) -> WinRate:
    """The lead-to-won rate on `today` (module docstring)."""
    closed = [c for p in prospects for c in closings_on(p, config, today)]
    return win_rate_from_counts(*_counts(closed, False), config, lead=True)


def win_rate_from_counts(
    won: int, lost: int, dead: int, config: Config, *, lead: bool = False
) -> WinRate:
    """The win rate (or with `lead` the lead-to-won rate) from the deals' counts."""
    closed = won + lost + dead
    if closed >= MIN_CLOSED_FOR_WIN_RATE:
        return WinRate(won / closed, won, lost, True, dead)
    default = config.quota.default_lead_to_won_rate if lead else config.quota.default_win_rate
    return WinRate(default, won, lost, False, dead)


def cycle_days_of(p: Prospect, closed: Sequence[Closing]) -> int | None:
    """Days from first contact to `p`'s first recorded win (real history only)."""
    first_win = next((c for c in closed if c.outcome == _WON), None)
    if first_win is None or not first_win.real:
        return None
    return max(0, (first_win.day - p.first_contact).days)


def normal_cycle(prospects: Iterable[Prospect], config: Config, today: date) -> NormalCycle:
    """The normal cycle on `today` (module docstring). Only real history entries count:
    a record imported as won with no history says nothing about how long it took."""
    days = [cycle_days_of(p, closings_on(p, config, today)) for p in prospects]
    return normal_cycle_from_days([d for d in days if d is not None], config)


def normal_cycle_from_days(days: Sequence[int], config: Config) -> NormalCycle:
    """`normal_cycle` from each won prospect's days from first contact to its first win."""
    if len(days) >= MIN_WINS_FOR_CYCLE:
        return NormalCycle(round(median(days)), len(days), from_history=True)
    return NormalCycle(config.normal_sales_cycle_days, len(days), from_history=False)


def average_deal_size(
    prospects: Iterable[Prospect], config: Config, today: date, open_values: Sequence[float]
) -> DealSize:
    """The average deal size on `today` (module docstring); `open_values`: the
    (estimated) values of the open deals."""
    won = [c.value for p in prospects for c in closings_on(p, config, today) if c.outcome == _WON]
    return deal_size_from_values(won, open_values)


def deal_size_from_values(won: Sequence[float], open_values: Sequence[float]) -> DealSize:
    """`average_deal_size` from the values of the wins and of the open deals."""
    wins = [v for v in won if v > 0]
    if len(wins) >= MIN_WINS_FOR_DEAL_SIZE:
        return DealSize(sum(wins) / len(wins), len(wins), True)
    pipeline = [v for v in open_values if v > 0]
    if pipeline:
        return DealSize(sum(pipeline) / len(pipeline), len(pipeline), False)
    return DealSize(None, 0, False)


def conversions(
    prospects: Iterable[Prospect], config: Config, today: date | None = None
) -> tuple[tuple[Conversion, ...], Conversion | None]:
    """Stage-to-next conversions (the last stage's next is won) and meeting-to-won,
    from the timelines up to `today` (all of them without it).

    Meeting-to-won uses the first stage marked `meeting: true`; None without one.
    """
    return conversions_of((timeline(p, today) for p in prospects), config)
