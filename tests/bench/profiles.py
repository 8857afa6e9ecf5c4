"""A missed target comes with its profile: one more run under cProfile, the top
functions by cumulative time, written to results/profiles.md beside the report.

Profiled: `leadline queue`, `leadline note` (on the 20k file), `leadline import`
(into a fresh primed copy) and the TUI to its funnel's first paint (then Ctrl+Q;
the profile includes the exit). cProfile slows Python code down, unevenly: read
the profile for where the time goes, not for how much there is.
"""

from __future__ import annotations

import io
import pstats
import subprocess
from pathlib import Path

from data import lead_list_csv, prospect_ids
from harness import PY, Bench
from targets import FUNNEL_PAINT, IMPORT_EMPTY, IMPORT_INTO, NOTE_BIG, ONCE, QUEUE_MS, Check
from terminal import Terminal

TOP = 30


def _top(path: Path) -> str:
    """The top functions by cumulative time, then by own time."""
    parts = []
    for order, count in (("cumulative", TOP), ("tottime", TOP // 2)):
        out = io.StringIO()
        pstats.Stats(str(path), stream=out).strip_dirs().sort_stats(order).print_stats(count)
        text = out.getvalue()
        parts.append(f"by {order}:\n" + text[text.find("   ncalls") :].rstrip())
    return "\n\n".join(parts)


def _profiled(bench: Bench, out: Path, *args: str) -> list[str]:
    return [PY, "-m", "cProfile", "-o", str(out), "-m", "leadline.tui.cli.main", *args]


def _command(bench: Bench, out: Path, *args: str) -> None:
    done = subprocess.run(
        _profiled(bench, out, *args), env=bench.env, capture_output=True,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode(errors="replace")[-400:])


def _tui(bench: Bench, out: Path, db: Path) -> None:
    term = Terminal(_profiled(bench, out, "--db", str(db)), bench.env)
    term.wait_for("Funnel ·")
    term.settle()
    term.quit()


def _run(bench: Bench, name: str, size: int, out: Path) -> str | None:
    """Profile what `name` at `size` measures; the command profiled, or None if not one."""
    csv = lead_list_csv(bench.cache, 10_000, bench.today)
    if name == QUEUE_MS:
        db = bench.reference(size)
        _command(bench, out, "--db", str(db), "queue", "--today", bench.today.isoformat())
        return f"leadline queue on {size:,} prospects"
    if name == NOTE_BIG:
        db = bench.fresh(bench.source(20_000), "note-20000")
        pid = prospect_ids(db, 1)[0]
        _command(bench, out, "--db", str(db), "note", pid, "Left a voicemail (profiled)")
        return "leadline note on 20,000 prospects"
    if name in (IMPORT_INTO, IMPORT_EMPTY):
        if name == IMPORT_INTO:
            db = bench.fresh(bench.source(size), "import")
        else:
            db = bench.work / "import-empty" / "leadline.json"
            db.parent.mkdir(parents=True, exist_ok=True)
            for path in db.parent.glob("leadline.json*"):
                path.unlink()
        _command(bench, out, "--db", str(db), "import", str(csv))
        into = f"{size:,} prospects" if size != ONCE else "an empty file"
        return f"leadline import of the 10k-row CSV into {into}"
    if name == FUNNEL_PAINT:
        _tui(bench, out, bench.reference(size))
        return f"the TUI to its funnel's first paint and exit, {size:,} prospects"
    return None


def profile_missed(bench: Bench, rows: list[Check], path: Path) -> None:
    """Profile each missed figure that is a matter of time (once, at the largest size it
    missed); write them all to `path`."""
    parts = ["# Profiles of the missed targets", "", __doc__.split("\n\n")[1], ""]
    out = bench.work / "profile.prof"
    largest: dict[str, int] = {}  # one profile per figure: at the largest size it missed
    for row in rows:
        if row.verdict == "**missed**":
            name, size = row.key
            largest[name] = max(size, largest.get(name, size))
    for name, size in largest.items():
        try:
            what = _run(bench, name, size, out)
        except Exception as error:  # noqa: BLE001 - a profile is extra, it never stops a run
            bench.log(f"  profile of {name} at {size:,} failed: {error}")
            continue
        if what is None:
            continue
        bench.log(f"  profiled {what}")
        size_text = "size-independent" if size == ONCE else f"{size:,} prospects"
        parts += [f"## {name}, {size_text}: {what}", "", "```", _top(out).rstrip(), "```", ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts))
