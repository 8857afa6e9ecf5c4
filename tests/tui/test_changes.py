"""Changes flow as one message: saves, other processes and midnight; shown screens
refresh, hidden ones wait until they are shown."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from shell_support import FIXED_NOW, TODAY, AppFactory, screen_text, small_pipeline
from work_support import asynctest

from leadline.core.models import Note, Prospect
from leadline.core.rules.followup import move_stage
from leadline.core.store.facade import Store
from leadline.tui.app import LeadlineApp
from leadline.tui.screens.detail import DetailScreen
from leadline.tui.screens.funnel import FunnelScreen
from leadline.tui.screens.live import ProspectsChanged
from leadline.tui.screens.queue import QueueScreen


def _announcements(app: LeadlineApp) -> list[ProspectsChanged]:
    seen: list[ProspectsChanged] = []
    app.changes_signal.subscribe(app, seen.append, immediate=True)
    return seen


def _noted(text: str):  # type: ignore[no-untyped-def]
    return lambda p: replace(p, notes=(*p.notes, Note(FIXED_NOW, text)))


@asynctest
async def test_a_burst_of_saves_is_one_message_naming_every_prospect(
    app_factory: AppFactory,
) -> None:
    app = app_factory(prospects=small_pipeline())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        seen = _announcements(app)
        for pid in ("p01", "p02", "p03"):
            assert app.save(pid, _noted("called")) is not None
        await pilot.pause()
        assert seen == [ProspectsChanged(frozenset({"p01", "p02", "p03"}))]


@asynctest
async def test_a_hidden_screen_does_not_rebuild_and_is_up_to_date_when_shown(
    app_factory: AppFactory,
) -> None:
    app = app_factory(prospects=small_pipeline())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        funnel = app.screen
        assert isinstance(funnel, FunnelScreen)
        await pilot.press("t")  # the queue; the funnel is hidden in its own mode
        await pilot.pause()
        app.memo.made["funnel"] = []
        app.save("p01", lambda p: move_stage(p, "qualified", TODAY, app.config, app.now()))
        await pilot.pause()
        assert app.memo.made["funnel"] == []  # nothing made for a screen nobody sees
        await pilot.press("f")
        await pilot.pause()
        assert app.screen is funnel
        assert app.memo.made["funnel"] == ["p01"]
        assert "Qualified" in screen_text(app) and "2 deals" in screen_text(app)


@asynctest
async def test_the_detail_screen_ignores_other_prospects_changes(app_factory: AppFactory) -> None:
    app = app_factory(prospects=small_pipeline())
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_prospect("p02")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, DetailScreen)
        shown: list[str] = []
        original = detail.refresh_data
        detail.refresh_data = lambda: (shown.append("refresh"), original())[1]  # type: ignore[method-assign]
        app.save("p05", _noted("elsewhere"))
        await pilot.pause()
        assert shown == []
        app.save("p02", _noted("Asked for the price list"))
        await pilot.pause()
        await pilot.press("G")  # the timeline is at the bottom of the detail
        assert shown == ["refresh"] and "Asked for the price list" in screen_text(app)


@asynctest
async def test_past_midnight_every_screen_shows_the_new_day(app_factory: AppFactory) -> None:
    now = [FIXED_NOW]
    app = app_factory(prospects=small_pipeline(), clock=lambda: now[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert "Today · Mon 23 Nov 2026" in screen_text(app)
        now[0] = datetime(2026, 11, 24, 0, 0, 1)
        app.check_for_changes()  # what the once-a-second poll does
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)
        assert "Today · Tue 24 Nov 2026" in screen_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert "Funnel · Tue 24 Nov 2026" in screen_text(app)


@asynctest
async def test_another_processes_save_is_shown_even_after_a_read_caught_up_with_it(
    app_factory: AppFactory,
) -> None:
    """Two TUIs saving within milliseconds: each save (and any read) catches up on
    the file, and the poll used to find nothing left to report."""
    app = app_factory(prospects=small_pipeline())
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_prospect("p02")
        await pilot.pause()
        with Store.open(app.store.path) as other:
            other.update("p02", _noted("Written by the other TUI"))
        app.save("p05", _noted("this TUI's own save"))  # catches up under the lock
        app.store.get("p02")  # so does any read
        await pilot.pause()
        app.check_for_changes()
        await pilot.pause()
        await pilot.press("G")  # the timeline is at the bottom of the detail
        assert "Written by the other TUI" in screen_text(app)


def _add(app: LeadlineApp) -> Prospect | None:
    return app.add_prospect(
        Prospect(id="", name="Zeta Neu GmbH", stage="lead", created=FIXED_NOW, updated=FIXED_NOW)
    )


@asynctest
async def test_an_added_prospect_is_announced_by_its_new_id(app_factory: AppFactory) -> None:
    app = app_factory(prospects=small_pipeline())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        seen = _announcements(app)
        added = _add(app)
        await pilot.pause()
        assert added is not None and seen == [ProspectsChanged(frozenset({added.id}))]
        assert re.search(r"Lead\s+█+.*3 deals", screen_text(app))


def test_a_waiting_message_hands_its_ids_to_the_next() -> None:
    first = ProspectsChanged(frozenset({"a"}))
    second = ProspectsChanged(frozenset({"b"}), new_day=True)
    assert first.can_replace(second)
    assert second.ids == {"a", "b"} and second.new_day
    assert second.touches("zz") and not first.touches("b")
