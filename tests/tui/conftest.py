"""Shared fixtures for the TUI tests (helpers tui-shell and tui-work both add here).

`app_factory(...)` builds a `LeadlineApp` on a temporary copy of the demo data
(sample_data/pipeline.json), or on `small_pipeline()` when the demo data is not
there or a test passes its own prospects; the clock is fixed at 2026-11-23
09:00, and the theme state, user themes and crash logs all live in tmp_path.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from shell_support import FIXED_NOW, TODAY, AppFactory, sample_config, sample_file, small_pipeline
from textual.css.stylesheet import Stylesheet
from textual.widgets import Input, TextArea

from leadline.core.config.model import Config
from leadline.core.models import Prospect
from leadline.core.store.facade import Store
from leadline.tui.app import LeadlineApp
from leadline.tui.state import write_state

# Every Pilot test starts an app, and every app parsed the same stylesheets again: about
# 0.08 s of CPU each, 20 s over the suite. Parsed rules depend only on the CSS text, where it
# came from and the theme's variables, so one parse per process serves every app. Textual
# keeps such a cache per stylesheet already (`_parse_cache`); this one outlives the app.
_PARSED: dict[tuple[object, ...], list[Any]] = {}
_parse_rules = Stylesheet._parse_rules


def _parse_rules_once(
    self: Stylesheet,
    css: str,
    read_from: Any,
    is_default_rules: bool = False,
    tie_breaker: int = 0,
    scope: str = "",
) -> list[Any]:
    theme = tuple(sorted(self._variables.items()))  # noqa: SLF001
    key = (css, read_from, is_default_rules, tie_breaker, scope, theme)
    if key not in _PARSED:
        _PARSED[key] = _parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
    return _PARSED[key]


Stylesheet._parse_rules = _parse_rules_once  # type: ignore[method-assign]


@pytest.fixture
def app_factory(tmp_path: Path) -> Iterator[AppFactory]:
    """Build apps on a temp data file; every store opened here is closed afterwards."""
    stores: list[Store] = []

    def make(
        *,
        prospects: Sequence[Prospect] | None = None,
        theme: str | None = None,
        config: Config | None = None,
        clock: Callable[[], datetime] = lambda: FIXED_NOW,
    ) -> LeadlineApp:
        data = tmp_path / "pipeline.json"
        if not data.exists():
            demo = sample_file("pipeline.json")
            if prospects is None and demo is not None:
                shutil.copyfile(demo, data)
            else:
                with Store.open(data) as seed:
                    seed.add_many(small_pipeline() if prospects is None else prospects)
        state_path = tmp_path / "state.json"
        if theme is not None:
            write_state(state_path, {"theme": theme})
        store = Store.open(data)
        stores.append(store)
        return LeadlineApp(
            store,
            config or sample_config(),
            clock=clock,
            state_path=state_path,
            themes_dir=tmp_path / "themes",
            crash_dir=tmp_path / "crash",
        )

    yield make
    for store in stores:
        store.close()


@pytest.fixture
def frozen_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stop text cursors blinking so screenshots are the same on every run."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


@pytest.fixture
def today() -> date:
    return TODAY
