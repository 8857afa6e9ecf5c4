"""The rules give exactly the results pinned in data/rules_golden.json.xz.

The file was written by golden_support.py before the rules were made faster;
any difference here (a count, a float's last digit, the queue's order, one
warning) means a speed change altered a result. Each failure names the
configuration, the day, what differs and for which prospect.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from golden_support import ANCHOR, CONFIGS, DAYS, load_golden, per_prospect, results

from leadline.core.models import Prospect


@pytest.fixture(scope="module")
def golden() -> tuple[list[Prospect], dict[str, Any]]:
    return load_golden()


def _differences(name: str, expected: Any, actual: Any) -> list[str]:
    """Readable paths where two JSON values differ (the first few)."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        found = [f"{name}.{k}: missing" for k in expected.keys() - actual.keys()]
        found += [f"{name}.{k}: unexpected" for k in actual.keys() - expected.keys()]
        for key in sorted(expected.keys() & actual.keys()):
            found += _differences(f"{name}.{key}", expected[key], actual[key])
        return found
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return [f"{name}: {len(expected)} entries expected, got {len(actual)}"]
        pairs = enumerate(zip(expected, actual, strict=True))
        return [d for i, (e, a) in pairs for d in _differences(f"{name}[{i}]", e, a)]
    if type(expected) is not type(actual) or expected != actual:
        return [f"{name}: expected {expected!r}, got {actual!r}"]
    return []


def test_the_fixture_covers_every_configuration_and_day(
    golden: tuple[list[Prospect], dict[str, Any]],
) -> None:
    prospects, stored = golden
    assert len(prospects) == 400
    assert set(stored) == set(CONFIGS)
    for by_day in stored.values():
        assert set(by_day) == {"prospects"} | {d.isoformat() for d in DAYS}


@pytest.mark.parametrize("config_name", sorted(CONFIGS))
@pytest.mark.parametrize("today", DAYS, ids=str)
def test_funnel_queue_warnings_and_stops_are_unchanged(
    golden: tuple[list[Prospect], dict[str, Any]], config_name: str, today: date
) -> None:
    prospects, stored = golden
    expected = stored[config_name][today.isoformat()]
    actual = results(prospects, CONFIGS[config_name], today)
    found = _differences(f"{config_name}@{today}", expected, actual)
    assert not found, "\n".join(found[:20])


@pytest.mark.parametrize("config_name", sorted(CONFIGS))
def test_icp_scores_timelines_and_closings_are_unchanged(
    golden: tuple[list[Prospect], dict[str, Any]], config_name: str
) -> None:
    prospects, stored = golden
    actual = per_prospect(prospects, CONFIGS[config_name])
    found = _differences(config_name, stored[config_name]["prospects"], actual)
    assert not found, "\n".join(found[:20])


def test_a_changed_result_is_caught(golden: tuple[list[Prospect], dict[str, Any]]) -> None:
    """The comparison is not vacuous: one prospect one cent richer shows up."""
    prospects, stored = golden
    richer = [Prospect.from_doc({**p.to_doc(), "value": p.value + 0.01}) for p in prospects[:1]]
    actual = results(richer + prospects[1:], CONFIGS["default"], ANCHOR)
    found = _differences("default", stored["default"][ANCHOR.isoformat()], actual)
    assert any(".funnel." in line for line in found)
