"""Snapshots across themes and sizes: every dialog and the first-run screen at 80x24, and
the funnel, the queue and a prospect's detail at 60x20 and 120x40, in every shipped theme.

Fixed clock (2026-11-23 09:00), fixed data (`small_pipeline` for the dialogs, the work
prospects for the screens), cursors not blinking. After a deliberate change, look at the
report, then regenerate with `pytest tests/tui/test_snapshots_matrix.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from dialog_support import DIALOGS
from shell_support import small_pipeline
from work_support import work_prospects

from leadline.tui.app import LeadlineApp
from leadline.tui.dialogs.interop import ProgressDialog

THEMES = ("leadline-dark", "leadline-light", "leadline-high-contrast", "leadline-mono")
SIZES = {"60x20": (60, 20), "120x40": (120, 40)}
SCREENS = {"funnel": [], "queue": ["t"], "detail": ["t", "enter"]}
SnapCompare = Callable[..., bool]
Factory = Callable[..., LeadlineApp]


@pytest.fixture(autouse=True)
def _no_cursor_blink(frozen_blink: None) -> None:
    """Every snapshot here is taken with cursors frozen (see conftest.frozen_blink)."""


@pytest.mark.parametrize("theme", THEMES)
class TestDialogSnapshots:
    @pytest.mark.parametrize("name", list(DIALOGS))
    def test_dialog(
        self, snap_compare: SnapCompare, app_factory: Factory, theme: str, name: str
    ) -> None:
        app = app_factory(prospects=small_pipeline(), theme=theme)
        pid = next(p.id for p in app.store.prospects() if p.is_open and p.contacts)

        async def open_dialog(pilot: Any) -> None:
            app.push_screen(DIALOGS[name](app, pid))
            await pilot.pause()
            if isinstance(app.screen, ProgressDialog):
                app.screen.advance(120, 400)  # a bar that has started does not pulse
                await pilot.pause()

        assert snap_compare(app, run_before=open_dialog, terminal_size=(80, 24))

    def test_first_run(self, snap_compare: SnapCompare, app_factory: Factory, theme: str) -> None:
        app = app_factory(prospects=[], theme=theme)
        where = Path("/home/you/.local/share/leadline/pipeline.json")
        app.data_file = lambda: (where, False)  # type: ignore[method-assign] # not tmp_path
        assert snap_compare(app, terminal_size=(80, 24))


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(
    snap_compare: SnapCompare, app_factory: Factory, theme: str, size: str, screen: str
) -> None:
    app = app_factory(prospects=work_prospects(), theme=theme)
    assert snap_compare(app, press=SCREENS[screen], terminal_size=SIZES[size])
