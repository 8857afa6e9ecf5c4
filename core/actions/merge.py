"""Merging two prospects that are one company: what is kept, what is united, what is asked.

Everything that is a list is united, identical entries once: contacts, touches,
notes, meetings, stage history, tags, the account plan's lists; checklist ticks
and the decision-maker and agreed flags are kept if either has them. A field
set on only one side keeps that value. A field set on both sides to different
values is a conflict (`merge_conflicts`): the user chooses, per field or for all
(`merged(..., take=..., prefer=...)`), and the CLI and the TUI ask the same
question. The store saves the result and deletes the other prospect in one save
(`Store.merge`), so one undo takes the merge back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any, Literal, TypeVar

from leadline.core.actions.fields import Conflict, field_value
from leadline.core.actions.refusal import Refused
from leadline.core.models import PenetrationPlan, Prospect

Side = Literal["kept", "other"]
SIDES: tuple[Side, ...] = ("kept", "other")

MERGE_FIELDS = ("name", "stage", "lifecycle", "value", "currency", "budget",
                "decision_timeframe", "expected_close", "interval_days", "channel", "next_due",
                "lost_reason", "external_id", "icp")  # fmt: skip
"""The fields that hold one value, which the user chooses when both sides differ."""
_PLAN = ("interval_days", "channel", "next_due")
T = TypeVar("T")


class MergeConflict(Refused):
    """Fields set differently on both sides that the user has not chosen yet."""

    def __init__(self, conflicts: tuple[Conflict, ...]) -> None:
        names = ", ".join(c.field for c in conflicts)
        super().__init__(f"the two prospects differ in {names}: choose which to keep")
        self.conflicts = conflicts


def _is_set(value: Any) -> bool:
    return value not in (None, "", 0, 0.0, (), {})


def merge_conflicts(kept: Prospect, other: Prospect) -> tuple[Conflict, ...]:
    """The fields set on both sides to different values. In each `Conflict`, `mine` is
    the kept prospect's value and `theirs` the other's."""
    found = []
    for name in MERGE_FIELDS:
        mine, theirs = field_value(kept, name), field_value(other, name)
        if name == "icp":
            if any(k in theirs and theirs[k] != v for k, v in mine.items()):
                found.append(Conflict(name, theirs, mine))
        elif _is_set(mine) and _is_set(theirs) and mine != theirs:
            found.append(Conflict(name, theirs, mine))
    return tuple(found)


def merged(
    kept: Prospect,
    other: Prospect,
    now: datetime,
    *,
    take: Mapping[str, Side] | None = None,
    prefer: Side | None = None,
) -> Prospect:
    """`kept` with `other` merged in (keeping `kept`'s id). Each conflicting field takes
    the side `take` names for it, else `prefer`; MergeConflict lists the fields left."""
    take = dict(take or {})
    unknown = sorted(set(take) - set(MERGE_FIELDS))
    if unknown:
        raise Refused(f"not a field that can be chosen: {', '.join(unknown)} "
                      f"(fields: {', '.join(MERGE_FIELDS)})")  # fmt: skip
    open_ = tuple(c for c in merge_conflicts(kept, other) if c.field not in take)
    if open_ and prefer is None:
        raise MergeConflict(open_)
    chosen = {c.field: take.get(c.field, prefer or "kept") for c in merge_conflicts(kept, other)}
    values = {}
    for name in MERGE_FIELDS:
        mine, theirs = field_value(kept, name), field_value(other, name)
        side = chosen.get(name, "kept" if _is_set(mine) or not _is_set(theirs) else "other")
        values[name] = mine if side == "kept" else theirs
    first, second = (kept.icp, other.icp) if chosen.get("icp") != "other" else (other.icp, kept.icp)
    values["icp"] = {**second, **first}
    plan = replace(kept.plan, **{k: values.pop(k) for k in _PLAN},
                   agreed=kept.plan.agreed or other.plan.agreed,
                   contact=kept.plan.contact or other.plan.contact)  # fmt: skip
    return replace(
        kept, **values, plan=plan, created=min(kept.created, other.created), updated=now,
        qualification={k: kept.qualification.get(k, False) or other.qualification.get(k, False)
                       for k in {**other.qualification, **kept.qualification}},
        decision_maker_confirmed=kept.decision_maker_confirmed or other.decision_maker_confirmed,
        contacts=_united(kept.contacts, other.contacts),
        touches=_united(kept.touches, other.touches, key=lambda t: t.date),
        notes=_united(kept.notes, other.notes, key=lambda n: n.at),
        stage_history=_united(kept.stage_history, other.stage_history, key=lambda s: s.date),
        meetings=_united(kept.meetings, other.meetings, key=lambda m: (m.date, m.time)),
        tags=_united(kept.tags, other.tags),
        penetration=_plans(kept.penetration, other.penetration),
        extra={**other.extra, **kept.extra},
    )  # fmt: skip


def _united(mine: Iterable[T], theirs: Iterable[T], key: Any = None) -> tuple[T, ...]:
    """Both lists, identical entries once, in order (sorted by `key` when given, stably)."""
    out: list[T] = []
    for entry in (*mine, *theirs):
        if entry not in out:
            out.append(entry)
    return tuple(sorted(out, key=key)) if key is not None else tuple(out)


def _plans(mine: PenetrationPlan, theirs: PenetrationPlan) -> PenetrationPlan:
    return PenetrationPlan(
        approval_chain=_united(mine.approval_chain, theirs.approval_chain),
        needs=_united(mine.needs, theirs.needs),
        objections=_united(mine.objections, theirs.objections),
        risks=_united(mine.risks, theirs.risks),
    )
