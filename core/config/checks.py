"""The rules a well-typed configuration must still follow: ranges, stage keys, references.

Every number is finite and within 1e15 either side (the model's bound on amounts),
and every number of days at most 3650 (its bound on intervals), so no value read
here overflows a date or a sum later on.

`check_value` runs on each value as it is read (so its problem points at that value);
`check_config` runs once the whole `Config` is built, for rules that span several keys.
"""

from __future__ import annotations

import math
import re
from typing import Any

from yaml.nodes import Node, SequenceNode

from leadline.core.config.model import Config, IcpCriterion, StageDef
from leadline.core.config.yaml_schema import SchemaReader, did_you_mean
from leadline.core.models import OUTCOME_ORDER, OUTCOME_VALUES
from leadline.core.records.reading import MAX_AMOUNT, MAX_INTERVAL_DAYS

STAGE_KEY = re.compile(r"[a-z][a-z0-9_-]*\Z")
AT_LEAST_ONE = frozenset(
    {
        "interval_days",
        "default_interval_days",
        "stale_after_days",
        "after_unanswered_touches",
        "after_days_without_response",
        "busy_work_touches",
        "normal_sales_cycle_days",
        "many_appointments",
    }
)
FRACTIONS = frozenset(
    {
        "probability",
        "default_win_rate",
        "default_lead_to_won_rate",
        "weak_meeting_to_won",
        "time_allocation",
    }
)
PERCENTAGES = frozenset({"low_score", "rebalance_points"})
SIGNED = frozenset({"min", "max", "equals"})
"""ICP bounds and values may be negative (a shrinking market, a loss last year)."""
ALLOCATION_TOLERANCE = 0.01
MAX_REASON_LENGTH = 40
"""A lost reason is a short word or phrase: it is offered on one line of a dialog."""


def check_value(name: str, value: Any) -> str | None:
    """A message if the value read for key `name` breaks a rule of that key, else None."""
    key = name.partition(".")[0]  # "time_allocation.above" follows "time_allocation"
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _check_number(key, name, value)
    if key == "key":
        return _check_stage_key(value)
    if key == "keymap" and not _is_key_list(value):
        return (
            f"{name}: {value!r} is not a list of keys; write keys such as 't', 'ctrl+t' "
            "or 'f2', separated by commas"
        )
    if key == "lost_reasons" and not value.strip():
        return "lost_reasons: a reason cannot be empty"
    if key == "lost_reasons" and len(value) > MAX_REASON_LENGTH:
        return f"lost_reasons: {value[:20]!r}... is longer than {MAX_REASON_LENGTH} characters"
    if key == "outcomes" and value not in OUTCOME_VALUES:
        choices = ", ".join(OUTCOME_ORDER)
        hint = did_you_mean(value, list(OUTCOME_ORDER))
        return f"unknown outcome {value!r}; outcomes are {choices}{hint}"
    return None


def _is_key_list(text: str) -> bool:
    """'t', 'ctrl+t,f2', '?': one or more keys, no spaces, separated by commas."""
    keys = text.split(",")
    return all(key and not any(c.isspace() for c in key) for key in keys)


def _check_number(key: str, name: str, value: float) -> str | None:
    if isinstance(value, float) and not math.isfinite(value):
        return f"{name} must be a finite number, got {value}"
    if abs(value) > MAX_AMOUNT:
        return f"{name} must be at most {MAX_AMOUNT:.0e} either side of zero, got {_big(value)}"
    shown = int(value) if float(value).is_integer() else value
    if "days" in key and value > MAX_INTERVAL_DAYS:
        return f"{name} must be at most {MAX_INTERVAL_DAYS} days (ten years), got {shown}"
    if key in SIGNED:
        return None
    if key in FRACTIONS and not 0 <= value <= 1:
        return f"{name} must be between 0 and 1, got {shown}"
    if key in PERCENTAGES and not 0 <= value <= 100:
        return f"{name} must be between 0 and 100, got {shown}"
    if key in AT_LEAST_ONE and value < 1:
        return f"{name} must be at least 1, got {shown}"
    if value < 0:
        return f"{name} must not be negative, got {shown}"
    return None


