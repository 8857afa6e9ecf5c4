"""The ideal-customer-profile score."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from rules_support import FIT_ICP, build_prospect

from leadline.core.config.model import Config, Icp, IcpCriterion
from leadline.core.rules.icp import fits_icp, icp_checks, icp_score


@pytest.mark.parametrize(
    ("icp", "score"),
    [
        (FIT_ICP, 100),
        ({}, 0),  # nothing known: every criterion fails
        ({"industry": "Software", "employees": 50, "region": "eu"}, 100),  # case, inclusive min
        ({"industry": "mining", "employees": 200, "region": "EU"}, 50),  # 3 of 6 weight lost
        ({"industry": "retail", "employees": 5001}, 50),
        ({"industry": "retail", "employees": "120"}, 83),  # numeric text counts
        ({"employees": "many", "region": "APAC"}, 17),
    ],
)
def test_score_by_weight(icp: dict[str, Any], score: int, config: Config) -> None:
    assert icp_score(build_prospect(icp=icp), config) == score


def test_no_criteria_means_a_perfect_fit(config: Config) -> None:
    empty = replace(config, ideal_customer_profile=Icp(criteria=()))
    assert icp_score(build_prospect(), empty) == 100


@pytest.mark.parametrize(
    ("criterion", "value", "met"),
    [
        (IcpCriterion("b2b", equals=True), True, True),
        (IcpCriterion("b2b", equals=True), 1, False),  # True is not 1
        (IcpCriterion("tier", equals=2), 2, True),
        (IcpCriterion("city", equals="Yerevan"), "yerevan ", True),
        (IcpCriterion("size", min=10), 10.0, True),
        (IcpCriterion("size", max=10), 10.5, False),
        (IcpCriterion("size", min=1), True, False),  # a flag is no number
        (IcpCriterion("note"), "anything", True),  # no test: present is enough
        # Where the sample generator's own test once disagreed with the score:
        (IcpCriterion("region", one_of=("EU",)), "eu", True),  # case ignored
        (IcpCriterion("tier", equals=1), True, False),  # True is not 1 either way
        (IcpCriterion("size", min=50), "120", True),  # numeric text is a number
        (IcpCriterion("region", one_of=("True",)), True, False),  # a flag is no listed text
        (IcpCriterion("note"), "", False),  # present but blank
    ],
)
def test_criterion_tests(criterion: IcpCriterion, value: Any, met: bool) -> None:
    assert criterion.met_by({criterion.attribute: value}) is met
    assert criterion.accepts(value) is met
    assert not criterion.met_by({})  # a missing attribute fails every criterion


def test_checks_and_fit_line(config: Config) -> None:
    p = build_prospect(icp={"industry": "software"})
    assert [c.met for c in icp_checks(p, config)] == [True, False, False]
    assert fits_icp(p, config)  # 50 >= 40
    assert not fits_icp(build_prospect(icp={"region": "EU"}), config)  # 17
