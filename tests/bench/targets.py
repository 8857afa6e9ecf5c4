"""Issue 13's targets: each figure with its peer beside it, the target and met/missed.

The issue names a size for each target (queue: 10k; paint: 10k and 100k; keys,
memory and import: 100k); the bench holds every measured size to the same bound
(1k's paint to 10k's 1.5x) and marks the issue's own rows. A verdict compares the
median over runs (key rows: the p95 of every keypress pooled) with the bound.
"""

from __future__ import annotations

from dataclasses import dataclass

from harness import Results
from stats import Figure, percentile

ONCE = 0
"""The `size` under which figures that do not depend on the pipeline size are kept."""

QUEUE_MS = "`leadline queue` (ms)"
QUEUE_RSS = "`leadline queue` peak RSS (MB)"
TASK_MS = "`task next` (ms)"
TASK_RSS = "`task next` peak RSS (MB)"
QUEUE_TASK = "`leadline queue` / `task next`"
NOTE_SMALL = "`leadline note`, 100 prospects (ms)"
NOTE_BIG = "`leadline note`, 20,000 prospects (ms)"
NOTE_RATIO = "`leadline note`, 20,000 / 100 prospects"
BARE_PAINT = "bare Textual app first paint, 80x24 (ms)"
FUNNEL_PAINT = "funnel first paint, 80x24 (ms)"
FUNNEL_RATIO = "funnel first paint / bare"
BARE_KEYS = "key to repaint, bare Textual OptionList (ms)"
QUEUE_KEYS = "key to repaint, queue list (ms)"
STAGE_KEYS = "key to repaint, stage list (ms)"
BARE_RSS = "bare Textual app peak RSS (MB)"
TUI_RSS = "TUI peak RSS, after funnel, queue and a stage list (MB)"
IMPORT_EMPTY = "import 10k-row CSV, `leadline import`, into an empty file (ms)"
IMPORT_INTO = "import 10k-row CSV, `leadline import`, into this file (ms)"


@dataclass(frozen=True)
class Check:
    """One row of the targets table."""

    figure: str
    size: str
    ours: str
    peer: str
    ratio: str
    target: str
    verdict: str
    key: tuple[str, int]
    """(figure name, size) in `Results`: what to profile when it is missed."""


def _value(results: Results, name: str, size: int) -> float | None:
    """The figure's median, or the p95 of pooled samples; None when not measured."""
    found = results.values.get((name, size))
    if isinstance(found, Figure):
        return found.median if found.values else None
    if found:
        return percentile(found, 95)
    return None


def _cell(results: Results, name: str, size: int) -> str:
    return results.cells.get(size, {}).get(name, "not measured")


def _verdict(value: float | None, limit: float) -> str:
    if value is None:
        return "not measured"
    return "**met**" if value <= limit else "**missed**"


def _size(size: int, issue_sizes: tuple[int, ...]) -> str:
    return f"{size:,}" + (" (issue)" if size in issue_sizes else "")


def checks(results: Results, sizes: list[int], skipped: dict[str, str]) -> list[Check]:
    """Every target row, in the issue's order (a figure's sizes together)."""
    rows: list[Check] = []

    def add(
        name: str,
        size: int,
        peer: str,
        ratio: str,
        target: str,
        limit: float,
        issue: tuple[int, ...],
    ) -> None:
        why_not = skipped.get(peer, "") if ratio else ""  # a ratio to a peer that cannot run
        peer_cell = (skipped.get(peer) or _cell(results, peer, size)) if peer else "—"
        value = _value(results, ratio or name, size)
        verdict = "skipped (below)" if why_not else _verdict(value, limit)
        ours, ratio_cell = _cell(results, name, size), _cell(results, ratio, size) if ratio else "—"
        rows.append(Check(name, _size(size, issue), ours, peer_cell, ratio_cell, target, verdict,
                          (name, size)))  # fmt: skip

    for size in sizes:
        add(QUEUE_MS, size, TASK_MS, QUEUE_TASK, "≤ 1.00x `task next`", 1.0, (10_000,))
    rows.append(_once(results, NOTE_BIG, NOTE_SMALL, NOTE_RATIO, "≤ 1.30x 100 prospects", 1.3))
    for size in sizes:
        limit = 2.0 if size >= 100_000 else 1.5
        add(FUNNEL_PAINT, size, BARE_PAINT, FUNNEL_RATIO, f"≤ {limit:.1f}x bare", limit,
            (10_000, 100_000))  # fmt: skip
    for keys in (QUEUE_KEYS, STAGE_KEYS):
        for size in sizes:
            add(keys, size, BARE_KEYS, "", "p95 ≤ 16 ms", 16.0, (100_000,))
    for size in sizes:
        add(TUI_RSS, size, BARE_RSS, "", "≤ 300 MB", 300.0, (100_000,))
    for size in sizes:
        add(QUEUE_RSS, size, TASK_RSS, "", "≤ 100 MB", 100.0, (100_000,))
    rows.append(_once(results, IMPORT_EMPTY, "", "", "≤ 2 s", 2000.0))
    for size in sizes:
        add(IMPORT_INTO, size, "", "", "≤ 2 s", 2000.0, (100_000,))
    return rows


def _once(results: Results, name: str, peer: str, ratio: str, target: str, limit: float) -> Check:
    value = _value(results, ratio or name, ONCE)
    return Check(
        name, "—", _cell(results, name, ONCE), _cell(results, peer, ONCE) if peer else "—",
        _cell(results, ratio, ONCE) if ratio else "—", target, _verdict(value, limit),
        (name, ONCE),
    )  # fmt: skip


def table(rows: list[Check]) -> list[str]:
    """The targets as markdown lines, and a count of the issue's rows met and missed."""
    lines = [
        "| target figure | prospects | leadline | peer | leadline / peer | target | verdict |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        cells = (row.figure, row.size, row.ours, row.peer, row.ratio, row.target, row.verdict)
        lines.append("| " + " | ".join(cells) + " |")
    issue = [r for r in rows if "(issue)" in r.size or r.size == "—"]
    met = sum(r.verdict == "**met**" for r in issue)
    missed = sum(r.verdict == "**missed**" for r in issue)
    rest = len(issue) - met - missed
    other = f", {rest} skipped or not measured" if rest else ""
    lines += ["", f"Issue 13's own rows: {met} met, {missed} missed{other}."]
    return lines
