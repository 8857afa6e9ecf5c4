"""In-process figures (probe.py, a fresh interpreter per run): the store API's note
save, opening plus the funnel summary, and the sample generator. Detail table only."""

from __future__ import annotations

import json
import subprocess

from harness import HERE, PY, Bench
from stats import Figure, percentile


def _probe(bench: Bench, *argv: str) -> dict[str, object]:
    done = subprocess.run(
        [PY, str(HERE / "probe.py"), *argv], capture_output=True, text=True, env=bench.env
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-800:])
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def store_saves(bench: Bench, size: int) -> None:
    """Notes saved through the store API on a primed copy (p50/p95 per run)."""
    db = bench.fresh(bench.source(size))
    count = 10 if bench.quick else 30
    p50, p95, opened = [], [], []
    for _ in range(bench.runs_for(size)):
        out = _probe(bench, "saves", str(db), str(count))
        times = out["saves_ms"]
        assert isinstance(times, list)
        p50.append(percentile(times, 50))
        p95.append(percentile(times, 95))
        opened.append(float(str(out["open_ms"])))
    put = bench.results.put
    put(size, "note save, store API p50 (ms)", Figure(tuple(p50)), 1)
    put(size, "note save, store API p95 (ms)", Figure(tuple(p95)), 1)
    put(size, "Store.open + every summary's id, in process (ms)", Figure(tuple(opened)))


def open_funnel(bench: Bench, size: int) -> None:
    db = bench.reference(size)
    values = [
        float(str(_probe(bench, "funnel", str(db), bench.today.isoformat())["ms"]))
        for _ in range(bench.runs_for(size))
    ]
    bench.results.put(size, "Store.open + funnel summary, in process (ms)", Figure(tuple(values)))


def generate(bench: Bench, size: int) -> None:
    """The sample generator (what `leadline demo` and the tests' big pipelines use)."""
    today = bench.today.isoformat()
    values = [
        float(str(_probe(bench, "generate", str(size), today)["cpu_ms"]))
        for _ in range(bench.runs_for(size))
    ]
    bench.results.put(size, "generate the pipeline in memory, CPU (ms)", Figure(tuple(values)))
