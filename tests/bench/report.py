"""The markdown table of a benchmark run."""

from __future__ import annotations

from datetime import date
from pathlib import Path


def write_report(
    out: Path,
    rows: dict[int, dict[str, str]],
    machine: str,
    today: date,
    minutes: float,
    runs: int,
) -> None:
    """One column per pipeline size, one row per figure: median (min-max) of the runs."""
    sizes = list(rows)
    names: list[str] = []
    for figures in rows.values():
        names += [name for name in figures if name not in names]
    lines = [
        f"Benchmark {today.isoformat()} on {machine}; {runs} runs per figure "
        f"(100k: {max(2, runs - 2)}), suite took {minutes:.1f} min.",
        "Cells: median (min-max) over runs; p50/p95 rows give the median of each run's "
        "percentile; key rows pool every keypress.",
        "",
        "| figure | " + " | ".join(f"{s:,} prospects" for s in sizes) + " |",
        "|---|" + "---|" * len(sizes),
    ]
    for name in names:
        cells = [rows[s].get(name, "n/a") for s in sizes]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n")
