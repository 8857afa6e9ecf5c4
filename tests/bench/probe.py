"""In-process measurements, run in a fresh interpreter per run by run.py.

python probe.py saves DB COUNT      -> {"open_ms": .., "saves_ms": [..]}
python probe.py funnel DB TODAY     -> {"ms": ..} Store.open + summaries + funnel summary
python probe.py generate COUNT TODAY -> {"ms": .., "cpu_ms": ..} the sample generator in memory
"""

from __future__ import annotations

import json
import random
import sys
import time
from datetime import date, datetime
from pathlib import Path

from leadline.core.config.loader import load_config
from leadline.core.rules import followup
from leadline.core.store.facade import Store


def _ms(since: float) -> float:
    return (time.perf_counter() - since) * 1000


def saves(db: Path, count: int) -> dict[str, object]:
    started = time.perf_counter()
    store = Store.open(db)
    ids = [p.id for p in store.summaries()]
    opened = _ms(started)
    chance = random.Random(1)
    now = datetime(2026, 1, 5, 10, 0)
    times = []
    for n in range(count):
        pid = chance.choice(ids)
        began = time.perf_counter()
        text = f"Call {n}: asked for pricing"
        store.update(pid, lambda p, text=text: followup.add_note(p, text, now))
        times.append(_ms(began))
    store.close()
    return {"open_ms": opened, "saves_ms": times}


def funnel(db: Path, today: date) -> dict[str, object]:
    from leadline.core.rules.funnel.summary import summarize_funnel

    config = load_config(None)
    started = time.perf_counter()
    store = Store.open(db, backups=config.backups)
    summary = summarize_funnel(store.summaries(), config, today)
    elapsed = _ms(started)
    assert summary.stages
    return {"ms": elapsed}


def generate(count: int, today: date) -> dict[str, object]:
    from leadline.core.sample.generate import generate_pipeline

    started, cpu = time.perf_counter(), time.process_time()
    pipeline = generate_pipeline(count, today)
    elapsed, cpu_ms = _ms(started), (time.process_time() - cpu) * 1000
    assert len({p.id for p in pipeline}) == count
    return {"ms": elapsed, "cpu_ms": cpu_ms}


def main(argv: list[str]) -> None:
    kind, db = argv[0], Path(argv[1])
    if kind == "generate":
        out = generate(int(argv[1]), date.fromisoformat(argv[2]))
    elif kind == "saves":
        out = saves(db, int(argv[2]))
    else:
        out = funnel(db, date.fromisoformat(argv[2]))
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
