"""The quarter's numbers a sales manager would trust (issue 11), with fixed dates:
wins keep their value, reopening starts a new deal, everything is as of `today`,
dead deals count in the win rate, slipped deals leave the forecast."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from rules_support import DEFAULT_CONFIG, build_prospect

from leadline.core.models import Prospect, StageEntry
from leadline.core.records.reading import BadField
from leadline.core.rules.followup import move_stage
from leadline.core.rules.funnel.summary import summarize_funnel
from leadline.core.rules.history import (
    average_deal_size,
    deal_size_from_values,
    lead_to_won_rate,
    win_rate,
)
from leadline.core.rules.pipeline import estimated_value, pipeline_facts

TODAY = date(2025, 5, 14)  # in 2025-Q2
NOW = datetime(2025, 5, 14, 9, 0)
C = DEFAULT_CONFIG


def journey(pid: str, *steps: tuple[str, str], **fields: object) -> Prospect:
    history = tuple(StageEntry(s, date.fromisoformat(d)) for s, d in steps)
    return build_prospect(history[-1].stage, first=history[0].date, id=pid,
                          stage_history=history, **fields)  # fmt: skip


def won_in_q2(pid: str, value: float) -> Prospect:
    p = journey(pid, ("lead", "2025-01-10"), ("meeting", "2025-02-01"), value=value)
    return move_stage(p, "won", date(2025, 4, 20), C, NOW)


def test_a_win_records_its_value_and_reads_back_strictly() -> None:
    p = won_in_q2("w", 30000)
    assert p.stage_history[-1] == StageEntry("won", date(2025, 4, 20), 30000)
    assert Prospect.from_doc(p.to_doc()) == p
    old = {"stage": "won", "date": "2025-04-20"}  # a file from before values
    assert StageEntry.from_doc(old) == StageEntry("won", date(2025, 4, 20))
    with pytest.raises(BadField):
        StageEntry.from_doc({"stage": "lost", "date": "2025-04-20", "value": 5})
    with pytest.raises(BadField):
        StageEntry.from_doc({"stage": "won", "date": "2025-04-20", "value": "5"})


def test_won_moved_back_into_a_stage_is_never_won_and_expected_at_once() -> None:
    won = won_in_q2("w", 30000)
    reopened = move_stage(won, "proposal", date(2025, 5, 1), C, NOW)
    assert (reopened.value, reopened.expected_close) == (0.0, None)  # a new deal
    upsell = move_stage(reopened, "negotiation", date(2025, 5, 2), C, NOW)
    from dataclasses import replace

    upsell = replace(upsell, value=8000, expected_close=date(2025, 6, 10))
    q = summarize_funnel([upsell], C, TODAY).quota
    assert (q.won, q.won_deals) == (30000, 1)  # the old win keeps its money
    assert (q.expected, q.expected_deals) == (8000 * 0.85, 1)  # only the new deal's
    second = move_stage(upsell, "won", date(2025, 5, 10), C, NOW)
    assert second.lifecycle.value == "repeat-buyer"
    q = summarize_funnel([second], C, TODAY).quota
    assert (q.won, q.won_deals, q.expected) == (38000, 2, 0)


@pytest.mark.parametrize(
    ("stage", "expected_won"),
    [("won", 5000.0), ("proposal", 0.0)],  # a legacy win: the value while it sits in won
)
def test_a_legacy_win_counts_the_value_only_while_it_sits_in_won(
    stage: str, expected_won: float
) -> None:
    steps = [("lead", "2025-01-10"), ("meeting", "2025-02-01"), ("won", "2025-04-20")]
    if stage != "won":
        steps.append((stage, "2025-05-01"))
    p = journey("legacy", *steps, value=5000)
    q = summarize_funnel([p], C, TODAY).quota
    assert (q.won, q.won_deals) == (expected_won, 1)


def test_today_in_the_past_ignores_later_wins_losses_and_moves() -> None:
    p = journey("late", ("lead", "2025-01-10"), ("proposal", "2025-03-01"),
                ("won", "2025-06-01"), value=20000, expected_close=date(2025, 5, 30))  # fmt: skip
    s = summarize_funnel([p], C, TODAY)  # 14 May: still a proposal
    assert (s.quota.won, s.quota.won_deals) == (0, 0)
    assert s.quota.expected == 20000 * 0.70
    assert [b.count for b in s.stages if b.key == "proposal"] == [1]
    assert s.win_rate.won == 0
    later = summarize_funnel([p], C, date(2025, 6, 2))
    assert (later.quota.won, later.quota.won_deals, later.quota.expected) == (20000, 1, 0)


def _closed(kind: str, n: int, reached: bool = True) -> list[Prospect]:
    via = "meeting" if reached else "qualified"
    return [
        journey(f"{kind}{i}", ("lead", "2024-01-01"), (via, "2024-01-15"), (kind, "2024-03-01"))
        for i in range(n)
    ]


def test_dead_deals_count_in_the_win_rate() -> None:
    ps = _closed("won", 3) + _closed("lost", 3) + _closed("dead", 6)
    rate = win_rate(ps, C, TODAY)
    assert (rate.rate, rate.dead, rate.from_history) == (0.25, 6, True)  # not 3/6 = 0.5
    assert pipeline_facts(ps, C, TODAY).win_rate == rate


def test_the_win_rate_counts_only_deals_that_reached_the_funnel() -> None:
    ps = _closed("won", 4) + _closed("lost", 6) + _closed("dead", 20, reached=False)
    assert win_rate(ps, C, TODAY).rate == pytest.approx(0.4)
    lead = lead_to_won_rate(ps, C, TODAY)  # every closed deal, wherever it closed
    assert (lead.rate, lead.from_history) == (pytest.approx(4 / 30), True)
    few = lead_to_won_rate(_closed("won", 2), C, TODAY)
    assert (few.rate, few.from_history) == (C.quota.default_lead_to_won_rate, False)


def test_average_deal_size_from_wins_else_the_open_deals() -> None:
    assert deal_size_from_values([10, 20, 30, 40, 50], []).amount == 30
    assert deal_size_from_values([10, 20], [100, 0, 300]).amount == 200  # too few wins
    assert deal_size_from_values([], []).amount is None
    wins = [won_in_q2(f"w{i}", 1000 * (i + 1)) for i in range(5)]
    assert average_deal_size(wins, C, TODAY, []).amount == 3000


def test_new_pipeline_and_new_leads_needed() -> None:
    ps = [build_prospect("lead", id=f"l{i}", value=10000) for i in range(3)]
    q = summarize_funnel(ps, C, TODAY).quota
    assert q.gap == 120000 and q.new_pipeline_needed == 480000  # at the default 25%
    assert q.new_leads_needed == 120  # 120000 / (10000 average x 10% lead-to-won)


def test_a_50k_negotiation_whose_close_passed_two_months_ago_has_slipped() -> None:
    p = build_prospect("negotiation", id="big", value=50000,
                       expected_close=TODAY - timedelta(days=61))  # fmt: skip
    q = summarize_funnel([p], C, TODAY).quota
    assert (q.expected, q.expected_deals) == (0, 0)  # adds nothing to the forecast
    assert (q.slipped, q.slipped_deals) == (50000, 1)


def test_a_budget_stands_in_for_a_value_of_zero_marked_as_an_estimate() -> None:
    p = build_prospect("proposal", value=0, budget=40000, expected_close=TODAY)
    assert estimated_value(p) == (40000, True)
    assert estimated_value(build_prospect("proposal", value=10, budget=40000)) == (10, False)
    s = summarize_funnel([p], C, TODAY)
    proposal = next(b for b in s.stages if b.key == "proposal")
    assert (proposal.value, proposal.estimated) == (40000, 1)
    assert (s.quota.expected, s.quota.expected_estimated) == (28000, 1)


def test_the_cost_of_chasing_is_the_time_on_deals_that_ended_lost_or_dead() -> None:
    from leadline.core.models import Touch, TouchOutcome

    def t(day: str, minutes: int) -> Touch:
        return Touch(date.fromisoformat(day), "phone", TouchOutcome.NO_RESPONSE, minutes)

    dead = journey(
        "d",
        ("lead", "2025-03-01"),
        ("dead", "2025-05-01"),
        touches=(t("2025-03-20", 500), t("2025-04-10", 30), t("2025-04-30", 15)),
    )
    won = journey("w", ("lead", "2025-03-01"), ("won", "2025-05-01"),
                  touches=(t("2025-04-10", 45),))  # fmt: skip
    s = summarize_funnel([dead, won], C, TODAY)
    assert (s.chasing_minutes, s.chasing_deals) == (45, 1)  # March is another quarter
    assert {"code": "cost-of-chasing", "minutes": 45, "deals": 1} in [
        {"code": a.code.value, **a.numbers} for a in s.advice
    ]
    before = summarize_funnel([dead], C, date(2025, 4, 30))  # not dead yet that day
    assert before.chasing_minutes == 0


def test_the_icp_learns_once_enough_deals_have_closed() -> None:
    def deal(i: int, industry: str, outcome: str) -> Prospect:
        return journey(f"{industry}{i}", ("lead", "2024-01-01"), ("meeting", "2024-01-15"),
                       (outcome, "2024-03-01"), icp={"industry": industry})  # fmt: skip

    ps = [deal(i, "software", "won" if i < 3 else "lost") for i in range(4)]
    ps += [deal(i, "mining", "won" if i < 1 else "dead") for i in range(5)]
    assert summarize_funnel(ps, C, TODAY).icp_lessons == ()  # 9 closed: not yet
    ps.append(deal(9, "mining", "lost"))
    lessons = {x.attribute: x for x in summarize_funnel(ps, C, TODAY).icp_lessons}
    industry = lessons["industry"]
    assert (industry.met_won, industry.met_closed) == (3, 4)
    assert (industry.unmet_won, industry.unmet_closed) == (1, 6)
    assert industry.met_rate == 0.75 and industry.unmet_rate == pytest.approx(1 / 6)
    assert lessons["employees"].met_closed == 0 and lessons["employees"].met_rate is None
