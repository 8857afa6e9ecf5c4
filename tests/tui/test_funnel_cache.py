"""The funnel cache gives core's summary and re-reads only the prospects that changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from shell_support import FIXED_NOW, TODAY

from leadline.core.config.loader import load_config
from leadline.core.rules.followup import add_note, move_stage
from leadline.core.rules.funnel.summary import summarize_funnel
from leadline.core.sample.generate import generate_pipeline
from leadline.tui.screens.funnel_cache import FunnelCache


def test_one_change_makes_the_parts_of_exactly_one_prospect() -> None:
    config = load_config(None)
    prospects = generate_pipeline(500, TODAY)
    cache = FunnelCache()
    assert cache.summarize(prospects, config, TODAY) == summarize_funnel(prospects, config, TODAY)
    assert cache.made == 500
    before = cache.summarize(prospects, config, TODAY)
    assert cache.made == 0

    open_one = next(i for i, p in enumerate(prospects) if p.stage == "lead")
    prospects[open_one] = move_stage(prospects[open_one], "won", TODAY, config, FIXED_NOW)
    summary = cache.summarize(prospects, config, TODAY)
    assert cache.made == 1
    assert summary == summarize_funnel(prospects, config, TODAY)
    assert summary.outcomes[0].key == "won"
    assert summary.outcomes[0].count == before.outcomes[0].count + 1


def test_new_objects_are_read_again_across_a_delete_and_a_reorder_is_free() -> None:
    config = load_config(None)
    prospects = generate_pipeline(50, TODAY)
    cache = FunnelCache()
    cache.summarize(prospects, config, TODAY)
    prospects[3] = add_note(prospects[3], "called back", FIXED_NOW)
    prospects[7] = replace(prospects[7])  # same fields, another object: the store's new record
    del prospects[10]
    assert cache.summarize(prospects, config, TODAY) == summarize_funnel(prospects, config, TODAY)
    assert cache.made == 2
    prospects.reverse()
    assert cache.summarize(prospects, config, TODAY) == summarize_funnel(prospects, config, TODAY)
    assert cache.made == 0  # found again by id


def test_a_new_day_or_config_starts_from_scratch() -> None:
    config = load_config(None)
    prospects = generate_pipeline(40, TODAY)
    cache = FunnelCache()
    cache.summarize(prospects, config, TODAY)
    tomorrow = TODAY + timedelta(days=1)
    assert cache.summarize(prospects, config, tomorrow) == summarize_funnel(
        prospects, config, tomorrow
    )
    assert cache.made == 40
    other = replace(config, normal_sales_cycle_days=config.normal_sales_cycle_days * 2)
    assert cache.summarize(prospects, other, tomorrow) == summarize_funnel(
        prospects, other, tomorrow
    )
    assert cache.made == 40
