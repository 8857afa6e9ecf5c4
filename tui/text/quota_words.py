"""The quarter's numbers in words, for `leadline funnel` and the funnel screen alike:
what the gap needs, what has slipped, what the profile has learned. No Textual here."""

from __future__ import annotations

from typing import Any

from leadline.tui.text.fmt import deals, money

ESTIMATE_MARK = "~"
"""Put before a value that is partly a budget standing in for a value of 0."""


def _pct(rate: float) -> str:
    return f"{rate:.0%}"


def marked(amount: float, currency: str, estimated: int) -> str:
    """Short money, with the estimate mark when some of it is a budget's estimate."""
    text = money(amount, currency)
    return ESTIMATE_MARK + text if estimated else text


def needed_lines(
    needed: float | None,
    win_rate: float,
    leads: int | None,
    lead_rate: float,
    deal_size: float | None,
    currency: str,
) -> list[str]:
    """What the gap needs: new pipeline in money (the configured currency) at the win
    rate, then new leads at the lead-to-won rate and average deal size (each line fits
    80 columns)."""
    if needed is None:
        return ["No deal won yet, so the new pipeline the gap needs cannot be sized."]
    lines = [
        f"The gap needs {money(needed, currency)} ({currency}) of new pipeline "
        f"at your {_pct(win_rate)} win rate"
    ]
    if leads is None or deal_size is None:
        return lines
    lead_words = "1 new lead" if leads == 1 else f"{leads} new leads"
    lines.append(
        f"or about {lead_words} ({_pct(lead_rate)} lead-to-won, "
        f"{money(deal_size, currency)} average deal)"
    )
    return lines


def slipped_sentence(slipped_deals: int, slipped: float, currency: str) -> str:
    """The open deals whose close date has passed; empty when none has."""
    if not slipped_deals:
        return ""
    return f"Slipped: {deals(slipped_deals)} ({money(slipped, currency)}) past the close date"


def estimate_note(estimated: int) -> str:
    """Why some values carry the mark; empty when none does."""
    if not estimated:
        return ""
    return f"{ESTIMATE_MARK} {deals(estimated)} valued at the budget (no value set)."


def icp_lines(lessons: list[dict[str, Any]]) -> list[str]:
    """Per ICP criterion (`icp_learning` of the funnel JSON): won share when met or not."""
    lines = []
    for lesson in lessons:
        met, unmet = lesson.get("met_rate"), lesson.get("unmet_rate")
        met_text = "–" if met is None else _pct(met)
        unmet_text = "–" if unmet is None else _pct(unmet)
        lines.append(
            f"{lesson.get('label') or lesson.get('attribute')}: {met_text} won when met "
            f"({lesson.get('met_closed', 0)}), {unmet_text} when not "
            f"({lesson.get('unmet_closed', 0)})"
        )
    return lines
