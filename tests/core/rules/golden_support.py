"""Pinned results of the rules, so speed work can prove it changed nothing.

`data/rules_golden.json.xz` (xz-compressed JSON, ~6 MB unpacked) holds a set
of input prospects and, for several days and configurations, everything the
rules computed from them with the code of the day it was written: the funnel
summary (exact floats, not the rounded JSON), the queue (every field of every
item, in order), each prospect's warnings, stop-following decision, ICP score,
timeline and closings.
test_rules_golden.py recomputes all of it and compares.

The inputs are stored in the file (not regenerated) so a change to the sample
generator does not move them: 200 generated prospects (realistic) plus 200
random odd ones (unsorted or missing histories, unknown stages, repeated wins,
February 29th birthdays, card touches, touches in the future...).

Regenerate ONLY when a result is meant to change (and say why in the commit):

    python tests/core/rules/golden_support.py --write

It keeps the stored inputs and writes new results; `--write --new-inputs` draws the
inputs again too (only when the inputs themselves must change).
"""

from __future__ import annotations

import json
import lzma
import random
import sys
from dataclasses import fields, is_dataclass, replace
from datetime import date, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

from rules_support import DEFAULT_CONFIG, QUALIFICATION
from testkit import TODAY

from leadline.core.config.model import (
    Config,
    Icp,
    IcpCriterion,
    Quota,
    QuotaPeriod,
    StopFollowing,
    StopFollowingOverride,
    StopThen,
)
from leadline.core.models import (
    Contact,
    FollowUpPlan,
    Lifecycle,
    Meeting,
    Outcome,
    Prospect,
    Role,
    StageEntry,
    Touch,
    TouchOutcome,
)
from leadline.core.rules.funnel.summary import summarize_funnel
from leadline.core.rules.history import closings, timeline
from leadline.core.rules.icp import icp_score
from leadline.core.rules.queue import build_follow_up_queue
from leadline.core.rules.stop_following import evaluate_stop_following
from leadline.core.rules.warnings import warnings_for

GOLDEN = Path(__file__).parent / "data" / "rules_golden.json.xz"
ANCHOR = TODAY  # testkit's day, which the sample pipeline is anchored on too
DAYS = (
    date(2025, 12, 1),
    date(2026, 2, 28),
    date(2026, 6, 30),
    date(2026, 10, 1),
    date(2026, 11, 22),
    ANCHOR,
    date(2026, 11, 24),
    date(2027, 1, 15),
    date(2028, 2, 28),
)
"""Days the rules are evaluated on: before, around and after the generated anchor."""


def _variant_configs() -> dict[str, Config]:
    """The shipped config and two others that take the other branches."""
    stages = tuple(
        replace(s, meeting=False, stop_following=StopFollowingOverride(None, 20 + 5 * i))
        for i, s in enumerate(DEFAULT_CONFIG.stages)
    )
    monthly = replace(
        DEFAULT_CONFIG,
        stages=stages,
        qualification=(),
        quota=Quota(period=QuotaPeriod.MONTH, amount=50000, default_win_rate=0.0),
        normal_sales_cycle_days=45,
        follow_up=replace(
            DEFAULT_CONFIG.follow_up,
            soon_days=10,
            meeting_reminder_days_before=2,
            stop_following=StopFollowing(None, 30, StopThen.DEAD),
        ),
        ideal_customer_profile=Icp(),
    )
    kept = tuple(s for s in DEFAULT_CONFIG.stages if s.key not in ("needs", "demo"))
    short = replace(
        DEFAULT_CONFIG,
        stages=kept,
        quota=Quota(period=QuotaPeriod.QUARTER, amount=1e6, default_win_rate=0.4),
        ideal_customer_profile=Icp(
            low_score=70,
            criteria=(
                IcpCriterion("industry", 2, equals="Software"),
                IcpCriterion("employees", 1, min=100),
                IcpCriterion("public", 1, equals=True),
                IcpCriterion("region", 0.5),
            ),
        ),
    )
    return {"default": DEFAULT_CONFIG, "monthly": monthly, "short": short}


CONFIGS = _variant_configs()

# --- inputs ------------------------------------------------------------------

