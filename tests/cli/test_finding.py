"""`leadline search`, `dupes`, the duplicate warnings of `add` and `import`, and the
queue as a call sheet, as a user runs them; what is on disk afterwards."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from leadline.core.store.facade import Store

Run = Callable[..., Any]


def _names_on_disk(db: Path) -> list[str]:
    with Store.open(db) as store:
        return sorted(p.name for p in store.prospects())


def _seed(cli: Run) -> dict[str, str]:
    ids = {
        "wisla": cli("add", "Wisła Kraków S.A.", "--contact", "Anna Nowak",
                     "--role", "decision-maker", "--email", "anna@wisla.pl",
                     "--phone", "+48 600-123-456").stdout.strip(),
        "globex": cli("add", "Globex Ltd", "--contact", "Hank Scorpio",
                      "--phone", "555 0100").stdout.strip(),
    }  # fmt: skip
    cli("note", ids["globex"], "Wants the warehouse module before Łódź opens")
    return ids


def test_search_finds_by_company_contact_phone_digits_and_note_words(cli: Run) -> None:
    ids = _seed(cli)
    assert cli("search", "wisla").stdout.startswith(f"{ids['wisla']}  Wisła Kraków S.A.")
    by_person = cli("search", "anna", "nowak").stdout
    assert "contact: Anna Nowak" in by_person and ids["globex"] not in by_person
    assert "phone: +48 600-123-456" in cli("search", "600 123").stdout
    by_note = cli("search", "lodz").stdout
    assert ids["globex"] in by_note and "note: Wants the warehouse module before Łódź" in by_note
    assert cli("search", "umbrella").stdout == "No prospect matches 'umbrella'.\n"


def test_search_json_says_what_matched(cli: Run) -> None:
    ids = _seed(cli)
    (hit,) = json.loads(cli("search", "ANNA@WISLA", "--json").stdout)
    assert hit["id"] == ids["wisla"]
    assert hit["matches"] == [
        {"field": "email", "text": "anna@wisla.pl", "snippet": "anna@wisla.pl"}
    ]


def test_commands_find_a_prospect_by_its_name_without_accents(cli: Run) -> None:
    _seed(cli)
    cli("note", "wisla krakow", "called back")
    assert "note: called back" in cli("show", "WISŁA").stdout


def test_add_warns_of_a_likely_duplicate_adds_anyway_and_dupes_lists_it(
    cli: Run, cli_db: Path
) -> None:
    ids = _seed(cli)
    added = cli("add", "GLOBEX limited")
    new_id = added.stdout.strip()  # stdout stays the id, for scripts
    assert len(new_id) == 8
    assert f"warning: Looks like Globex Ltd (same name) [{ids['globex']}]" in added.stderr
    assert f"leadline merge {ids['globex']} {new_id}" in added.stderr
    assert _names_on_disk(cli_db) == ["GLOBEX limited", "Globex Ltd", "Wisła Kraków S.A."]

    by_phone = cli("add", "Initech", "--contact", "Bill", "--phone", "0048 600 123 456")
    assert "(same phone 0048 600 123 456)" in by_phone.stderr
    out = cli("dupes").stdout
    assert out.startswith("2 groups of prospects that look alike")
    assert (
        "Globex Ltd: same name" in out and f"merge: leadline merge {ids['globex']} {new_id}" in out
    )
    assert ": same phone " in out  # the oldest's name first: both were added this second
    groups = json.loads(cli("dupes", "--json").stdout)
    assert sorted(sorted(p["name"] for p in g["prospects"]) for g in groups) == [
        ["GLOBEX limited", "Globex Ltd"], ["Initech", "Wisła Kraków S.A."]]  # fmt: skip
    (named,) = [g for g in groups if g["reasons"][0]["likeness"] == "name"]
    assert named["merge"] == [f"leadline merge {ids['globex']} {new_id}"]
    assert named["reasons"] == [{"likeness": "name", "value": "Globex Ltd"}]


def test_add_of_a_new_company_says_nothing_more(cli: Run) -> None:
    _seed(cli)
    added = cli("add", "Umbrella Corp")
    assert added.stderr == ""
    assert cli("dupes").stdout == "No likely duplicates.\n"


def test_import_reports_rows_that_look_like_stored_prospects(cli: Run, tmp_path: Path) -> None:
    _seed(cli)
    source = tmp_path / "leads.csv"
    source.write_text(
        "name,contact,email\nGlobex Inc.,Hank,\nUmbrella,Alice,alice@umbrella.com\n"
        "Wisla Krakow,Someone,ANNA@wisla.pl\n",
        encoding="utf-8",
    )
    out = cli("import", str(source)).stdout
    assert "3 new" in out and "\n2 look like existing prospects: leadline dupes lists them\n" in out


def test_queue_says_whom_to_contact_and_by_which_handle(cli: Run) -> None:
    ids = _seed(cli)
    cli("add", "Nobody Inc")
    today = json.loads(cli("queue", "--json").stdout)
    contacts = {item["id"]: item["contact"] for item in today}
    assert contacts[ids["wisla"]] == {
        "name": "Anna Nowak", "role": "decision-maker", "role_label": "decision maker",
        "channel": "email", "handle": "anna@wisla.pl", "handle_kind": "email",
    }  # fmt: skip
    assert contacts[ids["globex"]]["handle"] == "555 0100"  # no e-mail: the phone stands in
    text = cli("queue").stdout
    assert "email: Anna Nowak anna@wisla.pl" in text
    assert "email: Hank Scorpio 555 0100" in text
    assert "email: no contact listed" in text


def test_a_name_written_without_accents_picks_the_exact_one_of_several(cli: Run) -> None:
    first = cli("add", "Łódź Trade").stdout.strip()
    cli("add", "Łódź Trade Logistics")
    cli("note", "lodz trade", "asked for a quote")  # both contain it; one is the name itself
    assert "note: asked for a quote" in cli("show", first).stdout


def test_an_empty_search_or_a_limit_below_one_is_one_line_not_a_false_no_match(
    cli: Run,
) -> None:
    cli("add", "Globex")
    cli("add", "Globex Logistics")
    for argv, said in (
        (("search", "  "), "leadline: give a word to find"),
        (("search", "glob", "--limit", "0"), "argument --limit: 0 is not 1 or more"),
        (("search", "glob", "--limit", "-1"), "argument --limit: -1 is not 1 or more"),
        (("history", "--limit", "0"), "argument --limit: 0 is not 1 or more"),
    ):
        refused = cli(*argv, check=False)
        assert refused.returncode != 0 and refused.stdout == "", argv
        assert said in refused.stderr and refused.stderr.count("\n") == 1, argv
    assert len(cli("search", "glob", "--limit", "1").stdout.splitlines()) == 1
    assert len(cli("history", "--limit", "1").stdout.splitlines()) == 1
