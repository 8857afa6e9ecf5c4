"""`leadline move X lost --reason` and `stop --reason` keep why; `show` prints it."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

Run = Callable[..., Any]
"""The `cli` fixture (tests/cli/conftest.py): runs leadline, gives its result."""


def test_move_to_lost_keeps_the_reason_in_the_configs_spelling_and_show_prints_it(
    cli: Run,
) -> None:
    cli("add", "Acme", "--stage", "proposal")
    moved = cli("move", "Acme", "lost", "--reason", "  No   Budget ")
    assert moved.stdout.splitlines() == ["moved Acme to Lost", "reason: no budget"]
    assert "  reason closed: no budget" in cli("show", "Acme").stdout.splitlines()
    assert json.loads(cli("show", "Acme", "--json").stdout)["lost_reason"] == "no budget"


def test_move_to_lost_without_a_reason_says_how_to_give_one(cli: Run) -> None:
    cli("add", "Acme", "--stage", "proposal")
    moved = cli("move", "Acme", "lost")
    assert "no reason recorded; give one with --reason (price, timing," in moved.stdout
    assert "reason closed" not in cli("show", "Acme").stdout


def test_free_text_reason_and_stop_dead_reason_are_kept(cli: Run) -> None:
    cli("add", "Acme", "--stage", "proposal")
    cli("add", "Beta", "--stage", "qualified")
    cli("move", "Acme", "dead", "--reason", "bought from their cousin")
    stopped = cli("stop", "Beta", "--to", "dead", "--reason", "went silent")
    assert stopped.stdout.splitlines()[-1] == "reason: went silent"
    assert "reason closed: bought from their cousin" in cli("show", "Acme").stdout
    assert "reason closed: went silent" in cli("show", "Beta").stdout


def test_a_move_to_an_open_stage_records_no_reason(cli: Run) -> None:
    cli("add", "Acme", "--stage", "proposal")
    moved = cli("move", "Acme", "negotiation", "--reason", "price")
    assert moved.stdout.splitlines() == ["moved Acme to Negotiation"]
    assert json.loads(cli("show", "Acme", "--json").stdout)["lost_reason"] == ""
