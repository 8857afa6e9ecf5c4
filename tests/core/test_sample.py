"""The sample pipeline generator, the shipped demo file and rebasing its dates."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import unicodedata
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from testkit import TODAY

from leadline.core.config.loader import load_config, parse_config
from leadline.core.config.model import Config, Icp, IcpCriterion
from leadline.core.models import Outcome, Prospect, Role
from leadline.core.rules.funnel.summary import summarize_funnel
from leadline.core.rules.icp import icp_score
from leadline.core.rules.occasions import next_occurrence
from leadline.core.rules.queue import Reason, build_follow_up_queue
from leadline.core.rules.warnings import WarningCode, warnings_for
from leadline.core.sample.generate import generate_pipeline, rebase_pipeline_doc, write_sample_file
from leadline.core.sample.people import People
from leadline.core.store.facade import Store

ANCHOR = TODAY  # testkit's day, the sample pipeline's anchor
SEED = 7
SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "pipeline.json"


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config(None)


@pytest.fixture(scope="module")
def demo(config: Config) -> list[Prospect]:
    """The shipped demo pipeline, as read from the committed file."""
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return [Prospect.from_doc(doc) for doc in data["prospects"].values()]


def _docs(prospects: list[Prospect]) -> list[dict[str, Any]]:
    return [p.to_doc() for p in prospects]


def _script(text: str) -> set[str]:
    """Unicode script families present in `text` (by character name)."""
    found = set()
    for ch in text:
        name = unicodedata.name(ch, "")
        for script in ("CJK", "CYRILLIC", "ARMENIAN", "LATIN"):
            if name.startswith(script):
                found.add(script)
    return found


# --- determinism -------------------------------------------------------------


def test_same_seed_same_pipeline_and_other_seed_differs(config: Config) -> None:
    first = generate_pipeline(120, ANCHOR, seed=3, config=config)
    again = generate_pipeline(120, ANCHOR, seed=3, config=config)
    other = generate_pipeline(120, ANCHOR, seed=4, config=config)
    assert _docs(first) == _docs(again)
    assert [p.id for p in first] != [p.id for p in other]
    assert all(len(p.id) == 8 and int(p.id, 16) >= 0 for p in first)
    assert len({p.id for p in first}) == len(first)


def test_a_short_pipeline_is_a_prefix_of_a_longer_one(config: Config) -> None:
    short = generate_pipeline(70, ANCHOR, config=config)
    long = generate_pipeline(2100, ANCHOR, config=config)  # past the cloning threshold
    assert _docs(short) == _docs(long[:70])
    assert len({p.id for p in long}) == 2100


def test_committed_sample_file_is_exactly_what_the_generator_writes(
    tmp_path: Path, config: Config
) -> None:
    out = tmp_path / "pipeline.json"
    write_sample_file(out, generate_pipeline(66, ANCHOR, SEED, config), ANCHOR)
    assert out.read_bytes() == SAMPLE.read_bytes(), (
        "sample_data/pipeline.json is stale: regenerate it with "
        "python -m leadline.core.sample --count 66 --today 2026-11-23 --seed 7 "
        "-o sample_data/pipeline.json"
    )


# --- realism -------------------------------------------------------------------


def test_every_stage_outcome_and_role_is_present(demo: list[Prospect], config: Config) -> None:
    stages = {p.stage for p in demo}
    assert {s.key for s in config.stages} <= stages
    assert {o.value for o in Outcome} <= stages
    roles = {c.role for p in demo for c in p.contacts}
    assert {Role.DECISION_MAKER, Role.INFLUENCER, Role.COACH, Role.GATEKEEPER} <= roles
    assert all(
        c.title and "@" in c.email and c.phone.startswith("+") for p in demo for c in p.contacts
    )


def test_names_come_in_several_scripts(demo: list[Prospect]) -> None:
    companies = set().union(*(_script(p.name) for p in demo))
    people = set().union(*(_script(c.name) for p in demo for c in p.contacts))
    assert {"CJK", "CYRILLIC", "ARMENIAN", "LATIN"} <= companies
    assert {"CJK", "CYRILLIC", "ARMENIAN", "LATIN"} <= people
    assert any(p.name == "«Արարատ Տեխնոլոջիս»" for p in demo)
    assert any(p.name == "华信科技有限公司" for p in demo)


def test_stage_histories_follow_the_stage_order(config: Config) -> None:
    keys = [s.key for s in config.stages]
    for p in generate_pipeline(600, ANCHOR, seed=11, config=config):
        days = [e.date for e in p.stage_history]
        assert days == sorted(days) and len(set(days)) == len(days), p.id
        assert p.stage_history[-1].stage == p.stage, p.id
        ranks = [keys.index(e.stage) for e in p.stage_history if e.stage in keys]
        assert ranks == list(range(len(ranks))), p.id
        touch_days = [t.date for t in p.touches]
        assert touch_days == sorted(touch_days), p.id
        assert not touch_days or touch_days[-1] <= ANCHOR, p.id  # none: added, never called
        assert p.created <= p.updated and days[-1] <= ANCHOR


def test_values_are_skewed_and_most_prospects_fit_the_profile(config: Config) -> None:
    pipeline = generate_pipeline(1000, ANCHOR, config=config)
    estimates = [p for p in pipeline if p.value == 0]  # the script's deal valued by its budget
    assert len(estimates) == 1 and estimates[0].budget
    values = sorted(p.value for p in pipeline if p.value)
    assert 1_000 <= values[0] and values[-1] <= 250_000
    assert values[len(values) // 2] < sum(values) / len(values)  # a long tail of big deals
    scores = [icp_score(p, config) for p in pipeline]
    fits = sum(s == 100 for s in scores)
    poor = sum(s < config.ideal_customer_profile.low_score for s in scores)
    assert fits > 0.75 * len(pipeline) and poor > 0.05 * len(pipeline)


def test_the_generator_reads_a_criterion_as_the_score_does(config: Config) -> None:
    """Its own test once compared case-sensitively: 'agriculture' missed a listed
    'Agriculture', so a prospect drawn as a poor fit still met the industry criterion."""
    industry = IcpCriterion("industry", 3.0, one_of=("Agriculture", "Software"))
    profile = Icp(criteria=(industry, IcpCriterion("region", 1.0, one_of=("eu",))))
    people = People(random.Random(SEED), replace(config, ideal_customer_profile=profile), ANCHOR)
    assert people.industry_fits("software") and not people.industry_fits("mining")
    for fit, given in ((True, "mining"), (False, "agriculture"), (False, "software")):
        attrs = people.icp(given, "EU", fit)
        assert industry.met_by(attrs) is fit, (given, attrs)
        assert profile.criteria[1].met_by(attrs)  # region is always met


def test_generated_records_round_trip_and_open_in_the_store(tmp_path: Path, config: Config) -> None:
    pipeline = generate_pipeline(300, ANCHOR, config=config)
    path = tmp_path / "data.json"
    write_sample_file(path, pipeline, ANCHOR)
    path.chmod(0o600)
    with Store.open(path) as store:
        stored = {p.id: p for p in store.prospects()}
    assert stored == {p.id: p for p in pipeline}


def test_works_with_another_stage_list() -> None:
    config = parse_config(
        "stages:\n"
        "  - {key: new, name: New, section: above, probability: 0.1}\n"
        "  - {key: call, name: Call, section: in, probability: 0.4, meeting: true}\n"
        "  - {key: offer, name: Offer, section: best_few, probability: 0.8}\n"
    )
    pipeline = generate_pipeline(300, ANCHOR, config=config)
    allowed = {"new", "call", "offer", *(o.value for o in Outcome)}
    assert {p.stage for p in pipeline} == allowed
    assert all(e.stage in allowed for p in pipeline for e in p.stage_history)


# --- the demo tells its story on the anchor day ----------------------------------


def test_demo_queue_shows_every_reason_and_both_exits(demo: list[Prospect], config: Config) -> None:
    queue = build_follow_up_queue(demo, config, ANCHOR)
    assert {item.reason for item in queue} == set(Reason)
    exits = {item.proposed_exit for item in queue if item.reason is Reason.STOP_FOLLOWING}
    assert exits == {Outcome.NURTURE, Outcome.DEAD}
    birthdays = [i for i in queue if i.reason is Reason.BIRTHDAY]
    assert any(i.due == ANCHOR for i in birthdays) and any(i.due != ANCHOR for i in birthdays)


def test_demo_funnel_gives_advice(demo: list[Prospect], config: Config) -> None:
    advice = {a.code.value for a in summarize_funnel(demo, config, ANCHOR).advice}
    assert {"prospect-more", "weak-closing", "rebalance-time"} <= advice


def test_demo_has_a_prospect_for_every_warning(demo: list[Prospect], config: Config) -> None:
    found = {w.code for p in demo for w in warnings_for(p, config, ANCHOR)}
    assert found == set(WarningCode)


# --- rebasing --------------------------------------------------------------------


def _queue_shape(data: dict[str, Any], config: Config, today: date) -> set[tuple[str, str, int]]:
    prospects = [Prospect.from_doc(doc) for doc in data["prospects"].values()]
    return {
        (item.prospect.id, item.reason.value, (item.due - today).days if item.due else -1)
        for item in build_follow_up_queue(prospects, config, today)
    }


@pytest.mark.parametrize("new_today", [date(2027, 3, 1), date(2028, 2, 28), date(2025, 1, 9)])
def test_rebased_demo_shows_the_same_queue_on_another_day(new_today: date, config: Config) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    rebased = rebase_pipeline_doc(data, new_today)
    assert rebased["_leadline"]["1"]["anchor"] == new_today.isoformat()
    assert _queue_shape(rebased, config, new_today) == _queue_shape(data, config, ANCHOR)


def test_rebase_moves_every_date_by_the_same_days() -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    before = json.dumps(data)
    shift = 97
    rebased = rebase_pipeline_doc(data, ANCHOR + timedelta(days=shift))
    assert json.dumps(data) == before, "the input must not be changed"
    for key, old in data["prospects"].items():
        new = rebased["prospects"][key]
        assert Prospect.from_doc(new).created == Prospect.from_doc(old).created + timedelta(shift)
        for field in ("touches", "stage_history", "meetings"):
            for a, b in zip(old[field], new[field], strict=True):
                assert date.fromisoformat(b["date"]) - date.fromisoformat(a["date"]) == timedelta(
                    shift
                )
        for a, b in zip(old["notes"], new["notes"], strict=True):
            assert b["at"][10:] == a["at"][10:]  # the time of day stays
        for a, b in zip(old["contacts"], new["contacts"], strict=True):
            assert a["name"] == b["name"]
            if a["birthday"]:
                was = next_occurrence(date.fromisoformat(a["birthday"]), ANCHOR) - ANCHOR
                now = next_occurrence(date.fromisoformat(b["birthday"]), ANCHOR + timedelta(shift))
                assert now - (ANCHOR + timedelta(shift)) == was


def test_rebase_moves_dates_but_not_text_that_looks_like_one() -> None:
    doc = {
        "plan": {"next_due": "2026-11-20"},
        "notes": [{"at": "2026-11-20T09:15:00", "text": "2026-11-20"}],
        "tags": ["2026-11-20"],
        "icp": {"founded": "2001-05-01"},
        "meetings": [{"date": "2026-13-45", "title": "typo kept as typed"}],
    }
    data = {"_leadline": {"1": {"anchor": "2026-11-23"}}, "prospects": {"1": doc}}
    moved = rebase_pipeline_doc(data, date(2026, 12, 3))["prospects"]["1"]
    assert moved["plan"]["next_due"] == "2026-11-30"
    assert moved["notes"] == [{"at": "2026-11-30T09:15:00", "text": "2026-11-20"}]
    assert moved["tags"] == ["2026-11-20"] and moved["icp"] == {"founded": "2001-05-01"}
    assert moved["meetings"][0]["date"] == "2026-13-45"


def test_rebase_leaves_a_file_without_anchor_alone() -> None:
    data = {"_leadline": {"1": {"format": "leadline"}}, "prospects": {"1": {"due": "2026-01-01"}}}
    assert rebase_pipeline_doc(data, date(2030, 1, 1)) == data


# --- scale and the command line ----------------------------------------------------


def test_ten_thousand_prospects_have_ten_thousand_ids(config: Config) -> None:
    # How fast: the bench's `generate the pipeline in memory, CPU (ms)` figure.
    pipeline = generate_pipeline(10_000, ANCHOR, config=config)
    assert len(pipeline) == 10_000 and len({p.id for p in pipeline}) == 10_000


def test_module_entry_writes_a_data_file(tmp_path: Path) -> None:
    out = tmp_path / "p.json"
    args = ["--count", "25", "--today", "2026-11-23", "--seed", "7", "-o", str(out)]
    subprocess.run([sys.executable, "-m", "leadline.core.sample", *args], check=True, timeout=120)
    data = json.loads(out.read_text(encoding="ascii"))
    assert data["_leadline"]["1"]["anchor"] == "2026-11-23"
    assert list(data["prospects"]) == [str(n) for n in range(1, 26)]
