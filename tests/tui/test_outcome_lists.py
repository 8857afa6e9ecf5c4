"""Won, lost, nurture and dead are lists like the stages: `o` on the funnel, `o` again for
the next; the palette's "won", "lost", "nurture", "dead"; columns that say what matters.
The palette also finds a prospect by a word of a note or a contact's name."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from shell_support import settle
from work_support import asynctest, prospect, screen_text

from leadline.core.models import Contact, FollowUpPlan, Note, Role, StageEntry
from leadline.tui.app import LeadlineApp
from leadline.tui.screens.detail import DetailScreen
from leadline.tui.screens.outcome_list import OutcomeListScreen

Factory = Callable[..., LeadlineApp]


def closed_pipeline() -> list:  # type: ignore[type-arg]
    history = (StageEntry("proposal", date(2026, 9, 1)),)
    return [
        prospect("open", "Open Deal Ltd", "proposal", value=5000.0,
                 contacts=(Contact("Zofia Wiśniewska", Role.DECISION_MAKER),),
                 notes=(Note(datetime(2026, 11, 2, 9), "Needs the forklift telemetry add-on"),)),
        prospect("w1", "Winner AG", "won", value=30000.0,
                 stage_history=(*history, StageEntry("won", date(2026, 11, 10), 28000.0))),
        prospect("l1", "Loser Oy", "lost", value=12000.0, lost_reason="price",
                 stage_history=(*history, StageEntry("lost", date(2026, 11, 3)))),
        prospect("n1", "Later GmbH", "nurture", value=4000.0,
                 plan=FollowUpPlan(None, "newsletter", date(2026, 12, 7)),
                 stage_history=(*history, StageEntry("nurture", date(2026, 10, 1)))),
        prospect("d1", "Gone SA", "dead", value=2000.0, lost_reason="no budget this year",
                 stage_history=(*history, StageEntry("dead", date(2026, 10, 15)))),
    ]  # fmt: skip


@asynctest
async def test_o_on_the_funnel_walks_the_outcome_lists(app_factory: Factory) -> None:
    app = app_factory(prospects=closed_pipeline())
    seen: dict[str, str] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f", "o")
        await pilot.pause()
        for outcome in ("won", "lost", "nurture", "dead"):
            screen = app.screen
            assert isinstance(screen, OutcomeListScreen) and screen.stage_key == outcome
            seen[outcome] = screen_text(app)
            await pilot.press("o")
            await pilot.pause()
        assert isinstance(app.screen, OutcomeListScreen) and app.screen.stage_key == "won"
        await pilot.press("enter")  # opens the highlighted prospect, as a stage list does
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.pid == "w1"
    assert "Won value" in seen["won"] and "Winner AG" in seen["won"] and "€28k" in seen["won"]
    assert "Won · 1 deal · €28k" in seen["won"]  # at the value it was won at
    assert "Open Deal" not in seen["won"]
    assert "Loser Oy" in seen["lost"] and "price" in seen["lost"]
    assert "Later GmbH" in seen["nurture"] and "in 14 days" in seen["nurture"]
    assert "Gone SA" in seen["dead"] and "no budget this year" in seen["dead"]


@asynctest
async def test_the_palette_lists_an_outcome(app_factory: Factory) -> None:
    app = app_factory(prospects=closed_pipeline())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"lost")
        await settle(pilot)
        assert "The lost prospects" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OutcomeListScreen) and app.screen.stage_key == "lost"
        assert "Loser Oy" in screen_text(app)


async def _palette_finds(app: LeadlineApp, pilot: object, words: str, help_text: str) -> None:
    await pilot.press("ctrl+p", *words)  # type: ignore[attr-defined]
    await settle(pilot)
    text = screen_text(app)
    assert "prospect: Open Deal Ltd" in text and help_text in text, text
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, DetailScreen) and app.screen.pid == "open"


@asynctest
async def test_the_palette_finds_by_a_note_word_and_a_contact_name(app_factory: Factory) -> None:
    app = app_factory(prospects=closed_pipeline())
    async with app.run_test(size=(80, 24)) as pilot:
        await _palette_finds(app, pilot, "telemetry", "note: Needs the forklift telemetry add-on")
        await pilot.press("escape")
        await pilot.pause()
        await _palette_finds(app, pilot, "zofia wisniewska", "contact: Zofia Wiśniewska")
