"""Core's codes turned into the sentences a salesperson reads.

Core returns codes and numbers (`"busy-work", {"touches": 7}`); this module is
the one place that words them, for the CLI and the TUI alike. No Textual here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from leadline.core.models import Role
from leadline.tui.text.fmt import percent
from leadline.tui.text.labels import ROLE_LABELS, section_title

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


def _duration(minutes: Any) -> str:
    """ "45 min", "3h 20 min"."""
    try:
        hours, rest = divmod(int(minutes), 60)
    except (TypeError, ValueError):
        return "?"
    if not hours:
        return f"{rest} min"
    return f"{hours}h {rest:02d} min" if rest else f"{hours}h"


def _pct(value: Any) -> str:
    try:
        return percent(float(value))
    except (TypeError, ValueError):
        return "?"


def warning_sentence(code: str, numbers: Mapping[str, Any]) -> str:
    """One warning on a prospect, in words."""
    sentences = {
        "unqualified-followed": "Followed up but never qualified: check the checklist first.",
        "no-decision-maker": "No confirmed decision maker among the contacts.",
        "gatekeepers-only": "Only gatekeepers reached: find the person who signs.",
        "busy-work": f"{_n(numbers, 'touches')} touches since the deal last moved on: busy work?",
        "missing-influences": "Buying influences not met yet.",
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
        "close-date-passed": (
            f"Expected close passed {_plural(_n(numbers, 'days'), 'day')} ago: the deal has "
            "slipped. Agree a new date or close it."
        ),
        "no-close-date": "No expected close date on a deal in the funnel.",
        "not-really-best-few": (
            f"Close date {_n(numbers, 'days')} days away, beyond half your cycle "
            f"({_n(numbers, 'limit')} days): really best few?"
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


def _booked(meetings: Any, horizon: Any) -> str:
    if meetings == 0:
        return f"no new-business meeting booked in the next {horizon} days"
    return f"only {_plural(meetings, 'new-business meeting')} booked in the next {horizon} days"


def _few(count: Any, noun: str) -> str:
    """ "none", "only 1 prospect", "only 2 prospects": never "only 0"."""
    return "nobody" if count == 0 else f"only {_plural(count, noun)}"


def _cold_calls(numbers: Mapping[str, Any]) -> str:
    advice = "fewer cold calls, more research and presentations."
    if "meetings" in numbers:  # the article's case: many appointments, few near close
        near = _n(numbers, "best_few", 0)
        close = "none near close" if near == 0 else f"only {_plural(near, 'deal')} near close"
        return f"{_n(numbers, 'meetings')} new-business meetings booked but {close}: {advice}"
    return f"{_n(numbers, 'above')} prospects above the funnel and none near close: {advice}"


def _weak_closing(numbers: Mapping[str, Any]) -> str:
    closed, won = _n(numbers, "meetings"), _n(numbers, "won", 0)
    head = f"{closed} deals that reached a meeting have closed and"
    if won == 0:
        return f"{head} none was won: work on closing."
    return f"{head} only {_pct(numbers.get('meeting_to_won'))} were won: work on closing."


def advice_sentence(code: str, numbers: Mapping[str, Any]) -> str:
    """One piece of funnel-shape advice, in words."""
    sentences = {
        "empty-pipeline": (
            "No open deals yet: start prospecting. Add your leads and book first meetings."
        ),
        "thin-pipeline": (
            f"{_plural(_n(numbers, 'open'), 'open deal')} is a thin pipeline: "
            "prospect now so the funnel never runs dry."
        ),
        "prospect-more": (
            f"{_n(numbers, 'best_few')} deals near close but "
            f"{_booked(_n(numbers, 'meetings', 0), _n(numbers, 'horizon_days', 14))}: "
            "prospect more now."
        ),
        "fewer-cold-calls": _cold_calls(numbers),
        "roller-coaster": (
            f"{_few(_n(numbers, 'above', 0), 'prospect').capitalize()} above the funnel: "
            "income will dip once current deals close. Fill the top now."
        ),
        "weak-closing": _weak_closing(numbers),
        "cost-of-chasing": (
            f"{_duration(_n(numbers, 'minutes', 0))} this period on "
            f"{_plural(_n(numbers, 'deals', 0), 'deal')} that ended lost or dead: "
            "the cost of chasing. Stop sooner."
        ),
        "rebalance-time": (
            f"Time on {section_title(str(numbers.get('section', '?'))).lower()}: "
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
