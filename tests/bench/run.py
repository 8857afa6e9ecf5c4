"""leadline benchmark suite: `python3 tests/bench/run.py [--sizes 1000,10000,100000] [--quick]`.

Generates pipelines with the sample generator (cached in --cache), measures
every figure of issue 6 as the median of several runs with min and max, and
writes a markdown table to tests/bench/results/latest.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from data import lead_list_csv, pipeline_file, working_copy  # noqa: E402
from report import write_report  # noqa: E402
from stats import Figure, percentile, run_rss  # noqa: E402
from terminal import Terminal  # noqa: E402

HERE = Path(__file__).parent
PY = sys.executable
LEADLINE = [PY, "-m", "leadline.tui.cli.main"]


def _env(home: Path) -> dict[str, str]:
    """A private HOME/XDG so the TUI's state and theme files stay out of the user's."""
    env = dict(os.environ, HOME=str(home), TERM="xterm-256color", COLORTERM="truecolor")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    env.pop("LEADLINE_CONFIG", None)
    env.pop("LEADLINE_DB", None)
    # Like an installed copy: compiled once (`warm_up`), not on every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.runs = 2 if args.quick else args.runs
        self.quick = args.quick
        self.cache = Path(args.cache)
        self.cache.mkdir(parents=True, exist_ok=True)
        self.work = self.cache / "work"
        self.today = date.today()
        self.rows: dict[int, dict[str, str]] = {}

    def log(self, text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    def fresh(self, source: Path) -> tuple[Path, dict[str, str]]:
        db = working_copy(source, self.work)
        return db, _env(self.work / "home")

    def warm_up(self) -> None:
        """Compile leadline once (into its ignored __pycache__) so no figure pays for it."""
        env = _env(self.work / "home")
        sources = [str(Path(__file__).resolve().parents[2] / name) for name in ("core", "tui")]
        subprocess.run([PY, "-m", "compileall", "-q", *sources], env=env, check=True)

    def repeat(self, runs: int, once: Callable[[], object]) -> list[object]:
        return [once() for _ in range(runs)]

    def measure(self, size: int) -> None:
        source = pipeline_file(self.cache, size, self.today)
        big = size >= 100_000
        runs = max(2, self.runs - 2) if big else self.runs
        row: dict[str, str] = {}
        self.rows[size] = row
        self._store_saves(source, runs, row, 10 if self.quick else 30)
        self._cli_notes(source, runs, row, 3 if big or self.quick else 6)
        self._open_funnel(source, runs, row)
        self._cli(source, runs, row)
        self._tui(source, runs, row, 10 if self.quick else 25)
        self._import(source, runs, row)
        self._generate(size, runs, row)

    def _probe(self, *argv: str) -> dict[str, object]:
        from subprocess import run

        done = run([PY, str(HERE / "probe.py"), *argv], capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(done.stderr[-800:])
        result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
        return result

    def _store_saves(self, source: Path, runs: int, row: dict[str, str], count: int) -> None:
        p50, p95 = [], []
        for _ in range(runs):
            db, _env_ = self.fresh(source)
            out = self._probe("saves", str(db), str(count))
            times = out["saves_ms"]
            assert isinstance(times, list)
            p50.append(percentile(times, 50))
            p95.append(percentile(times, 95))
        row["note save, store API p50 (ms)"] = Figure(tuple(p50)).cell(1)
        row["note save, store API p95 (ms)"] = Figure(tuple(p95)).cell(1)
        self.log(f"  store saves p50 {row['note save, store API p50 (ms)']}")

    def _ids(self, db: Path, count: int) -> list[str]:
        with open(db, "rb") as handle:
            head = handle.read(1 << 20).decode("ascii", "replace")
        import re

        return re.findall(r'"id": "([0-9a-f]{8})"', head)[:count]

    def _cli_notes(self, source: Path, runs: int, row: dict[str, str], count: int) -> None:
        p50, p95 = [], []
        for _ in range(runs):
            db, env = self.fresh(source)
            times = []
            for pid in self._ids(db, count):
                argv = [*LEADLINE, "--db", str(db), "note", pid, "Left a voicemail"]
                times.append(run_rss(argv, env)[0])
            p50.append(percentile(times, 50))
            p95.append(percentile(times, 95))
        row["`leadline note` p50 (ms)"] = Figure(tuple(p50)).cell()
        row["`leadline note` p95 (ms)"] = Figure(tuple(p95)).cell()
        self.log(f"  cli note p50 {row['`leadline note` p50 (ms)']}")

    def _open_funnel(self, source: Path, runs: int, row: dict[str, str]) -> None:
        values = []
        for _ in range(runs):
            db, _e = self.fresh(source)
            values.append(float(str(self._probe("funnel", str(db), self.today.isoformat())["ms"])))
        row["open + first funnel summary (ms)"] = Figure(tuple(values)).cell()
        self.log(f"  open+funnel {row['open + first funnel summary (ms)']}")

    def _cli(self, source: Path, runs: int, row: dict[str, str]) -> None:
        db, env = self.fresh(source)
        for command in ("queue", "funnel"):
            argv = [*LEADLINE, "--db", str(db), command, "--today", self.today.isoformat()]
            results = [run_rss(argv, env) for _ in range(runs)]
            row[f"`leadline {command}` (ms)"] = Figure(tuple(r[0] for r in results)).cell()
            row[f"`leadline {command}` peak RSS (MB)"] = Figure(tuple(r[1] for r in results)).cell()
            self.log(f"  {command} {row[f'`leadline {command}` (ms)']}")

    def _tui(self, source: Path, runs: int, row: dict[str, str], keys: int) -> None:
        bare, funnel, queue, queue_keys, stage_keys, rss = [], [], [], [], [], []
        for _ in range(runs):
            db, env = self.fresh(source)
            term = Terminal([PY, str(HERE / "bare_app.py")], env)
            bare.append(term.wait_for("Bare app ready") * 1000)
            term.settle(0.2)
            term.quit()
            term = Terminal([*LEADLINE, "--db", str(db)], env)
            funnel.append(term.wait_for("Funnel ·") * 1000)
            term.clear()
            os.write(term.master, b"t")
            queue.append(term.wait_for("Today ·") * 1000)
            term.settle()
            queue_keys += self._keys(term, keys)
            term.clear()
            os.write(term.master, b"f")
            term.wait_for("Funnel ·")
            term.settle()
            term.clear()
            os.write(term.master, b"\r")
            term.wait_for(" · by ")
            term.settle()
            stage_keys += self._keys(term, keys)
            rss.append(term.quit())
        ratio = [f / b for f, b in zip(funnel, bare, strict=True)]
        qratio = [q / b for q, b in zip(queue, bare, strict=True)]
        row["bare Textual app first paint (ms)"] = Figure(tuple(bare)).cell()
        row["funnel first paint (ms)"] = Figure(tuple(funnel)).cell()
        row["funnel first paint / bare"] = Figure(tuple(ratio)).cell(2)
        row["queue first paint, start + `t` (ms)"] = Figure(tuple(queue)).cell()
        row["queue first paint / bare"] = Figure(tuple(qratio)).cell(2)
        row["key to repaint, queue list p50/p95 (ms)"] = self._pcts(queue_keys)
        row["key to repaint, stage list p50/p95 (ms)"] = self._pcts(stage_keys)
        row["TUI peak RSS (MB)"] = Figure(tuple(rss)).cell()
        self.log(f"  funnel paint {row['funnel first paint / bare']} x bare")

    @staticmethod
    def _pcts(values: list[float]) -> str:
        if not values:
            return "n/a"
        return f"{percentile(values, 50):.1f} / {percentile(values, 95):.1f} (n={len(values)})"

    @staticmethod
    def _keys(term: Terminal, count: int) -> list[float]:
        times = []
        for n in range(count):
            key = b"j" if (n // 3) % 2 == 0 else b"k"
            times.append(term.key_latency(key) * 1000)
            term.settle(0.15)
        return times

    def _import(self, source: Path, runs: int, row: dict[str, str]) -> None:
        csv = lead_list_csv(self.cache, 10_000, self.today)
        values, rows = [], 0
        for _ in range(runs):
            db, _e = self.fresh(source)
            out = self._probe("import", str(db), str(csv), self.today.isoformat())
            values.append(float(str(out["ms"])))
            rows = int(str(out["rows"]))
        row[f"import {rows}-row CSV into it (ms)"] = Figure(tuple(values)).cell()
        self.log(f"  import {row[f'import {rows}-row CSV into it (ms)']}")

    def _generate(self, size: int, runs: int, row: dict[str, str]) -> None:
        """The sample generator (what `leadline demo` and the tests' big pipelines use)."""
        today = self.today.isoformat()
        values = [
            float(str(self._probe("generate", str(size), today)["cpu_ms"])) for _ in range(runs)
        ]
        row["generate the pipeline in memory, CPU (ms)"] = Figure(tuple(values)).cell()
        self.log(f"  generate {row['generate the pipeline in memory, CPU (ms)']}")


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (100k: 2 fewer)")
    parser.add_argument("--quick", action="store_true", help="2 runs and fewer samples")
    parser.add_argument("--cache", default=str(Path.home() / ".cache" / "leadline-bench"))
    parser.add_argument("--out", default=str(HERE / "results" / "latest.md"))
    args = parser.parse_args()
    bench = Bench(args)
    bench.warm_up()
    started = time.monotonic()
    for size in (int(s) for s in args.sizes.split(",")):
        bench.log(f"{size} prospects")
        bench.measure(size)
    minutes = (time.monotonic() - started) / 60
    write_report(Path(args.out), bench.rows, _machine(), bench.today, minutes, bench.runs)
    print(Path(args.out).read_text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
