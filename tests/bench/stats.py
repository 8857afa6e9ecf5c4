"""Small statistics and process-timing helpers for the benchmark suite."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """Several runs of one measurement: median, min and max (unit given by the caller)."""

    values: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def cell(self, digits: int = 0) -> str:
        if not self.values:
            return "n/a"
        fmt = f"{{:.{digits}f}}"
        mid, low, high = (fmt.format(v) for v in (self.median, min(self.values), max(self.values)))
        return f"{mid} ({low}-{high})"


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (p50, p95) of `values`."""
    ordered = sorted(values)
    rank = max(1, round(pct / 100 * len(ordered) + 0.4999))
    return ordered[min(rank, len(ordered)) - 1]


def run_rss(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run a process and return (wall ms, its own peak RSS in MB) via wait4."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.perf_counter() - started) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{argv} failed ({proc.returncode}): {err.decode()[-500:]}")
    return elapsed, usage.ru_maxrss / 1024
