"""Search: company, contacts, e-mails, phones by digits and notes, without case or accents."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import prospects
from testkit import prospect

from leadline.core.folding import digits, fold
from leadline.core.models import Contact, Note, Role
from leadline.core.rules.search import Field, search, search_prospects, searchable, snippet

WISLA = prospect(
    id="w1",
    name="Wisła Kraków S.A.",
    contacts=(
        Contact("Anna Nowak", Role.DECISION_MAKER, email="anna@wisla.pl", phone="+48 600-123-456"),
        Contact("Paweł Łukasiewicz", title="Head of Łódź office"),
    ),
    notes=(Note(datetime(2026, 11, 2, 10), "Asked about the warehouse module in Gdańsk"),),
)
GLOBEX = prospect(id="g1", name="Globex Ltd", contacts=(Contact("Hank Scorpio", phone="555 0100"),))


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("wisla", Field.COMPANY),
        ("WISŁA krakow", Field.COMPANY),
        ("anna nowak", Field.CONTACT),
        ("lukasiewicz", Field.CONTACT),
        ("ANNA@WISLA", Field.EMAIL),
        ("600 123", Field.PHONE),
        ("600123456", Field.PHONE),
        ("lodz", Field.TITLE),
        ("gdansk", Field.NOTE),
        ("warehouse", Field.NOTE),
    ],
)
def test_a_query_finds_the_prospect_and_says_where(query: str, field: Field) -> None:
    hits = search_prospects([GLOBEX, WISLA], query)
    assert [h.prospect.id for h in hits] == ["w1"]
    assert hits[0].best.field == field


def test_every_word_must_match_somewhere() -> None:
    assert search_prospects([WISLA], "anna warehouse")[0].prospect.id == "w1"
    assert search_prospects([WISLA], "anna globex") == []


def test_company_hits_rank_before_note_hits() -> None:
    noted = prospect(id="n1", name="Initech", notes=(Note(datetime(2026, 1, 1), "met globex"),))
    assert [h.prospect.id for h in search_prospects([noted, GLOBEX], "globex")] == ["g1", "n1"]


def test_a_long_note_shows_the_part_around_the_match() -> None:
    text = "x" * 100 + " the Wisła stadium " + "y" * 100
    part = snippet(text, "wisla")
    assert "Wisła stadium" in part and part.startswith("…") and part.endswith("…")
    assert len(part) <= 50


def test_blank_and_punctuation_queries_find_nothing() -> None:
    assert search_prospects([WISLA], "   ") == []
    assert search_prospects([WISLA], "--") == []


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Łódź", "lodz"), ("Wisła", "wisla"), ("Straße", "strasse"), ("Ørsted", "orsted"),
     ("Đorđe", "dorde"), ("Ærø", "aero"), ("Ёлка", "елка"), ("ÇAĞRI", "cagri")],
)  # fmt: skip
def test_fold_spells_out_letters_nfkd_leaves_whole(text: str, folded: str) -> None:
    assert fold(text) == folded


@given(st.text())
def test_folding_is_idempotent_and_case_blind(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    assert fold(text.upper()) == fold(text.lower()) or not text.isascii()


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prospects())
def test_a_prospect_is_found_by_its_own_name_and_contacts(p) -> None:  # type: ignore[no-untyped-def]
    item = searchable(p)
    for text in [p.name, *(c.name for c in p.contacts)]:
        if fold(text).split():
            assert p.id in {h.prospect.id for h in search([item], text)}
    for c in p.contacts:
        if len(digits(c.phone)) >= 3:
            assert search([item], digits(c.phone)), c.phone
