"""Text from the data never drives the terminal: a name or note holding escape
sequences, a carriage return or a bidi override is printed harmless."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.segment import Segment
from textual.strip import Strip

from leadline.tui import compat

EVIL_NAME = "Evil\x1b]0;pwned\x07\x1b[2J Corp\r\u202eX"
EVIL_NOTE = "hi\x1b]52;c;ZXZpbA==\x07 there\x9b31m"
Run = Callable[..., Any]  # conftest's runners
OBEYED = ("\x1b", "\x07", "\r", "\u202e", "\x9b")


def test_list_show_queue_and_errors_print_no_control_characters(cli: Run) -> None:
    pid = cli("add", EVIL_NAME, "--contact", "Jo\x1b[8m").stdout.strip()
    cli("note", pid, EVIL_NOTE)
    outputs = [
        cli("list").stdout, cli("show", pid).stdout, cli("queue").stdout,
        cli("warnings").stdout, cli("note", "\x1b[2Jnobody", "x", check=False).stderr,
    ]  # fmt: skip
    for text in outputs:
        assert not any(c in text for c in OBEYED), repr(text)
    assert "Evil\ufffd]0;pwned" in outputs[0]  # shown, not hidden


def test_json_output_keeps_the_text_exact_and_escaped(cli: Run) -> None:
    pid = cli("add", EVIL_NAME).stdout.strip()
    out = cli("list", "--json").stdout
    assert not any(c in out for c in OBEYED)
    assert json.loads(out)[0]["name"] == EVIL_NAME and json.loads(out)[0]["id"] == pid


def test_the_tui_draws_lines_without_control_characters() -> None:
    compat.guard_terminal_text()
    strip = Strip([Segment("Evil\x1b]0;pwned\x07 Corp"), Segment(" ok")])
    drawn = strip.render(Console())
    assert drawn == "Evil]0;pwned Corp ok"
