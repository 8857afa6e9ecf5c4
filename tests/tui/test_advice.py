"""The funnel's advice list: bullets, wrapped lines under the text, updates in place."""

from __future__ import annotations

from shell_support import AppFactory, make_prospect, no_top_pipeline, screen_text
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
    closing_only = no_top_pipeline()
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
