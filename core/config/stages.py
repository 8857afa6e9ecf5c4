"""The configured stages: their definition, their funnel section, and lookups by key.

`StageTable` is the stage tuple as dicts, which the rules read per prospect;
`Config.stage_table` builds it once per config (a `Config` is frozen and its
stages are a tuple of frozen definitions, so the table never goes stale).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Section(StrEnum):
    """Miller-Heiman's three parts of the funnel."""

    ABOVE = "above"
    """Qualifying: data shows fit, at least one buying influence reached."""
    IN = "in"
    """A deal is possible: meet every buying influence."""
    BEST_FEW = "best_few"
    """Uncertainty nearly gone: expected to close within half the normal cycle."""


SECTION_PRIORITY: tuple[Section, ...] = (Section.BEST_FEW, Section.ABOVE, Section.IN)
"""Order of work within a day: best few first, then above (so the funnel never
runs dry), then in the funnel."""


@dataclass(frozen=True)
class StopFollowingOverride:
    """Per-stage values that win over the global stop-following rule."""

    after_unanswered_touches: int | None = None
    after_days_without_response: int | None = None


@dataclass(frozen=True)
class StageDef:
    """One step of the sales cycle, in order."""

    key: str
    """Unique lower-case identifier, used in the data file and on the command line."""
    name: str
    """Display name."""
    section: Section
    """The funnel section this stage belongs to."""
    probability: float
    """Chance of winning from this stage, 0..1, for weighted value."""
    tone: str = "neutral"
    """A word the themes map to a colour (never a colour itself)."""
    entry_criteria: tuple[str, ...] = ()
    """Checklist items that should hold to enter this stage."""
    stale_after_days: int | None = None
    """Flag a prospect that sits in this stage longer than this."""
    interval_days: int | None = None
    """Follow-up interval for this stage when none was agreed with the customer."""
    meeting: bool = False
    """True for the stage where the first meeting happens (meeting-to-won conversion)."""
    stop_following: StopFollowingOverride = StopFollowingOverride()
    """Per-stage override of the stop-following thresholds."""


@dataclass(frozen=True)
class StageTable:
    """Stage key -> definition, position, section, probability, and the entry
    criteria of the stage and every earlier one (first mention kept, in order).

    Outcomes and unknown keys are in none of the dicts. Where a key is defined
    twice (the config checks refuse that, but a hand-made `Config` may) the
    first definition wins, as the stage order reads.
    """

    by_key: dict[str, StageDef]
    index: dict[str, int]
    section: dict[str, Section]
    probability: dict[str, float]
    criteria_so_far: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, stages: tuple[StageDef, ...]) -> StageTable:
        """The table of `stages`, in their order."""
        by_key: dict[str, StageDef] = {}
        index: dict[str, int] = {}
        criteria_so_far: dict[str, tuple[str, ...]] = {}
        for position, definition in enumerate(stages):
            if definition.key in by_key:
                continue
            by_key[definition.key] = definition
            index[definition.key] = position
            items = (item for s in stages[: position + 1] for item in s.entry_criteria)
            criteria_so_far[definition.key] = tuple(dict.fromkeys(items))
        return cls(
            by_key=by_key,
            index=index,
            section={key: s.section for key, s in by_key.items()},
            probability={key: s.probability for key, s in by_key.items()},
            criteria_so_far=criteria_so_far,
        )
