"""A deterministic generator of realistic pipelines, for the demo, tests and benchmarks.

`generate_pipeline(66, date(2026, 11, 23))` gives the shipped demo data; the
same call with 100_000 gives a benchmark pipeline in seconds (past
`CLONE_AFTER` prospects, timelines are reused under new names). The output
depends only on the arguments (one seeded `random.Random`, no clock), and a
shorter pipeline is a prefix of a longer one with the same seed.

The shipped file was made with:

    python -m leadline.core.sample --count 60 --today 2026-11-23 --seed 7 \\
        -o sample_data/pipeline.json

It records the day it was generated for (`anchor` in the `_leadline` header);
`rebase_pipeline_doc` moves every date so that `leadline demo` shows a live
pipeline whatever the real date is.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import accumulate
from pathlib import Path
from typing import Any

from leadline.core.config.model import Config
from leadline.core.models import Prospect
from leadline.core.sample.build import ProspectBuilder
from leadline.core.sample.clone import clone_prospect
from leadline.core.sample.names import LOCALE_WEIGHTS, LOCALES
from leadline.core.sample.rebase import rebase_pipeline_doc
from leadline.core.sample.script import SCRIPT, Spec, random_spec
from leadline.core.sample.seeded import SampleRandom

DEFAULT_SEED = 7
CLONE_AFTER = 2000
"""Prospects past this many reuse an earlier one's timeline under new names (speed, memory)."""
_DEFAULT_STAGES = ("lead", "qualified", "meeting", "needs", "demo", "proposal", "negotiation")
_LOCALE_CUM = tuple(accumulate(LOCALE_WEIGHTS))

__all__ = ["generate_pipeline", "iter_pipeline", "rebase_pipeline_doc", "write_sample_file"]


def iter_pipeline(
    count: int, today: date, seed: int = DEFAULT_SEED, config: Config | None = None
) -> Iterator[Prospect]:
    """Yield `count` prospects one at a time (constant memory for huge pipelines)."""
    config = config or _default_config()
    rng = SampleRandom(seed)
    builder = ProspectBuilder(rng, config, today)
    keys = tuple(s.key for s in config.stages)
    protos: list[tuple[Prospect, bool]] = []
    for index in range(count):
        if index < len(SCRIPT):
            yield builder.build(_fit_spec(SCRIPT[index], keys), LOCALES[index % len(LOCALES)])
            continue
        locale = rng.choices(LOCALES, cum_weights=_LOCALE_CUM)[0]
        if index >= CLONE_AFTER:
            proto, fit = protos[int(rng.random() * len(protos))]
            yield clone_prospect(builder, proto, locale, fit)
            continue
        spec = random_spec(rng, keys)
        prospect = builder.build(spec, locale)
        protos.append((prospect, not spec.poor_fit))
        yield prospect


def generate_pipeline(
    count: int, today: date, seed: int = DEFAULT_SEED, config: Config | None = None
) -> list[Prospect]:
    """A realistic pipeline of `count` prospects as seen on `today` (default config if None)."""
    # Building 100k records makes the cyclic GC rescan them over and over (a third
    # of the time); the generator makes no reference cycles, so pause it meanwhile.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return list(iter_pipeline(count, today, seed, config))
    finally:
        if was_enabled:
            gc.enable()


def _default_config() -> Config:
    from leadline.core.config.loader import load_config

    return load_config(None)


def _fit_spec(spec: Spec, keys: tuple[str, ...]) -> Spec:
    """Map the script's default stage keys and depths onto another stage list."""
    if keys == _DEFAULT_STAGES:
        return spec
    scale = (len(keys) - 1) / (len(_DEFAULT_STAGES) - 1)
    stage = spec.stage
    if stage in _DEFAULT_STAGES and stage not in keys:
        stage = keys[round(_DEFAULT_STAGES.index(stage) * scale)]
    reached = None if spec.reached is None else round(spec.reached * scale)
    return Spec(**{**spec.__dict__, "stage": stage, "reached": reached})


def write_sample_file(
    path: Path | str, prospects: Iterable[Prospect], anchor: date | None = None
) -> None:
    """Write a leadline data file (TinyDB JSON, header first, one document per line).

    `anchor`, the day the pipeline was generated for, goes into the header so
    `rebase_pipeline_doc` can move the dates later. Documents are streamed, so
    a 100k pipeline never sits in memory as JSON; the text is ASCII like the
    store's own saves.
    """
    meta: dict[str, Any] = {"format": "leadline", "schema_version": 1, "revision": 1}
    if anchor is not None:
        meta["anchor"] = anchor.isoformat()
    with open(path, "w", encoding="ascii") as out:
        out.write('{"_leadline": {"1": ' + json.dumps(meta) + '},\n "prospects": {')
        for number, prospect in enumerate(prospects, start=1):
            out.write(",\n" if number > 1 else "\n")
            out.write(f'  "{number}": ' + json.dumps(prospect.to_doc(), allow_nan=False))
        out.write("\n }\n}\n")
