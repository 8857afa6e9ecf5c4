"""Best few is a stage AND the half-cycle test; stale uses the user's own cycle and
never restarts on a backward move; the close-date warnings (issue 11)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from rules_support import DEFAULT_CONFIG, build_prospect

from leadline.core.models import FollowUpPlan, Prospect, StageEntry, Touch, TouchOutcome
from leadline.core.rules.deal import progress_since
from leadline.core.rules.funnel.summary import summarize_funnel
from leadline.core.rules.history import NormalCycle, WinRate
from leadline.core.rules.pipeline import PipelineFacts, default_facts, pipeline_facts
from leadline.core.rules.queue import build_follow_up_queue
from leadline.core.rules.warnings import WarningCode as W
from leadline.core.rules.warnings import warnings_for

TODAY = date(2025, 5, 14)
C = DEFAULT_CONFIG
SLOW = PipelineFacts(NormalCycle(120, 5, True), WinRate(0.3, 3, 7, True))
"""A user whose own deals take 120 days (best few: within 60)."""


def deal(
    stage: str, close_in: int | None, first: date = TODAY - timedelta(days=5), **fields: object
) -> Prospect:
    close = TODAY + timedelta(days=close_in) if close_in is not None else None
    return build_prospect(stage, first=first, expected_close=close, **fields)


def codes(p: Prospect, facts: PipelineFacts | None = None) -> dict[W, dict[str, int]]:
    return {w.code: w.numbers for w in warnings_for(p, C, TODAY, facts)}


@pytest.mark.parametrize(
    ("stage", "close_in", "best_few", "warning"),
    [
        ("proposal", 30, True, None),  # half the default 60-day cycle
        ("proposal", 31, False, {W.NOT_REALLY_BEST_FEW: {"days": 31, "limit": 30}}),
        ("negotiation", -61, False, {W.CLOSE_DATE_PASSED: {"days": 61}}),
        ("proposal", None, False, {W.NO_CLOSE_DATE: {}}),
        ("needs", 10, False, None),  # passes the test, but not a best-few stage
        ("needs", None, False, {W.NO_CLOSE_DATE: {}}),  # in the funnel: needs a date
        ("lead", None, False, None),  # above the funnel: no date needed yet
        ("needs", -3, False, {W.CLOSE_DATE_PASSED: {"days": 3}}),
    ],
)
def test_best_few_is_a_stage_and_the_half_cycle_test(
    stage: str, close_in: int | None, best_few: bool, warning: dict[W, dict[str, int]] | None
) -> None:
    p = deal(stage, close_in, id="x")
    s = summarize_funnel([p], C, TODAY)
    assert (s.best_few_ids == ("x",)) is best_few
    doubtful = stage in ("proposal", "negotiation") and not best_few
    assert (s.not_really_best_few_ids == ("x",)) is doubtful
    found = codes(p)
    close_codes = {W.NOT_REALLY_BEST_FEW, W.CLOSE_DATE_PASSED, W.NO_CLOSE_DATE}
    assert {k: v for k, v in found.items() if k in close_codes} == (warning or {})


def test_the_users_own_cycle_widens_best_few() -> None:
    p = deal("proposal", 45)
    assert W.NOT_REALLY_BEST_FEW in codes(p)
    assert W.NOT_REALLY_BEST_FEW not in codes(p, SLOW)


def test_a_best_few_stage_deal_failing_the_test_ranks_like_in_the_funnel() -> None:
    due = FollowUpPlan(next_due=TODAY)
    touch = (Touch(TODAY - timedelta(days=3), "phone", TouchOutcome.REPLIED),)
    far = deal("negotiation", 90, id="far", name="Far", value=90000, plan=due, touches=touch)
    near = deal("proposal", 10, id="near", name="Near", value=10, plan=due, touches=touch)
    lead = deal("lead", None, id="lead", name="Lead", value=5, plan=due, touches=touch)
    order = [i.prospect.id for i in build_follow_up_queue([far, lead, near], C, TODAY)]
    assert order == ["near", "lead", "far"]  # best few, above, then in


def test_prospect_more_counts_only_the_real_best_few() -> None:
    real = [deal("proposal", 10, id=f"r{i}") for i in range(2)]
    far = [deal("negotiation", 90, id=f"f{i}") for i in range(3)]
    leads = [deal("lead", None, id=f"l{i}") for i in range(5)]
    codes_found = {a.code.value for a in summarize_funnel(real + far + leads, C, TODAY).advice}
    assert "prospect-more" not in codes_found  # 2 real best few, not 5


def test_stale_uses_the_users_own_cycle_and_half_of_it_in_best_few() -> None:
    needs = deal("needs", 20, first=TODAY - timedelta(days=61))
    assert codes(needs)[W.STALE] == {"days": 61, "limit": 60}
    assert W.STALE not in codes(needs, SLOW)
    proposal = deal("proposal", 20, first=TODAY - timedelta(days=31))
    assert codes(proposal)[W.STALE] == {"days": 31, "limit": 30}
    assert W.STALE not in codes(proposal, SLOW)  # half of 120


def test_pipeline_facts_without_history_are_the_config_defaults() -> None:
    assert pipeline_facts([], C, TODAY) == default_facts(C)
    assert default_facts(C).cycle_days == 60


@pytest.mark.parametrize(
    ("steps", "since"),
    [
        # forward moves: the last one
        ((("lead", 1), ("meeting", 10), ("proposal", 20)), 20),
        # backward: from the first entry into the current stage or a later one
        ((("lead", 1), ("proposal", 10), ("needs", 30)), 10),
        # forward again into a stage already reached: the clock does not restart
        ((("lead", 1), ("proposal", 10), ("needs", 30), ("proposal", 40)), 10),
        # a reopened deal starts its own clock
        ((("lead", 1), ("proposal", 10), ("won", 20), ("needs", 30)), 30),
    ],
)
def test_progress_since(steps: tuple[tuple[str, int], ...], since: int) -> None:
    base = date(2025, 1, 1)
    history = tuple(StageEntry(s, base + timedelta(days=d)) for s, d in steps)
    p = build_prospect(history[-1].stage, first=base, stage_history=history)
    assert progress_since(p, C, TODAY) == base + timedelta(days=since)