_UNUSED_BY_RULES = ("notes", "penetration", "tags", "external_id", "budget", "decision_timeframe")


def compact_doc(p: Prospect) -> dict[str, Any]:
    """The prospect's document without the parts no rule reads (a smaller fixture)."""
    doc = p.to_doc()
    for key in _UNUSED_BY_RULES:
        doc.pop(key, None)
    for contact in doc["contacts"]:
        for key in ("title", "email", "phone", "preferred_channel"):
            contact.pop(key, None)
    for touch in doc["touches"]:
        touch.pop("note", None)
    return doc


def _day(rng: random.Random, around: date, spread: int) -> date:
    return around + timedelta(days=rng.randint(-spread, spread))


def _yearly(rng: random.Random) -> date | None:
    pick = rng.random()
    if pick < 0.4:
        return None
    if pick < 0.5:
        return date(1984, 2, 29)
    if pick < 0.8:  # near one of the evaluated days
        return _day(rng, rng.choice(DAYS), 6).replace(year=1980)
    return date(1980, 1, 1) + timedelta(days=rng.randint(0, 365))


def odd_prospect(rng: random.Random, number: int) -> Prospect:
    """A random prospect with the irregularities real and imported data has."""
    keys = [s.key for s in DEFAULT_CONFIG.stages] + [o.value for o in Outcome] + ["mystery"]
    stage = rng.choice(keys)
    base = rng.choice(DAYS)
    created = datetime.combine(_day(rng, base, 300), datetime.min.time())
    history = [StageEntry(rng.choice(keys), _day(rng, base, 200)) for _ in range(rng.randint(0, 6))]
    if rng.random() < 0.6:
        history.sort(key=lambda e: e.date)
    if rng.random() < 0.5:
        history.append(StageEntry(stage, _day(rng, base, 30)))
    touches = [
        Touch(
            _day(rng, base, 60),
            rng.choice(["email", "phone", "card", "meeting", ""]),
            rng.choice([TouchOutcome.NO_RESPONSE] * 3 + [TouchOutcome.REPLIED]),
            rng.choice([0, 0, 5, 15, 30, 90]),
        )
        for _ in range(rng.randint(0, 9))
    ]
    if rng.random() < 0.7:
        touches.sort(key=lambda t: t.date)
    contacts = tuple(
        Contact(rng.choice(["Ann", "bob", "Ёлка"]), rng.choice(list(Role)), birthday=_yearly(rng),
                anniversary=_yearly(rng))
        for _ in range(rng.randint(0, 3))
    )  # fmt: skip
    meetings = tuple(
        Meeting(_day(rng, base, 20), rng.choice(["", "Demo"]), rng.choice(["", "09:00", "14:30"]),
                rng.choice(["", "Ann"]))
        for _ in range(rng.randint(0, 3))
    )  # fmt: skip
    criteria = list(QUALIFICATION) + [c for s in DEFAULT_CONFIG.stages for c in s.entry_criteria]
    icp_values: list[Any] = ["software", "Software ", "retail", 50, 5001, "200", True, "EU", ""]
    return Prospect(
        id=f"odd{number:04d}",
        name=rng.choice(["Acme", "acme", "Bolt", "Ёлка", "Zeta", "b"]),
        stage=stage,
        created=created,
        updated=created,
        lifecycle=rng.choice(list(Lifecycle)),
        value=rng.choice([0.0, 1000.0, round(rng.uniform(0, 250000), 2), 0.1, 0.2]),
        expected_close=_day(rng, base, 90) if rng.random() < 0.7 else None,
        qualification={c: rng.random() < 0.6 for c in criteria if rng.random() < 0.7},
        decision_maker_confirmed=rng.random() < 0.4,
        contacts=contacts,
        plan=FollowUpPlan(
            interval_days=rng.choice([None, 0, 3, 14]),
            channel=rng.choice(["", "phone"]),
            next_due=_day(rng, base, 15) if rng.random() < 0.75 else None,
            agreed=rng.random() < 0.5,
        ),
        touches=tuple(touches),
        stage_history=tuple(history),
        meetings=meetings,
        icp={a: rng.choice(icp_values) for a in ("industry", "employees", "region", "public")
             if rng.random() < 0.7},
    )  # fmt: skip


