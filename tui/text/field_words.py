"""A prospect's fields in words: their labels and values as the edit form shows them.

Shared by the conflict and merge dialogs and `leadline merge`. No Textual here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from leadline.core.config.model import Config
from leadline.core.models import Lifecycle
from leadline.tui.text.fmt import day_text, money_exact
from leadline.tui.text.labels import lifecycle_label, stage_label

FIELD_LABELS = {
    "name": "Name", "stage": "Stage", "lifecycle": "Lifecycle", "value": "Value",
    "currency": "Currency", "budget": "Budget", "decision_timeframe": "Timeframe",
    "expected_close": "Expected close", "decision_maker_confirmed": "Decision maker confirmed",
    "interval_days": "Interval (days)", "channel": "Channel", "next_due": "Next follow-up",
    "agreed": "Cadence agreed", "plan_contact": "Follow up with", "tags": "Tags",
    "icp": "Profile", "lost_reason": "Reason closed",
}  # fmt: skip


def field_label(name: str) -> str:
    """What the form calls field `name` (a checklist item by its own words)."""
    if name.startswith("ticks:"):
        return f"Checklist: {name.removeprefix('ticks:')}"
    return FIELD_LABELS.get(name, name)


MONEY_FIELDS = frozenset({"value", "budget"})


def value_text(config: Config, name: str, value: Any) -> str:
    """A field's value as every other screen words it: "€11,000", "Sun 13 Dec 2026"."""
    if name == "stage" and isinstance(value, str):
        return stage_label(config, value)
    if name == "lifecycle" and isinstance(value, Lifecycle):
        return lifecycle_label(value)
    if value is None or value == "" or value == () or value == {}:
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return day_text(value)
    if name in MONEY_FIELDS and isinstance(value, (int, float)):
        return money_exact(value, config.currency)
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return f"{value:g}" if isinstance(value, float) else str(value)
