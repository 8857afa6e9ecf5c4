"""Snapshots of the funnel, a stage list and help at 80x24, default and monochrome themes.

Fixed clock (2026-11-23 09:00) and fixed data (`small_pipeline`), cursors not
blinking. After a deliberate change, look at the report, then regenerate with
`pytest tests/tui/test_snapshots_shell.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from shell_support import AppFactory, small_pipeline

THEMES = ("leadline-dark", "leadline-mono")
SnapCompare = Callable[..., bool]


@pytest.fixture(autouse=True)
def _no_cursor_blink(frozen_blink: None) -> None:
    """Every snapshot here is taken with cursors frozen (see conftest.frozen_blink)."""


@pytest.mark.parametrize("theme", THEMES)
class TestShellSnapshots:
    def test_funnel(self, snap_compare: SnapCompare, app_factory: AppFactory, theme: str) -> None:
        app = app_factory(prospects=small_pipeline(), theme=theme)
        assert snap_compare(app, terminal_size=(80, 24))

    def test_stage_list(
        self, snap_compare: SnapCompare, app_factory: AppFactory, theme: str
    ) -> None:
        app = app_factory(prospects=small_pipeline(), theme=theme)
        assert snap_compare(app, press=["j", "j", "j", "enter"], terminal_size=(80, 24))

    def test_help(self, snap_compare: SnapCompare, app_factory: AppFactory, theme: str) -> None:
        app = app_factory(prospects=small_pipeline(), theme=theme)
        assert snap_compare(app, press=["question_mark"], terminal_size=(80, 24))
