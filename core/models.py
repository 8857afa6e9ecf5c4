"""The prospect record and its parts, as typed dataclasses.

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
from enum import StrEnum
from typing import Any

Doc = dict[str, Any]


def new_id() -> str:
    """A short random prospect id (8 hex digits); ids never change once given."""
    return secrets.token_hex(4)


class Lifecycle(StrEnum):
    """Where the relationship stands: lead → prospect → customer → repeat buyer."""

    LEAD = "lead"
    PROSPECT = "prospect"
    CUSTOMER = "customer"
    REPEAT_BUYER = "repeat-buyer"


class Role(StrEnum):
    """A contact's buying influence."""

    DECISION_MAKER = "decision-maker"
    INFLUENCER = "influencer"
    COACH = "coach"
    GATEKEEPER = "gatekeeper"
    OTHER = "other"


class TouchOutcome(StrEnum):
    """What came of one follow-up attempt."""

    REPLIED = "replied"
    NO_RESPONSE = "no-response"


class Outcome(StrEnum):
    """Terminal or parked states a prospect can be moved to instead of a stage."""

    WON = "won"
    LOST = "lost"
    NURTURE = "nurture"
    DEAD = "dead"


CLOSED_OUTCOMES = frozenset({Outcome.WON, Outcome.LOST, Outcome.DEAD})
"""Outcomes that take a prospect out of the daily queue (nurture stays, slowly)."""


_OUTCOME_VALUES = frozenset(o.value for o in Outcome)

# Enum lookups by value through plain dicts: calling the Enum class costs several
# times more, and decoding a big file does it hundreds of thousands of times.
# An unknown value still fails, with a KeyError, which the store reports.
_ROLES = {r.value: r for r in Role}
_TOUCH_OUTCOMES = {o.value: o for o in TouchOutcome}
_LIFECYCLES = {c.value: c for c in Lifecycle}


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True, slots=True)
class Contact:
    """A person at the prospect, with their buying role."""

    name: str
    role: Role = Role.OTHER
    title: str = ""
    email: str = ""
    phone: str = ""
    birthday: date | None = None
    anniversary: date | None = None
    preferred_channel: str = ""

    def to_doc(self) -> Doc:
        return {
            "name": self.name,
            "role": self.role.value,
            "title": self.title,
            "email": self.email,
            "phone": self.phone,
            "birthday": _iso(self.birthday),
            "anniversary": _iso(self.anniversary),
            "preferred_channel": self.preferred_channel,
        }

    @classmethod
    def from_doc(cls, doc: Doc) -> Contact:
        return cls(
            name=doc["name"],
            role=_ROLES[doc.get("role") or Role.OTHER],
            title=doc.get("title", ""),
            email=doc.get("email", ""),
            phone=doc.get("phone", ""),
            birthday=_date(doc.get("birthday")),
            anniversary=_date(doc.get("anniversary")),
            preferred_channel=doc.get("preferred_channel", ""),
        )


@dataclass(frozen=True, slots=True)
class FollowUpPlan:
    """The cadence agreed with the customer: how often, how, and when next."""

    interval_days: int | None = None
    channel: str = ""
    next_due: date | None = None
    agreed: bool = False

    def to_doc(self) -> Doc:
        return {
            "interval_days": self.interval_days,
            "channel": self.channel,
            "next_due": _iso(self.next_due),
            "agreed": self.agreed,
        }

    @classmethod
    def from_doc(cls, doc: Doc) -> FollowUpPlan:
        return cls(
            interval_days=doc.get("interval_days"),
            channel=doc.get("channel", ""),
            next_due=_date(doc.get("next_due")),
            agreed=bool(doc.get("agreed", False)),
        )


