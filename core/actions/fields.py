"""Editing a prospect's fields: only what the user changed is applied.

A `ProspectEdit` names the fields the user changed and leaves the others as
`KEEP`, so saving an edit made on a stale copy never reverts what another
process changed meanwhile (it is applied under the store's lock to the
prospect as stored then). Order matters and is fixed here:
1. checklist ticks (so the stage move and the lifecycle see them);
2. the stage, through `move` (history, lifecycle, next date);
3. the plain fields and the plan (a next date typed by the user wins over
   the one the move scheduled); a decision timeframe that names a date
   ("Q1 2027", "by end of March", `rules/timeframe.py`) sets the expected close
   when the prospect has none and the edit sets none;
4. the lifecycle: a lead becomes a prospect once its checklist is met, and
   cannot be made anything else before.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from enum import Enum
from typing import Any

from leadline.core.actions.refusal import Refused, check_name
from leadline.core.actions.stages import move
from leadline.core.config.model import Config
from leadline.core.models import IcpValue, Lifecycle, Prospect
from leadline.core.money import parse_currency
from leadline.core.records.reading import MAX_INTERVAL_DAYS
from leadline.core.rules.followup import is_decision_maker_item, is_qualified
from leadline.core.rules.reach import named_contact
from leadline.core.rules.timeframe import timeframe_close


class Keep(Enum):
    """The type of `KEEP`: a field the edit leaves as it is."""

    KEEP = "keep"


KEEP = Keep.KEEP


@dataclass(frozen=True)
class ProspectEdit:
    """The fields a user changed; `KEEP` for the rest."""

    name: str | Keep = KEEP
    stage: str | Keep = KEEP
    lifecycle: Lifecycle | Keep = KEEP
    value: float | Keep = KEEP
    currency: str | Keep = KEEP
    budget: float | None | Keep = KEEP
    decision_timeframe: str | Keep = KEEP
    expected_close: date | None | Keep = KEEP
    decision_maker_confirmed: bool | Keep = KEEP
    interval_days: int | None | Keep = KEEP
    channel: str | Keep = KEEP
    next_due: date | None | Keep = KEEP
    agreed: bool | Keep = KEEP
    plan_contact: str | Keep = KEEP
    """The contact follow-ups go to, by name ("" for the decision maker)."""
    ticks: dict[str, bool] = field(default_factory=dict)
    """Checklist items ticked or unticked (merged into the prospect's)."""
    tags: tuple[str, ...] | Keep = KEEP
    icp: dict[str, IcpValue] | Keep = KEEP
    lost_reason: str | Keep = KEEP

    def changed(self) -> dict[str, Any]:
        """The fields set, by name (ticks when any)."""
        found = {f.name: getattr(self, f.name) for f in fields(self)}
        return {k: v for k, v in found.items() if v is not KEEP and k != "ticks"}


_PLAIN = ("name", "value", "currency", "budget", "decision_timeframe", "expected_close",
          "decision_maker_confirmed", "tags", "icp", "lost_reason")  # fmt: skip
_PLAN = {"interval_days": "interval_days", "channel": "channel", "next_due": "next_due",
         "agreed": "agreed", "plan_contact": "contact"}  # fmt: skip


def edit_fields(
    p: Prospect, edit: ProspectEdit, config: Config, today: date, now: datetime
) -> Prospect:
    """`p` with the changed fields of `edit`; Refused (naming the field) when one is wrong."""
    values = _checked(edit.changed())
    was_lead = p.lifecycle == Lifecycle.LEAD
    out = _with_ticks(p, edit.ticks, values)
    if "stage" in values and values["stage"] != p.stage:
        out = move(out, values["stage"], config, today, now)
    if "decision_timeframe" in values and "expected_close" not in values:
        if out.expected_close is None:  # the timeframe gives the close date nobody set
            close = timeframe_close(values["decision_timeframe"], today)
            if close is not None:
                values["expected_close"] = close
    out = replace(out, **{k: values[k] for k in _PLAIN if k in values})
    plan = {_PLAN[k]: values[k] for k in _PLAN if k in values}
    if plan:
        interval = plan.get("interval_days")
        if interval is not None and not 1 <= interval <= MAX_INTERVAL_DAYS:
            message = f"interval must be a whole number of days, 1 to {MAX_INTERVAL_DAYS}"
            raise Refused(message, "interval_days")
        if "contact" in plan:
            plan["contact"] = _plan_contact(out, plan["contact"])
        out = replace(out, plan=replace(out.plan, **plan))
    out = replace(out, lifecycle=_lifecycle(out, values.get("lifecycle"), was_lead, config))
    return out if out == p else replace(out, updated=now)


def _plan_contact(p: Prospect, name: str) -> str:
    """The name of the contact follow-ups go to, as the contact list spells it."""
    if not name.strip():
        return ""
    found = named_contact(p.contacts, name)
    if found is None:
        listed = "; ".join(c.name for c in p.contacts) or "none yet"
        raise Refused(f"no contact {name.strip()!r} at {p.name} (contacts: {listed})",
                      "plan_contact")  # fmt: skip
    return found.name


def _with_ticks(p: Prospect, ticks: dict[str, bool], values: dict[str, Any]) -> Prospect:
    """`p` with the checklist `ticks` merged in. The decision-maker item and the
    decision-maker flag are one fact: ticking either sets the flag (the flag given
    wins), and the item is then kept only as the flag."""
    dm_ticks = [ticked for item, ticked in ticks.items() if is_decision_maker_item(item)]
    if dm_ticks and "decision_maker_confirmed" not in values:
        values["decision_maker_confirmed"] = dm_ticks[-1]
    if not ticks and "decision_maker_confirmed" not in values:
        return p
    merged = {**p.qualification, **ticks}
    if "decision_maker_confirmed" in values:
        merged = {k: v for k, v in merged.items() if not is_decision_maker_item(k)}
    return replace(p, qualification=merged)


def _checked(values: dict[str, Any]) -> dict[str, Any]:
    if "name" in values:
        values["name"] = check_name(values["name"])
    if "currency" in values:
        try:
            values["currency"] = parse_currency(values["currency"])
        except ValueError as error:
            raise Refused(str(error), "currency") from None
    for key in ("value", "budget"):
        if values.get(key) is not None and values[key] < 0:
            raise Refused(f"{key} cannot be negative", key)
    for key in ("decision_timeframe", "channel", "lost_reason"):
        if key in values:
            values[key] = values[key].strip()
    return values


def _lifecycle(p: Prospect, chosen: Lifecycle | None, was_lead: bool, config: Config) -> Lifecycle:
    qualified = is_qualified(p, config)
    if chosen is not None and chosen != Lifecycle.LEAD and was_lead and not qualified:
        raise Refused("the qualification checklist is not met: it stays a lead", "lifecycle")
    life = chosen or p.lifecycle
    if life == Lifecycle.LEAD and qualified and was_lead:
        return Lifecycle.PROSPECT
    return life


# -- conflicts: the same field changed here and elsewhere -----------------------


@dataclass(frozen=True)
class Conflict:
    """A field the user changed that someone else changed too, meanwhile, differently."""

    field: str
    """The ProspectEdit field name, or `ticks:<item>` for a checklist item."""
    theirs: Any
    mine: Any


class EditConflict(Exception):
    """Saving would overwrite what someone else changed meanwhile: the user chooses."""

    def __init__(self, conflicts: tuple[Conflict, ...], stored: Prospect) -> None:
        names = ", ".join(c.field for c in conflicts)
        super().__init__(f"changed elsewhere meanwhile: {names}")
        self.conflicts = conflicts
        self.stored = stored


def field_value(p: Prospect, name: str) -> Any:
    """The value of ProspectEdit field `name` (or `ticks:<item>`) on `p`."""
    if name.startswith("ticks:"):
        return p.qualification.get(name.removeprefix("ticks:"), False)
    if name in _PLAN:
        return getattr(p.plan, _PLAN[name])
    return getattr(p, name)


def edit_conflicts(base: Prospect, stored: Prospect, edit: ProspectEdit) -> tuple[Conflict, ...]:
    """The fields of `edit` that changed from `base` (the prospect as the form opened)
    to `stored` (as it is now) to something other than what the user chose. Saving
    `edit` as it is would overwrite them: the user must choose, theirs or mine."""
    wanted = edit.changed() | {f"ticks:{k}": v for k, v in edit.ticks.items()}
    found = []
    for name, mine in wanted.items():
        before, now = field_value(base, name), field_value(stored, name)
        if now != before and now != mine:
            found.append(Conflict(name, now, mine))
    return tuple(found)


def edit_checked(
    base: Prospect, p: Prospect, edit: ProspectEdit, config: Config, today: date, now: datetime
) -> Prospect:
    """`edit_fields` on `p` as stored now, or EditConflict when it would overwrite a
    field someone else changed since `base` (the prospect as the user saw it)."""
    conflicts = edit_conflicts(base, p, edit)
    if conflicts:
        raise EditConflict(conflicts, p)
    return edit_fields(p, edit, config, today, now)


def keeping_theirs(edit: ProspectEdit, names: set[str]) -> ProspectEdit:
    """`edit` without the fields in `names` (theirs stay as stored)."""
    ticks = {k: v for k, v in edit.ticks.items() if f"ticks:{k}" not in names}
    plain = {n: KEEP for n in edit.changed() if n in names}
    return replace(edit, ticks=ticks, **plain)
