"""The command line words things as the screens do: stage and section names (never the
keys), the queue's due phrases, one date style, money rounded a half up, roles as shown."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from leadline.core.config.loader import load_config
from leadline.core.rules.queue import build_follow_up_queue
from leadline.core.store.facade import Store
from leadline.tui.screens.queue_rows import item_row

Run = Callable[..., Any]  # conftest's runners: (*argv, check=, env=) -> Result
TODAY = date(2026, 11, 23)  # the sample pipeline's anchor day
SAMPLE = Path(__file__).resolve().parents[2] / "sample_data"


def test_the_queue_says_what_the_tui_queue_rows_say(sample_cli: Run, tmp_path: Path) -> None:
    text = sample_cli("queue", "--today", TODAY.isoformat()).stdout
    assert text.startswith("Today · Mon 23 Nov 2026 · ")  # as the queue screen's title
    config = load_config(SAMPLE / "config.yaml")
    with Store.open(tmp_path / "sample.json") as store:
        items = build_follow_up_queue(store.prospects(), config, TODAY)
    lines = text.splitlines()
    assert items and any(str(i.reason) == "meeting-reminder" for i in items)
    for item in items:
        _name, stage, value, due, _channel, *_ = item_row(item, config, TODAY).cells
        line = next(ln for ln in lines if ln.startswith(f"  {item.prospect.id}  ") and
                    re.search(rf"\s{re.escape(due)}\s", ln))  # fmt: skip
        assert stage[:14].rstrip("…") in line and value in line
    assert "meeting tomorrow" in text  # the Due column's words, not the plain "today"


def test_the_funnel_names_sections_and_stages_as_the_tui_does(sample_cli: Run) -> None:
    text = sample_cli("funnel", "--today", TODAY.isoformat()).stdout
    for title in ("Above the funnel", "In the funnel", "Best few"):
        assert re.search(rf"^  {title} +\d+ deals", text, re.M), title
    assert not re.search(r"^  (above|in|best few) ", text, re.M)
    assert "    Needs analysis " in text and not re.search(r"^ +needs ", text, re.M)


def test_stage_names_not_keys_in_list_and_move(cli: Run) -> None:
    cli("add", "Acme Ltd", "--stage", "Needs analysis")
    assert "Needs analysis" in cli("list").stdout and " needs " not in cli("list").stdout
    assert cli("move", "acme", "demo").stdout.startswith("moved Acme Ltd to Demo / trial")


def test_amounts_round_a_half_up_in_lists_and_exact_in_show(cli: Run) -> None:
    cli("add", "Twelve and a half", "--value", "12500")
    cli("add", "Thirteen and a half", "--value", "13500")
    listed = cli("list").stdout
    assert re.search(r"Twelve and a half .* €13k$", listed, re.M)
    assert re.search(r"Thirteen and a half .* €14k$", listed, re.M)
    assert "value €12,500" in cli("show", "Twelve").stdout


def test_roles_are_accepted_as_the_tui_shows_them(cli: Run) -> None:
    cli("add", "Acme Ltd", "--contact", "Jane", "--role", "DECISION MAKER")
    cli("contact", "add", "acme", "Bob", "--role", "Coach / Champion")
    roles = [c["role"] for c in json.loads(cli("show", "acme", "--json").stdout)["contacts"]]
    assert roles == ["decision-maker", "coach"]
    shown = cli("show", "acme").stdout
    assert "decision maker" in shown and "coach / champion" in shown
    wrong = cli("contact", "add", "acme", "Eve", "--role", "boss", check=False)
    assert wrong.returncode == 1 and "valid: decision maker, influencer" in wrong.stderr
