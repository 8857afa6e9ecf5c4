"""The day's work from the command line alone: tick, contact add|edit|remove, plan,
meeting add, note from stdin and from $EDITOR; each checked on what is stored."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from leadline.core import config as config_package

Run = Callable[..., Any]  # conftest's runners: (*argv, check=, env=) -> Result


def stored(cli: Run, who: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(cli("show", who, "--json").stdout)
    return doc


@pytest.fixture
def acme(cli: Run) -> Run:
    cli("add", "Acme Ltd", "--contact", "Jane Roe", "--role", "Decision Maker",
        "--email", "jane@acme.test")  # fmt: skip
    return cli


def test_tick_names_items_as_the_checklist_does_and_untick_undoes(acme: Run) -> None:
    assert acme("tick", "acme", "budget", "target market").stdout == (
        "Acme Ltd: ticked Budget confirmed; In our target market\n"
    )
    ticks = stored(acme, "acme")["qualification"]
    assert ticks["Budget confirmed"] is True and ticks["In our target market"] is True
    acme("tick", "acme", "BUDGET", "--untick")
    assert stored(acme, "acme")["qualification"]["Budget confirmed"] is False


def test_tick_refuses_an_item_that_is_not_on_the_checklist(acme: Run) -> None:
    before = stored(acme, "acme")
    result = acme("tick", "acme", "Budget confirmd", "zzz", check=False)
    assert result.returncode == 1
    assert "no checklist item 'Budget confirmd'; did you mean 'Budget confirmed'?" in result.stderr
    assert result.stderr.count("\n") == 1
    several = acme("tick", "acme", "a", check=False)  # in many items
    assert several.returncode == 1 and "checklist items" in several.stderr
    assert stored(acme, "acme") == before


def test_contact_add_edit_remove_by_number_name_or_email(acme: Run) -> None:
    out = acme("contact", "add", "acme", "Bob Smith", "--role", "coach", "--phone", "+1 555")
    assert out.stdout == "Acme Ltd: added Bob Smith (2 contacts)\n"
    acme("contact", "edit", "acme", "bob", "--title", "CTO", "--birthday", "24 nov 1980")
    acme("contact", "edit", "acme", "jane@acme.test", "--phone", "+44 20")
    assert "  2. coach / champion Bob Smith" in acme("show", "acme").stdout  # the number
    acme("contact", "edit", "acme", "2", "--role", "influencer")
    people = {c["name"]: c for c in stored(acme, "acme")["contacts"]}
    assert people["Bob Smith"]["title"] == "CTO" and people["Bob Smith"]["role"] == "influencer"
    assert people["Bob Smith"]["phone"] == "+1 555"  # a flag left out changes nothing
    assert people["Bob Smith"]["birthday"] == "1980-11-24"
    assert (
        people["Jane Roe"]["phone"] == "+44 20" and people["Jane Roe"]["role"] == "decision-maker"
    )
    assert acme("contact", "remove", "acme", "Jane").stdout == (
        "Acme Ltd: removed Jane Roe (1 contact)\n"
    )
    assert [c["name"] for c in stored(acme, "acme")["contacts"]] == ["Bob Smith"]


def test_contact_mistakes_are_one_line(acme: Run) -> None:
    assert "no number 7" in acme("contact", "edit", "acme", "7", "--title", "x", check=False).stderr
    nobody = acme("contact", "remove", "acme", "Zed", check=False)
    assert nobody.returncode == 1 and "contacts: 1 Jane Roe" in nobody.stderr
    old_form = acme("contact", "acme", "Bob", check=False)  # the flags of before are gone
    assert old_form.returncode == 1 and "unknown action 'acme'" in old_form.stderr


def test_plan_sets_interval_channel_and_agreed(acme: Run) -> None:
    out = acme("plan", "acme", "--interval", "14", "--channel", "phone", "--agreed")
    assert out.stdout == "plan of Acme Ltd: every 14 days by phone, agreed with the customer\n"
    plan = stored(acme, "acme")["plan"]
    assert (plan["interval_days"], plan["channel"], plan["agreed"]) == (14, "phone", True)
    acme("plan", "acme", "--no-agreed", "--chain", "CFO")
    doc = stored(acme, "acme")
    assert doc["plan"]["agreed"] is False and doc["plan"]["interval_days"] == 14
    assert doc["penetration"]["approval_chain"] == ["CFO"]
    assert acme("plan", "acme", check=False).returncode == 1


def test_meeting_add_and_the_old_form_both_book(acme: Run) -> None:
    added = acme("meeting", "add", "acme", "2030-12-07", "--time", "9:30", "--title", "Demo")
    assert added.stdout == "Acme Ltd: meeting booked Sat 7 Dec 2030 (1 meeting)\n"
    acme("meeting", "acme", "2030-12-09")
    meetings = stored(acme, "acme")["meetings"]
    assert [(m["date"], m["time"]) for m in meetings] == [
        ("2030-12-07", "09:30"),
        ("2030-12-09", ""),
    ]
    acme("meeting", "acme", "--remove", "1")
    assert [m["date"] for m in stored(acme, "acme")["meetings"]] == ["2030-12-09"]


def test_note_dash_reads_the_note_from_stdin(acme: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Called: wants a pilot\nin March\n"))
    assert acme("note", "acme", "-").stdout.startswith("noted on Acme Ltd")
    assert stored(acme, "acme")["notes"][0]["text"] == "Called: wants a pilot\nin March"
    monkeypatch.setattr("sys.stdin", io.StringIO("  \n"))
    assert acme("note", "acme", "-").stdout == "the note is empty: no note saved\n"
    assert len(stored(acme, "acme")["notes"]) == 1


def _editor(tmp_path: Path, line: str) -> dict[str, str]:
    script = tmp_path / "editor.sh"
    script.write_text(f'#!/bin/sh\nprintf "{line}" >> "$1"\n', encoding="utf-8")
    script.chmod(0o700)
    return {"EDITOR": str(script), "VISUAL": ""}


def test_note_edit_saves_what_was_written_in_the_editor(acme: Run, tmp_path: Path) -> None:
    acme("note", "acme", "--edit", env=_editor(tmp_path, "Budget approved"))
    assert stored(acme, "acme")["notes"][0]["text"] == "Budget approved"
    nothing = acme("note", "acme", "--edit", env=_editor(tmp_path, ""))
    assert nothing.stdout == "nothing was written: no note saved\n"
    assert len(stored(acme, "acme")["notes"]) == 1
    broken = acme("note", "acme", "--edit", env={"EDITOR": "false", "VISUAL": ""}, check=False)
    assert broken.returncode == 1 and "no note saved" in broken.stderr
    assert len(stored(acme, "acme")["notes"]) == 1


def test_add_with_an_email_and_no_contact_refuses_and_saves_nothing(cli: Run) -> None:
    result = cli("add", "Globex", "--email", "info@globex.test", check=False)
    assert result.returncode == 1
    assert "belong to a contact: give the contact's name" in result.stderr
    assert cli("list", check=False).returncode == 2  # nothing was created either


def test_dates_typed_as_people_type_them(acme: Run, tmp_path: Path) -> None:
    acme("reschedule", "acme", "in 2 weeks")
    acme("meeting", "add", "acme", "next mon")
    doc = stored(acme, "acme")
    assert doc["plan"]["next_due"] and doc["meetings"][0]["date"]
    refused = acme("reschedule", "acme", "31 feb", check=False)
    assert refused.returncode == 1 and "February has no day 31" in refused.stderr
    us = tmp_path / "us.yaml"
    shipped = (Path(config_package.__file__).parent / "default_config.yaml").read_text("utf-8")
    us.write_text(shipped.replace("dates: {order: dmy}", "dates: {order: mdy}"), "utf-8")
    acme("meeting", "add", "acme", "12/07/2030", "--config", str(us))
    assert "2030-12-07" in [m["date"] for m in stored(acme, "acme")["meetings"]]


def test_an_empty_date_is_refused_not_read_as_today(acme: Run) -> None:
    acme("reschedule", "acme", "in 2 weeks")
    before = stored(acme, "acme")["plan"]["next_due"]
    log = ("log", "acme", "--channel", "email", "--outcome", "replied", "--date", "")
    for argv in (("reschedule", "acme", ""), log, ("queue", "--today", "")):
        refused = acme(*argv, check=False)
        assert (refused.returncode, refused.stderr) == (1, "leadline: enter a date\n"), argv
    doc = stored(acme, "acme")
    assert doc["plan"]["next_due"] == before and doc["touches"] == []
