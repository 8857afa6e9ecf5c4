"""A queue item, its reason, and the total order of the queue.

Sort key, most significant first:
1. urgency: 0 `overdue`; 1 today's work (due, stop-following, meeting-reminder,
   no-next-step, nurture, a birthday today); 2 coming up (soon, later birthdays);
2. the day, for coming-up items only (tomorrow before the day after); overdue
   items and today's work each count as one day, so Miller-Heiman priority
   decides among them rather than how late they are;
3. funnel section in SECTION_PRIORITY order (best_few, above, in), then items
   without a section (nurture, customers, unknown stages); a best-few-stage deal
   failing the best-few test (`not_really_best_few`, pipeline.py) ranks as `in`;
4. value, largest first; 5. name, case-folded; 6. prospect id;
7. reason, in the fixed order of REASON_RANK.
Items are unique per (prospect, reason), so with unique ids the order is total.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from leadline.core.config.model import SECTION_PRIORITY, Section
from leadline.core.models import Meeting, Outcome, Prospect
from leadline.core.rules.stop_following import StopDecision


class Reason(StrEnum):
    """Why a prospect is in today's queue."""

    OVERDUE = "overdue"
    DUE = "due"
    SOON = "soon"
    MEETING_REMINDER = "meeting-reminder"
    BIRTHDAY = "birthday"
    STOP_FOLLOWING = "stop-following"
    NURTURE = "nurture"
    NO_NEXT_STEP = "no-next-step"
    FIRST_CONTACT = "first-contact"
    """An open prospect nobody has made a sales touch to yet: make first contact."""
    MEETING_OUTCOME = "meeting-outcome"
    """A meeting has passed with nothing logged after it: log its outcome and next step."""


_TIE_BREAK = (
    "stop-following overdue meeting-outcome due first-contact meeting-reminder no-next-step "
    "nurture soon birthday"
)
REASON_RANK = {Reason(name): rank for rank, name in enumerate(_TIE_BREAK.split())}
"""Last tie-break between items of one prospect on the same day."""

SECTION_RANK: dict[Section | None, int] = {s: i for i, s in enumerate(SECTION_PRIORITY)}
NO_SECTION_RANK = len(SECTION_PRIORITY)


@dataclass(frozen=True)
class QueueItem:
    """One line of the daily list."""

    prospect: Prospect
    reason: Reason
    due: date | None
    """The follow-up, nurture or occasion date; today for reminders and stop-following."""
    channel: str
    detail: str = ""
    """The contact's name (birthday), the meeting contact or title (reminder), else empty."""
    proposed_exit: Outcome | None = None
    """For `stop-following`: nurture or dead."""
    section: Section | None = None
    """The funnel section of the prospect's stage (None for nurture and outcomes)."""
    stop: StopDecision | None = None
    """For `stop-following`: the numbers behind the proposal."""
    meeting: Meeting | None = None
    """For `meeting-reminder`: the meeting to confirm; for `meeting-outcome`: the one held."""
    occasion: str = ""
    """For `birthday`: "birthday" or "anniversary"."""
    not_really_best_few: bool = False
    """A best-few-stage deal failing the best-few test: it ranks like a deal `in` the
    funnel (`pipeline.priority_section`)."""


_OVERDUE, _SOON, _BIRTHDAY = Reason.OVERDUE, Reason.SOON, Reason.BIRTHDAY
_IN = Section.IN


def urgency(item: QueueItem, today: date) -> int:
    """0 overdue, 1 today's work, 2 coming up (soon, later birthdays)."""
    reason = item.reason
    if reason == _OVERDUE:
        return 0
    if reason == _SOON or (reason == _BIRTHDAY and item.due != today):
        return 2
    return 1


def queue_sort_key(item: QueueItem, today: date) -> tuple[int, int, int, float, str, str, int]:
    """The total order of the queue (see the module docstring)."""
    level = urgency(item, today)
    day = (item.due - today).days if level == 2 and item.due is not None else 0
    section = (
        SECTION_RANK[_IN]
        if item.not_really_best_few
        else SECTION_RANK.get(item.section, NO_SECTION_RANK)
    )
    p = item.prospect
    return (level, day, section, -p.value, p.name.casefold(), p.id, REASON_RANK[item.reason])
