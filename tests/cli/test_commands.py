"""The plain commands, driven as a user would, on real files: in-process through `main(argv)`
(conftest's `cli`), and in a fresh interpreter where start-up itself is the point."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

Run = Callable[..., Any]  # conftest's runners: (*argv, check=, env=) -> Result


def as_json(result: Any) -> Any:
    return json.loads(result.stdout)


def test_add_note_show_round_trip(cli: Run, tmp_path: Path) -> None:
    pid = cli(
        "add",
        "Ararat Technologies",
        "--value",
        "12000",
        "--contact",
        "Anna Petrosyan",
        "--role",
        "decision-maker",
        "--email",
        "anna@ararat.example",
    ).stdout.strip()
    assert len(pid) == 8
    cli("note", "ararat", "Wants a pilot in Q1; call back Tuesday")
    shown = as_json(cli("show", pid, "--json"))
    assert isinstance(shown, dict)
    assert shown["name"] == "Ararat Technologies"
    assert shown["value"] == 12000
    assert shown["notes"][0]["text"] == "Wants a pilot in Q1; call back Tuesday"
    assert shown["contacts"][0]["role"] == "decision-maker"
    text = cli("show", "Ararat").stdout
    assert "Anna Petrosyan" in text and "Wants a pilot" in text


def test_data_file_is_private(cli: Run, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        cli("add", "Acme")
    finally:
        os.umask(old)
    db = tmp_path / "data" / "leadline.json"
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700


def test_ambiguous_fragment_lists_candidates_and_exits_1(cli: Run) -> None:
    first = cli("add", "Nordwind Logistik").stdout.strip()
    second = cli("add", "Nordwind Retail").stdout.strip()
    result = cli("note", "nordwind", "hello", check=False)
    assert result.returncode == 1
    assert first in result.stderr and second in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unknown_prospect_and_stage_are_user_errors(cli: Run) -> None:
    cli("add", "Acme")
    assert cli("note", "nobody", "x", check=False).returncode == 1
    moved = cli("move", "Acme", "heaven", check=False)
    assert moved.returncode == 1 and "unknown stage 'heaven'" in moved.stderr


def test_move_to_outcome_and_list_by_stage(cli: Run) -> None:
    cli("add", "Acme", "--stage", "proposal", "--value", "5000", "--date", "2026-11-01")
    cli("add", "Beta")
    cli("move", "Acme", "won", "--date", "2026-11-20")
    won = as_json(cli("list", "--stage", "won", "--json"))
    assert [p["name"] for p in won] == ["Acme"]
    # the win records its value, so a reopened customer's old win keeps its money
    assert won[0]["stage_history"][-1] == {"stage": "won", "date": "2026-11-20", "value": 5000.0}


def test_bad_config_exits_2_with_location(cli: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "stages:\n  - key: lead\n    name: Lead\n    section: above\n    probability: 2\n"
    )
    result = cli("check", env={"LEADLINE_CONFIG": str(bad)}, check=False)
    assert result.returncode == 2
    assert f"{bad}:5:" in result.stderr
    assert "Traceback" not in result.stderr


def test_corrupt_data_file_is_refused_and_untouched(cli: Run, tmp_path: Path) -> None:
    cli("add", "Acme")
    db = tmp_path / "data" / "leadline.json"
    broken = db.read_bytes()[:-20]
    db.write_bytes(broken)
    result = cli("note", "Acme", "lost?", check=False)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == broken


def test_check_on_sample_data(sample_cli: Run) -> None:
    out = sample_cli("check").stdout
    assert "OK" in out and "prospects" in out


def test_tui_without_terminal_points_to_cli(cli_process: Run) -> None:
    # A real process: no terminal on stdin/stdout, so the TUI must not start or draw.
    result = cli_process(check=False, env={"TERM": "dumb"})
    assert result.returncode == 1
    assert "leadline queue" in result.stderr
    assert "\x1b[" not in result.stdout + result.stderr


def test_a_shell_sees_the_exit_statuses_and_no_traceback(cli_process: Run, tmp_path: Path) -> None:
    # The statuses main() returns (tested in-process above) are what the shell gets.
    mistake = cli_process("frobnicate", check=False)
    assert mistake.returncode == 1 and len(mistake.stderr.strip().splitlines()) == 1
    bad = tmp_path / "bad.yaml"
    bad.write_text("stages: 3\n")
    broken = cli_process("check", env={"LEADLINE_CONFIG": str(bad)}, check=False)
    assert broken.returncode == 2 and f"{bad}:1:" in broken.stderr
    assert "Traceback" not in mistake.stderr + broken.stderr


def test_stop_following_scenario_through_the_cli_only(cli: Run) -> None:
    start = date(2026, 9, 1)
    pid = cli(
        "add",
        "Quiet GmbH",
        "--stage",
        "qualified",
        "--date",
        start.isoformat(),
        "--contact",
        "Jan Kowalski",
        "--role",
        "decision-maker",
    ).stdout.strip()
    for week in range(5):
        day = start + timedelta(weeks=week)
        cli("log", pid, "--channel", "email", "--outcome", "no-response", "--date", day.isoformat())
    fifth = start + timedelta(weeks=4)

    def stop_items(today: date) -> list[dict[str, object]]:
        items = as_json(cli("queue", "--today", today.isoformat(), "--json"))
        assert isinstance(items, list)
        return [i for i in items if i["id"] == pid and i["reason"] == "stop-following"]

    before = fifth - timedelta(days=1)
    # The day before the fifth touch, only four went unanswered: keep following.
    assert stop_items(before) == []
    proposed = stop_items(fifth)
    assert len(proposed) == 1
    assert proposed[0]["proposed_exit"] in ("dead", "nurture")


def test_queue_and_funnel_json_shape(sample_cli: Run) -> None:
    items = as_json(sample_cli("queue", "--today", "2026-11-23", "--json"))
    assert isinstance(items, list) and items
    for key in ("id", "name", "reason", "due", "stage", "section", "value"):
        assert key in items[0]
    funnel = as_json(sample_cli("funnel", "--today", "2026-11-23", "--json"))
    assert isinstance(funnel, dict)
    for key in (
        "stages",
        "sections",
        "quota",
        "win_rate",
        "normal_cycle_days",
        "conversion",
        "advice",
        "time_allocation",
    ):
        assert key in funnel
    for key in ("target", "won", "expected", "gap", "new_pipeline_needed"):
        assert key in funnel["quota"]


def test_json_output_is_valid_even_with_wide_names(sample_cli: Run) -> None:
    listed = as_json(sample_cli("list", "--json"))
    assert isinstance(listed, list)
    names = [p["name"] for p in listed]
    assert any(any("\u4e00" <= ch <= "\u9fff" for ch in n) for n in names)
    assert json.loads(json.dumps(listed, ensure_ascii=False)) == listed


def test_a_data_file_copied_in_world_readable_is_made_private(cli: Run, tmp_path: Path) -> None:
    cli("add", "Acme")
    db = tmp_path / "data" / "leadline.json"
    db.chmod(0o644)
    cli("note", "Acme", "still private")
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_command_line_mistakes_are_user_errors(cli: Run) -> None:
    cli("add", "Acme", "--value", "12k")
    assert as_json(cli("show", "Acme", "--json"))["value"] == 12000
    for args in (
        ("add", "Beta", "--value", "twelve"),
        ("log", "Acme", "--channel", "phone", "--outcome", "maybe"),
        ("log", "Acme", "--channel", "", "--outcome", "replied"),
        ("log", "Acme", "--channel", "phone", "--outcome", "replied", "--date", "2999-01-01"),
        ("frobnicate",),
    ):
        result = cli(*args, check=False)
        assert result.returncode == 1, args
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert as_json(cli("show", "Acme", "--json"))["touches"] == []


def test_stage_names_in_any_case_and_a_suggestion(cli: Run) -> None:
    cli("add", "Acme", "--stage", "Proposal")
    cli("move", "Acme", "WON")
    assert as_json(cli("show", "Acme", "--json"))["stage"] == "won"
    wrong = cli("move", "Acme", "negotation", check=False)
    assert wrong.returncode == 1 and "did you mean 'negotiation'?" in wrong.stderr
