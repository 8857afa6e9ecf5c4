"""The TUI in an 80x24 pseudo-terminal, beside a bare Textual app in the same size.

Per run: the bare app's first paint and memory; leadline's funnel first paint,
then `t` (queue: first paint, then arrow keys), `f` and Enter (the first stage's
list, arrow keys), then its peak RSS read while it still runs (VmHWM), then
Ctrl+Q. Key to repaint is measured with the screen idle, one key at a time: from
writing the key to the end of the output burst it causes. The bare app's peer is
the same arrow keys in a focused OptionList, measured in the first run.
"""

from __future__ import annotations

import os

from harness import HERE, LEADLINE, PY, Bench
from stats import Figure, percentile
from targets import (
    BARE_KEYS,
    BARE_PAINT,
    BARE_RSS,
    FUNNEL_PAINT,
    FUNNEL_RATIO,
    QUEUE_KEYS,
    STAGE_KEYS,
    TUI_RSS,
)
from terminal import Terminal

DOWN, UP = b"\x1b[B", b"\x1b[A"


def _keys(term: Terminal, count: int) -> tuple[list[float], list[float]]:
    """(first byte, end of repaint) in ms for `count` arrow keys: 3 down, 3 up, ..."""
    first, done = [], []
    for n in range(count):
        began, ended = term.key_latency(DOWN if (n // 3) % 2 == 0 else UP)
        first.append(began * 1000)
        done.append(ended * 1000)
        term.settle(0.15)
    return first, done


def _pcts(values: list[float]) -> str:
    if not values:
        return "not measured"
    return f"p50 {percentile(values, 50):.1f} / p95 {percentile(values, 95):.1f} (n={len(values)})"


def _bare(bench: Bench, keys: int) -> tuple[float, float, list[float]]:
    """The bare app: first paint (ms), peak RSS (MB), and its list's key times if `keys`."""
    term = Terminal([PY, str(HERE / "bare_app.py")], bench.env)
    paint = term.wait_for("Bare app ready") * 1000
    term.settle(0.2)
    rss = term.peak_rss()
    term.quit()
    if not keys:
        return paint, rss, []
    term = Terminal([PY, str(HERE / "bare_app.py"), "--list"], bench.env)
    term.wait_for("Company 3 GmbH")
    term.settle()
    times = _keys(term, keys)[1]
    term.quit()
    return paint, rss, times


def tui(bench: Bench, size: int) -> None:
    keys = 15 if bench.quick else 60
    bare, paint, queue_paint, rss, exit_rss = [], [], [], [], []
    bare_rss: list[float] = []
    bare_keys: list[float] = []
    queue_keys: tuple[list[float], list[float]] = ([], [])
    stage_keys: tuple[list[float], list[float]] = ([], [])
    for run in range(bench.runs_for(size)):
        b_paint, b_rss, b_keys = _bare(bench, keys if run == 0 else 0)
        bare.append(b_paint)
        bare_rss.append(b_rss)
        bare_keys += b_keys
        db = bench.reference(size)
        term = Terminal([*LEADLINE, "--db", str(db)], bench.env)
        try:
            paint.append(term.wait_for("Funnel ·") * 1000)
            term.settle()
            term.clear()
            sent = term.elapsed()
            os.write(term.master, b"t")
            queue_paint.append((term.wait_for("Today ·") - sent) * 1000)
            term.settle()
            for into, got in zip(queue_keys, _keys(term, keys), strict=True):
                into += got
            term.clear()
            os.write(term.master, b"f")
            term.wait_for("Funnel ·")
            term.settle()
            term.clear()
            os.write(term.master, b"\r")
            term.wait_for(" · by ")
            term.settle()
            for into, got in zip(stage_keys, _keys(term, keys), strict=True):
                into += got
            rss.append(term.peak_rss())
        finally:
            exit_rss.append(term.quit())
    _record(bench, size, bare, paint, queue_paint, bare_rss, rss, exit_rss)
    put = bench.results.samples
    put(size, BARE_KEYS, bare_keys, _pcts(bare_keys))
    put(size, QUEUE_KEYS, queue_keys[1], _pcts(queue_keys[1]))
    put(size, STAGE_KEYS, stage_keys[1], _pcts(stage_keys[1]))
    put(size, "key to first output byte, queue list (ms)", queue_keys[0], _pcts(queue_keys[0]))
    put(size, "key to first output byte, stage list (ms)", stage_keys[0], _pcts(stage_keys[0]))
    bench.log(f"  keys: queue {_pcts(queue_keys[1])}, stage {_pcts(stage_keys[1])}")


def _record(
    bench: Bench,
    size: int,
    bare: list[float],
    paint: list[float],
    queue_paint: list[float],
    bare_rss: list[float],
    rss: list[float],
    exit_rss: list[float],
) -> None:
    put = bench.results.put
    put(size, BARE_PAINT, Figure(tuple(bare)))
    put(size, FUNNEL_PAINT, Figure(tuple(paint)))
    ratios = tuple(p / b for p, b in zip(paint, bare[: len(paint)], strict=True))
    cell = put(size, FUNNEL_RATIO, Figure(ratios), 2)
    put(size, "queue first paint after `t` (ms)", Figure(tuple(queue_paint)))
    put(size, BARE_RSS, Figure(tuple(bare_rss)))
    put(size, TUI_RSS, Figure(tuple(rss)))
    put(size, "TUI peak RSS at exit (MB)", Figure(tuple(exit_rss)))
    bench.log(f"  funnel first paint {cell} x bare, TUI {bench.results.cells[size][TUI_RSS]} MB")
