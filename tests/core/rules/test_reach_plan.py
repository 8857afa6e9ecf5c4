"""The follow-up plan names whom follow-ups go to: the reach picks that person, a name
no contact has is ignored, and renaming or removing the contact keeps the plan right."""

from __future__ import annotations

from datetime import datetime

import msgspec
import orjson
import pytest
from rules_support import DEFAULT_CONFIG
from testkit import TODAY, prospect

from leadline.core import actions
from leadline.core.models import Contact, FollowUpPlan, Meeting, Prospect, Role
from leadline.core.rules.queue import QueueItem, Reason
from leadline.core.rules.reach import reach_for, whom_to_contact
from leadline.core.store.decoding import decode_prospect

ANNA = Contact("Anna Nowak", Role.DECISION_MAKER, email="anna@globex.com", phone="+48 600 1")
BOB = Contact("Bob Brown", Role.INFLUENCER, email="bob@globex.com", phone="555 0100")
NOW = datetime(2026, 12, 3, 9, 0)


def _with_plan(contact: str) -> Prospect:
    return prospect(contacts=(ANNA, BOB), plan=FollowUpPlan(channel="phone", contact=contact))


def test_the_plans_contact_wins_over_the_decision_maker() -> None:
    reach = whom_to_contact(_with_plan("bob brown"), DEFAULT_CONFIG)
    assert (reach.name, reach.handle) == ("Bob Brown", "555 0100")


def test_a_name_no_contact_has_is_ignored() -> None:
    assert whom_to_contact(_with_plan("Carla Gone"), DEFAULT_CONFIG).name == "Anna Nowak"


def test_the_work_names_the_person_before_the_plan() -> None:
    p = _with_plan("Bob Brown")
    item = QueueItem(p, Reason.MEETING_REMINDER, TODAY, "phone", "Anna Nowak",
                     meeting=Meeting(TODAY, "Demo", contact="Anna Nowak"))  # fmt: skip
    assert reach_for(item, DEFAULT_CONFIG).name == "Anna Nowak"


def test_the_edit_sets_the_contact_as_the_list_spells_it_and_refuses_a_stranger() -> None:
    p = _with_plan("")
    edit = actions.ProspectEdit(plan_contact="BOB BROWN")
    assert actions.edit_fields(p, edit, DEFAULT_CONFIG, TODAY, NOW).plan.contact == "Bob Brown"
    with pytest.raises(actions.Refused, match="no contact 'Zed'"):
        actions.edit_fields(p, actions.ProspectEdit(plan_contact="Zed"), DEFAULT_CONFIG, TODAY, NOW)
    cleared = actions.edit_fields(_with_plan("Bob Brown"), actions.ProspectEdit(plan_contact=""),
                                  DEFAULT_CONFIG, TODAY, NOW)  # fmt: skip
    assert cleared.plan.contact == ""


def test_renaming_the_contact_renames_it_in_the_plan() -> None:
    renamed = Contact("Robert Brown", Role.INFLUENCER, phone="555 0100")
    p = actions.replace_contact(_with_plan("Bob Brown"), 1, renamed, NOW)
    assert p.plan.contact == "Robert Brown"
    assert whom_to_contact(p, DEFAULT_CONFIG).name == "Robert Brown"
    other = actions.replace_contact(_with_plan("Bob Brown"), 0, Contact("Anna Kay"), NOW)
    assert other.plan.contact == "Bob Brown"


def test_removing_the_contact_clears_the_plans_contact() -> None:
    p = actions.remove_contact(_with_plan("Bob Brown"), 1, NOW)
    assert p.plan.contact == ""
    kept = actions.remove_contact(_with_plan("Bob Brown"), 0, NOW)
    assert kept.plan.contact == "Bob Brown"


def test_the_plans_contact_round_trips_and_old_documents_read_as_none() -> None:
    p = _with_plan("Bob Brown")
    assert Prospect.from_doc(p.to_doc()).plan.contact == "Bob Brown"
    doc = p.to_doc()
    del doc["plan"]["contact"]
    assert Prospect.from_doc(doc).plan.contact == ""


def test_the_fast_decoder_reads_the_plans_contact_and_its_absence() -> None:
    doc = _with_plan("Bob Brown").to_doc()
    assert decode_prospect(msgspec.Raw(orjson.dumps(doc))).plan.contact == "Bob Brown"
    del doc["plan"]["contact"]
    assert decode_prospect(msgspec.Raw(orjson.dumps(doc))).plan.contact == ""
