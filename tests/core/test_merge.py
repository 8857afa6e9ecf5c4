"""Merging two prospects: lists united once, one-sided fields kept, conflicts asked."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from testkit import NOW, prospect

from leadline.core.actions.merge import MergeConflict, merge_conflicts, merged
from leadline.core.actions.refusal import Refused
from leadline.core.models import Contact, Note, Role, Touch, TouchOutcome

LATER = datetime(2026, 12, 3, 10, 0)
CALL = Touch(date(2026, 11, 20), "phone", TouchOutcome.REPLIED)
ANNA = Contact("Anna Nowak", Role.DECISION_MAKER, email="anna@globex.example")


def _pair() -> tuple:  # type: ignore[type-arg]
    kept = prospect(id="k", name="Globex", value=5000.0, contacts=(ANNA,), touches=(CALL,),
                    notes=(Note(NOW, "met at fair"),), tags=("fair",))  # fmt: skip
    other = prospect(id="o", name="Globex Inc", value=0.0, currency="EUR",
                     contacts=(ANNA, Contact("Bo Berg")), touches=(CALL,),
                     notes=(Note(LATER, "asked for price"),), tags=("fair", "web"),
                     qualification={"budget": True})  # fmt: skip
    return kept, other


def test_only_fields_set_differently_on_both_sides_conflict() -> None:
    kept, other = _pair()
    assert [c.field for c in merge_conflicts(kept, other)] == ["name"]
    conflict = merge_conflicts(kept, other)[0]
    assert (conflict.mine, conflict.theirs) == ("Globex", "Globex Inc")


def test_merge_unites_lists_once_and_keeps_one_sided_fields() -> None:
    kept, other = _pair()
    out = merged(kept, other, LATER, take={"name": "other"})
    assert out.id == "k" and out.name == "Globex Inc"
    assert out.contacts == (ANNA, Contact("Bo Berg"))
    assert out.touches == (CALL,)
    assert [n.text for n in out.notes] == ["met at fair", "asked for price"]
    assert out.tags == ("fair", "web")
    assert (out.value, out.currency) == (5000.0, "EUR")
    assert out.qualification == {"budget": True}
    assert len(out.stage_history) == 1  # the same entry on both sides, once
    assert out.updated == LATER


def test_a_conflict_not_chosen_is_refused_with_the_fields() -> None:
    kept, other = _pair()
    with pytest.raises(MergeConflict) as refused:
        merged(kept, other, LATER)
    assert [c.field for c in refused.value.conflicts] == ["name"]
    assert merged(kept, other, LATER, prefer="kept").name == "Globex"
    with pytest.raises(Refused, match="not a field"):
        merged(kept, other, LATER, take={"colour": "kept"})
