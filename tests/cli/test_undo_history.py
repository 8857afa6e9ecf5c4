"""`leadline undo`, `history`, `delete` and `merge`, driven as a user would, checked on disk."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from leadline.core.store.facade import Store

Run = Callable[..., Any]


def _on_disk(db: Path) -> list[Any]:
    with Store.open(db) as store:
        return store.prospects()


def test_undo_reverts_the_last_change_and_history_says_who(cli: Run, cli_db: Path) -> None:
    cli("add", "Acme Ltd")
    cli("note", "acme", "Wants a pilot")
    undone = cli("undo")
    assert "Undid note added on Acme Ltd, made by leadline note at" in undone.stdout
    assert _on_disk(cli_db)[0].notes == ()
    lines = cli("history").stdout.splitlines()
    assert "Acme Ltd  undo of note added  leadline undo" in lines[0]
    assert "Acme Ltd  note added  leadline note" in lines[1]
    assert "Acme Ltd  added  leadline add" in lines[2]
    again = cli("undo")  # the one before: the add
    assert "Undid added on Acme Ltd" in again.stdout
    assert _on_disk(cli_db) == []
    nothing = cli("undo", check=False)
    assert (nothing.returncode, nothing.stderr) == (1, "leadline: nothing to undo\n")


def test_history_of_one_prospect_and_as_json(cli: Run) -> None:
    cli("add", "Acme Ltd")
    cli("add", "Globex")
    cli("move", "globex", "won")
    text = cli("history", "globex").stdout
    assert "Acme" not in text and "Globex  stage" in text
    entries = json.loads(cli("history", "--json").stdout)
    assert [e["what"] for e in entries] == ["stage Lead -> Won", "added", "added"]
    assert entries[0]["by"] == "leadline move" and entries[0]["prospects"][0]["name"] == "Globex"
    assert entries[-1]["undoable"] is True and entries[-1]["at"]


def test_delete_needs_yes_without_a_terminal_and_can_be_undone(cli: Run, cli_db: Path) -> None:
    cli("add", "Acme Ltd")
    refused = cli("delete", "acme", check=False)
    assert refused.returncode == 1
    assert "needs --yes when not run from a terminal" in refused.stderr
    assert len(_on_disk(cli_db)) == 1
    done = cli("delete", "acme", "--yes")
    assert done.stdout.startswith("deleted Acme Ltd (") and "leadline undo" in done.stdout
    assert _on_disk(cli_db) == []
    assert "Undid deleted on Acme Ltd" in cli("undo").stdout
    assert [p.name for p in _on_disk(cli_db)] == ["Acme Ltd"]


def test_merge_refuses_listing_conflicts_then_merges_as_told(cli: Run, cli_db: Path) -> None:
    cli("add", "Globex", "--value", "5000", "--contact", "Anna Nowak")
    other = cli("add", "Globex Inc", "--value", "7000", "--contact", "Bo Berg").stdout.strip()
    cli("note", other, "asked for the price list")
    refused = cli("merge", "Globex", other, check=False)
    assert refused.returncode == 1
    assert "--take FIELD=kept|other" in refused.stderr
    assert "  name (Name): kept Globex · other Globex Inc" in refused.stderr
    assert "  value (Value): kept €5,000 · other €7,000" in refused.stderr
    assert len(_on_disk(cli_db)) == 2  # nothing changed
    done = cli("merge", "Globex", other, "--take", "name=other", "--prefer", "kept")
    assert "merged Globex Inc" in done.stdout
    [kept] = _on_disk(cli_db)
    assert (kept.name, kept.value) == ("Globex Inc", 5000.0)
    assert [c.name for c in kept.contacts] == ["Anna Nowak", "Bo Berg"]
    assert [n.text for n in kept.notes] == ["asked for the price list"]
    assert "merged Globex Inc into it  leadline merge" in cli("history").stdout
    cli("undo")
    assert sorted(p.name for p in _on_disk(cli_db)) == ["Globex", "Globex Inc"]


def test_a_bad_take_is_one_line(cli: Run) -> None:
    cli("add", "Globex")
    cli("add", "Initech")
    bad = cli("merge", "globex", "initech", "--take", "colour=other", check=False)
    assert bad.returncode == 1 and "give FIELD=kept or FIELD=other" in bad.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_delete_from_a_terminal_asks_y_n(
    cli: Run, cli_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("add", "Acme Ltd")
    monkeypatch.setattr(sys, "stdin", _Terminal("n\n"))
    kept = cli("delete", "acme", check=False)
    assert "Delete Acme Ltd (" in kept.stdout and "? [y/N] nothing deleted" in kept.stdout
    assert kept.returncode == 1 and len(_on_disk(cli_db)) == 1
    monkeypatch.setattr(sys, "stdin", _Terminal("y\n"))
    assert "deleted Acme Ltd" in cli("delete", "acme").stdout
    assert _on_disk(cli_db) == []


def test_an_import_is_one_change_undone_whole(cli: Run, cli_db: Path, tmp_path: Path) -> None:
    cli("add", "Globex")
    leads = tmp_path / "leads.csv"
    leads.write_text("company,contact\nInitech,Bill L\nHooli,Gavin B\n", encoding="utf-8")
    cli("import", str(leads))
    assert "Initech, Hooli  2 added  leadline import" in cli("history").stdout
    assert "Undid 2 added, made by leadline import at" in cli("undo").stdout
    assert [p.name for p in _on_disk(cli_db)] == ["Globex"]


def test_history_of_a_deleted_prospect_by_name_or_id(cli: Run, cli_db: Path) -> None:
    pid = cli("add", "Initech").stdout.strip()
    cli("note", "initech", "Call back")
    cli("delete", "initech", "--yes")
    by_name = cli("history", "initech").stdout.splitlines()
    assert [line.split("  Initech  ")[-1] for line in by_name] == [
        "deleted  leadline delete",
        "note added  leadline note",
        "added  leadline add",
    ]
    assert cli("history", pid).stdout.splitlines() == by_name
    unknown = cli("history", "nobody", check=False)
    assert (unknown.returncode, unknown.stdout) == (1, "")
    assert unknown.stderr == "leadline: no prospect matches 'nobody', nor any in the history\n"
    assert _on_disk(cli_db) == []
