"""The small records a prospect holds: contacts, plan, touches, notes, stage
entries, meetings and the account-penetration plan.

Each converts to a plain JSON document (`to_doc`) and back (`from_doc`); dates
are stored as ISO strings. `from_doc` reads strictly (`records/reading.py`): a value
of the wrong type or out of range is a `BadField` naming it (`where` is the path of
the record in the prospect document, such as `contacts[2]`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from leadline.core.records.kinds import (
    ROLE_BY_VALUE,
    TOUCH_OUTCOME_BY_VALUE,
    Outcome,
    Role,
    TouchOutcome,
)
from leadline.core.records.reading import MAX_COUNT, MAX_INTERVAL_DAYS, Fields

Doc = dict[str, Any]
"""A record as a JSON document."""

_WON = Outcome.WON.value

IcpValue = str | int | float | bool
"""The value of one ideal-customer-profile attribute."""


def date_or_none(value: str | None) -> date | None:
    """The date of an ISO string, None for a missing or empty one."""
    return date.fromisoformat(value) if value else None


def _required_day(f: Fields, key: str) -> date:
    found = f.day(key, required=True)
    assert found is not None, "a required date is never None"
    return found


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
    def from_doc(cls, doc: Doc, where: str = "") -> Contact:
        f = Fields(doc, where)
        return cls(
            name=f.text("name", required=True),
            role=f.choice("role", ROLE_BY_VALUE, Role.OTHER),
            title=f.text("title"),
            email=f.text("email"),
            phone=f.text("phone"),
            birthday=f.day("birthday"),
            anniversary=f.day("anniversary"),
            preferred_channel=f.text("preferred_channel"),
        )


@dataclass(frozen=True, slots=True)
class FollowUpPlan:
    """The cadence agreed with the customer: how often, how, when next, and with whom
    (`contact`: the name of the contact follow-ups go to; "" for the decision maker)."""

    interval_days: int | None = None
    channel: str = ""
    next_due: date | None = None
    agreed: bool = False
    contact: str = ""

    def to_doc(self) -> Doc:
        return {
            "interval_days": self.interval_days,
            "channel": self.channel,
            "next_due": iso_or_none(self.next_due),
            "agreed": self.agreed,
            "contact": self.contact,
        }

    @classmethod
    def from_doc(cls, doc: Doc, where: str = "") -> FollowUpPlan:
        f = Fields(doc, where)
        return cls(
            interval_days=f.whole("interval_days", MAX_INTERVAL_DAYS),
            channel=f.text("channel"),
            next_due=f.day("next_due"),
            agreed=f.flag("agreed"),
            contact=f.text("contact"),
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
    def from_doc(cls, doc: Doc, where: str = "") -> Touch:
        f = Fields(doc, where)
        return cls(
            date=_required_day(f, "date"),
            channel=f.text("channel"),
            outcome=f.choice("outcome", TOUCH_OUTCOME_BY_VALUE),
            minutes=f.whole("minutes", MAX_COUNT, 0) or 0,
            note=f.text("note"),
        )


@dataclass(frozen=True, slots=True)
class Note:
    """A timestamped free-text note, typically taken during a call."""

    at: datetime
    text: str

    def to_doc(self) -> Doc:
        return {"at": self.at.isoformat(timespec="seconds"), "text": self.text}

    @classmethod
    def from_doc(cls, doc: Doc, where: str = "") -> Note:
        f = Fields(doc, where)
        return cls(at=f.moment("at"), text=f.text("text", required=True))


@dataclass(frozen=True, slots=True)
class StageEntry:
    """The prospect entered `stage` (a stage key or an outcome) on `date`.

    A won entry records the deal's `value` on the day it was won (`move_stage` sets
    it), so the win keeps its money when the customer is reopened for more business
    and the prospect's `value` becomes the new deal's. Only won entries carry one
    (a value on any other entry is refused when read). Files written before values
    were recorded have won entries without one: such a legacy win counts the
    prospect's `value` while the prospect still sits in won, and 0 once it has moved
    on (its money is unknown then), though it still counts as one won deal.
    """

    stage: str
    date: date
    value: float | None = None
    """The value won (won entries only); None on other entries and on legacy wins."""

    def to_doc(self) -> Doc:
        doc: Doc = {"stage": self.stage, "date": self.date.isoformat()}
        if self.value is not None:
            doc["value"] = self.value
        return doc

    @classmethod
    def from_doc(cls, doc: Doc, where: str = "") -> StageEntry:
        f = Fields(doc, where)
        stage = f.text("stage", required=True)
        value = f.amount("value")
        if value is not None and stage != _WON:
            raise f.bad("value", f"is kept on won entries only, not on {stage!r}")
        return cls(stage=stage, date=_required_day(f, "date"), value=value)


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
    def from_doc(cls, doc: Doc, where: str = "") -> Meeting:
        f = Fields(doc, where)
        return cls(
            date=_required_day(f, "date"),
            title=f.text("title"),
            time=f.text("time"),
            contact=f.text("contact"),
        )


@dataclass(frozen=True, slots=True)
class Objection:
    """An objection heard and the counter prepared for it."""

    objection: str
    counter: str = ""

    def to_doc(self) -> Doc:
        return {"objection": self.objection, "counter": self.counter}

    @classmethod
    def from_doc(cls, doc: Doc, where: str = "") -> Objection:
        f = Fields(doc, where)
        return cls(objection=f.text("objection", required=True), counter=f.text("counter"))


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
    def from_doc(cls, doc: Doc, where: str = "") -> PenetrationPlan:
        f = Fields(doc, where)
        return cls(
            approval_chain=f.texts("approval_chain"),
            needs=f.texts("needs"),
            objections=tuple(Objection.from_doc(o.doc, o.where) for o in f.objects("objections")),
            risks=f.texts("risks"),
        )
