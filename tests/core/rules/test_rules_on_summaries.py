"""Every rule gives the same answer on a prospect's summary as on the whole prospect.

The queue, the funnel, the lists and the warnings read summaries
(`core/records/summary.py`: a prospect without its notes' and touches' text, contact
titles, account plan and unknown fields). Over generated pipelines (the sample
generator's seeds and sizes), changed by random user actions (notes, touches, stage
moves, meetings, contacts, plans, snoozes, account plans), each rule is run on the
whole prospects and on their summaries and the results compared exactly (`plain`:
every field, floats to the last digit, a queue item's prospect by id). The golden
fixture gives its pinned results on summaries too, and a pipeline saved and reopened
gives the same answers from the summary file as from the whole prospects.

A difference here means a rule reads something a summary drops: the summary must keep
that field, or the rule must stop reading it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from edits_support import (
    ANCHOR,
    account_plan_edit,
    apply_edits,
    contact_edit,
    meeting_edit,
    move_edit,
    note_edit,
    pipelines,
    plan_edit,
    touch_edit,
    unknown_fields_edit,
)
from golden_support import CONFIGS, DAYS, load_golden, per_prospect, plain, results
from hypothesis import HealthCheck, given, settings
from test_rules_golden import _differences

from leadline.core.config.model import Config
from leadline.core.models import Prospect, Role
from leadline.core.records.kinds import TouchOutcome
from leadline.core.records.summary import is_summary, summarize
from leadline.core.rules.dupes import like_existing, likely_duplicates, looks_like
from leadline.core.rules.funnel.summary import funnel_to_json, summarize_funnel
from leadline.core.rules.icp import icp_score
from leadline.core.rules.outcomes import last_closing, nurture_due
from leadline.core.rules.pipeline import pipeline_facts
from leadline.core.rules.queue import build_follow_up_queue
from leadline.core.rules.quota import QuotaRates, quota_status
from leadline.core.rules.reach import Reach, reach_for, whom_to_contact
from leadline.core.rules.stop_following import evaluate_stop_following
from leadline.core.rules.warnings import warnings_for
from leadline.core.sample.generate import generate_pipeline
from leadline.core.store import index
from leadline.core.store.facade import Store
from leadline.tui.cli import render

# -- the rules, as their readers call them -----------------------------------------------


def _whom(reach: Reach, p: Prospect) -> tuple[object, ...]:
    """The call sheet's answer: which of `p`'s contacts (by place: the `Contact` is the
    prospect's own, title and all, as a queue item holds the prospect), how, at what."""
    at = p.contacts.index(reach.contact) if reach.contact else None
    return at, reach.name, reach.channel, reach.handle, str(reach.kind)


def _outcome(p: Prospect, config: Config, today: date) -> tuple[object, ...]:
    """What the won, lost, nurture and dead lists show of `p`."""
    return plain(last_closing(p, config, today)), plain(nurture_due(p, config)), p.lost_reason


def answers(ps: list[Prospect], config: Config, today: date) -> dict[str, Any]:
    """Every rule's answer for the pipeline `ps`, as plain JSON values."""
    summary = summarize_funnel(ps, config, today)
    facts = pipeline_facts(ps, config, today)
    queue = build_follow_up_queue(ps, config, today)
    rates = QuotaRates(summary.win_rate.rate, summary.lead_to_won.rate, summary.deal_size.amount)
    by_name = sorted(ps, key=lambda p: p.name.casefold())
    return {
        "queue": plain(queue),
        "reach": [_whom(reach_for(item, config), item.prospect) for item in queue],
        "funnel": plain(summary),
        "funnel_json": funnel_to_json(summary, config.currency),
        "facts": plain(facts),
        "quota": plain(quota_status(ps, config, today, rates)),
        "advice": plain(summary.advice),
        "warnings": {p.id: plain(warnings_for(p, config, today, facts)) for p in ps},
        "stop": {p.id: plain(evaluate_stop_following(p, config, today)) for p in ps},
        "icp": {p.id: icp_score(p, config) for p in ps},
        "whom": {p.id: _whom(whom_to_contact(p, config), p) for p in ps},
        "outcomes": {p.id: _outcome(p, config, today) for p in ps},
        "dupes": plain(likely_duplicates(ps)),
        "looks_like": plain(looks_like(ps[0], ps)),
        "like_existing": plain(like_existing(ps[: len(ps) // 2], ps[len(ps) // 2 :])),
        "queue_text": render.queue_text(queue, config, today),
        "queue_json": [render.queue_item_json(item, config) for item in queue],
        "funnel_text": render.funnel_text(funnel_to_json(summary, config.currency), config),
        "list_text": render.list_text(by_name, config),
    }


def _same_on_summaries(ps: list[Prospect], config: Config, today: date) -> None:
    summaries = [summarize(p) for p in ps]
    assert all(is_summary(s) for s in summaries)
    whole, short = answers(ps, config, today), answers(summaries, config, today)
    found = _differences("rules", whole, short)
    assert not found, "a rule reads what a summary drops:\n" + "\n".join(found[:20])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pipelines())
def test_every_rule_answers_the_same_on_summaries(
    case: tuple[list[Prospect], Config, date],
) -> None:
    _same_on_summaries(*case)


def test_the_comparison_sees_a_rule_reading_free_text() -> None:
    """Not vacuous: a prospect whose summary lost a fact the rules read is caught."""
    ps = generate_pipeline(30, ANCHOR)
    summaries = [replace(summarize(p), touches=()) for p in ps]
    assert _differences("rules", answers(ps, CONFIGS["default"], ANCHOR),
                        answers(summaries, CONFIGS["default"], ANCHOR))  # fmt: skip


# -- the golden fixture, on summaries ----------------------------------------------------


@pytest.fixture(scope="module")
def golden_summaries() -> tuple[list[Prospect], dict[str, Any]]:
    prospects, stored = load_golden()
    return [summarize(p) for p in prospects], stored


@pytest.mark.parametrize("config_name", sorted(CONFIGS))
@pytest.mark.parametrize("today", DAYS, ids=str)
def test_the_golden_results_come_out_of_summaries(
    golden_summaries: tuple[list[Prospect], dict[str, Any]], config_name: str, today: date
) -> None:
    summaries, stored = golden_summaries
    actual = results(summaries, CONFIGS[config_name], today)
    found = _differences(f"{config_name}@{today}", stored[config_name][today.isoformat()], actual)
    assert not found, "\n".join(found[:20])


@pytest.mark.parametrize("config_name", sorted(CONFIGS))
def test_the_golden_per_prospect_results_come_out_of_summaries(
    golden_summaries: tuple[list[Prospect], dict[str, Any]], config_name: str
) -> None:
    summaries, stored = golden_summaries
    actual = per_prospect(summaries, CONFIGS[config_name])
    found = _differences(config_name, stored[config_name]["prospects"], actual)
    assert not found, "\n".join(found[:20])


# -- summaries as the store gives them ---------------------------------------------------


def _no_document(doc: object) -> Prospect:
    raise AssertionError("a document was decoded: the summaries did not come from their file")


def test_the_store_s_summaries_give_the_same_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Saved, reopened (summaries read back from the summary file), and compared."""
    config = CONFIGS["default"]
    ps = generate_pipeline(150, ANCHOR, seed=11)
    each = [
        note_edit("won"),
        touch_edit("phone", TouchOutcome.REPLIED, 5, "CEO", 3),
        move_edit("demo", ""),
        meeting_edit(2, "Demo", "Ann"),
        contact_edit("Bo", Role.COACH, "CFO", "", "", 2),
        plan_edit(5, "phone", 4, True, ""),
        account_plan_edit("risk"),
        unknown_fields_edit("x"),
    ]
    steps = [(i * 7, -(i % 20), edit) for i, edit in enumerate(each * 4)]
    apply_edits(ps, steps, config)
    path = tmp_path / "leadline.json"
    with Store.open(path, backups=0) as store:
        store.add_many(ps)
        store.compact()  # writes the summary file of the whole pipeline
    monkeypatch.setattr(index, "decode_prospect", _no_document)
    with Store.open(path, backups=0) as store:
        stored = store.summaries()  # from the summary file: no document decoded
    assert [s.id for s in stored] == [p.id for p in ps] and all(map(is_summary, stored))
    assert stored == [summarize(p) for p in ps]
    for today in (ANCHOR, ANCHOR + timedelta(days=9)):
        found = _differences("store", answers(ps, config, today), answers(stored, config, today))
        assert not found, "\n".join(found[:20])
