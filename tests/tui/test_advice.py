"""The funnel's advice list: bullets, wrapped lines under the text, updates in place."""

from __future__ import annotations

from shell_support import AppFactory, make_prospect, screen_text
from testkit import run_async

from leadline.tui.widgets.advice import advice_lines


def test_wrapped_lines_stay_under_the_text_not_the_bullet() -> None:
    sentences = ["Only 2 prospects above the funnel: income will dip in a few months.", "Short."]
    assert [line.plain for line in advice_lines(sentences, 30)] == [
        " • Only 2 prospects above the",
        "   funnel: income will dip in",
        "   a few months.",
        " • Short.",
    ]


def test_advice_follows_a_new_prospect_above_the_funnel(app_factory: AppFactory) -> None:
    closing_only = [  # five open deals (not a thin pipeline), none above the funnel
        make_prospect(pid, name, stage, value)
        for pid, name, stage, value in (
            ("a", "Alpha", "proposal", 50000), ("b", "Beta", "negotiation", 70000),
            ("c", "Gamma", "needs", 20000), ("d", "Delta", "demo", 30000),
            ("e", "Echo", "meeting", 10000),
        )
    ]  # fmt: skip
    app = app_factory(prospects=closing_only)

    async def main() -> None:
        async with app.run_test(size=(80, 40)) as pilot:
            await pilot.pause()
            assert "Nobody above the funnel" in screen_text(app)
            app.add_prospect(make_prospect("f", "Foxtrot", "lead", 1000))
            await pilot.pause()
            text = screen_text(app)
            assert "Nobody above the funnel" not in text
            assert "Only 1 prospect above the funnel" in text

    run_async(main())