def make_inputs() -> list[dict[str, Any]]:
    """200 generated prospects and 200 odd ones, as compact documents."""
    from leadline.core.sample.generate import generate_pipeline

    generated = generate_pipeline(200, ANCHOR, config=DEFAULT_CONFIG)
    rng = random.Random(20261123)
    odd = [odd_prospect(rng, n) for n in range(200)]
    return [compact_doc(p) for p in generated + odd]


# --- outputs -----------------------------------------------------------------


def plain(value: Any) -> Any:
    """Dataclasses, enums, dates and tuples as JSON values; floats stay exact."""
    if isinstance(value, Prospect):
        return value.id
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(plain(k)): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def subsets(prospects: list[Prospect]) -> dict[str, list[Prospect]]:
    """Smaller pipelines whose funnels take the other branches (default win rate and
    cycle, every kind of shape advice)."""
    return {
        "none": [],
        "first25": prospects[:25],
        "above": [p for p in prospects if p.stage in ("lead", "qualified")],
        "best_few": [p for p in prospects if p.stage in ("proposal", "negotiation")],
        "odd": [p for p in prospects if p.id.startswith("odd")],
    }


def results(prospects: list[Prospect], config: Config, today: date) -> dict[str, Any]:
    """Everything pinned for one configuration and day."""
    summary = summarize_funnel(prospects, config, today)
    facts = summary.facts  # the user's own cycle and win rate (pipeline_facts)
    return {
        "funnel": plain(summary),
        "funnel_subsets": {
            name: plain(summarize_funnel(subset, config, today))
            for name, subset in subsets(prospects).items()
        },
        "queue": plain(build_follow_up_queue(prospects, config, today)),
        "warnings": {p.id: plain(warnings_for(p, config, today)) for p in prospects},
        "warnings_cycle": {p.id: plain(warnings_for(p, config, today, facts)) for p in prospects},
        "stop": {p.id: plain(evaluate_stop_following(p, config, today)) for p in prospects},
    }


def per_prospect(prospects: list[Prospect], config: Config) -> dict[str, Any]:
    """Results that do not depend on the day."""
    return {
        p.id: {
            "icp": icp_score(p, config),
            "timeline": plain(timeline(p)),
            "closings": plain(closings(p)),
        }
        for p in prospects
    }


def all_results(prospects: list[Prospect]) -> dict[str, Any]:
    """config name -> {"prospects": ..., day -> results}."""
    found: dict[str, Any] = {}
    for name, config in CONFIGS.items():
        found[name] = {"prospects": per_prospect(prospects, config)}
        for today in DAYS:
            found[name][today.isoformat()] = results(prospects, config, today)
    return found


def load_golden() -> tuple[list[Prospect], dict[str, Any]]:
    """The stored inputs (as prospects) and the stored results."""
    with lzma.open(GOLDEN, "rt", encoding="ascii") as stored:
        data = json.load(stored)
    return [Prospect.from_doc(d) for d in data["inputs"]], data["results"]


def write_golden(new_inputs: bool = False) -> None:
    """Compute the results with the current code and store them with their inputs: the
    stored inputs, so only the results move (`new_inputs` draws them again)."""
    if GOLDEN.exists() and not new_inputs:
        with lzma.open(GOLDEN, "rt", encoding="ascii") as stored:
            inputs = json.load(stored)["inputs"]
    else:
        inputs = make_inputs()
    prospects = [Prospect.from_doc(d) for d in inputs]
    data = {"inputs": inputs, "results": all_results(prospects)}
    GOLDEN.parent.mkdir(exist_ok=True)
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
    with lzma.open(GOLDEN, "wt", encoding="ascii", preset=9) as out:
        out.write(text + "\n")
    print(f"wrote {GOLDEN} ({len(text) // 1024} KB unpacked, {GOLDEN.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    if sys.argv[1:] not in (["--write"], ["--write", "--new-inputs"]):
        raise SystemExit(__doc__)
    write_golden(new_inputs="--new-inputs" in sys.argv)
