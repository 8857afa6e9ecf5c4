"""Core's actions decide what the front-ends used to decide each in their own way."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from leadline.core import actions
from leadline.core.config.loader import load_config
from leadline.core.config.model import Config
from leadline.core.models import (
    Contact,
    Lifecycle,
    Meeting,
    Outcome,
    Prospect,
    Role,
    StageEntry,
    TouchOutcome,
)
from leadline.core.rules.followup import checklist_items
from leadline.tui.text.labels import ROLE_LABELS, role_from_word, stage_label

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 23, 9, 0)
TODAY = NOW.date()


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config(ROOT / "sample_data" / "config.yaml")


def _prospect(stage: str = "needs") -> Prospect:
    created = datetime(2026, 10, 20, 10, 0)
    return Prospect(id="p1", name="Acme", stage=stage, created=created, updated=created,
                    stage_history=(StageEntry(stage, created.date()),))  # fmt: skip


def test_a_new_lead_keeps_the_stage_picked_and_stays_a_lead(config: Config) -> None:
    p = actions.add_prospect(actions.NewProspect("Acme", stage="proposal"), config, NOW)
    assert (p.stage, p.lifecycle) == ("proposal", Lifecycle.LEAD)
    ticks = {item: True for item in config.qualification}
    q = actions.add_prospect(actions.NewProspect("Acme", qualification=ticks), config, NOW)
    assert (q.stage, q.lifecycle) == (config.stages[0].key, Lifecycle.PROSPECT)
    assert q.plan.next_due == TODAY  # due at once: make first contact today


def test_the_decision_maker_tick_and_checklist_item_are_one_fact(config: Config) -> None:
    item = {"Decision maker confirmed": True}
    p = actions.add_prospect(actions.NewProspect("Acme", qualification=item), config, NOW)
    assert p.decision_maker_confirmed and "Decision maker confirmed" not in p.qualification
    off = actions.edit_fields(p, actions.ProspectEdit(ticks={"decision maker confirmed": False}),
                              config, TODAY, NOW)  # fmt: skip
    assert not off.decision_maker_confirmed
    old = replace(_prospect("meeting"), qualification={"Decision maker confirmed": True})
    unticked = actions.edit_fields(old, actions.ProspectEdit(decision_maker_confirmed=False),
                                   config, TODAY, NOW)  # fmt: skip
    assert not unticked.decision_maker_confirmed and unticked.qualification == {}
    assert "Decision maker confirmed" not in checklist_items(config)


def test_a_card_is_a_sent_card_and_snoozes_skip_the_weekend(config: Config) -> None:
    p = _prospect()
    card = actions.log_touch(p, actions.TouchInput("card"), config, NOW)
    assert card.touches[-1].outcome == TouchOutcome.SENT and card.plan == p.plan
    friday = datetime(2026, 11, 27, 9, 0)
    assert actions.snooze(p, 1, config, friday).plan.next_due == date(2026, 11, 30)
    assert actions.snoozed_until(0, config, date(2026, 11, 28)) == date(2026, 11, 28)


def test_a_new_prospect_refuses_what_would_be_lost_or_wrong(config: Config) -> None:
    with pytest.raises(actions.Refused) as refused:
        actions.add_prospect(actions.NewProspect("Acme", email="jo@acme.test"), config, NOW)
    assert refused.value.field == "contact"  # the e-mail is not dropped silently
    for new, field in [
        (actions.NewProspect("  "), "name"),
        (actions.NewProspect("Acme", value=-1), "value"),
        (actions.NewProspect("Acme", stage="won"), "stage"),
        (actions.NewProspect("Acme", contact="Jo", email="jo@"), "email"),
        (actions.NewProspect("Acme", first_day=date(2026, 11, 24)), "date"),
    ]:
        with pytest.raises(actions.Refused) as refused:
            actions.add_prospect(new, config, NOW)
        assert refused.value.field == field


def test_only_the_config_s_outcomes_can_be_reached(config: Config) -> None:
    no_nurture = replace(config, outcomes=("won", "lost", "dead"))
    with pytest.raises(actions.Refused, match="unknown stage"):
        actions.move(_prospect(), "nurture", no_nurture, TODAY, NOW)
    with pytest.raises(actions.Refused, match="unknown stage"):
        actions.resolve_target(no_nurture, "nurture")
    assert actions.resolve_target(config, "Needs analysis") == "needs"
    last = _prospect(config.stages[-1].key)
    assert actions.next_stage(last, config) == "won"
    assert actions.next_stage(last, replace(config, outcomes=("lost",))) is None


def test_an_edit_applies_only_the_fields_changed(config: Config) -> None:
    opened = _prospect()
    elsewhere = actions.move(opened, "proposal", config, TODAY, NOW)  # another process
    edit = actions.ProspectEdit(value=30000.0)
    saved = actions.edit_fields(elsewhere, edit, config, TODAY, NOW)
    assert (saved.stage, saved.value) == ("proposal", 30000.0)
    assert saved.stage_history == elsewhere.stage_history
    assert actions.edit_fields(opened, actions.ProspectEdit(), config, TODAY, NOW) == opened


def test_a_lead_cannot_be_made_a_prospect_before_its_checklist_is_met(config: Config) -> None:
    lead = _prospect()
    with pytest.raises(actions.Refused) as refused:
        actions.edit_fields(lead, actions.ProspectEdit(lifecycle=Lifecycle.PROSPECT),
                            config, TODAY, NOW)  # fmt: skip
    assert refused.value.field == "lifecycle"
    ticks = {item: True for item in config.qualification}
    saved = actions.edit_fields(lead, actions.ProspectEdit(ticks=ticks), config, TODAY, NOW)
    assert saved.lifecycle == Lifecycle.PROSPECT


def test_follow_up_actions_refuse_with_a_reason(config: Config) -> None:
    p = _prospect()
    with pytest.raises(actions.Refused, match="empty"):
        actions.note(p, "  ", NOW)
    with pytest.raises(actions.Refused, match="future"):
        actions.log_touch(p, actions.TouchInput("phone", day=date(2026, 11, 24)), config, NOW)
    with pytest.raises(actions.Refused, match="is past"):
        actions.reschedule(p, date(2026, 11, 1), NOW)
    won = actions.move(p, "won", config, TODAY, NOW)
    with pytest.raises(actions.Refused, match="no follow-up"):
        actions.snooze(won, 3, config, NOW)
    dead = actions.stop_following(p, Outcome.DEAD, " no budget ", config, NOW)
    assert (dead.stage, dead.lost_reason) == ("dead", "no budget")
    logged = actions.log_touch(p, actions.TouchInput("phone", next_due=date(2026, 12, 4)),
                               config, NOW)  # fmt: skip
    assert logged.plan.next_due == date(2026, 12, 4) and logged.touches[-1].channel == "phone"


def test_contacts_and_meetings_are_checked_and_kept_in_order() -> None:
    p = actions.add_contact(_prospect(), Contact(" Jo ", Role.COACH, email="jo@acme.test"), NOW)
    assert p.contacts[0].name == "Jo"
    with pytest.raises(actions.Refused):
        actions.replace_contact(p, 3, Contact("Al"), NOW)
    late = Meeting(date(2026, 12, 2), "Demo")
    early = Meeting(date(2026, 11, 30), "Call")
    p = actions.add_meeting(actions.add_meeting(p, late, NOW), early, NOW)
    assert [m.title for m in p.meetings] == ["Call", "Demo"]
    assert actions.remove_meeting(p, 0, NOW).meetings == (late,)


def test_one_label_per_stage_and_role(config: Config) -> None:
    assert stage_label(config, "needs") == "Needs analysis"
    assert stage_label(config, "nurture") == "Nurture"
    for role, label in ROLE_LABELS.items():
        assert role_from_word(label) == role == role_from_word(role.value)
    assert role_from_word("Decision Maker") == Role.DECISION_MAKER
    with pytest.raises(ValueError, match="valid"):
        role_from_word("boss")


def test_the_actions_offered_are_the_ones_that_would_be_done(config: Config) -> None:
    from leadline.core.actions.availability import allowed

    open_one = _prospect()
    won = actions.move(open_one, "won", config, TODAY, NOW)
    nurture = actions.move(open_one, "nurture", config, TODAY, NOW)
    assert allowed("advance", open_one, config) and not allowed("advance", won, config)
    assert allowed("snooze", nurture, config) and not allowed("snooze", won, config)
    assert not allowed("stop_following", nurture, config)
    with pytest.raises(actions.Refused):
        actions.advance(won, config, TODAY, NOW)
    with pytest.raises(actions.Refused):
        actions.stop_following(nurture, Outcome.DEAD, "", config, NOW)


def test_an_edit_on_a_stale_copy_names_what_it_would_overwrite(config: Config) -> None:
    opened = _prospect()
    theirs = replace(actions.move(opened, "proposal", config, TODAY, NOW), value=9.0)
    edit = actions.ProspectEdit(stage="demo", name="Acme Group", ticks={"budget": True})
    # stage changed on both sides: a conflict; value only theirs, name only mine: none.
    (conflict,) = actions.edit_conflicts(opened, theirs, edit)
    assert (conflict.field, conflict.theirs, conflict.mine) == ("stage", "proposal", "demo")
    with pytest.raises(actions.EditConflict):
        actions.edit_checked(opened, theirs, edit, config, TODAY, NOW)
    kept = actions.edit_checked(
        theirs, theirs, actions.keeping_theirs(edit, {"stage"}), config, TODAY, NOW
    )
    assert (kept.stage, kept.value, kept.name) == ("proposal", 9.0, "Acme Group")
    assert kept.qualification["budget"] is True
    same = actions.ProspectEdit(stage="proposal")  # both chose the same: nothing to ask
    assert actions.edit_conflicts(opened, theirs, same) == ()


def test_a_contact_edited_on_a_stale_list_is_found_or_refused_never_mistaken() -> None:
    anna, bo, cy = Contact("Anna"), Contact("Bo"), Contact("Cy")
    seen = replace(_prospect(), contacts=(anna, bo))
    stored = replace(seen, contacts=(cy, anna, bo))  # someone added Cy in front meanwhile
    edited = actions.replace_contact(stored, 1, Contact("Bo Berg"), NOW, was=bo)
    assert [c.name for c in edited.contacts] == ["Cy", "Anna", "Bo Berg"]
    removed = actions.remove_contact(stored, 0, NOW, was=anna)
    assert [c.name for c in removed.contacts] == ["Cy", "Bo"]
    gone = replace(seen, contacts=(anna,))  # Bo was removed elsewhere
    with pytest.raises(actions.Refused, match="elsewhere meanwhile"):
        actions.replace_contact(gone, 1, Contact("Bo Berg"), NOW, was=bo)
    meeting = Meeting(date=date(2026, 12, 1), title="Demo")
    with pytest.raises(actions.Refused, match="elsewhere meanwhile"):
        actions.remove_meeting(replace(seen, meetings=()), 0, NOW, was=meeting)


def test_the_account_plan_saves_only_the_parts_changed(config: Config) -> None:
    from leadline.core.models import PenetrationPlan  # noqa: PLC0415

    opened = PenetrationPlan(approval_chain=("CFO",), needs=("speed",), risks=("budget",))
    stored = replace(_prospect(), penetration=replace(opened, risks=("budget", "timing")))
    mine = replace(opened, needs=("speed", "audit trail"))
    saved = actions.set_account_plan(stored, mine, NOW, was=opened).penetration
    assert saved.needs == ("speed", "audit trail") and saved.risks == ("budget", "timing")
    clash = replace(opened, risks=("none",))
    with pytest.raises(actions.Refused, match="risks were changed elsewhere"):
        actions.set_account_plan(stored, clash, NOW, was=opened)
