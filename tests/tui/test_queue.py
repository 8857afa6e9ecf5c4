"""The follow-up queue: groups, humanized dates, one key per action, saved to disk."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

from rich.cells import cell_len
from textual.widgets import Input
from work_support import NOW, TODAY, asynctest, screen_text, stored, work_prospects

from leadline.core.config.loader import load_config
from leadline.core.models import Outcome, TouchOutcome
from leadline.core.rules.followup import snooze
from leadline.core.rules.queue import build_follow_up_queue
from leadline.core.sample.generate import generate_pipeline
from leadline.tui.app import LeadlineApp
from leadline.tui.screens.detail import DetailScreen
from leadline.tui.screens.memo import ProspectMemo
from leadline.tui.screens.queue import QueueScreen
from leadline.tui.widgets.prospect_table import ProspectTable

Factory = Callable[..., LeadlineApp]


def queue_of(app: object) -> QueueScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, QueueScreen)
    return screen


async def go_to(pilot: object, key: str) -> None:
    """Move the cursor down until prospect `key` is under it."""
    table = queue_of(pilot.app).table  # type: ignore[attr-defined]
    for _ in range(20):
        if table.cursor_key == key:
            return
        await pilot.press("j")  # type: ignore[attr-defined]
    raise AssertionError(f"{key} not in the queue")


@asynctest
async def test_groups_rows_and_humanized_dates(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        text = screen_text(app)
        table = queue_of(app).table
        lines = [table.render_line(y).text for y in range(1, len(table.rows) + 1)]
    assert "8 to do · 1 overdue" in text
    for heading in ("Overdue · 1", "Due today · 1", "Meeting reminders · 1", "Stop following? · 1",
                    "Nurture touches · 1", "First contact · 1", "Coming up · 1"):  # fmt: skip
        assert heading in text
    acme = next(line for line in lines if "Acme Ltd" in line)
    assert "Proposal" in acme and "€40k" in acme and "3 days overdue" in acme and "phone" in acme
    assert "stop → nurture?" in text and "meeting tomorrow" in text and "in 2 days" in text
    # The Chinese name takes two cells a character, and the columns still line up.
    rows = [line for line in lines if "€" in line]
    wide = next(line for line in rows if "北京" in line)
    assert cell_len(wide) > len(wide)  # it is among the rows measured below, in double cells
    euro_at = {cell_len(line[: line.index("€")]) for line in rows}
    assert len(euro_at) <= 2  # right-aligned values: "€40k" vs "€8k" differ by one cell at most
    due_at = {
        cell_len(line[: line.index("€")]) + len(line[line.index("€") :].split(" ")[0])
        for line in rows
    }
    assert len(due_at) == 1


@asynctest
async def test_log_touch_moves_next_due_on_disk_and_cursor_stays(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        queue = queue_of(app)
        assert queue.table.cursor_key == "acme"
        await pilot.press("l")
        await pilot.pause()
        assert "Next follow-up" in screen_text(app)
        assert "Mon 30 Nov 2026 (in 7 days)" in screen_text(app)  # Saturday: skipped
        await pilot.press("enter")
        await pilot.pause()
        saved = stored(app, "acme")
        assert saved.plan.next_due == date(2026, 11, 30)
        assert saved.touches[-1].date == TODAY and saved.touches[-1].channel == "phone"
        assert saved.touches[-1].outcome == TouchOutcome.REPLIED
        # Acme left the queue; the next item slid under the cursor.
        assert "Acme Ltd" not in screen_text(app)
        assert queue.table.cursor_key == "bj"


@asynctest
async def test_log_no_response_in_three_keys(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.press("l", "n", "enter")
        await pilot.pause()
    assert stored(app, "acme").touches[-1].outcome == TouchOutcome.NO_RESPONSE


@asynctest
async def test_snooze_three_days_and_to_a_date(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.press("s", "3")
        await pilot.pause()
        assert stored(app, "acme").plan.next_due == date(2026, 11, 26)
        # Acme now sits under "Coming up", the cursor stays on the first row.
        text = screen_text(app)
        assert "Overdue" not in text and "Coming up · 2" in text
        assert queue_of(app).table.cursor_key == "bj"
        await pilot.press("s", "d", *"2026-12-05", "enter")
        await pilot.pause()
    assert stored(app, "bj").plan.next_due == date(2026, 12, 5)


@asynctest
async def test_reschedule_shows_the_date_and_rejects_nonsense(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.press("r", *"soon", "enter")
        await pilot.pause()
        assert "not a date" in screen_text(app)
        assert stored(app, "acme").plan.next_due == date(2026, 11, 20)
        for _ in range(4):
            await pilot.press("backspace")
        await pilot.press(*"+10")
        await pilot.pause()
        assert "Thu 3 Dec 2026 (in 10 days)" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
    assert stored(app, "acme").plan.next_due == date(2026, 12, 3)


@asynctest
async def test_advance_moves_to_the_next_stage(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.press("a")
        await pilot.pause()
        assert "Proposal  →  Negotiation" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert "Negotiation" in screen_text(app)
    saved = stored(app, "acme")
    assert saved.stage == "negotiation"
    assert saved.stage_history[-1].stage == "negotiation" and saved.stage_history[-1].date == TODAY


@asynctest
async def test_stop_following_takes_the_proposed_exit_or_the_other(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        # Stopping by hand, with no threshold crossed: no reason is made up; r types one.
        await go_to(pilot, "romashka")
        await pilot.press("x")
        await pilot.pause()
        assert "no threshold crossed yet" in screen_text(app)
        assert app.screen.query_one("#reason", Input).value == ""
        await pilot.press("d", "r", *"No budget this year", "enter")
        await pilot.pause()
        gone = stored(app, "romashka")
        assert gone.stage == Outcome.DEAD and gone.lost_reason == "No budget this year"
        await go_to(pilot, "silent")
        index = queue_of(app).table.cursor
        await pilot.press("x")
        await pilot.pause()
        text = screen_text(app)
        assert "5 unanswered touches (limit 5)" in text and "(proposed)" in text
        await pilot.press("enter")
        await pilot.pause()
        assert stored(app, "silent").stage == Outcome.NURTURE
        assert queue_of(app).table.cursor == index  # same place, next item under it


@asynctest
async def test_footer_shows_only_live_keys(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        queue = queue_of(app)
        assert queue.check_action("snooze", ()) and queue.check_action("advance", ())
        await go_to(pilot, "won")  # a customer's birthday: a card, not a follow-up date
        assert queue.check_action("log_touch", ())
        assert not queue.check_action("snooze", ()) and not queue.check_action("reschedule", ())
        assert not queue.check_action("advance", ()) and not queue.check_action(
            "stop_following", ()
        )
        await pilot.pause()  # the footer redraws after the cursor's move, not during it
        footer = screen_text(app).splitlines()[-1]
        assert "Log" in footer and "Snooze" not in footer and "Advance" not in footer


@asynctest
async def test_empty_queue_offers_only_add(app_factory: Factory) -> None:
    app = app_factory(prospects=[])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        text = screen_text(app)
        assert "Nothing to follow up today." in text
        assert not queue_of(app).check_action("log_touch", ())
        assert "Add" in text.splitlines()[-1] and "Log" not in text.splitlines()[-1]


@asynctest
async def test_enter_opens_the_detail(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.press("j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.pid == "bj"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)
        assert app.screen.query_one(ProspectTable).cursor_key == "bj"


def test_the_memos_queue_is_cores_queue_and_recomputes_only_what_changed() -> None:
    config = load_config(None)
    prospects = generate_pipeline(3000, TODAY)
    memo = ProspectMemo()
    assert [item for item, _ in memo.queue(prospects, config, TODAY)] == (
        build_follow_up_queue(prospects, config, TODAY)
    )
    first = prospects[0]
    prospects[0] = snooze(first, TODAY, NOW)
    memo.forget([first.id])  # as the app does on the save's ProspectsChanged
    rebuilt = memo.queue(prospects, config, TODAY)
    # Only the changed prospect was recomputed (how fast that is: the bench's figures).
    assert memo.made["queue"] == [first.id]
    assert [item for item, _ in rebuilt] == build_follow_up_queue(prospects, config, TODAY)


@asynctest
async def test_a_big_queue_opens_and_a_snooze_redoes_one(app_factory: Factory) -> None:
    # 2,000 prospects: past the store's 1,000 where decoding freezes gc, many screens of rows.
    # How fast it opens at 10k and 100k: the bench's `queue first paint, start + t` figure.
    app = app_factory(prospects=generate_pipeline(2_000, TODAY))
    async with app.run_test(size=(80, 24)) as pilot:
        started = time.perf_counter()
        await pilot.press("t")
        while "to do" not in screen_text(app) and time.perf_counter() - started < 30:
            await pilot.pause(0.05)
        queue = queue_of(app)
        index, first = queue.table.cursor, queue.table.cursor_key
        assert index >= 0 and len(app.memo.made["queue"]) == 2_000
        await pilot.press("s", "7")
        await pilot.pause()
        # The row left at once, the cursor kept its place, and only that prospect was redone.
        assert queue.table.cursor == index and queue.table.cursor_key != first
        assert app.memo.made["queue"] == [first]


@asynctest
async def test_snooze_and_next_date_refuse_a_past_day(app_factory: Factory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.press("s", "d", *"2026-11-01", "enter")
        await pilot.pause()
        assert "Sun 1 Nov 2026 is past: pick today or a later date" in screen_text(app)
        await pilot.press("escape", "l", "d", *"2025-12-01", "enter")
        await pilot.pause()
        assert "is past" in screen_text(app)  # the log-touch dialog stays open
    assert stored(app, "acme").plan.next_due == date(2026, 11, 20)
    assert len(stored(app, "acme").touches) == 1  # the one it had


@asynctest
async def test_narrow_screens_drop_channel_stage_and_contact_before_squeezing_names(
    app_factory: Factory,
) -> None:
    seen = {}
    for width in (80, 60, 40):
        app = app_factory(prospects=work_prospects())
        async with app.run_test(size=(width, 20)) as pilot:
            await pilot.press("t")
            await pilot.pause()
            seen[width] = screen_text(app)
            assert not queue_of(app).table.show_horizontal_scrollbar  # no row lost to it
    assert "Channel" in seen[80] and "Needs analysis" in seen[80]
    # Whom to call outlasts the stage (the call sheet); below 60 columns the line under
    # the list names the person instead.
    header = {width: text.splitlines()[1] for width, text in seen.items()}
    assert "Contact" in header[60] and "Stage" not in header[60] and "Silent Systems" in seen[60]
    # At 40 the list scrolls (the lines under it say why and whom): the bar takes a cell.
    assert "Contact" not in header[40] and "Silent Syste…" in seen[40]
