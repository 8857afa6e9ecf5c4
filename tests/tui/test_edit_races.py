"""Saving the edit form never reverts what another process changed while it was open.

Only the fields the user changed are saved, applied under the lock to the prospect as
stored then; a field changed on both sides is a choice (theirs / mine), never lost."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, datetime

from rich.console import Console
from textual.widgets import Static
from work_support import asynctest, burst, screen_text, stored, work_prospects

from leadline.core import actions
from leadline.core.models import TouchOutcome
from leadline.core.store.facade import Store
from leadline.tui.app import LeadlineApp
from leadline.tui.dialogs.conflict import ConflictDialog
from leadline.tui.dialogs.edit import EditProspectDialog
from leadline.tui.screens.detail import DetailScreen

Factory = Callable[..., LeadlineApp]
ELSEWHERE = datetime(2026, 11, 23, 9, 30)


def elsewhere(app: LeadlineApp, change: Callable[..., object]) -> None:
    """Another process (a `leadline move` or `log` in another terminal) changes acme."""
    with Store.open(app.store.path) as other:
        other.update("acme", change)  # type: ignore[arg-type]


async def open_form(app: LeadlineApp, pilot: object) -> EditProspectDialog:
    app.open_prospect("acme")
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("e", "f")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, EditProspectDialog)
    return app.screen


@asynctest
async def test_saving_the_form_keeps_a_move_and_a_touch_made_elsewhere(
    app_factory: Factory,
) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(app, pilot)
        form.query_one("#value").value = "55k"  # type: ignore[attr-defined]
        config = app.config
        elsewhere(app, lambda p: actions.move(p, "negotiation", config, ELSEWHERE.date(),
                                              ELSEWHERE))  # fmt: skip
        touch = actions.TouchInput(channel="phone", outcome=TouchOutcome.REPLIED,
                                   next_due=date(2026, 12, 4))  # fmt: skip
        elsewhere(app, lambda p: actions.log_touch(p, touch, config, ELSEWHERE))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)  # no question: nothing overlapped
    saved = stored(app, "acme")
    assert saved.value == 55000.0
    assert saved.stage == "negotiation" and saved.stage_history[-1].stage == "negotiation"
    assert saved.touches[-1].channel == "phone" and saved.plan.next_due == date(2026, 12, 4)


async def _both_move_the_stage(app: LeadlineApp, pilot: object, answer: str) -> None:
    form = await open_form(app, pilot)
    form.query_one("#value").value = "55k"  # type: ignore[attr-defined]
    form.query_one("#stage").value = "meeting"  # type: ignore[attr-defined]
    config = app.config
    elsewhere(app, lambda p: actions.move(p, "negotiation", config, ELSEWHERE.date(),
                                          ELSEWHERE))  # fmt: skip
    await pilot.press("ctrl+s")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, ConflictDialog)
    await pilot.pause()  # type: ignore[attr-defined]
    text = screen_text(app)
    assert "Stage: now Negotiation · yours First meeting" in text
    await pilot.press(answer)  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, DetailScreen)


@asynctest
async def test_the_same_field_changed_on_both_sides_asks_and_t_keeps_theirs(
    app_factory: Factory,
) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await _both_move_the_stage(app, pilot, "t")
    saved = stored(app, "acme")
    assert saved.stage == "negotiation" and saved.value == 55000.0  # theirs, and my value


@asynctest
async def test_the_same_field_changed_on_both_sides_asks_and_m_saves_mine(
    app_factory: Factory,
) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await _both_move_the_stage(app, pilot, "m")
    saved = stored(app, "acme")
    assert saved.stage == "meeting" and saved.value == 55000.0
    assert [e.stage for e in saved.stage_history][-2:] == ["negotiation", "meeting"]


@asynctest
async def test_two_tuis_editing_different_fields_keep_both_edits(app_factory: Factory) -> None:
    first = app_factory(prospects=work_prospects())
    second = app_factory()  # a second TUI on the same data file
    async with first.run_test(size=(80, 24)) as one, second.run_test(size=(80, 24)) as two:
        form_one = await open_form(first, one)
        form_two = await open_form(second, two)
        form_one.query_one("#name").value = "Acme Group"  # type: ignore[attr-defined]
        form_two.query_one("#value").value = "70k"  # type: ignore[attr-defined]
        await one.press("ctrl+s")
        await one.pause()
        await two.press("ctrl+s")
        await two.pause()
        assert isinstance(first.screen, DetailScreen) and isinstance(second.screen, DetailScreen)
    saved = stored(first, "acme")
    assert saved.name == "Acme Group" and saved.value == 70000.0


@asynctest
async def test_a_note_saved_elsewhere_just_after_ours_shows_within_a_second(
    app_factory: Factory,
) -> None:
    # Two saves within milliseconds: ours reads the file back, and the other process's
    # save lands just after. The poll must still see it (once, any read resetting the
    # "changed on disk" flag hid it until our next save).
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_prospect("acme")
        await pilot.pause()
        burst(app, "n", *"ours, first", "ctrl+s")
        await pilot.pause()
        elsewhere(app, lambda p: actions.note(p, "theirs, a moment later", ELSEWHERE))
        app.store.prospects()  # any read of the store in between
        await pilot.pause(1.5)  # the app looks at the data file every second
        detail = app.screen
        assert isinstance(detail, DetailScreen)
        console = Console(width=200, file=io.StringIO())  # what the timeline draws
        console.print(detail.query_one("#detail-timeline", Static).content)
        shown = console.file.getvalue()  # type: ignore[attr-defined]
        assert "ours, first" in shown and "theirs, a moment later" in shown
