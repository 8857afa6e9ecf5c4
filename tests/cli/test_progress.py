"""A big pipeline says how far reading has got before the TUI takes the screen."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from testkit import prospect

from leadline.core.store.facade import Store
from leadline.tui.cli import support as cli_support
from leadline.tui.cli.support import preload_showing_progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store.open(tmp_path / "leadline.json") as s:
        s.add_many(prospect(name=f"Prospect {n}") for n in range(40))
        s.compact()
    return Store.open(tmp_path / "leadline.json")


def test_a_terminal_sees_the_count_and_percentages_then_a_clean_line(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_support, "PROGRESS_ABOVE", 10)
    out = Terminal()
    preload_showing_progress(store, out)
    text = out.getvalue()
    assert "\rleadline: reading 40 prospects... 0%" in text
    assert text.index("50%") < text.index("100%")
    assert text.endswith("\r\x1b[K")  # wiped before the TUI draws
    assert len(store.prospects()) == 40


def test_small_pipelines_and_pipes_get_no_progress_line(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = Terminal()
    preload_showing_progress(store, out)  # 40 is under the default threshold
    monkeypatch.setattr(cli_support, "PROGRESS_ABOVE", 10)
    piped = io.StringIO()
    preload_showing_progress(store, piped)
    assert out.getvalue() == piped.getvalue() == ""
    assert len(store) == 40
