"""The people and plans on a prospect: contacts, meetings, the account plan.

Contacts and meetings are addressed by their position in the prospect's list
(as the user sees it); meetings are kept in date and time order. The follow-up
plan's contact follows a renamed contact and is cleared when that contact is
removed (follow-ups then go to the decision maker).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any, TypeVar

from leadline.core.actions.refusal import Refused, check_email, check_name
from leadline.core.models import Contact, Meeting, PenetrationPlan, Prospect
from leadline.core.rules.reach import plan_contact

T = TypeVar("T")


def _checked_contact(c: Contact) -> Contact:
    return replace(c, name=check_name(c.name), email=check_email(c.email),
                   title=c.title.strip(), phone=c.phone.strip(),
                   preferred_channel=c.preferred_channel.strip())  # fmt: skip


def _at(items: tuple[T, ...], index: int, what: str, was: T | None = None) -> int:
    """Where the item is now: `index`, or, when the user saw `was` there (in a list
    that may have changed since, in another process), wherever `was` is now."""
    if was is not None and not (0 <= index < len(items) and items[index] == was):
        if was not in items:
            raise Refused(f"that {what} was changed or removed elsewhere meanwhile: "
                          "nothing saved; the list now shows it as stored")  # fmt: skip
        return items.index(was)
    if not 0 <= index < len(items):
        raise Refused(f"there is no {what} number {index + 1}")
    return index


def add_contact(p: Prospect, contact: Contact, now: datetime) -> Prospect:
    """`p` with one more contact."""
    return replace(p, contacts=(*p.contacts, _checked_contact(contact)), updated=now)


def replace_contact(
    p: Prospect, index: int, contact: Contact, now: datetime, was: Contact | None = None
) -> Prospect:
    """`p` with contact `index` (0-based) replaced; `was`: the contact as the user saw it."""
    index = _at(p.contacts, index, "contact", was)
    new = _checked_contact(contact)
    items = p.contacts[:index] + (new,) + p.contacts[index + 1 :]
    plan = p.plan
    if plan_contact(p) is p.contacts[index] and new.name != p.contacts[index].name:
        plan = replace(plan, contact=new.name)  # the plan follows the renamed contact
    return replace(p, contacts=items, plan=plan, updated=now)


def remove_contact(p: Prospect, index: int, now: datetime, was: Contact | None = None) -> Prospect:
    """`p` without contact `index` (`was`, when given, wherever it is now)."""
    index = _at(p.contacts, index, "contact", was)
    out = replace(p, contacts=p.contacts[:index] + p.contacts[index + 1 :], updated=now)
    if plan_contact(p) is p.contacts[index] and plan_contact(out) is None:
        out = replace(out, plan=replace(out.plan, contact=""))  # back to the decision maker
    return out


def _sorted(meetings: tuple[Meeting, ...]) -> tuple[Meeting, ...]:
    return tuple(sorted(meetings, key=lambda m: (m.date, m.time)))


def _checked_meeting(m: Meeting) -> Meeting:
    return replace(m, title=m.title.strip(), contact=m.contact.strip())


def add_meeting(p: Prospect, meeting: Meeting, now: datetime) -> Prospect:
    """`p` with one more meeting, in date order."""
    return replace(p, meetings=_sorted((*p.meetings, _checked_meeting(meeting))), updated=now)


def replace_meeting(
    p: Prospect, index: int, meeting: Meeting, now: datetime, was: Meeting | None = None
) -> Prospect:
    """`p` with meeting `index` (in date order) replaced; `was`: as the user saw it."""
    index = _at(p.meetings, index, "meeting", was)
    items = p.meetings[:index] + (_checked_meeting(meeting),) + p.meetings[index + 1 :]
    return replace(p, meetings=_sorted(items), updated=now)


def remove_meeting(p: Prospect, index: int, now: datetime, was: Meeting | None = None) -> Prospect:
    """`p` without meeting `index` (`was`, when given, wherever it is now)."""
    index = _at(p.meetings, index, "meeting", was)
    return replace(p, meetings=p.meetings[:index] + p.meetings[index + 1 :], updated=now)


PLAN_PARTS = {"approval_chain": "approval chain", "needs": "needs",
              "objections": "objections", "risks": "risks"}  # fmt: skip


def set_account_plan(
    p: Prospect, plan: PenetrationPlan, now: datetime, was: PenetrationPlan | None = None
) -> Prospect:
    """`p` with its account-penetration plan replaced; with `was` (the plan as the user
    saw it), only the parts the user changed, refused when someone else changed one of
    those parts meanwhile (nothing saved: the user's text stays in the form)."""
    if was is None:
        return replace(p, penetration=plan, updated=now)
    stored, changes = p.penetration, dict[str, Any]()
    for part, words in PLAN_PARTS.items():
        mine, before, now_there = getattr(plan, part), getattr(was, part), getattr(stored, part)
        if mine == before:
            continue
        if now_there not in (before, mine):
            raise Refused(f"the {words} were changed elsewhere meanwhile: copy your text, "
                          "close and reopen the plan to see theirs", part)  # fmt: skip
        changes[part] = mine
    if not changes:
        return p
    return replace(p, penetration=replace(stored, **changes), updated=now)
