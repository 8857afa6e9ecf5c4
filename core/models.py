"""The prospect record and its parts, as typed dataclasses: the public face of
the model (`from leadline.core.models import Prospect, Contact, Outcome, ...`).

The kinds (enums, the outcome sets) live in `records/kinds.py`, the small
records a prospect holds in `records/parts.py`; the `Prospect` is here.

Every class converts to a plain JSON document (`to_doc`) and back (`from_doc`);
a document written by this version reads back equal. Dates are stored as ISO
strings, money as plain numbers in the prospect's currency.

Records are treated as values: rules and actions return new records
(`dataclasses.replace`) rather than mutating the ones they were given.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from leadline.core.records.kinds import (
    CLOSED_OUTCOMES,
    LIFECYCLE_BY_VALUE,
    OUTCOME_ORDER,
    OUTCOME_VALUES,
    Lifecycle,
    Outcome,
    Role,
    TouchOutcome,
)
from leadline.core.records.parts import (
    Contact,
    Doc,
    FollowUpPlan,
    IcpValue,
    Meeting,
    Note,
    Objection,
    PenetrationPlan,
    StageEntry,
    Touch,
    iso_or_none,
)
from leadline.core.records.raw import SUMMARY, unknown_in
from leadline.core.records.reading import MAX_AMOUNT, Fields

__all__ = [
    "CLOSED_OUTCOMES",
    "OUTCOME_ORDER",
    "OUTCOME_VALUES",
    "Contact",
    "Doc",
    "FollowUpPlan",
    "IcpValue",
    "Lifecycle",
    "Meeting",
    "Note",
    "Objection",
    "Outcome",
    "PenetrationPlan",
    "Prospect",
    "Role",
    "StageEntry",
    "Touch",
    "TouchOutcome",
    "new_id",
]


def new_id() -> str:
    """A short random prospect id (8 hex digits); ids never change once given."""
    return secrets.token_hex(4)


@dataclass(frozen=True, slots=True)
class Prospect:
    """Everything leadline knows about one prospect (company or person).

    `stage` holds a configured stage key while the deal is open, or one of the
    `Outcome` values once it is won, lost, parked in nurture or dead.
    """

    id: str
    name: str
    stage: str
    created: datetime
    updated: datetime
    lifecycle: Lifecycle = Lifecycle.LEAD
    value: float = 0.0
    currency: str = ""
    budget: float | None = None
    decision_timeframe: str = ""
    expected_close: date | None = None
    qualification: dict[str, bool] = field(default_factory=dict)
    decision_maker_confirmed: bool = False
    contacts: tuple[Contact, ...] = ()
    plan: FollowUpPlan = FollowUpPlan()
    touches: tuple[Touch, ...] = ()
    notes: tuple[Note, ...] = ()
    stage_history: tuple[StageEntry, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    penetration: PenetrationPlan = PenetrationPlan()
    icp: dict[str, IcpValue] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    lost_reason: str = ""
    external_id: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    """Fields of the document this version does not know (a newer leadline's, another
    tool's): kept as read and written back on save, after the known ones. Carried, not
    compared: a prospect decoded straight from the text holds them in `source` instead."""
    source: Any = field(default=None, compare=False, repr=False)
    """The JSON text the prospect was decoded from, when decoded straight from it: its
    unknown fields are read from there when it is written back (see `records/raw.py`)."""

    def to_doc(self) -> Doc:
        if self.source is SUMMARY:
            raise TypeError(f"prospect {self.id} is a summary, not the whole prospect: not saved")
        doc: Doc = {
            "id": self.id,
            "name": self.name,
            "stage": self.stage,
            "created": self.created.isoformat(timespec="seconds"),
            "updated": self.updated.isoformat(timespec="seconds"),
            "lifecycle": self.lifecycle.value,
            "value": self.value,
            "currency": self.currency,
            "budget": self.budget,
            "decision_timeframe": self.decision_timeframe,
            "expected_close": iso_or_none(self.expected_close),
            "qualification": dict(self.qualification),
            "decision_maker_confirmed": self.decision_maker_confirmed,
            "contacts": [c.to_doc() for c in self.contacts],
            "plan": self.plan.to_doc(),
            "touches": [t.to_doc() for t in self.touches],
            "notes": [n.to_doc() for n in self.notes],
            "stage_history": [s.to_doc() for s in self.stage_history],
            "meetings": [m.to_doc() for m in self.meetings],
            "penetration": self.penetration.to_doc(),
            "icp": dict(self.icp),
            "tags": list(self.tags),
            "lost_reason": self.lost_reason,
            "external_id": self.external_id,
        }
        if self.source is not None:
            doc.update(unknown_in(self.source, KNOWN_FIELDS))
        for key, value in self.extra.items():
            doc.setdefault(key, value)  # never over a known field
        return doc

    @classmethod
    def from_doc(cls, doc: Doc) -> Prospect:
        """The prospect of a document; BadField names the first field that cannot be read."""
        f = Fields(doc)
        return cls(
            id=f.text("id", required=True),
            name=f.text("name", required=True),
            stage=f.text("stage", required=True),
            created=f.moment("created"),
            updated=f.moment("updated"),
            lifecycle=f.choice("lifecycle", LIFECYCLE_BY_VALUE, Lifecycle.LEAD),
            value=f.amount("value") or 0.0,
            currency=f.text("currency"),
            budget=f.amount("budget"),
            decision_timeframe=f.text("decision_timeframe"),
            expected_close=f.day("expected_close"),
            qualification=_flags(f.object("qualification")),
            decision_maker_confirmed=f.flag("decision_maker_confirmed"),
            contacts=tuple(Contact.from_doc(c.doc, c.where) for c in f.objects("contacts")),
            plan=FollowUpPlan.from_doc(f.object("plan").doc, "plan"),
            touches=tuple(Touch.from_doc(t.doc, t.where) for t in f.objects("touches")),
            notes=tuple(Note.from_doc(n.doc, n.where) for n in f.objects("notes")),
            stage_history=tuple(
                StageEntry.from_doc(s.doc, s.where) for s in f.objects("stage_history")
            ),
            meetings=tuple(Meeting.from_doc(m.doc, m.where) for m in f.objects("meetings")),
            penetration=PenetrationPlan.from_doc(f.object("penetration").doc, "penetration"),
            icp=_icp_values(f.object("icp")),
            tags=f.texts("tags"),
            lost_reason=f.text("lost_reason"),
            external_id=f.text("external_id"),
            extra=f.unknown(KNOWN_FIELDS),
        )

    @property
    def is_open(self) -> bool:
        """True while the deal sits in a configured stage (not won/lost/nurture/dead)."""
        return self.stage not in OUTCOME_VALUES

    @property
    def first_contact(self) -> date:
        """The day the relationship started: first stage entry, else creation."""
        if self.stage_history:
            return min(s.date for s in self.stage_history)
        return self.created.date()

    @property
    def stage_entered(self) -> date:
        """The day the prospect entered its current stage."""
        for entry in reversed(self.stage_history):
            if entry.stage == self.stage:
                return entry.date
        return self.created.date()


KNOWN_FIELDS = frozenset(Prospect.__dataclass_fields__) - {"extra", "source"}
"""The fields of a prospect document this version reads; any other is kept in `extra`."""


def _flags(f: Fields) -> dict[str, bool]:
    return {f.check_text(key, key): f.flag(key) for key in f.doc}


def _icp_values(f: Fields) -> dict[str, IcpValue]:
    values: dict[str, IcpValue] = {}
    for key, value in f.doc.items():
        f.check_text(key, key)
        if type(value) is str:
            values[key] = f.check_text(key, value)
        elif type(value) is bool or type(value) is int and abs(value) <= MAX_AMOUNT:
            values[key] = value
        elif value is None:
            raise f.bad(key, "is null, not a value")
        else:
            values[key] = f.amount(key) or 0.0
    return values
