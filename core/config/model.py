"""The configuration as typed, frozen dataclasses.

These classes are what the rest of leadline reads. They are built from YAML by
`leadline.core.config.loader`, which validates every field and reports problems
with file, line and column. The docstrings here are the reference for each key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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


class StopThen(StrEnum):
    """What to propose once a stop-following threshold is crossed."""

    NURTURE_IF_QUALIFIED = "nurture-if-qualified"
    DEAD = "dead"


@dataclass(frozen=True)
class StopFollowing:
    """When to give up chasing a prospect."""

    after_unanswered_touches: int | None = 5
    """Stop after this many touches in a row without a response."""
    after_days_without_response: int | None = 60
    """Stop after this many days since the last response (or first contact)."""
    then: StopThen = StopThen.NURTURE_IF_QUALIFIED
    """The exit proposed: nurture when qualified (and `then` allows it), else dead."""


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
class Nurture:
    """The slow, low-touch cadence for qualified prospects not ready to buy."""

    interval_days: int = 45
    channel: str = "newsletter"


@dataclass(frozen=True)
class FollowUp:
    """Follow-up defaults and thresholds."""

    default_interval_days: int = 7
    default_channel: str = "email"
    meeting_reminder_days_before: int = 1
    soon_days: int = 3
    """Horizon of the `soon` group and of birthday cards, in days after today."""
    busy_work_touches: int = 6
    """Touches since the last stage change that count as busy work."""
    stop_following: StopFollowing = StopFollowing()
    nurture: Nurture = Nurture()


class QuotaPeriod(StrEnum):
    QUARTER = "quarter"
    MONTH = "month"


@dataclass(frozen=True)
class Quota:
    """The sales target for each period."""

    period: QuotaPeriod = QuotaPeriod.QUARTER
    amount: float = 0.0
    default_win_rate: float = 0.25
    """Used until 10 deals have closed (won or lost)."""


@dataclass(frozen=True)
class IcpCriterion:
    """One weighted ideal-customer-profile test on a prospect's `icp` attribute.

    Exactly one of `equals`, `one_of`, `min`/`max` (either or both) is set.
    """

    attribute: str
    weight: float = 1.0
    label: str = ""
    equals: str | int | float | bool | None = None
    one_of: tuple[str, ...] = ()
    min: float | None = None
    max: float | None = None


@dataclass(frozen=True)
class Icp:
    """The ideal customer profile: weighted criteria and the low-score warning line."""

    criteria: tuple[IcpCriterion, ...] = ()
    low_score: int = 40
    """New leads scoring below this get a warning."""


@dataclass(frozen=True)
class Advice:
    """Thresholds for the funnel-shape advice."""

    many_best_few: int = 3
    """`prospect-more` when best_few holds at least this many ..."""
    few_meetings: int = 2
    """... and fewer than this many meetings are booked in the next 14 days."""
    above_full: int = 10
    """`fewer-cold-calls` when above the funnel holds at least this many and best_few none."""
    above_empty: int = 2
    """`roller-coaster` when above the funnel holds this many or fewer."""
    many_meetings: int = 5
    """`weak-closing` when at least this many prospects reached the meeting stage ..."""
    weak_meeting_to_won: float = 0.2
    """... and fewer than this share of them were won."""
    rebalance_points: float = 15.0
    """`rebalance-time` when a section's share of time is off target by more points."""


@dataclass(frozen=True)
class Config:
    """The whole configuration: stages, follow-up rules, quota and profile."""

    stages: tuple[StageDef, ...]
    currency: str = "EUR"
    outcomes: tuple[str, ...] = ("won", "lost", "nurture", "dead")
    qualification: tuple[str, ...] = ()
    follow_up: FollowUp = FollowUp()
    quota: Quota = Quota()
    normal_sales_cycle_days: int = 60
    """Default normal cycle until 5 wins give a median of this user's own."""
    time_allocation: dict[Section, float] = field(
        default_factory=lambda: {Section.ABOVE: 0.2, Section.IN: 0.4, Section.BEST_FEW: 0.4}
    )
    """Target share of time per section; sums to 1."""
    ideal_customer_profile: Icp = Icp()
    advice: Advice = Advice()
    backups: int = 5
    """How many rotating backups of the data file to keep."""
    stage_mapping: dict[str, str] = field(default_factory=dict)
    """Stage names found in imported files mapped to stage keys."""
    theme: str = ""
    """The TUI theme last chosen (remembered across runs)."""

    def stage(self, key: str) -> StageDef | None:
        """The stage definition for `key`, or None for an outcome or unknown key."""
        for stage in self.stages:
            if stage.key == key:
                return stage
        return None

    def stage_index(self, key: str) -> int:
        """Position of `key` in the stage order; -1 if it is not a stage."""
        for index, stage in enumerate(self.stages):
            if stage.key == key:
                return index
        return -1

    def section_of(self, key: str) -> Section | None:
        """The funnel section of stage `key`, or None for outcomes."""
        stage = self.stage(key)
        return stage.section if stage else None
