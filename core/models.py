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
    date_or_none,
    iso_or_none,
)

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

    def to_doc(self) -> Doc:
        return {
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

    @classmethod
    def from_doc(cls, doc: Doc) -> Prospect:
        return cls(
            id=doc["id"],
            name=doc["name"],
            stage=doc["stage"],
            created=datetime.fromisoformat(doc["created"]),
            updated=datetime.fromisoformat(doc["updated"]),
            lifecycle=LIFECYCLE_BY_VALUE[doc.get("lifecycle") or Lifecycle.LEAD],
            value=float(doc.get("value") or 0.0),
            currency=doc.get("currency", ""),
            budget=None if doc.get("budget") is None else float(doc["budget"]),
            decision_timeframe=doc.get("decision_timeframe", ""),
            expected_close=date_or_none(doc.get("expected_close")),
            qualification=dict(doc.get("qualification", {})),
            decision_maker_confirmed=bool(doc.get("decision_maker_confirmed", False)),
            contacts=tuple(Contact.from_doc(c) for c in doc.get("contacts", ())),
            plan=FollowUpPlan.from_doc(doc.get("plan", {})),
            touches=tuple(Touch.from_doc(t) for t in doc.get("touches", ())),
            notes=tuple(Note.from_doc(n) for n in doc.get("notes", ())),
            stage_history=tuple(StageEntry.from_doc(s) for s in doc.get("stage_history", ())),
            meetings=tuple(Meeting.from_doc(m) for m in doc.get("meetings", ())),
            penetration=PenetrationPlan.from_doc(doc.get("penetration", {})),
            icp=dict(doc.get("icp", {})),
            tags=tuple(doc.get("tags", ())),
            lost_reason=doc.get("lost_reason", ""),
            external_id=doc.get("external_id", ""),
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
