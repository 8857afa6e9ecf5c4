"""The quarter's new figures on the funnel screen (slipped deals, new leads needed,
the budget as an estimate, best few that are not, the ICP's lessons), at 80x24 and
60x20, worded as `leadline funnel` words them."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from shell_support import TODAY, AppFactory, drive, make_prospect, screen_text

from leadline.core.models import Prospect, StageEntry


def quarter_pipeline() -> list[Prospect]:
    """A slipped €50k negotiation, a budget-only proposal, a far-off proposal, leads."""
    leads = [make_prospect(f"l{i}", f"Lead {i}", "lead", 4000) for i in range(4)]
    return [
        *leads,
        make_prospect("s1", "Slipped Negotiation", "negotiation", 50000,
                      expected_close=TODAY - timedelta(days=60)),
        make_prospect("b1", "Budget Only", "proposal", 0, budget=30000,
                      expected_close=TODAY + timedelta(days=10)),
        make_prospect("f1", "Far Off", "proposal", 20000,
                      expected_close=TODAY + timedelta(days=80)),
    ]  # fmt: skip


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
def test_slipped_estimate_and_new_leads_on_the_funnel(
    app_factory: AppFactory, size: tuple[int, int]
) -> None:
    app = app_factory(prospects=quarter_pipeline())

    async def scenario(pilot: Any) -> None:
        text = " ".join(screen_text(app).split())  # wrapped lines read as one
        assert "Slipped: 1 deal (€50k) past the close date" in text
        assert "The gap needs €396k (EUR) of new pipeline at your 25% win rate" in text
        assert "or about 60 new leads (10% lead-to-won, €17k average deal)" in text
        assert "Best few · 3 deals · ~€100k" in text  # the budget stands in for 0
        if size == (80, 24):  # at 60x20 this line is one scroll away
            assert "2 deals in best-few stages will not: really best few?" in text
        assert "Today" in screen_text(app).splitlines()[-1]  # the footer still fits

    drive(app, scenario, size=size)


def test_the_icp_lessons_follow_the_closed_deals(app_factory: AppFactory) -> None:
    met = StageEntry("meeting", TODAY - timedelta(days=40))
    closed = [
        make_prospect(f"c{i}", f"Closed {i}", "won" if i < 4 else "lost", 10000,
                      icp={"industry": "software" if i < 6 else "mining"},
                      stage_history=(met, StageEntry("won" if i < 4 else "lost",
                                                     TODAY - timedelta(days=5))))
        for i in range(10)
    ]  # fmt: skip
    app = app_factory(prospects=closed + quarter_pipeline())

    async def scenario(pilot: Any) -> None:
        await pilot.press("end")
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        assert "Industry we serve: 67% won when met (6), 0% when not (4)" in text

    drive(app, scenario, size=(80, 60))
