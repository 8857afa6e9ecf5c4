"""The configuration as typed, frozen dataclasses.

These classes are what the rest of leadline reads. They are built from YAML by
`leadline.core.config.loader`, which validates every field and reports problems
with file, line and column. The docstrings here are the reference for each key;
the stages' live in `stages.py`, the ideal customer profile's in `profile.py`
(both re-exported here, so `leadline.core.config.model` names every class).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from leadline.core.config.profile import Icp, IcpCriterion
from leadline.core.config.stages import (
    SECTION_PRIORITY,
    Section,
    StageDef,
    StageTable,
    StopFollowingOverride,
)
from leadline.core.models import OUTCOME_ORDER, Role

__all__ = [
    "SECTION_PRIORITY",
    "Advice",
    "Config",
    "DateOrder",
    "Dates",
    "FollowUp",
    "Icp",
    "IcpCriterion",
    "Nurture",
    "Quota",
    "QuotaPeriod",
    "Section",
    "StageDef",
    "StageTable",
    "StopFollowing",
    "StopFollowingOverride",
    "StopThen",
    "Weekday",
]


class Weekday(StrEnum):
    """A day of the week, as the config names it."""

    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"


WEEKDAY_NUMBER = {day: number for number, day in enumerate(Weekday)}
"""Weekday -> `date.weekday()` (Monday 0)."""


class DateOrder(StrEnum):
    """The order of day, month and year in a date written in numbers."""

    DMY = "dmy"
    MDY = "mdy"
    YMD = "ymd"


@dataclass(frozen=True)
class Dates:
    """How typed dates are read (the grammar is in `leadline.core.dates`)."""

    order: DateOrder = DateOrder.DMY
    """dmy: 07.12.2026 and 7.12. are 7 December; mdy: 12/07/2026 and 12/7 are;
    ymd: 2026.12.07 and 12-07 are. 2026-12-07 (ISO) is read as such whatever the order."""


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
    missed_check_ins: int = 2
    """With an interval agreed with the customer, silence counts only once this many
    agreed check-ins have gone by: the days limit is at least interval x this."""


@dataclass(frozen=True)
class Nurture:
    """The slow, low-touch cadence for qualified prospects not ready to buy."""

    interval_days: int = 45
    channel: str = "newsletter"
    broadcast_channels: tuple[str, ...] = ("newsletter", "social")
    """One-to-many channels: a touch on one (or on `channel`) is not a sales touch, so
    it is never an unanswered touch, never pest and never busy work."""


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
    skip_non_working_days: bool = True
    """Dates leadline proposes (the next follow-up after a touch, a snooze, a reply's
    answer) move on to the next working day."""
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
    """Used until 10 deals that reached the funnel have closed (won, lost or dead)."""
    default_lead_to_won_rate: float = 0.1
    """Share of new leads that end won, used until 10 deals have closed (any of them):
    with the average deal size it says how many new leads the gap needs."""


@dataclass(frozen=True)
class Advice:
    """Thresholds for the funnel-shape advice."""

    many_best_few: int = 3
    """`prospect-more` when best_few holds at least this many ..."""
    few_meetings: int = 2
    """... and fewer than this many meetings are booked in the next 14 days."""
    many_appointments: int = 5
    """`fewer-cold-calls` when at least this many new-business meetings are booked in the
    next 14 days while fewer than `many_best_few` deals are near close ..."""
    above_full: int = 10
    """... or when above the funnel holds at least this many and best_few none."""
    above_empty: int = 2
    """`roller-coaster` when above the funnel holds this many or fewer."""
    many_meetings: int = 5
    """`weak-closing` when at least this many deals that reached the meeting stage have
    closed (won, lost or dead) ..."""
    weak_meeting_to_won: float = 0.2
    """... and fewer than this share of them were won."""
    thin_pipeline: int = 5
    """`thin-pipeline` when fewer open deals than this are in the stages (none at all:
    `empty-pipeline`)."""
    rebalance_points: float = 15.0
    """`rebalance-time` when a section's share of time is off target by more points."""


@dataclass(frozen=True)
class Config:
    """The whole configuration: stages, follow-up rules, quota and profile."""

    stages: tuple[StageDef, ...]
    currency: str = "EUR"
    outcomes: tuple[str, ...] = OUTCOME_ORDER
    """The outcomes a prospect may be moved to (all of them by default)."""
    lost_reasons: tuple[str, ...] = (
        "price", "timing", "competitor", "no budget", "no decision", "went silent",
    )  # fmt: skip
    """The reasons offered when a deal is marked lost or dead (picked by number in the
    TUI, `--reason` on the command line); any other reason can be typed as well."""
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
    mouse: bool = True
    """false turns the mouse off in the TUI for good (as `leadline --no-mouse` does once)."""
    keymap: dict[str, str] = field(default_factory=dict)
    """The TUI's keys rebound by binding id, e.g. `app.queue: "t,ctrl+t"` (keys separated
    by commas; the README's key table lists the ids). An unknown id is reported, with
    its line, when the TUI starts."""
    working_days: tuple[Weekday, ...] = (
        Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI,
    )  # fmt: skip
    """The days the user works: meeting reminders come on the last one before a
    meeting, and proposed dates skip the others (`follow_up.skip_non_working_days`)."""
    dates: Dates = Dates()
    """How typed dates are read: `dates: {order: dmy}` (or mdy, ymd)."""
    buying_influences: tuple[Role, ...] = (Role.DECISION_MAKER, Role.INFLUENCER, Role.COACH)
    """The roles a deal in the funnel (`in`, `best_few`) should have met (Miller-Heiman):
    the ones no contact holds are a warning."""

    @cached_property
    def working_weekdays(self) -> frozenset[int]:
        """`working_days` as `date.weekday()` numbers (Monday 0); every day if none."""
        days = frozenset(WEEKDAY_NUMBER[d] for d in self.working_days)
        return days or frozenset(range(7))

    @cached_property
    def stage_table(self) -> StageTable:
        """The stages as dicts by key, for rules that look a stage up per prospect.

        Built on first use and kept on this config (it is frozen: its stages never
        change; `dataclasses.replace` makes a new config with a table of its own).
        """
        return StageTable.of(self.stages)

    def stage(self, key: str) -> StageDef | None:
        """The stage definition for `key`, or None for an outcome or unknown key."""
        return self.stage_table.by_key.get(key)

    def stage_index(self, key: str) -> int:
        """Position of `key` in the stage order; -1 if it is not a stage."""
        return self.stage_table.index.get(key, -1)

    def section_of(self, key: str) -> Section | None:
        """The funnel section of stage `key`, or None for outcomes."""
        return self.stage_table.section.get(key)
