"""Small statistics and process-timing helpers for the benchmark suite."""

from __future__ import annotations

import functools
import os
import shutil
import statistics
import subprocess
import tempfile
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


@functools.cache
def _gnu_time() -> str | None:
    """GNU time, if it is there and takes `-f %M -o FILE`."""
    program = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)
    if program is None:
        return None
    with tempfile.NamedTemporaryFile("r") as out:
        done = subprocess.run([program, "-f", "%M", "-o", out.name, "true"], capture_output=True)
        text = out.read().strip()
    return program if done.returncode == 0 and text.isdigit() else None


@functools.cache
def rss_method() -> str:
    """How `run_rss` measures memory (said in the report)."""
    if _gnu_time():
        return "peak RSS of each process as GNU time reports it (its own pages only)"
    return (
        "peak RSS from wait4 (no GNU time here: a child's figure is at least the "
        "benchmark's own RSS at the moment it started it)"
    )


def run_rss(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run a process and return (wall ms, its peak RSS in MB).

    Linux counts a new process's memory from before its exec, that is, the
    forking parent's. A child of this (big) Python process would look at least
    as big as the benchmark itself, so the peak is taken by GNU time, a small
    process that starts the program and reports its child's figure; without it,
    from wait4 (see `rss_method`).
    """
    timer = _gnu_time()
    with tempfile.NamedTemporaryFile("r") as report:
        wrapped = [timer, "-f", "%M", "-o", report.name, *argv] if timer else argv
        started = time.perf_counter()
        proc = subprocess.Popen(
            wrapped, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, env=env,
        )  # fmt: skip
        assert proc.stderr is not None
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = (time.perf_counter() - started) * 1000
        lines = report.read().split()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{argv} failed ({proc.returncode}): {err.decode()[-500:]}")
    if timer:
        return elapsed, int(lines[-1]) / 1024
    return elapsed, usage.ru_maxrss / 1024
