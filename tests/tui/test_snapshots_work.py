"""Snapshots of the queue, a prospect's detail, the note box and the log-touch dialog.

80x24, fixed clock (2026-11-23 09:00), fixed data (`work_prospects`), cursors
not blinking, in the default and the monochrome theme. After a deliberate
change, look at the report, then regenerate with
`pytest tests/tui/test_snapshots_work.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from work_support import work_prospects

from leadline.tui.app import LeadlineApp

THEMES = ("leadline-dark", "leadline-mono")
SnapCompare = Callable[..., bool]
Factory = Callable[..., LeadlineApp]


@pytest.fixture(autouse=True)
def _no_cursor_blink(frozen_blink: None) -> None:
    """Every snapshot here is taken with cursors frozen (see conftest.frozen_blink)."""


@pytest.mark.parametrize("theme", THEMES)
class TestWorkSnapshots:
    def test_queue(self, snap_compare: SnapCompare, app_factory: Factory, theme: str) -> None:
        app = app_factory(prospects=work_prospects(), theme=theme)
        assert snap_compare(app, press=["t"], terminal_size=(80, 24))

    def test_detail(self, snap_compare: SnapCompare, app_factory: Factory, theme: str) -> None:
        app = app_factory(prospects=work_prospects(), theme=theme)
        assert snap_compare(app, press=["t", "enter"], terminal_size=(80, 24))

    def test_note_box(self, snap_compare: SnapCompare, app_factory: Factory, theme: str) -> None:
        app = app_factory(prospects=work_prospects(), theme=theme)
        keys = ["t", "n", *"Budget approved; 预算已批准", "enter", *"Send the proposal"]
        assert snap_compare(app, press=keys, terminal_size=(80, 24))

    def test_log_touch(self, snap_compare: SnapCompare, app_factory: Factory, theme: str) -> None:
        app = app_factory(prospects=work_prospects(), theme=theme)
        assert snap_compare(app, press=["t", "l", "n"], terminal_size=(80, 24))
