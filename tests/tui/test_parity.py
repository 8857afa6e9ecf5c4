"""Every user action done through the CLI and through the TUI gives the same stored prospect.

Both front-ends only parse what the user typed and call core's action
(`leadline.core.actions`), so from the same data, on the same day, with the
same input, the prospect saved must be equal field by field. Each case runs
`leadline ...` in-process on one copy of the data and drives the TUI by keys
(Pilot) on another; the clock is fixed for both.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from shell_support import FIXED_NOW, sample_file
from work_support import asynctest, work_prospects

from leadline.core.models import Doc
from leadline.core.store.facade import Store
from leadline.tui.app import LeadlineApp
from leadline.tui.cli import support
from leadline.tui.cli.main import main

Keys = Callable[[LeadlineApp, Any], Awaitable[None]]


@dataclass(frozen=True)
class Case:
    pid: str
    argv: list[str]
    keys: tuple[str, ...]
    on_detail: bool = True
    after: tuple[str, ...] = ()


CASES = {
    "note": Case("bj", ["note", "bj", "Budget approved, pilot in Q1"],
                 ("n", *"Budget approved, pilot in Q1", "ctrl+s")),
    "log replied": Case("bj", ["log", "bj", "--channel", "email", "--outcome", "replied"],
                        ("l", "enter")),
    "log no response, minutes": Case(
        "acme", ["log", "acme", "--channel", "phone", "--outcome", "no-response",
                 "--minutes", "15"], ("l", "n", "m", *"15", "enter")),
    "snooze": Case("bj", ["snooze", "bj", "3"], ("s", "3")),
    "reschedule": Case("ararat", ["reschedule", "ararat", "fri"], ("r", *"fri", "enter")),
    "advance": Case("bj", ["advance", "bj"], ("a", "y")),
    "move to a stage": Case("bj", ["move", "bj", "proposal"],
                            ("e", "f", "tab", "enter", "down", "down", "enter", "ctrl+s")),
    "move to an outcome": Case("bj", ["move", "bj", "lost"],
                               ("e", "f", "tab", "enter", "end", "up", "up", "enter", "ctrl+s")),
    "stop following": Case("silent", ["stop", "silent", "--to", "dead"], ("x", "d", "enter")),
    "edit a field": Case("bj", ["edit", "bj", "--value", "31000"],
                         ("e", "f", "tab", "tab", "tab", *["backspace"] * 8, *"31000", "ctrl+s")),
    "add a contact": Case(
        "bj", ["contact", "add", "bj", "Li Wei", "--role", "decision maker", "--title", "CTO",
               "--email", "li@bj.cn"],
        ("e", "c", "a", *"Li Wei", "tab", "enter", "down", "enter", "tab", *"CTO", "tab",
         *"li@bj.cn", "enter"), after=("escape",)),
    "book a meeting": Case(
        "bj", ["meeting", "bj", "2026-11-30", "--time", "9:30", "--title", "Demo"],
        ("e", "m", "a", *"2026-11-30", "tab", *"9:30", "tab", *"Demo", "enter"),
        after=("escape",)),
    "account plan": Case(
        "bj", ["plan", "bj", "--chain", "Wang (IT)", "--chain", "CFO",
               "--objection", "No budget => phase the rollout"],
        ("e", "p", *"Wang (IT)", "enter", *"CFO", "tab", "tab",
         *"No budget => phase the rollout", "ctrl+s")),
}  # fmt: skip


def _seed(path: Path) -> None:
    with Store.open(path) as store:
        store.add_many(work_prospects())


def _docs(path: Path) -> dict[str, Doc]:
    with Store.open(path) as store:
        return {p.id: p.to_doc() for p in store.prospects()}


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[list[str]], Path]:
    """Run `leadline ARGV` in-process on its own copy of the data, at the fixed time."""
    monkeypatch.setattr(support.Context, "now", staticmethod(lambda: FIXED_NOW))
    config = sample_file("config.yaml")
    assert config is not None
    db = tmp_path / "cli.json"
    _seed(db)

    def run(argv: list[str]) -> Path:
        assert main(["--db", str(db), "--config", str(config), *argv]) == 0
        return db

    return run


@pytest.mark.parametrize("name", list(CASES))
def test_cli_and_tui_store_the_same_prospect(name: str, cli: Any, app_factory: Any) -> None:
    case = CASES[name]
    db = cli(case.argv)
    app = app_factory(prospects=work_prospects())

    @asynctest
    async def drive() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            app.open_prospect(case.pid)
            await pilot.pause()
            await pilot.press(*case.keys)
            await pilot.pause()
            await pilot.press(*case.after)
            await pilot.pause()

    drive()
    by_cli, by_tui = _docs(db), _docs(app.store.path)
    assert by_tui[case.pid] != {p.id: p.to_doc() for p in work_prospects()}[case.pid]
    assert by_cli[case.pid] == by_tui[case.pid]
    assert by_cli == by_tui  # and nothing else changed on either side


def test_adding_a_prospect_gives_the_same_prospect(cli: Any, app_factory: Any) -> None:
    db = cli(["add", "Ваня Трейд", "--stage", "proposal", "--value", "12k", "--contact",
              "Иван Петров", "--role", "decision maker", "--email", "ivan@trade.ru"])  # fmt: skip
    app = app_factory(prospects=work_prospects())

    @asynctest
    async def drive() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("t", "plus", *"Ваня Трейд")
            await pilot.press("tab", "enter", *["down"] * 5, "enter")  # stage: Proposal
            await pilot.press("tab", *"12k", "tab", *"Иван Петров", "tab")
            await pilot.press("enter", "down", "enter")  # role: decision maker
            await pilot.press("tab", *"ivan@trade.ru", "ctrl+s")
            await pilot.pause()

    drive()

    def added(path: Path) -> Doc:
        doc = next(d for d in _docs(path).values() if d["name"] == "Ваня Трейд")
        return {k: v for k, v in doc.items() if k != "id"}

    assert added(db) == added(app.store.path)
    assert added(db)["stage"] == "proposal" and added(db)["lifecycle"] == "lead"


def test_the_cli_reads_dates_as_the_tui_does(cli: Any, capsys: pytest.CaptureFixture[str]) -> None:
    # `log --date tomorrow` was refused as "not a date" while the TUI took it; now both
    # read core's grammar, and a touch in the future is refused for what it is.
    with pytest.raises(AssertionError):
        cli(["log", "bj", "--channel", "phone", "--outcome", "replied", "--date", "tomorrow"])
    assert "in the future: log what happened" in capsys.readouterr().err
    db = cli(["log", "bj", "--channel", "phone", "--outcome", "replied", "--date", "fri"])
    assert _docs(db)["bj"]["touches"][-1]["date"] == "2026-11-20"  # the Friday before
    with pytest.raises(AssertionError):
        cli(["reschedule", "bj", "month"])
    assert "not a date: 'month'" in capsys.readouterr().err


def test_the_cli_refuses_an_e_mail_without_a_contact(
    cli: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(AssertionError):
        cli(["add", "Globex", "--email", "jo@globex.test"])
    assert "give the contact's name" in capsys.readouterr().err
