"""`leadline funnel` and `leadline warnings` as text: what a person reads says what --json says."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from leadline.tui.text.labels import section_title

Run = Callable[..., Any]  # conftest's runners: (*argv, check=, env=) -> Result
DAY = ("--today", "2026-11-23")  # the sample pipeline's anchor day


def _section(text: str, title: str) -> list[str]:
    """The indented lines under a heading line that starts with `title`."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    block = []
    for line in lines[start + 1 :]:
        if not line.startswith(" "):
            break
        block.append(line)
    return block


def test_funnel_text_shows_every_stage_section_and_the_quota_of_the_json(
    sample_cli: Run,
) -> None:
    figures = json.loads(sample_cli("funnel", *DAY, "--json").stdout)
    text = sample_cli("funnel", *DAY).stdout
    rows = _section(text, "Funnel")
    sections = [r for r in rows if not r.startswith("    ")]
    stages = [r for r in rows if r.startswith("    ")]
    assert len(sections) == len(figures["sections"]) == 3
    for line, section in zip(sections, figures["sections"], strict=True):
        words = section_title(section["key"])  # as the TUI names it, never the key
        assert re.match(rf"  {words} +{section['count']} deals ", line), line
    assert len(stages) == len(figures["stages"])
    for line, stage in zip(stages, figures["stages"], strict=True):
        assert re.match(rf"    {re.escape(stage['name'])} +{stage['count']} ", line), line
    quota = figures["quota"]
    head = next(line for line in text.splitlines() if line.startswith("Quota"))
    assert quota["period_label"] in head
    for key in ("target", "won", "expected", "gap"):
        assert f"{key} €{quota[key]:,.0f}" in head
    assert f"normal cycle {figures['normal_cycle_days']} days" in text
    advice = _section(text, "Advice")
    assert len(advice) == len(figures["advice"]) >= 1
    assert all(line.startswith("  - ") for line in advice)


def test_warnings_text_lists_what_the_json_lists_in_the_same_order(sample_cli: Run) -> None:
    found = json.loads(sample_cli("warnings", *DAY, "--json").stdout)
    assert len(found) >= 5, "the sample pipeline shows every kind of warning"
    lines = sample_cli("warnings", *DAY).stdout.splitlines()
    heads = [line for line in lines if not line.startswith("  ")]
    assert heads == [f"{p['id']}  {p['name']}" for p in found]
    bullets = [line for line in lines if line.startswith("  - ")]
    assert len(bullets) == sum(len(p["warnings"]) for p in found) == len(lines) - len(heads)


def test_warnings_for_one_prospect_and_for_a_clean_one(sample_cli: Run) -> None:
    found = json.loads(sample_cli("warnings", *DAY, "--json").stdout)
    first = found[0]
    one = sample_cli("warnings", first["id"], *DAY).stdout.splitlines()
    assert one[0] == f"{first['id']}  {first['name']}"
    assert len(one) == 1 + len(first["warnings"])
    listed = json.loads(sample_cli("list", "--json").stdout)
    clean = next(p for p in listed if p["stage"] == "won")  # closed: nothing to warn about
    assert sample_cli("warnings", clean["id"], *DAY).stdout.strip() == "No warnings."
    missing = sample_cli("warnings", "no such prospect", *DAY, check=False)
    assert missing.returncode == 1 and "no prospect matches" in missing.stderr
