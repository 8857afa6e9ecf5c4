"""Shared data for the rules tests (imported by its own name, like tui's work_support).

DEFAULT_CONFIG mirrors core/default_config.yaml field by field, so the rules
tests do not depend on the YAML loader; test_rules_config_mirror.py checks the
two stay equal.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from testkit import prospect

from leadline.core.config.model import (
    Config,
    FollowUp,
    Icp,
    IcpCriterion,
    Nurture,
    Quota,
    QuotaPeriod,
    Section,
    StageDef,
    StopFollowing,
    StopFollowingOverride,
    StopThen,
)
from leadline.core.models import Prospect

QUALIFICATION = ("In our target market", "Can afford it", "Has authority or a path to it")

STAGES = (
    StageDef("lead", "Lead", Section.ABOVE, 0.05, tone="cold", stale_after_days=30,
             stop_following=StopFollowingOverride(after_unanswered_touches=3)),
    StageDef("qualified", "Qualified", Section.ABOVE, 0.10, tone="cold",
             entry_criteria=QUALIFICATION, stale_after_days=30),
    StageDef("meeting", "First meeting", Section.IN, 0.25, tone="meeting", meeting=True,
             entry_criteria=("Decision maker confirmed",)),
    StageDef("needs", "Needs analysis", Section.IN, 0.35, tone="warm", interval_days=7),
    StageDef("demo", "Demo / trial", Section.IN, 0.50, tone="warm",
             entry_criteria=("Needs written down",)),
    StageDef("proposal", "Proposal", Section.BEST_FEW, 0.70, tone="hot", interval_days=5,
             entry_criteria=("Budget confirmed", "Timeframe agreed")),
    StageDef("negotiation", "Negotiation", Section.BEST_FEW, 0.85, tone="hot",
             interval_days=3, stale_after_days=21),
)  # fmt: skip

DEFAULT_CONFIG = Config(
    stages=STAGES,
    currency="EUR",
    outcomes=("won", "lost", "nurture", "dead"),
    qualification=QUALIFICATION,
    follow_up=FollowUp(
        default_interval_days=7,
        default_channel="email",
        meeting_reminder_days_before=1,
        soon_days=3,
        busy_work_touches=6,
        stop_following=StopFollowing(5, 60, StopThen.NURTURE_IF_QUALIFIED),
        nurture=Nurture(interval_days=45, channel="newsletter"),
    ),
    quota=Quota(period=QuotaPeriod.QUARTER, amount=120000, default_win_rate=0.25),
    normal_sales_cycle_days=60,
    time_allocation={Section.ABOVE: 0.2, Section.IN: 0.4, Section.BEST_FEW: 0.4},
    ideal_customer_profile=Icp(
        low_score=40,
        criteria=(
            IcpCriterion(
                "industry",
                3,
                "Industry we serve",
                one_of=("software", "manufacturing", "logistics", "retail"),
            ),
            IcpCriterion("employees", 2, "Company size", min=50, max=5000),
            IcpCriterion("region", 1, "Region we cover", one_of=("EU", "CIS", "Caucasus", "APAC")),
        ),
    ),  # fmt: skip
    backups=5,
)

FIT_ICP = {"industry": "software", "employees": 200, "region": "EU"}
"""ICP attributes that meet every default criterion (score 100)."""


def build_prospect(
    stage: str = "lead", *, first: date = date(2025, 1, 6), **fields: Any
) -> Prospect:
    """testkit's prospect "Acme" (id p1), created at midnight on `first` in `stage`: the rules
    tables count their days from it."""
    created = datetime.combine(first, datetime.min.time())
    return replace(prospect(stage, id="p1", name="Acme", created=created), **fields)
