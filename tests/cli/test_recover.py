"""The command line when another program rewrote the data file over unfolded changes:
every command (the TUI too) refuses in one line naming the file and the changes, exit 2;
`leadline recover` applies what does not conflict and names what does (exit 1);
`leadline compact` folds the journal so TinyDB's own JSONStorage reads everything."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tinydb import TinyDB
from tinydb.storages import JSONStorage

from leadline.core.store.backups import backup_dir
from leadline.core.store.journal import journal_path

Run = Callable[..., Any]


def _prospects(db: Path) -> dict[str, dict[str, Any]]:
    """What a plain TinyDB program reads from the data file, by prospect name."""
    with TinyDB(db, storage=JSONStorage, access_mode="r") as plain:
        return {d["name"]: dict(d) for d in plain.table("prospects").all()}


def _other_program(db: Path, values: dict[str, int]) -> None:
    """Another program sets `value` on some prospects through TinyDB's JSONStorage."""
    with TinyDB(db, storage=JSONStorage) as other:
        table = other.table("prospects")
        for doc in table.all():
            if doc["name"] in values:
                table.update({"value": values[doc["name"]]}, doc_ids=[doc.doc_id])


@pytest.fixture
def rewritten(cli: Run, cli_db: Path) -> Path:
    """Acme GmbH, Bolt and Wisła folded in; leadline notes on Acme GmbH and Wisła in the
    journal; then another program edits Bolt and Wisła."""
    for name in ("Acme GmbH", "Bolt", "Wisła"):
        cli("add", name)
    assert cli("compact").stdout.startswith("folded ")
    cli("note", "Acme", "asked for the price list")
    cli("note", "Wisła", "send the contract")
    _other_program(cli_db, {"Bolt": 4000, "Wisła": 7000})
    return cli_db


@pytest.mark.parametrize("command", [["check"], ["queue"], ["note", "Bolt", "hi"], ["compact"]])
def test_every_command_refuses_naming_the_file_and_the_changes(
    cli: Run, rewritten: Path, command: list[str]
) -> None:
    kept = journal_path(rewritten).read_bytes()
    result = cli(*command, check=False)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert str(rewritten) in result.stderr and "leadline.json.journal" in result.stderr
    assert "2 unfolded changes (notes on Acme GmbH and Wisła)" in result.stderr
    assert "leadline recover" in result.stderr
    assert journal_path(rewritten).read_bytes() == kept


def test_the_tui_refuses_before_it_draws(
    cli: Run, rewritten: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leadline.tui import app  # noqa: PLC0415
    from leadline.tui.cli import commands  # noqa: PLC0415

    monkeypatch.setattr(commands, "_terminal_problem", lambda: None)
    monkeypatch.setattr(app, "run_app", lambda *a, **k: pytest.fail("the TUI started"))
    result = cli(check=False)
    assert result.returncode == 2 and "leadline recover" in result.stderr


def test_recover_keeps_both_sides_and_names_the_conflict(cli: Run, rewritten: Path) -> None:
    journal = journal_path(rewritten).read_bytes()
    result = cli("recover", check=False)
    assert result.returncode == 1, result.stderr
    conflict = [line for line in result.stdout.splitlines() if "CONFLICT" in line]
    assert len(conflict) == 1 and "Wisła" in conflict[0]
    assert "note added by leadline note at " in conflict[0]
    assert any("Acme GmbH: applied" in line for line in result.stdout.splitlines())
    kept = [p for p in backup_dir(rewritten).iterdir() if p.name.endswith("recover.json.journal")]
    assert len(kept) == 1 and kept[0].read_bytes() == journal
    assert cli("check").returncode == 0
    assert cli("compact").stdout.startswith("nothing to fold")
    seen = _prospects(rewritten)
    assert [n["text"] for n in seen["Acme GmbH"]["notes"]] == ["asked for the price list"]
    assert seen["Bolt"]["value"] == 4000
    assert seen["Wisła"]["value"] == 7000 and not seen["Wisła"]["notes"]
    assert "note added" in cli("history", "Wisła").stdout  # leadline's change still listed


def test_recover_json_and_exit_0_when_nothing_conflicts(cli: Run, cli_db: Path) -> None:
    for name in ("Acme GmbH", "Bolt"):
        cli("add", name)
    cli("compact")
    cli("note", "Acme", "first call")
    _other_program(cli_db, {"Bolt": 4000})
    result = cli("recover", "--json")
    body = json.loads(result.stdout)
    assert body["changes"] == 1 and body["conflicts"] == []
    assert [(a["name"], a["how"]) for a in body["applied"]] == [("Acme GmbH", "applied")]
    assert body["applied"][0]["changes"][0].startswith("note added by leadline note at ")
    assert "first call" in cli("show", "Acme").stdout
    assert cli("recover").stdout.startswith("nothing to recover")


def test_compact_makes_journal_only_prospects_visible_to_tinydb(cli: Run, cli_db: Path) -> None:
    cli("add", "Acme GmbH")
    cli("compact")
    cli("add", "Only in the journal")
    cli("note", "Acme", "a note")
    assert set(_prospects(cli_db)) == {"Acme GmbH"}  # a plain reader misses the journal
    assert cli("compact").stdout == f"folded 2 changes into {cli_db}\n"
    seen = _prospects(cli_db)
    assert set(seen) == {"Acme GmbH", "Only in the journal"}
    assert [n["text"] for n in seen["Acme GmbH"]["notes"]] == ["a note"]
    assert cli("compact").stdout.startswith("nothing to fold")


def test_recover_without_a_data_file_says_so(cli: Run) -> None:
    result = cli("recover", check=False)
    assert result.returncode == 2 and "no data file" in result.stderr
