"""What every figure needs: private environments, primed data files, the results.

A data file copied to a new folder has no valid summary (the summary is tied to
the file's inode), so its first command rebuilds it. Nothing is timed on such a
file: every copy is *primed* by one untimed `leadline queue` first (that time is
kept as its own figure). Read-only figures share one primed reference file per
size; when a run changed it anyway, it is made again before the next.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path

from data import folder_state, pipeline_file, working_copy
from stats import Figure, run_rss

HERE = Path(__file__).parent
PY = sys.executable
LEADLINE = [PY, "-m", "leadline.tui.cli.main"]
SOURCES = Path(__file__).resolve().parents[2]


def private_env(home: Path) -> dict[str, str]:
    """A private HOME/XDG so the TUI's state and theme files stay out of the user's."""
    env = dict(os.environ, HOME=str(home), TERM="xterm-256color", COLORTERM="truecolor")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    for name in ("LEADLINE_CONFIG", "LEADLINE_DB", "TEXTUAL", "TEXTUAL_LOG"):
        env.pop(name, None)
    # Like an installed copy: compiled once (`warm_up`), not on every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


class Results:
    """Cells of the detail table (size -> figure name -> text) and the values behind them."""

    def __init__(self) -> None:
        self.cells: dict[int, dict[str, str]] = {}
        self.values: dict[tuple[str, int], Figure | list[float]] = {}
        self.failures: dict[tuple[str, int], str] = {}

    def put(self, size: int, name: str, figure: Figure, digits: int = 0) -> str:
        self.values[(name, size)] = figure
        cell = self.cells.setdefault(size, {})[name] = figure.cell(digits)
        return cell

    def samples(self, size: int, name: str, values: list[float], cell: str) -> None:
        self.values[(name, size)] = values
        self.cells.setdefault(size, {})[name] = cell

    def text(self, size: int, name: str, text: str) -> None:
        self.cells.setdefault(size, {})[name] = text

    def fail(self, size: int, group: str, reason: str) -> None:
        self.failures[(group, size)] = reason


class Bench:
    """One benchmark run: options, folders, logging and the helpers figures share."""

    def __init__(self, runs: int, quick: bool, cache: Path, today: date) -> None:
        self.runs, self.quick, self.today = runs, quick, today
        self.cache = cache
        self.cache.mkdir(parents=True, exist_ok=True)
        self.work = cache / "work"
        self.env = private_env(self.work / "home")
        self.results = Results()
        self._refs: dict[int, tuple[Path, dict[str, tuple[int, int, int]]]] = {}

    def log(self, text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    def runs_for(self, size: int) -> int:
        """Runs per figure: 2 fewer at 100k and above (at least 2)."""
        return max(2, self.runs - 2) if size >= 100_000 else self.runs

    def warm_up(self) -> None:
        """Compile leadline once (into its ignored __pycache__) so no figure pays for it."""
        sources = [str(SOURCES / name) for name in ("core", "tui", "themes")]
        subprocess.run(
            [PY, "-m", "compileall", "-q", *[s for s in sources if Path(s).is_dir()]],
            env=self.env, check=True,
        )  # fmt: skip

    def leadline(self, db: Path, *args: str) -> list[str]:
        return [*LEADLINE, "--db", str(db), *args]

    def queue_argv(self, db: Path) -> list[str]:
        return self.leadline(db, "queue", "--today", self.today.isoformat())

    def prime(self, db: Path) -> float:
        """One untimed-for-the-figures `leadline queue`: builds the summary file; its ms."""
        return run_rss(self.queue_argv(db), self.env)[0]

    def fresh(self, source: Path, name: str = "scratch") -> Path:
        """A primed copy of `source` in its own folder (overwritten by the next call)."""
        db = working_copy(source, self.work / name)
        self.prime(db)
        return db

    def source(self, size: int) -> Path:
        started = time.perf_counter()
        path = pipeline_file(self.cache, size, self.today)
        if time.perf_counter() - started > 1:
            self.log(f"  generated {path.name} in {time.perf_counter() - started:.1f} s")
        return path

    def reference(self, size: int) -> Path:
        """The primed read-only data file of `size` prospects, made again if a run changed it."""
        known = self._refs.get(size)
        if known is not None:
            db, state = known
            if folder_state(db) == state:
                return db
            self.log(f"  the {size:,} reference file was changed by a run: made again")
        db = working_copy(self.source(size), self.work / f"ref-{size}")
        rebuild = self.prime(db)
        self.results.put(size, "first `leadline queue` on a copied file (summary built, ms)",
                         Figure((rebuild,)))  # fmt: skip
        self._refs[size] = (db, folder_state(db))
        return db

    def attempt(self, size: int, group: str, measure: Callable[[], None]) -> None:
        """Run one group of figures; a failure is recorded and logged, the run goes on."""
        try:
            measure()
        except Exception as error:  # noqa: BLE001 - a benchmark reports, it does not stop
            reason = f"{type(error).__name__}: {str(error).strip()[-300:]}"
            self.results.fail(size, group, reason)
            self.log(f"  {group} FAILED: {reason}")
            self.log(traceback.format_exc(limit=3))
