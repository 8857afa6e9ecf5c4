"""Whom to contact and how: the named person, else the decision maker, else the first."""

from __future__ import annotations

from rules_support import DEFAULT_CONFIG
from testkit import TODAY, prospect

from leadline.core.models import Contact, FollowUpPlan, Meeting, Role
from leadline.core.rules.queue import QueueItem, Reason
from leadline.core.rules.reach import Handle, reach_for, whom_to_contact

ANNA = Contact("Anna Nowak", Role.DECISION_MAKER, email="anna@globex.com", phone="+48 600 123 456")
BOB = Contact("Bob Brown", Role.INFLUENCER, email="bob@globex.com", phone="555 0100")
GATE = Contact("Greta", Role.GATEKEEPER, phone="555 0000")


def test_decision_maker_by_the_plans_channel() -> None:
    p = prospect(contacts=(BOB, ANNA), plan=FollowUpPlan(channel="phone"))
    reach = whom_to_contact(p, DEFAULT_CONFIG)
    assert (reach.name, reach.kind, reach.handle) == ("Anna Nowak", Handle.PHONE, "+48 600 123 456")
    by_mail = whom_to_contact(prospect(contacts=(BOB, ANNA)), DEFAULT_CONFIG)  # default: email
    assert (by_mail.name, by_mail.handle) == ("Anna Nowak", "anna@globex.com")


def test_a_named_person_wins_and_the_other_handle_stands_in() -> None:
    p = prospect(contacts=(ANNA, GATE), plan=FollowUpPlan(channel="email"))
    reach = whom_to_contact(p, DEFAULT_CONFIG, named="greta")
    assert (reach.name, reach.kind, reach.handle) == ("Greta", Handle.PHONE, "555 0000")


def test_first_contact_without_a_decision_maker_and_nobody_without_contacts() -> None:
    assert whom_to_contact(prospect(contacts=(GATE, BOB)), DEFAULT_CONFIG).name == "Greta"
    nobody = whom_to_contact(prospect(), DEFAULT_CONFIG)
    assert (nobody.contact, nobody.handle, nobody.kind) == (None, "", Handle.NONE)


def test_a_meeting_reminder_names_the_meeting_contact() -> None:
    p = prospect(contacts=(ANNA, BOB))
    item = QueueItem(p, Reason.MEETING_REMINDER, TODAY, "phone", "Bob Brown",
                     meeting=Meeting(TODAY, "Demo", contact="Bob Brown"))  # fmt: skip
    reach = reach_for(item, DEFAULT_CONFIG)
    assert (reach.name, reach.handle) == ("Bob Brown", "555 0100")