def _big(value: float) -> str:
    digits = f"{value:.0f}" if isinstance(value, int) else f"{value:g}"
    return digits if len(digits) <= 20 else f"a number of {len(digits)} digits"


def _check_stage_key(key: str) -> str | None:
    if not STAGE_KEY.match(key):
        return (
            f"stage key {key!r} must be a lower-case identifier: a letter a-z, "
            "then letters, digits, '-' or '_'"
        )
    if key in OUTCOME_VALUES:
        outcomes = ", ".join(OUTCOME_ORDER)
        return f"stage key {key!r} is an outcome; {outcomes} cannot be stage keys"
    return None


def check_config(reader: SchemaReader, config: Config) -> None:
    """Report rules that span several keys: unique stages, references, sums, ICP modes."""
    _check_stage_list(reader, config)
    _check_stage_mapping(reader, config)
    _check_time_allocation(reader, config)
    for criterion in config.ideal_customer_profile.criteria:
        _check_criterion(reader, criterion)


def _check_stage_list(reader: SchemaReader, config: Config) -> None:
    node = reader.where(config, "stages")
    if isinstance(node, SequenceNode) and not node.value:
        reader.report(node, "stages must list at least one stage")
    first: dict[str, StageDef] = {}
    for stage in config.stages:
        if reader.ok(stage, "key") and first.setdefault(stage.key, stage) is not stage:
            line = _line(reader.where(first[stage.key], "key"))
            _report(reader, stage, "key", f"duplicate stage key {stage.key!r} (first at {line})")
    meetings = [stage for stage in config.stages if stage.meeting]
    for extra in meetings[1:]:
        message = f"only one stage can be the meeting stage; {meetings[0].key!r} already is"
        _report(reader, extra, "meeting", message)


def _check_stage_mapping(reader: SchemaReader, config: Config) -> None:
    stage_keys = list(dict.fromkeys(s.key for s in config.stages if reader.ok(s, "key")))
    known = stage_keys + list(OUTCOME_ORDER)
    for name, target in config.stage_mapping.items():
        if target not in known:
            hint = did_you_mean(target, known) or f"; stages are {', '.join(stage_keys)}"
            message = f"stage_mapping: {target!r} is not a stage or an outcome{hint}"
            _report(reader, config.stage_mapping, name, message)


def _check_time_allocation(reader: SchemaReader, config: Config) -> None:
    total = sum(config.time_allocation.values())
    if reader.ok(config, "time_allocation") and abs(total - 1) > ALLOCATION_TOLERANCE:
        message = f"time_allocation must add up to 1, got {round(total, 4)}"
        _report(reader, config, "time_allocation", message)


def _check_criterion(reader: SchemaReader, criterion: IcpCriterion) -> None:
    tests = {"equals": ["equals"], "one_of": ["one_of"], "min/max": ["min", "max"]}
    given = [name for name, keys in tests.items() if any(reader.where(criterion, k) for k in keys)]
    if len(given) != 1:
        got = f", got {' and '.join(given)}" if given else ""
        message = f"ICP criterion needs exactly one of equals, one_of or min/max{got}"
        _report(reader, criterion, "", message)
    low, high = criterion.min, criterion.max
    if low is not None and high is not None and low > high:
        _report(reader, criterion, "min", f"min {low:g} is above max {high:g}")


def _report(reader: SchemaReader, obj: object, key: str, message: str) -> None:
    node = reader.where(obj, key) or reader.where(obj)
    if node is not None:
        reader.report(node, message)


def _line(node: Node | None) -> str:
    return f"line {node.start_mark.line + 1}" if node else "an earlier stage"
