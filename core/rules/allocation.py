"""Where the user's time went: minutes logged on touches per funnel section.

The window is the last 30 days, today included. Each touch counts for the
section of the stage the prospect was in on the touch's date (from its stage
history; a touch before the first entry counts for the first stage). Touches
made while the prospect sat in an outcome (nurture, won, ...) or an unknown
stage go to `other_minutes` and stay out of the shares, which are taken over
the three sections only so they compare with the configured targets.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from leadline.core.config import Config, Section
from leadline.core.models import Prospect
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


def _minutes_by_section(
    p: Prospect, config: Config, start: date, end: date
) -> dict[Section | None, int]:
    found: dict[Section | None, int] = {}
    recent = [t for t in p.touches if start <= t.date <= end and t.minutes > 0]
    if not recent:  # most prospects: skip building the timeline
        return found
    entries = timeline(p)
    dates = [e.date for e in entries]
    for touch in recent:
        at = max(0, bisect_right(dates, touch.date) - 1)
        section = config.section_of(entries[at].stage)
        found[section] = found.get(section, 0) + touch.minutes
    return found


def time_allocation(prospects: Iterable[Prospect], config: Config, today: date) -> TimeAllocation:
    """Minutes logged per section in the 30 days ending today, against the targets."""
    start = today - timedelta(days=WINDOW_DAYS - 1)
    totals: dict[Section | None, int] = {}
    for p in prospects:
        for section, minutes in _minutes_by_section(p, config, start, today).items():
            totals[section] = totals.get(section, 0) + minutes
    in_sections = sum(totals.get(s, 0) for s in FUNNEL_ORDER)
    sections = tuple(
        SectionTime(
            section=s,
            minutes=totals.get(s, 0),
            share=totals.get(s, 0) / in_sections if in_sections else None,
            target=config.time_allocation.get(s, 0.0),
        )
        for s in FUNNEL_ORDER
    )
    return TimeAllocation(start, today, sections, in_sections, totals.get(None, 0))
