"""The small records a prospect holds: contacts, plan, touches, notes, stage
entries, meetings and the account-penetration plan.

Each converts to a plain JSON document (`to_doc`) and back (`from_doc`); dates
are stored as ISO strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from leadline.core.records.kinds import ROLE_BY_VALUE, TOUCH_OUTCOME_BY_VALUE, Role, TouchOutcome

Doc = dict[str, Any]
"""A record as a JSON document."""

IcpValue = str | int | float | bool
"""The value of one ideal-customer-profile attribute."""


def date_or_none(value: str | None) -> date | None:
    """The date of an ISO string, None for a missing or empty one."""
    return date.fromisoformat(value) if value else None


def iso_or_none(value: date | None) -> str | None:
    """The ISO string of a date, None for none."""
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
            "birthday": iso_or_none(self.birthday),
            "anniversary": iso_or_none(self.anniversary),
            "preferred_channel": self.preferred_channel,
        }

    @classmethod
    def from_doc(cls, doc: Doc) -> Contact:
        return cls(
            name=doc["name"],
            role=ROLE_BY_VALUE[doc.get("role") or Role.OTHER],
            title=doc.get("title", ""),
            email=doc.get("email", ""),
            phone=doc.get("phone", ""),
            birthday=date_or_none(doc.get("birthday")),
            anniversary=date_or_none(doc.get("anniversary")),
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
            "next_due": iso_or_none(self.next_due),
            "agreed": self.agreed,
        }

    @classmethod
    def from_doc(cls, doc: Doc) -> FollowUpPlan:
        return cls(
            interval_days=doc.get("interval_days"),
            channel=doc.get("channel", ""),
            next_due=date_or_none(doc.get("next_due")),
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
            outcome=TOUCH_OUTCOME_BY_VALUE[doc["outcome"]],
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