@dataclass(frozen=True, slots=True)
class Touch:
    """One follow-up attempt. A demo or trial is a touch on channel `demo`/`trial`."""

    date: date
    channel: str
    outcome: TouchOutcome
    minutes: int = 0
    note: str = ""

    def to_doc(self) -> Doc:
        return {
            "date": self.date.isoformat(),
            "channel": self.channel,
            "outcome": self.outcome.value,
            "minutes": self.minutes,
            "note": self.note,
        }

    @classmethod
    def from_doc(cls, doc: Doc) -> Touch:
        return cls(
            date=date.fromisoformat(doc["date"]),
            channel=doc.get("channel", ""),
            outcome=_TOUCH_OUTCOMES[doc["outcome"]],
            minutes=int(doc.get("minutes", 0)),
            note=doc.get("note", ""),
        )


@dataclass(frozen=True, slots=True)
class Note:
    """A timestamped free-text note, typically taken during a call."""

    at: datetime
    text: str

    def to_doc(self) -> Doc:
        return {"at": self.at.isoformat(timespec="seconds"), "text": self.text}

    @classmethod
    def from_doc(cls, doc: Doc) -> Note:
        return cls(at=datetime.fromisoformat(doc["at"]), text=doc["text"])


@dataclass(frozen=True, slots=True)
class StageEntry:
    """The prospect entered `stage` (a stage key or an outcome) on `date`."""

    stage: str
    date: date

    def to_doc(self) -> Doc:
        return {"stage": self.stage, "date": self.date.isoformat()}

    @classmethod
    def from_doc(cls, doc: Doc) -> StageEntry:
        return cls(stage=doc["stage"], date=date.fromisoformat(doc["date"]))


@dataclass(frozen=True, slots=True)
class Meeting:
    """A booked meeting; the day before it the queue reminds the user to confirm."""

    date: date
    title: str = ""
    time: str = ""
    contact: str = ""

    def to_doc(self) -> Doc:
        return {
            "date": self.date.isoformat(),
            "title": self.title,
            "time": self.time,
            "contact": self.contact,
        }

    @classmethod
    def from_doc(cls, doc: Doc) -> Meeting:
        return cls(
            date=date.fromisoformat(doc["date"]),
            title=doc.get("title", ""),
            time=doc.get("time", ""),
            contact=doc.get("contact", ""),
        )


@dataclass(frozen=True, slots=True)
class Objection:
    """An objection heard and the counter prepared for it."""

    objection: str
    counter: str = ""

    def to_doc(self) -> Doc:
        return {"objection": self.objection, "counter": self.counter}

    @classmethod
    def from_doc(cls, doc: Doc) -> Objection:
        return cls(objection=doc["objection"], counter=doc.get("counter", ""))


@dataclass(frozen=True, slots=True)
class PenetrationPlan:
    """The account-penetration plan: who approves, what they need, what could go wrong."""

    approval_chain: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    objections: tuple[Objection, ...] = ()
    risks: tuple[str, ...] = ()

    def to_doc(self) -> Doc:
        return {
            "approval_chain": list(self.approval_chain),
            "needs": list(self.needs),
            "objections": [o.to_doc() for o in self.objections],
            "risks": list(self.risks),
        }

    @classmethod
    def from_doc(cls, doc: Doc) -> PenetrationPlan:
        return cls(
            approval_chain=tuple(doc.get("approval_chain", ())),
            needs=tuple(doc.get("needs", ())),
            objections=tuple(Objection.from_doc(o) for o in doc.get("objections", ())),
            risks=tuple(doc.get("risks", ())),
        )


IcpValue = str | int | float | bool


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
            "expected_close": _iso(self.expected_close),
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
            lifecycle=_LIFECYCLES[doc.get("lifecycle") or Lifecycle.LEAD],
            value=float(doc.get("value") or 0.0),
            currency=doc.get("currency", ""),
            budget=None if doc.get("budget") is None else float(doc["budget"]),
            decision_timeframe=doc.get("decision_timeframe", ""),
            expected_close=_date(doc.get("expected_close")),
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
        return self.stage not in _OUTCOME_VALUES

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
