"""leadline benchmark suite: `python3 tests/bench/run.py [--sizes 1000,10000,100000] [--quick]`.

Generates pipelines with the sample generator (cached in --cache), measures
every target of issue 13 beside its peer (Taskwarrior's `task next`, a bare
Textual app, the same command on a small file) and the figures of issue 6, as
the median of several runs with min and max, prints the report and writes it to
tests/bench/results/latest.md. Never run inside pytest: nothing here is a test.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import cli_figures  # noqa: E402
import probe_figures  # noqa: E402
import profiles  # noqa: E402
import tui_figures  # noqa: E402
from harness import HERE, Bench  # noqa: E402
from report import RunInfo, render, write_report  # noqa: E402
from stats import rss_method  # noqa: E402
from targets import ONCE, TASK_MS, TASK_RSS, checks  # noqa: E402
from taskwarrior import Taskwarrior, find_or_install  # noqa: E402


def _machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


def _load() -> str:
    return " ".join(f"{n:.2f}" for n in os.getloadavg())


def measure(bench: Bench, size: int, peer: Taskwarrior | None) -> None:
    """Every per-size figure; a group that fails is recorded and the rest go on."""
    bench.attempt(size, "queue vs task next", lambda: cli_figures.queue_and_task(bench, size, peer))
    bench.attempt(size, "leadline funnel", lambda: cli_figures.funnel(bench, size))
    bench.attempt(size, "TUI", lambda: tui_figures.tui(bench, size))
    bench.attempt(size, "import into the file", lambda: cli_figures.import_into(bench, size))
    bench.attempt(size, "store API saves", lambda: probe_figures.store_saves(bench, size))
    bench.attempt(size, "open + funnel summary", lambda: probe_figures.open_funnel(bench, size))
    bench.attempt(size, "sample generator", lambda: probe_figures.generate(bench, size))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (100k: 2 fewer)")
    parser.add_argument("--quick", action="store_true", help="2 runs and fewer samples")
    parser.add_argument("--cache", default=str(Path.home() / ".cache" / "leadline-bench"))
    parser.add_argument("--out", default=str(HERE / "results" / "latest.md"))
    parser.add_argument(
        "--today", type=date.fromisoformat, default=date.today(),
        help="the pipelines' day (default: today; cached files are per day)",
    )  # fmt: skip
    parser.add_argument(
        "--no-profile", action="store_true",
        help="do not profile the missed targets (results/profiles.md)",
    )  # fmt: skip
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    bench = Bench(2 if args.quick else args.runs, args.quick, Path(args.cache), args.today)
    load_before = _load()
    started = time.monotonic()
    bench.warm_up()
    found = find_or_install(bench.log)
    skipped: dict[str, str] = {}
    if isinstance(found, str):
        skipped = {TASK_MS: found, TASK_RSS: found}
        bench.log(f"Taskwarrior row skipped: {found}")
    peer = found if isinstance(found, Taskwarrior) else None
    bench.log("size-independent figures: `leadline note` 100 vs 20,000, import into nothing")
    bench.attempt(ONCE, "note 100 vs 20,000", lambda: cli_figures.notes(bench))
    bench.attempt(ONCE, "import into an empty file", lambda: cli_figures.import_empty(bench))
    for size in sizes:
        bench.log(f"{size:,} prospects")
        measure(bench, size, peer)
    info = RunInfo(
        bench.today, _machine(), (time.monotonic() - started) / 60, bench.runs, args.quick,
        f"{load_before} at the start, {_load()} at the end", rss_method(),
    )  # fmt: skip
    rows = checks(bench.results, sizes, skipped)
    text = render(info, rows, bench.results, skipped)
    if not args.no_profile and any(row.verdict == "**missed**" for row in rows):
        bench.log("profiling the missed targets")
        profiles.profile_missed(bench, rows, Path(args.out).with_name("profiles.md"))
        text += "\nProfiles of the missed targets (cProfile, a run each): profiles.md, beside.\n"
    write_report(Path(args.out), text)
    print(text)
    return 1 if bench.results.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
