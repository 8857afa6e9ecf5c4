"""Prospect detail: every section in words, scrolling at 80x24, editing with validation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from work_support import asynctest, prospect, screen_text, stored, work_prospects

from leadline.core.models import Contact, Lifecycle, Role
from leadline.tui.app import LeadlineApp
from leadline.tui.dialogs.edit import EditProspectDialog
from leadline.tui.screens.detail import DetailScreen
from leadline.tui.screens.queue import QueueScreen

Factory = Callable[..., LeadlineApp]


async def open_detail(app: LeadlineApp, pilot: object, pid: str) -> DetailScreen:
    app.open_prospect(pid)
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, DetailScreen)
    return app.screen


@asynctest
async def test_header_contacts_plan_and_warnings_in_words(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(app, pilot, "acme")
        top = screen_text(app)
        await pilot.press("G")
        await pilot.pause()
        bottom = screen_text(app)
    assert "Acme Ltd · Proposal (best few) · prospect · ICP 100" in top
    assert "Value €40,000 · budget €35,000 · timeframe Q1 2027" in top
    assert "▸★ Anna Berg" in top and "decision maker" in top  # ▸ the one to contact
    assert "\n     anna@acme.test\n" in top  # a handle on a line of its own
    assert "Every 5 days by phone, agreed with the customer." in top
    assert "Next follow-up: Fri 20 Nov 2026 (3 days overdue)" in top
    assert "! Entered the stage with 4 entry criteria not met" in top
    # The body scrolls: the end of it is reachable at 80x24.
    assert "Approval chain: Anna Berg → CFO → Board" in bottom
    assert "Objection: Too expensive → Payback in 7 months" in bottom
    assert "Risk: IT freeze from 15 Dec" in bottom
    assert "20 Oct 2026  Proposal, 34 days (now)" in bottom


@asynctest
async def test_timeline_is_newest_first_with_humanized_dates(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(app, pilot, "acme")
        await pilot.press(*"j" * 12)
        await pilot.pause()
        lines = screen_text(app).splitlines()
    note = next(i for i, line in enumerate(lines) if "Asked for two references" in line)
    touch = next(i for i, line in enumerate(lines) if "replied · 20 min · Pilot?" in line)
    assert note < touch
    assert lines[note].strip().startswith("yesterday") and "8 days ago" in lines[touch]


@asynctest
async def test_missing_decision_maker_is_a_warning(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(app, pilot, "bj")
        text = screen_text(app)
    assert "北京云端科技有限公司 · Needs analysis (in)" in text
    assert "! No decision maker among the contacts." in text
    assert "No confirmed decision maker among the contacts." in text  # core's warning, in words


@asynctest
async def test_edit_shows_validation_next_to_the_field_and_saves(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(app, pilot, "acme")
        await pilot.press("e", "f")
        await pilot.pause()
        assert isinstance(app.screen, EditProspectDialog)
        await pilot.press("tab", "tab", "tab", *["backspace"] * 6, *"-5")  # Value
        await pilot.press("tab", "tab", "tab", "tab", *"31/13")  # Expected close: no month 13
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = screen_text(app)
        assert isinstance(app.screen, EditProspectDialog)  # nothing saved
        assert "value must be a non-negative number" in text
        assert "not a date" in text
        assert stored(app, "acme").value == 40000.0
        app.screen.query_one("#value").value = "55k"  # type: ignore[attr-defined]
        app.screen.query_one("#close").value = "2027-02-15"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        assert "Value €55,000" in screen_text(app) and "close Mon 15 Feb 2027" in screen_text(app)
    saved = stored(app, "acme")
    assert saved.value == 55000.0 and saved.expected_close == date(2027, 2, 15)


@asynctest
async def test_escape_from_an_edited_form_asks_before_throwing_the_edit_away(
    app_factory: Factory,
) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(app, pilot, "acme")
        await pilot.press("e", "f")
        await pilot.pause()
        await pilot.press("escape")  # nothing changed: closes at once
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("e", "f")
        await pilot.pause()
        await pilot.press(*" Group")  # typed into the name
        await pilot.press("escape")
        await pilot.pause()
        assert "Discard your changes?" in screen_text(app)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, EditProspectDialog)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
    assert stored(app, "acme").name == "Acme Ltd"


@asynctest
async def test_edit_stage_goes_through_the_rules(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(app, pilot, "romashka")
        await pilot.press("e", "f")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#stage").value = "meeting"  # type: ignore[attr-defined]
        dialog.query_one("#lifecycle").value = Lifecycle.PROSPECT  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        # The checklist is not met: it stays a lead, and the form says so beside the field.
        assert "the qualification checklist is not met" in screen_text(app)
        for box in ("#q0", "#q1", "#q2"):
            dialog.query_one(box).value = True  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
    saved = stored(app, "romashka")
    assert saved.stage == "meeting" and saved.lifecycle == "prospect"
    assert [e.stage for e in saved.stage_history] == ["lead", "meeting"]


@asynctest
async def test_add_edit_and_delete_a_contact(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(app, pilot, "bj")
        await pilot.press("e", "c", "a", *"Li Wei", "tab", "enter", "down", "enter")
        await pilot.press("tab", *"CTO", "tab", *"li@bj", "enter")
        await pilot.pause()
        assert "email should look like name@example.com" in screen_text(app)
        await pilot.press(*".cn", "enter")
        await pilot.pause()
        assert "Li Wei" in screen_text(app)
        contact = stored(app, "bj").contacts[0]
        assert (contact.name, contact.role, contact.title) == ("Li Wei", Role.DECISION_MAKER, "CTO")
        assert contact.email == "li@bj.cn"
        await pilot.press("d", "y", "escape")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        assert "! No decision maker among the contacts." in screen_text(app)
    assert stored(app, "bj").contacts == ()


@asynctest
async def test_penetration_plan_and_meetings_are_editable(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(app, pilot, "bj")
        await pilot.press("e", "p", *"Wang (IT)", "enter", *"CFO", "tab", "tab")
        await pilot.press(*"No budget => phase the rollout", "ctrl+s")
        await pilot.press("e", "m", "a", *"2026-11-30", "tab", *"9:30", "tab", *"Demo", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "Meeting: Demo 09:30, Mon 30 Nov 2026 (in 7 days)" in screen_text(app)
    saved = stored(app, "bj")
    assert saved.penetration.approval_chain == ("Wang (IT)", "CFO")
    assert saved.penetration.objections[0].counter == "phase the rollout"
    assert saved.meetings[0].date == date(2026, 11, 30) and saved.meetings[0].time == "09:30"


@asynctest
async def test_actions_from_the_detail_and_escape_back(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("l", "enter")
        await pilot.pause()
        assert "Next follow-up: Mon 30 Nov 2026 (in 7 days)" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)
    assert stored(app, "acme").plan.next_due == date(2026, 11, 30)


@asynctest
async def test_long_header_wraps_and_e_mails_stay_whole(app_factory: Factory) -> None:
    email = "nataliia.tkachenko@podillia-mashbud.example.com.ua"
    long_one = prospect(
        "pod", "ТОВ «Поділля Машбуд»", "proposal", value=16000.0, budget=19000.0,
        decision_timeframe="by end of November 2026", expected_close=date(2026, 11, 30),
        contacts=(Contact("Наталія Ткаченко", Role.COACH, email=email),),
    )  # fmt: skip
    app = app_factory(prospects=[long_one])
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(app, pilot, "pod")
        text = screen_text(app)
    assert "Value €16,000 · budget €19,000 · close Mon 30 Nov 2026 · timeframe by end of" in text
    assert "\n November 2026\n" in text  # wrapped onto a second line, not cut
    assert any(email in line for line in text.splitlines())  # on one line, never broken


@asynctest
async def test_q_closes_the_edit_menu_as_escape_does(app_factory: Factory) -> None:
    from leadline.tui.dialogs.edit_menu import EditMenu  # noqa: PLC0415

    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_detail(app, pilot, "acme")
        for key in ("q", "escape"):
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, EditMenu)
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, DetailScreen)  # back on the prospect, not further
