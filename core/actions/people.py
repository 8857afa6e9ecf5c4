"""The people and plans on a prospect: contacts, meetings, the account plan.

Contacts and meetings are addressed by their position in the prospect's list
(as the user sees it); meetings are kept in date and time order.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from leadline.core.actions.refusal import Refused, check_email, check_name
from leadline.core.models import Contact, Meeting, PenetrationPlan, Prospect


def _checked_contact(c: Contact) -> Contact:
    return replace(c, name=check_name(c.name), email=check_email(c.email),
                   title=c.title.strip(), phone=c.phone.strip(),
                   preferred_channel=c.preferred_channel.strip())  # fmt: skip


def _at(items: tuple[object, ...], index: int, what: str) -> None:
    if not 0 <= index < len(items):
        raise Refused(f"there is no {what} number {index + 1}")


def add_contact(p: Prospect, contact: Contact, now: datetime) -> Prospect:
    """`p` with one more contact."""
    return replace(p, contacts=(*p.contacts, _checked_contact(contact)), updated=now)


def replace_contact(p: Prospect, index: int, contact: Contact, now: datetime) -> Prospect:
    """`p` with contact `index` (0-based) replaced."""
    _at(p.contacts, index, "contact")
    items = p.contacts[:index] + (_checked_contact(contact),) + p.contacts[index + 1 :]
    return replace(p, contacts=items, updated=now)


def remove_contact(p: Prospect, index: int, now: datetime) -> Prospect:
    """`p` without contact `index`."""
    _at(p.contacts, index, "contact")
    return replace(p, contacts=p.contacts[:index] + p.contacts[index + 1 :], updated=now)


def _sorted(meetings: tuple[Meeting, ...]) -> tuple[Meeting, ...]:
    return tuple(sorted(meetings, key=lambda m: (m.date, m.time)))


def _checked_meeting(m: Meeting) -> Meeting:
    return replace(m, title=m.title.strip(), contact=m.contact.strip())


def add_meeting(p: Prospect, meeting: Meeting, now: datetime) -> Prospect:
    """`p` with one more meeting, in date order."""
    return replace(p, meetings=_sorted((*p.meetings, _checked_meeting(meeting))), updated=now)


def replace_meeting(p: Prospect, index: int, meeting: Meeting, now: datetime) -> Prospect:
    """`p` with meeting `index` (in date order) replaced."""
    _at(p.meetings, index, "meeting")
    items = p.meetings[:index] + (_checked_meeting(meeting),) + p.meetings[index + 1 :]
    return replace(p, meetings=_sorted(items), updated=now)


def remove_meeting(p: Prospect, index: int, now: datetime) -> Prospect:
    """`p` without meeting `index`."""
    _at(p.meetings, index, "meeting")
    return replace(p, meetings=p.meetings[:index] + p.meetings[index + 1 :], updated=now)


def set_account_plan(p: Prospect, plan: PenetrationPlan, now: datetime) -> Prospect:
    """`p` with its account-penetration plan replaced."""
    return replace(p, penetration=plan, updated=now)
