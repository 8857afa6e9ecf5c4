"""Config values are range-checked where they are read, with path:line:col: no NaN or
infinite amounts, integers of a sane size, intervals of at most ten years, and nesting
no deeper than a setting needs. Each of these was accepted (and crashed or overflowed
later) or was a traceback instead of a ConfigError."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from odd_support import Run, runner

from leadline.core.config.loader import DEFAULT_CONFIG, ConfigError, parse_config


@pytest.fixture
def leadline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> Run:
    return runner(tmp_path, monkeypatch, capsys)


BASE = files("leadline.core.config").joinpath(DEFAULT_CONFIG).read_text(encoding="utf-8")


def _changed(old: str, new: str) -> str:
    assert old in BASE
    return BASE.replace(old, new, 1)


CASES = {
    "NaN quota": (_changed("amount: 120000", "amount: .nan"), "amount must be a finite number"),
    "infinite quota": (_changed("amount: 120000", "amount: -.inf"), "must be a finite number"),
    "a 5,000-digit integer": (
        _changed("default_interval_days: 7", "default_interval_days: " + "9" * 5000),
        "has too many digits",
    ),
    "a 40-digit integer": (_changed("backups: 5", "backups: " + "9" * 40), "at most 1e+15"),
    "an interval of 99999999 days": (
        _changed("default_interval_days: 7", "default_interval_days: 99999999"),
        "default_interval_days must be at most 3650 days",
    ),
    "a stage interval of 3651 days": (
        _changed("interval_days: 7", "interval_days: 3651"),
        "interval_days must be at most 3650 days",
    ),
    "10k-deep flow nesting": (
        "stages: " + "[" * 10000 + "]" * 10000 + "\nbroken: [\n",
        "values nest more than 100 levels deep",
    ),
    "10k-deep mappings": (
        "stages: " + "{a: " * 10000 + "1" + "}" * 10000 + "\n\tx\n",
        "values nest more than 100 levels deep",
    ),
}
_POSITION = re.compile(r"^cfg\.yaml:\d+:\d+: ", re.MULTILINE)


@pytest.mark.parametrize("case", CASES)
def test_out_of_range_values_are_config_errors_at_their_position(case: str) -> None:
    text, message = CASES[case]
    with pytest.raises(ConfigError) as raised:
        parse_config(text, "cfg.yaml")
    found = [str(p) for p in raised.value.problems if message in p.message]
    assert found, str(raised.value)
    assert all(_POSITION.match(line) for line in found), found


def test_the_bounds_themselves_are_accepted() -> None:
    text = _changed("default_interval_days: 7", "default_interval_days: 3650")
    text = text.replace("amount: 120000", "amount: 1000000000000000")
    config = parse_config(text, "cfg.yaml")
    assert config.follow_up.default_interval_days == 3650
    assert config.quota.amount == 1e15


@pytest.mark.parametrize("case", ["NaN quota", "a 5,000-digit integer", "10k-deep flow nesting"])
def test_check_reports_them_and_exits_2(leadline: Run, tmp_path: Path, case: str) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(CASES[case][0], encoding="utf-8")
    for argv in (("check",), ("funnel",), ("queue",)):
        result = leadline("--config", str(config), *argv)
        assert result.status == 2, result
        assert CASES[case][1] in result.err and "Traceback" not in result.err
        assert f"{config}:" in result.err
