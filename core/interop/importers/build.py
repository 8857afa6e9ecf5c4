"""A record with typed values becomes a Prospect (or is rejected with reasons).

What an import knows about a deal's past is at most: when it was created, when
it reached its current stage, and when it was won or lost. The stage history is
built from that: the first configured stage on the creation date (or the stage
the file names for a closed deal), then the current stage or outcome on its date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from leadline.core.interop.importers.people import contact_of, prospect_name, tags_of
from leadline.core.interop.importers.record import Record, RowRejected, Typed, read_typed
from leadline.core.interop.importers.stages import StageResolver, status_outcome
from leadline.core.models import (
    OUTCOME_VALUES,
    FollowUpPlan,
    Lifecycle,
    Note,
    Outcome,
    Prospect,
    StageEntry,
)
from leadline.core.records.checks import plausible
from leadline.core.records.reading import BadField


@dataclass(frozen=True)
class BuildContext:
    """What every row of one import shares."""

    resolver: StageResolver
    today: date
    source: str
    """The file name, quoted in the imported-columns note."""
    day_first: dict[str, bool]


@dataclass(frozen=True)
class Placement:
    """Where the row sits: a stage key, or an outcome after `prior` stage."""

    stage: str
    prior: str
    outcome: Outcome | None


def build_prospect(record: Record, ctx: BuildContext, new_id: str) -> Prospect:
    """The prospect for `record`; raises RowRejected listing every problem found."""
    problems: list[str] = []
    typed = read_typed(record, ctx.day_first, problems)
    placement, unmapped = _place(record, typed, ctx.resolver, problems)
    name = prospect_name(record)
    if not name:
        problems.append("no name: the name, company, deal and contact columns are empty")
    if problems:
        raise RowRejected(problems, unmapped)
    start = datetime.combine(ctx.today, time())
    created = typed.dates.get("created") or _earliest_event(typed) or start
    return _within_the_model(
        Prospect(
            id=new_id,
            name=name,
            stage=placement.stage,
            created=created,
            updated=typed.dates.get("updated") or created,
            lifecycle=_lifecycle(placement, ctx.resolver),
            value=typed.value,
            currency=(record.get("currency") or typed.currency).upper(),
            budget=typed.budget,
            decision_timeframe=record.get("timeframe"),
            expected_close=typed.day("expected_close"),
            contacts=contact_of(record, typed),
            plan=FollowUpPlan(channel=record.get("channel"), next_due=typed.day("next_due")),
            notes=_notes(record, ctx, created, start, name),
            stage_history=_history(placement, typed, created.date(), ctx),
            icp=_icp(record, typed),
            tags=tags_of(record),
            lost_reason=record.get("lost_reason"),
            external_id=record.get("external_id"),
        )
    )


def _within_the_model(p: Prospect) -> Prospect:
    """`p` if the store can hold it; else RowRejected with what the model refuses."""
    if plausible(p):
        return p
    try:
        Prospect.from_doc(p.to_doc())
    except BadField as error:
        raise RowRejected([str(error)]) from None
    return p


def _place(
    record: Record, typed: Typed, resolver: StageResolver, problems: list[str]
) -> tuple[Placement, str | None]:
    """Stage and outcome from the status, won/closed flags and stage columns."""
    outcome: Outcome | None = None
    stage_text = record.get("stage")
    known, status = status_outcome(record.get("status")) if record.get("status") else (True, None)
    if not known and not stage_text:
        stage_text = record.get("status")  # e.g. a lead list's "Status: Qualified"
    elif not known:
        record.extras.append(("Status", record.get("status")))
    if status is not None:
        outcome = status
    elif typed.flags.get("is_closed") or typed.flags.get("is_won"):
        outcome = Outcome.WON if typed.flags.get("is_won") else Outcome.LOST
    resolved = resolver.resolve(stage_text) if stage_text else resolver.first_stage
    if outcome is None and resolved is None:
        problems.append(f"unknown stage {stage_text!r}: add it to stage_mapping in the config")
        return Placement(resolver.first_stage, resolver.first_stage, None), stage_text
    if outcome is not None and stage_text and resolved is None:
        record.extras.append(("Stage", stage_text))  # closed anyway; keep the word
    if outcome is None and resolved in OUTCOME_VALUES:
        outcome = Outcome(resolved)
    prior = resolved if resolved and resolver.index(resolved) >= 0 else resolver.first_stage
    return Placement(outcome.value if outcome else prior, prior, outcome), None


def _history(
    placement: Placement, typed: Typed, created: date, ctx: BuildContext
) -> tuple[StageEntry, ...]:
    first = placement.prior if placement.outcome else ctx.resolver.first_stage
    if placement.outcome is not None:
        when = _outcome_day(placement.outcome, typed, ctx.today) or created
    else:
        when = typed.day("stage_changed") or created
    entries = [StageEntry(first, created)] if first != placement.stage and created < when else []
    return (*entries, StageEntry(placement.stage, when))


def _earliest_event(typed: Typed) -> datetime | None:
    """Without a creation date, the earliest day something happened to the deal."""
    names = ("stage_changed", "closed_on", "won_time", "lost_time")
    known = [typed.dates[n] for n in names if n in typed.dates]
    return min(known, default=None)


def _outcome_day(outcome: Outcome, typed: Typed, today: date) -> date | None:
    own = {Outcome.WON: "won_time", Outcome.LOST: "lost_time"}.get(outcome, "closed_on")
    for name in ("closed_on", own, "stage_changed"):
        if typed.day(name):
            return typed.day(name)
    expected = typed.day("expected_close")
    return expected if expected and expected <= today else None


def _lifecycle(placement: Placement, resolver: StageResolver) -> Lifecycle:
    if placement.outcome is Outcome.WON:
        return Lifecycle.CUSTOMER
    return Lifecycle.PROSPECT if resolver.index(placement.prior) > 0 else Lifecycle.LEAD


def _notes(
    record: Record, ctx: BuildContext, created: datetime, start: datetime, name: str
) -> tuple[Note, ...]:
    notes = [Note(created, record.get("notes"))] if record.get("notes") else []
    lines = [f"{column}: {text}" for column, text in record.extras]
    deal = record.get("deal")
    if deal and deal != name:
        lines.insert(0, f"Deal: {deal}")
    if lines:
        notes.append(Note(start, f"Imported from {ctx.source}:\n" + "\n".join(lines)))
    return tuple(notes)


def _icp(record: Record, typed: Typed) -> dict[str, str | int | float | bool]:
    icp = dict(record.icp)
    if record.get("industry"):
        icp["industry"] = record.get("industry").casefold()
    if typed.employees is not None:
        icp["employees"] = typed.employees
    if record.get("region"):
        icp["region"] = record.get("region")
    return icp
