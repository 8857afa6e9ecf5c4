"""A big pipeline says it is being read before the TUI takes the screen (summaries only)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from testkit import prospect

from leadline.core.models import Prospect
from leadline.core.store import index as index_module
from leadline.core.store.decoding import decode_prospect
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


def test_a_terminal_sees_the_count_then_a_clean_line_and_nothing_is_decoded(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_support, "PROGRESS_ABOVE", 10)
    decoded: list[str] = []

    def counted(doc: Any) -> Prospect:
        decoded.append(decode_prospect(doc).id)
        return decode_prospect(doc)

    monkeypatch.setattr(index_module, "decode_prospect", counted)
    out = Terminal()
    preload_showing_progress(store, out)
    text = out.getvalue()
    assert text.startswith("\rleadline: reading 40 prospects...")
    assert text.endswith("\r\x1b[K")  # wiped before the TUI draws
    assert decoded == []  # the summaries were read (from the summary file), no prospect
    assert len(store.summaries()) == 40 and decoded == []


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
