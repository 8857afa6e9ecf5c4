"""`leadline plan PROSPECT --contact NAME`: follow-ups go to that person; the queue's
call sheet and `show` name them; `--contact ""` gives them back to the decision maker."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

Run = Callable[..., Any]  # conftest's runners: (*argv, check=, env=) -> Result


@pytest.fixture
def acme(cli: Run) -> Run:
    cli("add", "Acme Ltd", "--contact", "Jane Roe", "--role", "Decision Maker",
        "--email", "jane@acme.test")  # fmt: skip
    cli("contact", "add", "acme", "Anna Nowak", "--phone", "+48 600 123 456")
    return cli


def test_plan_contact_puts_that_person_on_the_call_sheet(acme: Run) -> None:
    assert "phone: Jane Roe" not in acme("queue").stdout
    out = acme("plan", "acme", "--contact", "anna", "--interval", "14", "--channel", "phone")
    assert out.stdout == "plan of Acme Ltd: every 14 days by phone with Anna Nowak, not agreed\n"
    assert json.loads(acme("show", "acme", "--json").stdout)["plan"]["contact"] == "Anna Nowak"
    assert "phone: Anna Nowak +48 600 123 456" in acme("queue").stdout
    shown = acme("show", "acme").stdout
    assert "  next follow-up today by phone with Anna Nowak\n" in shown


def test_an_empty_contact_gives_follow_ups_back_to_the_decision_maker(acme: Run) -> None:
    acme("plan", "acme", "--contact", "2", "--channel", "email")
    assert "email: Anna Nowak" in acme("queue").stdout
    assert acme("plan", "acme", "--contact", "").stdout.endswith("by email, not agreed\n")
    assert json.loads(acme("show", "acme", "--json").stdout)["plan"]["contact"] == ""
    assert "email: Jane Roe jane@acme.test" in acme("queue").stdout


def test_a_contact_the_prospect_does_not_have_is_one_line_and_saves_nothing(acme: Run) -> None:
    result = acme("plan", "acme", "--contact", "Zed", check=False)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "leadline: no contact 'Zed' at Acme Ltd (contacts: 1 Jane Roe; 2 Anna Nowak)"
    ]
    assert json.loads(acme("show", "acme", "--json").stdout)["plan"]["contact"] == ""


def test_removing_the_contact_gives_the_plan_back_to_the_decision_maker(acme: Run) -> None:
    acme("plan", "acme", "--contact", "Anna Nowak")
    acme("contact", "edit", "acme", "anna", "--name", "Anna Kowal")
    assert json.loads(acme("show", "acme", "--json").stdout)["plan"]["contact"] == "Anna Kowal"
    acme("contact", "remove", "acme", "Anna Kowal")
    assert json.loads(acme("show", "acme", "--json").stdout)["plan"]["contact"] == ""
