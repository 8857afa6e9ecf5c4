"""The per-prospect memo gives core's funnel and queue, making again only what changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from shell_support import FIXED_NOW, TODAY

from leadline.core.config.loader import load_config
from leadline.core.rules.followup import add_note, move_stage
from leadline.core.rules.funnel.summary import summarize_funnel
from leadline.core.rules.queue import build_follow_up_queue
from leadline.core.sample.generate import generate_pipeline
from leadline.tui.screens.memo import ProspectMemo


def test_one_change_makes_the_parts_of_exactly_one_prospect() -> None:
    config = load_config(None)
    prospects = generate_pipeline(500, TODAY)
    memo = ProspectMemo()
    assert memo.funnel(prospects, config, TODAY) == summarize_funnel(prospects, config, TODAY)
    assert len(memo.made["funnel"]) == 500
    before = memo.funnel(prospects, config, TODAY)
    assert memo.made["funnel"] == []

    open_one = next(i for i, p in enumerate(prospects) if p.stage == "lead")
    prospects[open_one] = move_stage(prospects[open_one], "won", TODAY, config, FIXED_NOW)
    memo.forget([prospects[open_one].id])
    summary = memo.funnel(prospects, config, TODAY)
    assert memo.made["funnel"] == [prospects[open_one].id]
    assert summary == summarize_funnel(prospects, config, TODAY)
    assert summary.outcomes[0].key == "won"
    assert summary.outcomes[0].count == before.outcomes[0].count + 1


def test_a_new_object_not_announced_yet_is_made_again_and_a_reorder_or_delete_is_free() -> None:
    config = load_config(None)
    prospects = generate_pipeline(50, TODAY)
    memo = ProspectMemo()
    memo.funnel(prospects, config, TODAY)
    prospects[3] = add_note(prospects[3], "called back", FIXED_NOW)
    prospects[7] = replace(prospects[7])  # same fields, another object: the store's new record
    del prospects[10]
    # Read from the store before its ProspectsChanged arrived: never shown stale.
    assert memo.funnel(prospects, config, TODAY) == summarize_funnel(prospects, config, TODAY)
    assert sorted(memo.made["funnel"]) == sorted([prospects[3].id, prospects[7].id])
    prospects.reverse()
    assert memo.funnel(prospects, config, TODAY) == summarize_funnel(prospects, config, TODAY)
    assert memo.made["funnel"] == []  # found again by id


def test_the_funnel_and_the_queue_share_entries_and_make_only_their_own_parts() -> None:
    config = load_config(None)
    prospects = generate_pipeline(60, TODAY)
    memo = ProspectMemo()
    memo.funnel(prospects, config, TODAY)
    queue = memo.queue(prospects, config, TODAY)
    assert [item for item, _ in queue] == build_follow_up_queue(prospects, config, TODAY)
    assert len(memo.made["queue"]) == 60  # the funnel made no queue items
    changed = prospects[5] = add_note(prospects[5], "left a voicemail", FIXED_NOW)
    memo.forget([changed.id])
    memo.queue(prospects, config, TODAY)
    memo.funnel(prospects, config, TODAY)
    assert memo.made == {"funnel": [changed.id], "queue": [changed.id]}


def test_a_new_day_or_config_starts_from_scratch() -> None:
    config = load_config(None)
    prospects = generate_pipeline(40, TODAY)
    memo = ProspectMemo()
    memo.funnel(prospects, config, TODAY)
    tomorrow = TODAY + timedelta(days=1)
    assert memo.funnel(prospects, config, tomorrow) == summarize_funnel(prospects, config, tomorrow)
    assert len(memo.made["funnel"]) == 40
    other = replace(config, normal_sales_cycle_days=config.normal_sales_cycle_days * 2)
    assert memo.funnel(prospects, other, tomorrow) == summarize_funnel(prospects, other, tomorrow)
    assert len(memo.made["funnel"]) == 40
    memo.forget_all()  # the app's clock passed midnight
    memo.funnel(prospects, other, tomorrow)
    assert len(memo.made["funnel"]) == 40
