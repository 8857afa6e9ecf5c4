"""Duplicates: the same company under another spelling, or a shared e-mail or phone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from testkit import NOW, prospect

from leadline.core.models import Contact
from leadline.core.rules.dupes import (
    Likeness,
    company_key,
    likely_duplicates,
    looks_like,
    phone_key,
)


@pytest.mark.parametrize(
    "name",
    ["Globex", "Globex Ltd", "GLOBEX limited", "Globex, Inc.", "Globex Corp.", "globex GmbH",
     "Globex AG", "Globex S.A.", "Globex SA", "Globex S.p.A.", "Globex SRL", "Globex s.r.o.",
     "Globex sp. z o.o.", "Globex Sp. z o.o.", "Globex Oy", "Globex AB", "Globex AS",
     "Globex B.V.", "Globex NV", "Globex plc", "Globex Co.", "Globex GmbH & Co. KG",
     "Glo-bex LLC", "  globex  ", "ООО Globex"],
)  # fmt: skip
def test_legal_form_case_and_punctuation_do_not_count(name: str) -> None:
    assert company_key(name) == "globex"


def test_accents_and_cyrillic_forms() -> None:
    assert company_key("Wisła S.A.") == company_key("WISLA") == "wisla"
    assert company_key("ООО «Ромашка»") == company_key("Ромашка АО") == "ромашка"
    assert company_key("Ltd") == "ltd"  # a name that is only a legal form keeps it


def test_different_companies_differ() -> None:
    assert company_key("Globex") != company_key("Globex Logistics")
    assert company_key("Acme") != company_key("Acne")


@pytest.mark.parametrize(
    ("one", "other"),
    [("+48 600 123 456", "600-123-456"), ("0048 600123456", "+48600123456"),
     ("020 7946 0000", "+44 20 7946 0000"), ("(555) 010-0100", "555.010.0100")],
)  # fmt: skip
def test_phones_match_without_country_prefix_or_leading_zeros(one: str, other: str) -> None:
    assert phone_key(one) == phone_key(other) != ""


def test_short_numbers_are_no_phone() -> None:
    assert phone_key("112") == ""


def _p(pid: str, name: str, *contacts: Contact, age: int = 0):  # type: ignore[no-untyped-def]
    return prospect(id=pid, name=name, contacts=contacts, created=NOW - timedelta(days=age))


def test_groups_name_email_and_phone_likenesses_with_reasons() -> None:
    old = _p("a1", "Globex Ltd", Contact("Hank", email="Hank@Globex.com"), age=10)
    same_name = _p("b2", "GLOBEX")
    same_mail = _p("c3", "Globex Europe", Contact("H. Scorpio", email="hank@globex.com "))
    same_phone = _p("d4", "Initech", Contact("Bill", phone="+48 600 123 456"))
    phone_too = _p("e5", "Initrode", Contact("Bob", phone="600123456"))
    alone = _p("f6", "Umbrella")
    groups = likely_duplicates([same_phone, old, alone, same_name, same_mail, phone_too])
    assert [[p.id for p in g.prospects] for g in groups] == [["a1", "b2", "c3"], ["d4", "e5"]]
    assert {r.likeness for r in groups[0].reasons} == {Likeness.NAME, Likeness.EMAIL}
    assert [r.likeness for r in groups[1].reasons] == [Likeness.PHONE]


def test_looks_like_names_the_existing_prospect_and_why() -> None:
    stored = [_p("a1", "Globex Ltd"), _p("b2", "Initech")]
    found = looks_like(_p("", "globex limited"), stored)
    assert [(p.id, [r.likeness for r in why]) for p, why in found] == [("a1", [Likeness.NAME])]
    assert looks_like(_p("", "Umbrella"), stored) == []


@given(
    st.lists(st.sampled_from(["Globex", "Globex Ltd", "Acme", "ACME inc", "Initech"]), max_size=12)
)
def test_every_group_shares_a_key_and_no_prospect_is_in_two(names: list[str]) -> None:
    ps = [_p(f"{i:08x}", name, age=i) for i, name in enumerate(names)]
    groups = likely_duplicates(ps)
    seen = [p.id for g in groups for p in g.prospects]
    assert len(seen) == len(set(seen))
    for g in groups:
        assert len({company_key(p.name) for p in g.prospects}) == 1
    expected = {
        company_key(n) for n in names if sum(company_key(m) == company_key(n) for m in names) > 1
    }
    assert {company_key(g.prospects[0].name) for g in groups} == expected


def test_grouping_100k_prospects_indexes_rather_than_compares_pairs() -> None:
    ps = [
        _p(f"{i:08x}", f"Company {i}", Contact("X", phone=f"+48 {500000000 + i}"))
        for i in range(100_000)
    ]
    ps.append(_p("dupe", "company 7 ltd"))
    groups = likely_duplicates(ps)  # O(n^2) would take hours; this returns in about a second
    assert [[p.id for p in g.prospects] for g in groups] == [["00000007", "dupe"]]
