"""The Maven Analytics CRM dataset (8,800 real-shaped deals) imported whole.

The figures the funnel shows after the import are checked against figures
computed here straight from the CSV with the csv module.
"""

from __future__ import annotations

import csv
import statistics
from collections import Counter
from datetime import date

import pytest
from interop_support import DATA, STAGE_MAPPING, TODAY

from leadline.core.config.model import Config
from leadline.core.interop.importers import ImportResult, import_rows
from leadline.core.models import Lifecycle, StageEntry
from leadline.core.rules.funnel.as_json import funnel_to_json
from leadline.core.rules.funnel.summary import summarize_funnel

PIPELINE = DATA / "maven" / "sales_pipeline.csv"


def _rows() -> list[dict[str, str]]:
    with PIPELINE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def imported(config: Config) -> ImportResult:
    return import_rows(PIPELINE, config, today=TODAY, existing=[])


def test_every_deal_imports_without_problems(imported: ImportResult) -> None:
    assert imported.format == "maven"
    assert (imported.rows_read, len(imported.new), imported.problems) == (8800, 8800, [])
    assert not imported.unmapped_stages and not imported.warnings


def test_per_stage_counts_match_the_file(imported: ImportResult) -> None:
    expected = Counter(STAGE_MAPPING.get(r["deal_stage"], r["deal_stage"].lower()) for r in _rows())
    assert Counter(p.stage for p in imported.new) == expected
    assert expected == {"won": 4238, "lost": 2473, "meeting": 1589, "lead": 500}


def test_funnel_figures_match_figures_computed_from_the_csv(
    imported: ImportResult, config: Config
) -> None:
    rows = _rows()
    won = [r for r in rows if r["deal_stage"] == "Won"]
    lost = [r for r in rows if r["deal_stage"] == "Lost"]
    days = [
        (date.fromisoformat(r["close_date"]) - date.fromisoformat(r["engage_date"])).days
        for r in won
    ]
    funnel = funnel_to_json(summarize_funnel(imported.new, config, TODAY))
    assert funnel["closed_deals"] == {"won": len(won), "lost": len(lost), "dead": 0}
    assert funnel["win_rate"] == round(len(won) / (len(won) + len(lost)), 4)
    assert funnel["win_rate_from_history"] is True
    assert funnel["normal_cycle_days"] == round(statistics.median(days))
    assert funnel["normal_cycle_from_history"] is True
    open_counts = {s["key"]: s["count"] for s in funnel["stages"]}
    assert (open_counts["lead"], open_counts["meeting"]) == (500, 1589)


def test_a_won_deal_exactly(imported: ImportResult) -> None:
    deal = next(p for p in imported.new if p.external_id == "1C1I7A6R")
    assert (deal.name, deal.stage, deal.value, deal.currency) == ("Cancity", "won", 1054, "USD")
    assert deal.stage_history == (
        StageEntry("meeting", date(2016, 10, 20)),
        StageEntry("won", date(2017, 3, 1)),
    )
    assert deal.lifecycle is Lifecycle.CUSTOMER
    assert deal.icp == {
        "industry": "retail",
        "employees": 2448,
        "revenue_musd": 718.62,
        "region": "United States",
    }
    assert deal.tags == ("GTX Plus Basic",)
    assert "sales_agent: Moses Frase" in deal.notes[-1].text


def test_lost_deal_is_valued_at_the_product_list_price(imported: ImportResult) -> None:
    row = next(r for r in _rows() if r["deal_stage"] == "Lost" and r["product"] == "GTXPro")
    deal = next(p for p in imported.new if p.external_id == row["opportunity_id"])
    assert deal.stage == "lost" and deal.value == 4821  # GTX Pro in products.csv
    assert deal.tags == ("GTX Pro",)
    assert "close_value: 0" in deal.notes[-1].text
    assert [e.stage for e in deal.stage_history] == ["meeting", "lost"]


def test_deals_without_account_or_dates(imported: ImportResult) -> None:
    rows = _rows()
    no_account = [r for r in rows if not r["account"]]
    by_id = {p.external_id: p for p in imported.new}
    assert len(no_account) == 1425
    for row in no_account:
        deal = by_id[row["opportunity_id"]]
        assert deal.icp == {} and row["opportunity_id"] in deal.name
    prospecting = next(r for r in no_account if r["deal_stage"] == "Prospecting")
    deal = by_id[prospecting["opportunity_id"]]
    assert deal.stage_history == (StageEntry("lead", TODAY),)
    assert deal.lifecycle is Lifecycle.LEAD


def test_technolgy_typo_is_read_as_technology(imported: ImportResult) -> None:
    acme = next(p for p in imported.new if p.name == "Acme Corporation")
    assert acme.icp["industry"] == "technology"


def test_reimport_adds_nothing(imported: ImportResult, config: Config) -> None:
    again = import_rows(PIPELINE, config, today=TODAY, existing=imported.new)
    assert (again.new, again.updated, again.unchanged) == ([], [], 8800)


def test_without_the_stage_mapping_open_deals_are_reported_not_guessed(
    bare_config: Config,
) -> None:
    result = import_rows(PIPELINE, bare_config, today=TODAY, existing=[])
    assert result.unmapped_stages == {"Engaging": 1589, "Prospecting": 500}
    assert len(result.new) == 8800 - 1589 - 500
    first_open = next(i for i, r in enumerate(_rows()) if r["deal_stage"] in STAGE_MAPPING)
    first = result.problems[0]
    assert first.line == first_open + 2  # the header is line 1
    stage = _rows()[first_open]["deal_stage"]
    assert first.reason == f"unknown stage '{stage}': add it to stage_mapping in the config"
