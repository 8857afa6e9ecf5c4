"""Where the user's time went: minutes logged on touches per funnel section.

The window is the last 30 days, today included. Each touch counts for the
section of the stage the prospect was in on the touch's date (from its stage
history up to today; a touch before the first entry counts for the first stage). Touches
made while the prospect sat in an outcome (nurture, won, ...) or an unknown
stage go to `other_minutes` and stay out of the shares, which are taken over
the three sections only so they compare with the configured targets.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from leadline.core.config.model import Config, Section
from leadline.core.models import Prospect, StageEntry, Touch
from leadline.core.rules.history import timeline

WINDOW_DAYS = 30
FUNNEL_ORDER: tuple[Section, ...] = (Section.ABOVE, Section.IN, Section.BEST_FEW)
"""Sections from the top of the funnel to the bottom, the order they are shown in."""


@dataclass(frozen=True)
class SectionTime:
    """Time logged in one section against its target share."""

    section: Section
    minutes: int
    share: float | None
    """minutes / all section minutes, 0..1; None when nothing was logged."""
    target: float
    """The configured share, 0..1."""

    @property
    def off_points(self) -> float | None:
        """(share - target) in percentage points, rounded to 6 decimals so a share
        exactly on the line is not pushed over it by float noise; None when nothing
        was logged."""
        return None if self.share is None else round((self.share - self.target) * 100, 6)


@dataclass(frozen=True)
class TimeAllocation:
    """Minutes per section over the window, in funnel order."""

    start: date
    end: date
    sections: tuple[SectionTime, ...]
    total_minutes: int
    """Minutes in the three sections (the base of the shares)."""
    other_minutes: int


def _add_minutes(
    totals: dict[Section | None, int],
    recent: list[Touch],
    entries: list[StageEntry],
    where: dict[str, Section],
) -> None:
    """Add the minutes of `recent` touches to `totals`, by the section of the stage
    the prospect was in on each touch's date (`entries`: its timeline)."""
    last = entries[-1]
    # Most touches come after the last move: no search needed, unless the timeline
    # is out of order (its added current stage dated before the history's end).
    after = last.date if len(entries) < 2 or entries[-2].date <= last.date else date.max
    in_last = 0
    dates: list[date] | None = None
    for touch in recent:
        if touch.date >= after:
            in_last += touch.minutes
            continue
        if dates is None:
            dates = [e.date for e in entries]
        at = bisect_right(dates, touch.date) - 1
        section = where.get(entries[max(0, at)].stage)
        totals[section] = totals.get(section, 0) + touch.minutes
    if in_last:
        section = where.get(last.stage)
        totals[section] = totals.get(section, 0) + in_last


def time_allocation(prospects: Iterable[Prospect], config: Config, today: date) -> TimeAllocation:
    """Minutes logged per section in the 30 days ending today, against the targets."""
    return time_allocation_of(((p, None) for p in prospects), config, today)


def time_allocation_of(
    timelines: Iterable[tuple[Prospect, list[StageEntry] | None]], config: Config, today: date
) -> TimeAllocation:
    """`time_allocation` from (prospect, its `timeline` up to `today` or None to build it
    when needed)."""
    start = today - timedelta(days=WINDOW_DAYS - 1)
    where = config.stage_table.section
    totals: dict[Section | None, int] = {}
    for p, entries in timelines:
        recent = [t for t in p.touches if start <= t.date <= today and t.minutes > 0]
        if recent:  # most prospects: no timeline needed
            entries = timeline(p, today) if entries is None else entries
            if entries:  # none before a record created after the day
                _add_minutes(totals, recent, entries, where)
    return allocation_from_totals(totals, config, start, today)


def allocation_from_totals(
    totals: dict[Section | None, int], config: Config, start: date, today: date
) -> TimeAllocation:
    """The allocation from minutes per section (None: outcomes and unknown stages)."""
    in_sections = sum(totals.get(s, 0) for s in FUNNEL_ORDER)
    found = tuple(
        SectionTime(
            section=s,
            minutes=totals.get(s, 0),
            share=totals.get(s, 0) / in_sections if in_sections else None,
            target=config.time_allocation.get(s, 0.0),
        )
        for s in FUNNEL_ORDER
    )
    return TimeAllocation(start, today, found, in_sections, totals.get(None, 0))


SectionMinutes = tuple[tuple[Section | None, int], ...]
"""(section, minutes) pairs of one prospect's touches in the window."""


def window_minutes(
    p: Prospect, entries: list[StageEntry], where: dict[str, Section], start: date, today: date
) -> SectionMinutes:
    """`p`'s minutes logged from `start` to `today` by section, as `time_allocation`
    counts them (`entries`: its timeline; `where`: stage key -> section)."""
    recent = [t for t in p.touches if start <= t.date <= today and t.minutes > 0]
    if not recent:
        return ()
    totals: dict[Section | None, int] = {}
    _add_minutes(totals, recent, entries, where)
    return tuple(totals.items())
