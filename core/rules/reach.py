"""Whom to contact about a prospect, and how: the call sheet's person and handle.

The person is the one the work names (the contact a meeting is with, whose
birthday it is), else the one the follow-up plan names (`plan.contact`, when it
names a current contact; a name no contact has any more is ignored), else the
decision maker, else the first contact listed; among several of one kind, the
first that can be reached on the channel.
The handle is their phone for a call and their e-mail for an e-mail; for any
other channel (a meeting, a card, social) the one their preferred channel
says, else the phone, else the e-mail. When the channel's handle is missing
the other one is given, so the sheet always says how to reach them if it can.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from leadline.core.config.model import Config
from leadline.core.folding import fold
from leadline.core.models import Contact, Prospect, Role
from leadline.core.rules.followup import effective_channel
from leadline.core.rules.queue_item import QueueItem, Reason

PHONE_CHANNELS = frozenset({"phone", "call", "mobile", "sms", "text", "whatsapp", "signal"})
EMAIL_CHANNELS = frozenset({"email", "e-mail", "mail", "newsletter"})


class Handle(StrEnum):
    """Which way of reaching the person the handle is."""

    PHONE = "phone"
    EMAIL = "email"
    NONE = ""


@dataclass(frozen=True)
class Reach:
    """Whom to contact, on which channel, and the number or address to use."""

    contact: Contact | None
    channel: str
    handle: str
    kind: Handle

    @property
    def name(self) -> str:
        """The person's name ("" when the prospect lists no contact)."""
        return self.contact.name if self.contact else ""


def _wants(channel: str) -> Handle | None:
    lowered = channel.strip().casefold()
    if lowered in PHONE_CHANNELS:
        return Handle.PHONE
    if lowered in EMAIL_CHANNELS:
        return Handle.EMAIL
    return None


def _handles(c: Contact, channel: str) -> list[tuple[Handle, str]]:
    wanted = _wants(channel) or _wants(c.preferred_channel) or Handle.PHONE
    pairs = [(Handle.PHONE, c.phone.strip()), (Handle.EMAIL, c.email.strip())]
    pairs.sort(key=lambda pair: pair[0] != wanted)
    return [pair for pair in pairs if pair[1]]


def named_contact(contacts: tuple[Contact, ...], name: str) -> Contact | None:
    """The contact called `name` (whole, case and accents ignored); None for "" or nobody."""
    wanted = fold(name.strip())
    if not wanted:
        return None
    for c in contacts:
        if fold(c.name.strip()) == wanted:
            return c
    return None


def plan_contact(p: Prospect) -> Contact | None:
    """The contact the follow-up plan names, when it names a current one."""
    return named_contact(p.contacts, p.plan.contact)


def _person(p: Prospect, named: str, channel: str) -> Contact | None:
    chosen = named_contact(p.contacts, named) or plan_contact(p)
    if chosen is not None:
        return chosen
    for group in ([c for c in p.contacts if c.role == Role.DECISION_MAKER], list(p.contacts)):
        reachable = [c for c in group if _handles(c, channel)]
        if reachable or group:
            return (reachable or group)[0]
    return None


def whom_to_contact(p: Prospect, config: Config, named: str = "", channel: str = "") -> Reach:
    """Whom to contact at `p` and how (`named`: a contact the work is about, else the
    plan's contact, else the decision maker; `channel`: the work's, else the follow-up's)."""
    channel = channel or effective_channel(p, config)
    contact = _person(p, named, channel)
    if contact is None:
        return Reach(None, channel, "", Handle.NONE)
    handles = _handles(contact, channel)
    kind, handle = handles[0] if handles else (Handle.NONE, "")
    return Reach(contact, channel, handle, kind)


_NAMES_PERSON = frozenset({Reason.BIRTHDAY, Reason.MEETING_REMINDER, Reason.MEETING_OUTCOME})


def reach_for(item: QueueItem, config: Config) -> Reach:
    """Whom a queue item says to contact: the birthday's or meeting's person when it names
    one, on the item's channel."""
    named = item.detail if item.reason in _NAMES_PERSON else ""
    if item.meeting is not None and item.meeting.contact:
        named = item.meeting.contact
    return whom_to_contact(item.prospect, config, named, item.channel)
