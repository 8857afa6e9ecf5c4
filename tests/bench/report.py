"""The markdown report of a benchmark run: issue 13's targets, then every figure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from harness import Results
from targets import ONCE, Check, table


@dataclass(frozen=True)
class RunInfo:
    """What the report says about the run itself."""

    today: date
    machine: str
    minutes: float
    runs: int
    quick: bool
    load: str
    """The load average at the start and at the end (other work on the machine)."""
    rss: str
    """How whole-process peak RSS was measured (`stats.rss_method`)."""


def _head(info: RunInfo) -> list[str]:
    mode = " (--quick)" if info.quick else ""
    return [
        f"Benchmark {info.today.isoformat()}{mode} on {info.machine}; {info.runs} runs per "
        f"figure (100k: {max(2, info.runs - 2)}), suite took {info.minutes:.1f} min; "
        f"load average {info.load}.",
        "Cells: median (min-max) over runs. Whole processes are timed from start to exit; "
        "first paint from spawn until the screen shows the text; key rows pool every "
        "keypress of every run (p50 / p95). TUI figures in an 80x24 pseudo-terminal "
        "(the TUI's and the bare app's memory: VmHWM while they run). Commands: "
        f"{info.rss}.",
        "",
    ]


def _detail(results: Results) -> list[str]:
    sizes = sorted(s for s in results.cells if s != ONCE)
    names: list[str] = []
    for size in sizes:
        names += [name for name in results.cells[size] if name not in names]
    lines = [
        "| figure | " + " | ".join(f"{s:,} prospects" for s in sizes) + " |",
        "|---|" + "---|" * len(sizes),
    ]
    for name in names:
        cells = [results.cells[s].get(name, "n/a") for s in sizes]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    once = results.cells.get(ONCE, {})
    if once:
        lines += ["", "| figure (independent of the pipeline size) | value |", "|---|---|"]
        lines += [f"| {name} | {cell} |" for name, cell in once.items()]
    return lines


def render(info: RunInfo, checks: list[Check], results: Results, skipped: dict[str, str]) -> str:
    lines = [*_head(info), "## Issue 13's targets", "", *table(checks), ""]
    for reason in sorted(set(skipped.values())):
        names = ", ".join(name for name, why in skipped.items() if why == reason)
        lines.append(f"- skipped, {names}: {reason}")
    for (group, size), reason in sorted(results.failures.items()):
        where = "size-independent" if size == ONCE else f"{size:,} prospects"
        lines.append(f"- FAILED, {group} at {where}: {reason}")
    lines += ["", "## Every figure", "", *_detail(results)]
    return "\n".join(lines) + "\n"


def write_report(out: Path, text: str) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)
