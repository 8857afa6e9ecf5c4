"""The funnel: counts and values, quota, win rate, normal cycle, best few, conversion."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from rules_support import build_prospect

from leadline.core.config.model import Config, QuotaPeriod, Section
from leadline.core.models import Prospect, StageEntry, Touch, TouchOutcome
from leadline.core.rules.funnel.summary import (
    funnel_to_json,
    passes_best_few_test,
    summarize_funnel,
)
from leadline.core.rules.history import conversions, normal_cycle, win_rate
from leadline.core.rules.quota import period_bounds, period_label

TODAY = date(2025, 5, 14)


def journey(pid: str, *steps: tuple[str, str], **fields: object) -> Prospect:
    """A prospect that went through `steps` ((stage, iso date), ...) and sits in the last."""
    history = tuple(StageEntry(stage, date.fromisoformat(day)) for stage, day in steps)
    first = history[0].date
    return build_prospect(history[-1].stage, first=first, id=pid, stage_history=history, **fields)


def closed(count_won: int, count_lost: int) -> list[Prospect]:
    """Deals that reached the funnel (a meeting) and closed."""
    met = ("meeting", "2024-01-15")
    won = [
        journey(f"w{i}", ("lead", "2024-01-01"), met, ("won", "2024-03-01"))
        for i in range(count_won)
    ]
    lost = [
        journey(f"l{i}", ("lead", "2024-01-01"), met, ("lost", "2024-02-01"))
        for i in range(count_lost)
    ]
    return won + lost


@pytest.mark.parametrize(
    ("today", "period", "start", "end", "label"),
    [
        (TODAY, QuotaPeriod.QUARTER, date(2025, 4, 1), date(2025, 6, 30), "2025-Q2"),
        (date(2025, 12, 31), QuotaPeriod.QUARTER, date(2025, 10, 1), date(2025, 12, 31), "2025-Q4"),
        (date(2025, 1, 1), QuotaPeriod.QUARTER, date(2025, 1, 1), date(2025, 3, 31), "2025-Q1"),
        (date(2024, 2, 10), QuotaPeriod.MONTH, date(2024, 2, 1), date(2024, 2, 29), "2024-02"),
        (date(2025, 12, 5), QuotaPeriod.MONTH, date(2025, 12, 1), date(2025, 12, 31), "2025-12"),
    ],
)
def test_period_bounds(
    today: date, period: QuotaPeriod, start: date, end: date, label: str
) -> None:
    assert period_bounds(today, period) == (start, end)
    assert period_label(start, period) == label


def test_counts_and_values_per_stage_section_and_outcome(config: Config) -> None:
    ps = [
        build_prospect("lead", id="a", value=1000),
        build_prospect("lead", id="b", value=3000),
        build_prospect("proposal", id="c", value=10000),
        build_prospect("needs", id="d", value=2000),
        build_prospect("won", id="e", value=5000),
        build_prospect("nurture", id="f", value=700),
    ]
    s = summarize_funnel(ps, config, TODAY)
    lead, proposal = s.stages[0], s.stages[5]
    assert (lead.count, lead.value, lead.weighted_value) == (2, 4000, pytest.approx(200))
    assert (proposal.count, proposal.value, proposal.weighted_value) == (1, 10000, 7000)
    sections = {b.section: (b.count, b.value) for b in s.sections}
    assert sections == {
        Section.ABOVE: (2, 4000),
        Section.IN: (1, 2000),
        Section.BEST_FEW: (1, 10000),
    }
    assert [b.key for b in s.sections] == ["above", "in", "best_few"]
    outcomes = {b.key: (b.count, b.value) for b in s.outcomes}
    assert outcomes["won"] == (1, 5000) and outcomes["nurture"] == (1, 700)


def test_quota_won_expected_gap_and_pipeline_needed(config: Config) -> None:
    ps = [
        journey("won-q2", ("lead", "2025-01-10"), ("won", "2025-04-20"), value=30000),
        journey("won-q1", ("lead", "2024-11-10"), ("won", "2025-03-31"), value=99000),
        build_prospect("proposal", id="close-q2", value=20000, expected_close=date(2025, 6, 30)),
        build_prospect("proposal", id="close-q3", value=50000, expected_close=date(2025, 7, 1)),
        build_prospect("lost", id="lost", value=80000, expected_close=date(2025, 5, 1)),
    ]
    q = summarize_funnel(ps, config, TODAY).quota
    assert (q.start, q.end, q.target) == (date(2025, 4, 1), date(2025, 6, 30), 120000)
    assert (q.won, q.won_deals) == (30000, 1)
    assert (q.expected, q.expected_deals) == (14000, 1)  # 20000 x 0.70
    assert q.gap == 76000
    assert q.new_pipeline_needed == 304000  # at the default win rate of 25% (3 closed)


def test_quota_gap_never_negative(config: Config) -> None:
    big = journey("big", ("lead", "2025-01-10"), ("won", "2025-04-20"), value=500000)
    q = summarize_funnel([big], config, TODAY).quota
    assert q.gap == 0 and q.new_pipeline_needed == 0


@pytest.mark.parametrize(
    ("won", "lost", "rate", "from_history"),
    [(0, 0, 0.25, False), (3, 6, 0.25, False), (4, 6, 0.4, True), (0, 10, 0.0, True)],
)
def test_win_rate_default_until_ten_closed(
    won: int, lost: int, rate: float, from_history: bool, config: Config
) -> None:
    result = win_rate(closed(won, lost), config, TODAY)
    assert (result.rate, result.from_history) == (pytest.approx(rate), from_history)


def test_zero_win_rate_cannot_fill_a_gap(config: Config) -> None:
    q = summarize_funnel(closed(0, 10), config, TODAY).quota
    assert q.gap == 120000 and q.new_pipeline_needed is None


def test_normal_cycle_is_the_median_once_five_wins(config: Config) -> None:
    wins = [
        journey(
            f"w{d}", ("lead", "2024-01-01"), ("won", (date(2024, 1, 1) + timedelta(d)).isoformat())
        )
        for d in (10, 20, 30, 40, 50)
    ]
    assert normal_cycle(wins[:4], config, TODAY).days == 60  # the configured default
    cycle = normal_cycle(wins, config, TODAY)
    assert (cycle.days, cycle.wins, cycle.from_history) == (30, 5, True)
    imported = build_prospect("won", id="imported", stage_history=())  # no history
    assert normal_cycle(wins[:4] + [imported], config, TODAY).from_history is False


@pytest.mark.parametrize(
    ("stage", "close_in", "passes"),
    [
        ("needs", 0, True),
        ("needs", 30, True),  # half of the default 60-day cycle
        ("needs", 31, False),
        ("proposal", -1, False),  # slipped
        ("needs", None, False),
        ("won", 5, False),
    ],
)
def test_best_few_test(stage: str, close_in: int | None, passes: bool) -> None:
    close = TODAY + timedelta(days=close_in) if close_in is not None else None
    p = build_prospect(stage, expected_close=close)
    assert passes_best_few_test(p, TODAY, 60) is passes


def test_conversion_from_stage_histories(config: Config) -> None:
    ps = [
        journey("a", ("lead", "2025-01-01"), ("qualified", "2025-01-05"), ("meeting", "2025-01-09"),
                ("won", "2025-02-01")),
        journey("b", ("lead", "2025-01-01"), ("qualified", "2025-01-05"), ("lost", "2025-01-20")),
        journey("c", ("lead", "2025-01-01")),
        journey("d", ("lead", "2025-01-01"), ("meeting", "2025-01-03"), ("lost", "2025-01-30")),
        # back and forth: entered meeting twice, counted once, won in the end
        journey("e", ("meeting", "2025-01-01"), ("needs", "2025-01-03"), ("meeting", "2025-01-05"),
                ("won", "2025-02-05")),
    ]  # fmt: skip
    steps, meeting_to_won = conversions(ps, config)
    by_stage = {c.from_stage: (c.to_stage, c.entered, c.converted) for c in steps}
    assert by_stage["lead"] == ("qualified", 4, 3)
    assert by_stage["qualified"] == ("meeting", 2, 1)
    assert by_stage["meeting"] == ("needs", 3, 2)
    assert by_stage["negotiation"] == ("won", 0, 0)
    assert steps[-1].rate is None
    assert meeting_to_won is not None
    assert (meeting_to_won.entered, meeting_to_won.converted) == (3, 2)


def test_time_allocation_by_the_section_at_the_touch_date(config: Config) -> None:
    def touch(day: str, minutes: int) -> Touch:
        return Touch(date.fromisoformat(day), "phone", TouchOutcome.REPLIED, minutes)

    moved = journey(
        "m",
        ("qualified", "2025-04-01"),
        ("proposal", "2025-05-01"),
        touches=(touch("2025-04-10", 999), touch("2025-04-20", 30), touch("2025-05-10", 60)),
    )
    parked = journey("n", ("needs", "2025-01-01"), ("nurture", "2025-03-01"),
                     touches=(touch("2025-05-02", 15),))  # fmt: skip
    t = summarize_funnel([moved, parked], config, TODAY).time_allocation
    assert t.start == date(2025, 4, 15)  # 30 days including today; the 999 minutes are older
    minutes = {e.section: e.minutes for e in t.sections}
    assert minutes == {Section.ABOVE: 30, Section.IN: 0, Section.BEST_FEW: 60}
    assert (t.total_minutes, t.other_minutes) == (90, 15)
    shares = {e.section: e.share for e in t.sections}
    assert shares[Section.BEST_FEW] == pytest.approx(2 / 3)


def test_funnel_json_has_the_documented_shape(config: Config) -> None:
    ps = [build_prospect("proposal", value=1000.1, expected_close=TODAY)] + closed(6, 6)
    data = funnel_to_json(summarize_funnel(ps, config, TODAY))
    json.dumps(data)  # plain JSON all the way down
    assert set(data) >= {"stages", "sections", "quota", "win_rate", "normal_cycle_days",
                         "conversion", "advice", "time_allocation"}  # fmt: skip
    assert set(data["stages"][0]) == {"key", "name", "section", "count", "value", "weighted_value",
                                      "estimated_deals"}  # fmt: skip
    assert set(data["quota"]) >= {"target", "won", "expected", "gap", "new_pipeline_needed"}
    assert data["win_rate"] == 0.5 and data["normal_cycle_days"] == 60
    assert data["stages"][5]["weighted_value"] == 700.07
    assert data["best_few_test"] == ["p1"]
    assert data["conversion"]["meeting_to_won"]["from"] == "meeting"
    assert [a["code"] for a in data["advice"]] == ["thin-pipeline"]  # 1 open deal
    assert data["advice"][0]["open"] == 1
