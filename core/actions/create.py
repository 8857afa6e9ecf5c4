"""Adding a prospect: the one way a new prospect is made from what a user typed.

A new prospect starts in the stage chosen (the first stage when none is), on
the day given (today by default), due at once: "make first contact" is in
today's queue from the day it is added (DOMAIN, [004]).
It is a lead until the qualification checklist is met (`is_qualified`): a
lead in a later stage is kept there, and the warnings say it was never
qualified (`unqualified-followed`, `premature-stage`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from leadline.core.actions.refusal import Refused, check_email, check_name
from leadline.core.config.model import Config
from leadline.core.models import Contact, Lifecycle, Prospect, Role, StageEntry
from leadline.core.rules.followup import is_decision_maker_item, is_qualified


@dataclass(frozen=True)
class NewProspect:
    """What a user gives for a new prospect."""

    name: str
    stage: str | None = None
    """A stage key; None for the first stage."""
    value: float = 0.0
    contact: str = ""
    role: Role = Role.OTHER
    email: str = ""
    phone: str = ""
    qualification: dict[str, bool] = field(default_factory=dict)
    first_day: date | None = None
    """The day of the first contact; today when None."""


def add_prospect(new: NewProspect, config: Config, now: datetime) -> Prospect:
    """The prospect to store for `new` (id "", the store assigns one); Refused when wrong."""
    name = check_name(new.name)
    if new.value < 0:
        raise Refused("value cannot be negative", "value")
    stage = new.stage or config.stages[0].key
    if config.stage(stage) is None:
        raise Refused(f"a new prospect starts in a stage, not {stage!r}", "stage")
    day = new.first_day or now.date()
    if day > now.date():
        raise Refused(f"{day.isoformat()} is in the future: the first contact has happened", "date")
    ticks = _checklist(new, config)
    draft = Prospect(
        id="",
        name=name,
        stage=stage,
        created=now.replace(year=day.year, month=day.month, day=day.day),
        updated=now,
        value=new.value,
        currency=config.currency,
        contacts=_contacts(new),
        qualification={k: v for k, v in ticks.items() if not is_decision_maker_item(k)},
        decision_maker_confirmed=any(v for k, v in ticks.items() if is_decision_maker_item(k)),
        stage_history=(StageEntry(stage=stage, date=day),),
    )
    life = Lifecycle.PROSPECT if is_qualified(draft, config) else Lifecycle.LEAD
    plan = replace(draft.plan, next_due=now.date())
    return replace(draft, lifecycle=life, plan=plan)


def _contacts(new: NewProspect) -> tuple[Contact, ...]:
    email = check_email(new.email)
    if not new.contact.strip():
        if email or new.phone.strip():
            raise Refused("the e-mail and phone belong to a contact: give the contact's name",
                          "contact")  # fmt: skip
        return ()
    contact = Contact(name=new.contact.strip(), role=new.role, email=email,
                      phone=new.phone.strip())  # fmt: skip
    return (contact,)


def _checklist(new: NewProspect, config: Config) -> dict[str, bool]:
    """Every configured checklist item, ticked or not, and any other item ticked."""
    ticks = {item: bool(new.qualification.get(item, False)) for item in config.qualification}
    return ticks | {k: v for k, v in new.qualification.items() if k not in ticks}
