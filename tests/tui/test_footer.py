"""The footer at 80 columns: the keys that matter, most important first, nothing cut."""

from __future__ import annotations

from shell_support import AppFactory
from work_support import asynctest, screen_text, work_prospects

from leadline.tui.app import LeadlineApp


def footer(app: LeadlineApp) -> str:
    return screen_text(app).splitlines()[-1].rstrip()


async def footers(app: LeadlineApp, pilot: object) -> dict[str, str]:
    """The footer line of the funnel, a stage list, the queue, a detail and help."""
    press = pilot.press  # type: ignore[attr-defined]
    pause = pilot.pause  # type: ignore[attr-defined]
    seen = {"funnel": footer(app)}
    for name, keys in (("stage list", ("enter",)), ("queue", ("q", "t")),
                       ("detail", ("enter",)), ("help", ("question_mark",))):  # fmt: skip
        await press(*keys)
        await pause()
        seen[name] = footer(app)
    return seen


@asynctest
async def test_every_footer_fits_at_80_columns_with_help_and_the_way_out(
    app_factory: AppFactory,
) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        seen = await footers(app, pilot)
    for name, line in seen.items():
        assert line.endswith("^p palette"), (name, line)  # not cut, no stray character
    assert "? Help" in seen["funnel"] and "q Quit" in seen["funnel"]
    assert "? Help" in seen["stage list"] and "q Back" in seen["stage list"]
    assert "? Help" in seen["queue"] and "q Back" in seen["queue"]  # only home quits
    assert "? Help" in seen["detail"] and "q Back" in seen["detail"]
    for key in ("e Edit", "l Log", "n Note", "s Snooze", "a Advance", "x Stop"):
        assert key in seen["detail"], key
    assert seen["detail"].index("x Stop") < seen["detail"].index("? Help")  # order kept


@asynctest
async def test_narrow_footers_keep_the_most_important_keys(app_factory: AppFactory) -> None:
    app = app_factory(prospects=work_prospects())
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        seen = await footers(app, pilot)
    for name, line in seen.items():
        assert line.endswith("^p palette"), (name, line)
    assert seen["queue"].startswith("l Log n Note")
    assert "Funnel" not in seen["queue"]
