"""Whole-process figures: `leadline queue` beside `task next`, `note`, `import`, `funnel`.

Every figure is one process from start to exit (wall time, and its own peak RSS
from wait4), as a user at a shell sees it. Leadline and its peer alternate run
by run, so a noisy neighbour slows both alike; ratios are taken run by run.
"""

from __future__ import annotations

import shutil
import statistics

from data import lead_list_csv, prospect_ids
from harness import Bench
from stats import Figure, run_rss
from targets import (
    IMPORT_EMPTY,
    IMPORT_INTO,
    NOTE_BIG,
    NOTE_RATIO,
    NOTE_SMALL,
    ONCE,
    QUEUE_MS,
    QUEUE_RSS,
    QUEUE_TASK,
    TASK_MS,
    TASK_RSS,
)
from taskwarrior import Taskwarrior

NOTE_SIZES = (100, 20_000)


def queue_and_task(bench: Bench, size: int, peer: Taskwarrior | None) -> None:
    """`leadline queue` and `task next` on `size` pending items, alternating."""
    db = bench.reference(size)
    argv = bench.queue_argv(db)
    task_env = peer.data(bench.cache / "taskwarrior", size, bench.today) if peer else None
    if peer and task_env:
        found = peer.count(task_env)
        if found != size:
            raise RuntimeError(f"Taskwarrior reads {found} pending tasks, wrote {size}")
        run_rss([peer.program, "next"], task_env)  # warm: the page cache, like leadline's prime
    ours, theirs = [], []
    for _ in range(bench.runs_for(size)):
        ours.append(run_rss(argv, bench.env))
        if peer and task_env:
            theirs.append(run_rss([peer.program, "next"], task_env))
    put = bench.results.put
    put(size, QUEUE_MS, Figure(tuple(r[0] for r in ours)))
    put(size, QUEUE_RSS, Figure(tuple(r[1] for r in ours)))
    if theirs:
        put(size, TASK_MS, Figure(tuple(r[0] for r in theirs)))
        put(size, TASK_RSS, Figure(tuple(r[1] for r in theirs)))
        ratios = tuple(a[0] / b[0] for a, b in zip(ours, theirs, strict=True))
        put(size, QUEUE_TASK, Figure(ratios), 2)
        bench.log(f"  queue {bench.results.cells[size][QUEUE_MS]} ms, "
                  f"task next {bench.results.cells[size][TASK_MS]} ms")  # fmt: skip
    else:
        bench.log(f"  queue {bench.results.cells[size][QUEUE_MS]} ms (no Taskwarrior)")


def funnel(bench: Bench, size: int) -> None:
    """`leadline funnel` (detail table only)."""
    db = bench.reference(size)
    argv = bench.leadline(db, "funnel", "--today", bench.today.isoformat())
    results = [run_rss(argv, bench.env) for _ in range(bench.runs_for(size))]
    bench.results.put(size, "`leadline funnel` (ms)", Figure(tuple(r[0] for r in results)))
    bench.results.put(size, "`leadline funnel` peak RSS (MB)", Figure(tuple(r[1] for r in results)))


def notes(bench: Bench) -> None:
    """`leadline note` on a 100- and a 20,000-prospect file, alternating note by note."""
    per_run = 3 if bench.quick else 6
    small, big = (bench.fresh(bench.source(n), f"note-{n}") for n in NOTE_SIZES)
    ids = {db: prospect_ids(db, per_run) for db in (small, big)}
    medians: dict[str, list[float]] = {"small": [], "big": []}
    for run in range(bench.runs):
        times: dict[str, list[float]] = {"small": [], "big": []}
        for n in range(per_run):
            for key, db in (("small", small), ("big", big)):
                text = f"Left a voicemail (bench run {run}, note {n})"
                argv = bench.leadline(db, "note", ids[db][n], text)
                times[key].append(run_rss(argv, bench.env)[0])
        for key in medians:
            medians[key].append(statistics.median(times[key]))
    put = bench.results.put
    put(ONCE, NOTE_SMALL, Figure(tuple(medians["small"])))
    put(ONCE, NOTE_BIG, Figure(tuple(medians["big"])))
    ratio = tuple(b / s for b, s in zip(medians["big"], medians["small"], strict=True))
    cell = put(ONCE, NOTE_RATIO, Figure(ratio), 2)
    bench.log(f"  note 20k / 100: {cell}")


def import_into(bench: Bench, size: int) -> None:
    """`leadline import` of the 10k-row CSV into a fresh primed copy of the `size` file."""
    csv = lead_list_csv(bench.cache, 10_000, bench.today)
    source = bench.source(size)
    results = []
    for _ in range(bench.runs_for(size)):
        db = bench.fresh(source, "import")
        results.append(run_rss(bench.leadline(db, "import", str(csv)), bench.env))
    cell = bench.results.put(size, IMPORT_INTO, Figure(tuple(r[0] for r in results)))
    bench.results.put(
        size, "import 10k-row CSV into this file, peak RSS (MB)",
        Figure(tuple(r[1] for r in results)),
    )  # fmt: skip
    bench.log(f"  import into {size:,}: {cell} ms")


def import_empty(bench: Bench) -> None:
    """`leadline import` of the 10k-row CSV where no data file exists yet."""
    csv = lead_list_csv(bench.cache, 10_000, bench.today)
    folder = bench.work / "import-empty"
    results = []
    for _ in range(bench.runs):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True, mode=0o700)
        results.append(run_rss(bench.leadline(folder / "leadline.json", "import", str(csv)),
                               bench.env))  # fmt: skip
    cell = bench.results.put(ONCE, IMPORT_EMPTY, Figure(tuple(r[0] for r in results)))
    bench.results.put(
        ONCE, "import 10k-row CSV into an empty file, peak RSS (MB)",
        Figure(tuple(r[1] for r in results)),
    )  # fmt: skip
    bench.log(f"  import into an empty file: {cell} ms")
