"""Dates as people type them: "2026-12-01", "+3", "2w", "tomorrow", "fri".

Used by every date field (snooze, reschedule, next follow-up, the edit form),
so a date typed in one dialog means the same in all of them.
"""

from __future__ import annotations

from datetime import date, timedelta

from leadline.tui.text.fmt import due_phrase

DATE_HINT = "YYYY-MM-DD, +3, 2w, tomorrow, fri"
"""Placeholder text for date inputs."""

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _relative(text: str) -> int | None:
    """Days for "+3", "3", "3d", "2w" (None when it is not that shape)."""
    body = text.removeprefix("+")
    unit = 1
    if body[-1:] in ("d", "w"):
        unit = 7 if body[-1] == "w" else 1
        body = body[:-1]
    return int(body) * unit if body.isdigit() else None


def parse_day(text: str, today: date) -> date:
    """The day `text` names, relative to `today`; ValueError with a readable message."""
    word = text.strip().lower()
    if not word:
        raise ValueError("enter a date")
    if word in ("today", "tod"):
        return today
    if word in ("tomorrow", "tom", "tmr"):
        return today + timedelta(days=1)
    if word[:3] in WEEKDAYS and len(word) >= 3:
        ahead = (WEEKDAYS.index(word[:3]) - today.weekday() - 1) % 7 + 1
        return today + timedelta(days=ahead)
    days = _relative(word)
    if days is not None:
        return today + timedelta(days=days)
    try:
        return date.fromisoformat(word)
    except ValueError:
        raise ValueError(f"not a date: use {DATE_HINT}") from None


def parse_follow_up_day(text: str, today: date) -> date:
    """Like `parse_day`, for a next follow-up: today or later (a typo in the year
    must not put the follow-up weeks overdue)."""
    day = parse_day(text, today)
    if day < today:
        raise ValueError(f"{day:%a} {day.day} {day:%b %Y} is past: pick today or a later date")
    return day


def parse_optional_day(text: str, today: date) -> date | None:
    """Like `parse_day`, but an empty field means no date."""
    return parse_day(text, today) if text.strip() else None


def day_label(day: date | None, today: date) -> str:
    """ "Mon 30 Nov 2026 (in 7 days)" for dialogs; "none" when there is no date."""
    if day is None:
        return "none"
    return f"{day:%a} {day.day} {day:%b %Y} ({due_phrase(day, today)})"
