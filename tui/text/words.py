"""Core's codes turned into the sentences a salesperson reads.

Core returns codes and numbers (`"busy-work", {"touches": 7}`); this module is
the one place that words them, for the CLI and the TUI alike. No Textual here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from leadline.core.models import Role
from leadline.tui.text.labels import ROLE_LABELS

_ROLE_VALUES = frozenset(r.value for r in Role)

REASON_TITLES: dict[str, str] = {
    "overdue": "Overdue",
    "meeting-outcome": "Meetings to log",
    "due": "Due today",
    "first-contact": "First contact",
    "meeting-reminder": "Meeting reminders",
    "birthday": "Birthdays and anniversaries",
    "stop-following": "Stop following?",
    "nurture": "Nurture touches",
    "no-next-step": "No next step",
    "soon": "Coming up",
}
"""Queue group headings, in the order the groups are shown."""

REASON_ORDER = tuple(REASON_TITLES)


def _n(numbers: Mapping[str, Any], key: str, default: Any = "?") -> Any:
    value = numbers.get(key, default)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _plural(count: Any, noun: str, nouns: str = "") -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {nouns or noun + 's'}"


def _pct(value: Any) -> str:
    try:
        return f"{float(value) * 100:.0f}%"
    except (TypeError, ValueError):
        return "?"


def warning_sentence(code: str, numbers: Mapping[str, Any]) -> str:
    """One warning on a prospect, in words."""
    sentences = {
        "unqualified-followed": "Followed up but never qualified: check the checklist first.",
        "no-decision-maker": "No confirmed decision maker among the contacts.",
        "gatekeepers-only": "Only gatekeepers reached: find the person who signs.",
        "busy-work": f"{_n(numbers, 'touches')} touches since the deal last moved on: busy work?",
        "missing-influences": ("Buying influences not met yet (Miller-Heiman): find and meet them"),
        "offer-trial": (
            f"{_n(numbers, 'days')} days in the funnel and no trial or demo yet "
            f"(half your cycle is {_n(numbers, 'limit')}): offer one."
        ),
        "pest": (
            f"Followed up every {_n(numbers, 'actual_days')} days against an agreed "
            f"{_n(numbers, 'interval_days')}: too often."
        ),
        "no-agreed-plan": "No follow-up interval or channel agreed with the customer.",
        "no-next-step": "No next step scheduled.",
        "stale": (
            f"{_n(numbers, 'days')} days in this stage (limit {_n(numbers, 'limit')}): stale."
        ),
        "premature-stage": (
            f"Entered the stage with {_n(numbers, 'missing')} entry criteria not met."
        ),
        "low-icp": f"Poor fit for the ideal customer profile (score {_n(numbers, 'score')}).",
    }
    return sentences.get(code, code.replace("-", " ").capitalize() + ".")


def warning_line(warning: Any) -> str:
    """A `ProspectWarning` in words, with its items (unticked checklist items, missing
    roles) listed after it: what the CLI and the detail screen both show."""
    code = str(warning.code)
    sentence = warning_sentence(code, warning.numbers)
    items = list(warning.items)
    if not items:
        return sentence
    if code == "missing-influences":
        items = [ROLE_LABELS.get(Role(i), i) if i in _ROLE_VALUES else i for i in items]
    return f"{sentence.rstrip('.')}: {', '.join(items)}."


def advice_sentence(code: str, numbers: Mapping[str, Any]) -> str:
    """One piece of funnel-shape advice, in words."""
    sentences = {
        "prospect-more": (
            f"{_n(numbers, 'best_few')} deals near close but only "
            f"{_plural(_n(numbers, 'meetings', 0), 'meeting')} booked in the next "
            f"{_n(numbers, 'horizon_days', 14)} days: prospect more now."
        ),
        "fewer-cold-calls": (
            f"{_n(numbers, 'above')} prospects above the funnel and none near close: "
            "fewer cold calls, more research and presentations."
        ),
        "roller-coaster": (
            f"Only {_plural(_n(numbers, 'above', 0), 'prospect')} above the funnel: "
            "income will dip once current deals close. Fill the top now."
        ),
        "weak-closing": (
            f"{_n(numbers, 'meetings')} prospects reached a meeting but only "
            f"{_pct(numbers.get('meeting_to_won'))} were won: work on closing."
        ),
        "rebalance-time": (
            f"Time on {str(numbers.get('section', '?')).replace('_', ' ')}: "
            f"{_pct(numbers.get('actual'))} against a target of {_pct(numbers.get('target'))}."
        ),
    }
    return sentences.get(code, code.replace("-", " ").capitalize() + ".")


_SINCE = {
    "response": "since the last response",
    "return": "since it came back",
    "first-touch": "since the first touch",
}


def stop_sentence(decision: Any, *, short: bool = False) -> str:
    """Which stop-following threshold was crossed, with its figures (a `StopDecision`);
    `short` fits the queue's one-line explanation."""
    parts = []
    reasons = {str(r) for r in decision.reasons}
    if "unanswered-touches" in reasons:
        n = decision.unanswered
        count = f"{n} unanswered" if short else _plural(n, "unanswered touch", "unanswered touches")
        parts.append(f"{count} (limit {decision.unanswered_limit})")
    if "days-without-response" in reasons:
        since = _SINCE.get(str(decision.anchor), "")
        if short:
            since = since.replace("since the ", "since ")
        parts.append(f"{decision.days_silent} days silent {since} (limit {decision.days_limit})")
    return (" · " if short else ", ").join(parts) if parts else "no threshold crossed"


def stop_reason(decision: Any) -> str:
    """The reason kept on a prospect when the user stops following it without typing
    one: the threshold crossed, in words; empty when none was (never invented)."""
    if not decision.stop:
        return ""
    return "stopped following: " + stop_sentence(decision)
