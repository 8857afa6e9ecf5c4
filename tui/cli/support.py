"""Plumbing shared by the CLI commands: opening config and store, finding prospects."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from leadline.core import dates
from leadline.core.actions import resolve_target
from leadline.core.config.loader import load_config
from leadline.core.config.model import Config
from leadline.core.folding import fold
from leadline.core.models import Prospect
from leadline.core.paths import resolve_config, resolve_db
from leadline.core.store.facade import Store


class UserError(Exception):
    """A mistake in what the user asked for; printed as one line, exit status 1."""


class DataPathError(Exception):
    """The data file's path names something that is not a data file; exit status 2."""


class MissingDataFile(Exception):
    """A command that reads the pipeline was pointed at a data file that does not exist
    (a mistyped --db must not look like an empty pipeline); exit status 2."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"no data file at {path} (leadline add or leadline import creates one; "
            "check --db / LEADLINE_DB)"
        )


@dataclass
class Context:
    """What every command needs: the config, the open store, and the clock."""

    config: Config
    store: Store
    db_path: Path
    config_path: Path | None

    @staticmethod
    def now() -> datetime:
        return datetime.now().replace(microsecond=0)

    def day(self, text: str | None, *, past: bool = False, default: date | None = None) -> date:
        """A date argument read in the config's date order; `default` (today) when absent."""
        order = self.config.dates.order
        return parse_day(text, default or self.now().date(), past=past, order=order)


TUI_LOCK_TIMEOUT = 3.0
"""Seconds the TUI waits for another process's save before it says so (the CLI waits 10):
the screen cannot draw while it waits, and the typed text stays in its box to retry."""


def config_of(args: argparse.Namespace) -> Config:
    """The config the arguments name (exit 2 on problems), for a check before the data
    file is opened."""
    return load_config(resolve_config(getattr(args, "config", None)))


def open_context(
    args: argparse.Namespace, *, lock_timeout: float = 10.0, create: bool = False
) -> Context:
    """Load the config (exit 2 on problems) and open the data file.

    Only a command that makes prospects (`add`, `import`: `create`) may create the
    data file, and it says where on stderr; any other refuses a file that is not there.
    """
    config_path = resolve_config(getattr(args, "config", None))
    config = load_config(config_path)
    db_path = resolve_db(getattr(args, "db", None))
    check_data_path(db_path)
    missing = not data_file_exists(db_path)
    if missing and not create:
        raise MissingDataFile(db_path)
    holder = f"leadline {args.command}" if getattr(args, "command", None) else "leadline"
    store = Store.open(db_path, backups=config.backups, lock_timeout=lock_timeout,
                       holder=holder, clock=Context.now)  # fmt: skip
    if missing:
        print(f"leadline: created {db_path}", file=sys.stderr)
    return Context(config=config, store=store, db_path=db_path, config_path=config_path)


def data_file_exists(path: Path) -> bool:
    """Whether the data file is there (the TUI's first run asks before creating it)."""
    return os.path.lexists(path)


def check_data_path(path: Path) -> None:
    """Refuse a folder, a device or a file standing in for a folder as the data file.

    Opening one would fail deep in the store with a message about a file
    descriptor, or read a device as an empty data file; this says what is wrong.
    """
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return _check_parents(path)
    except OSError as error:
        raise DataPathError(f"cannot use the data file {path}: {error.strerror}") from None
    if stat.S_ISDIR(mode):
        raise DataPathError(f"the data file {path} is a folder; give the path of a file")
    if not stat.S_ISREG(mode):
        raise DataPathError(f"the data file {path} is not a regular file")


def _check_parents(path: Path) -> None:
    folder = path.parent
    while not os.path.lexists(folder) and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise DataPathError(f"the data file {path} cannot be created: {folder} is not a folder")


PROGRESS_ABOVE = 20_000
"""Prospects above which a line says the TUI is reading them before it starts."""


def preload_showing_progress(store: Store, out: TextIO) -> None:
    """Read every prospect's summary (what the first screen shows) before the TUI starts;
    on a terminal and above `PROGRESS_ABOVE` prospects, say so on one line meanwhile.

    No whole prospect is decoded here: the screens decode the one they show in full.
    Through the summary file this takes under a second at 100,000 prospects, so the
    line names the count, not a percentage. It is wiped before the TUI takes the
    screen, so nothing is left behind it.
    """
    total = len(store)
    if total <= PROGRESS_ABOVE or not out.isatty():
        store.summaries()
        return
    out.write(f"\rleadline: reading {total:,} prospects...")
    out.flush()
    store.summaries()
    out.write("\r\x1b[K")
    out.flush()


def how_many(text: str) -> int:
    """The N of a --limit N: a whole number, 1 or more (0 would show nothing and say
    nothing matched; a negative one would slice from the end)."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{number} is not 1 or more")
    return number


def parse_day(text: str | None, default: date, *, past: bool = False, order: str = "dmy") -> date:
    """A date argument in core's grammar (`2026-12-01`, `7 dec`, `+3`, `fri`) read in
    `order`, or `default` when absent (None: an empty '' is refused as a blank would be);
    with `past`, a weekday means the last one."""
    if text is None:
        return default
    try:
        return dates.parse_day(text, default, past=past, order=order)
    except ValueError as error:
        raise UserError(str(error)) from None


def find_one(store: Store, query: str) -> Prospect:
    """The prospect an id or a name fragment points at; ambiguity is a user error."""
    found = store.find_ids(query)  # decoding only the one prospect it comes to
    if not found:
        raise UserError(f"no prospect matches {query!r}")
    if len(found) > 1:
        matches = [store.summary(pid) for pid in found]
        exact = [p for p in matches if fold(p.name.strip()) == fold(query.strip())]
        if len(exact) == 1:
            return store.get(exact[0].id)
        listed = "; ".join(f"{p.id} {p.name}" for p in matches[:10])
        more = f" and {len(matches) - 10} more" if len(matches) > 10 else ""
        raise UserError(f"{query!r} matches {len(matches)} prospects: {listed}{more}")
    return store.get(found[0])


def check_stage(config: Config, key: str) -> str:
    """A stage key, stage name or outcome named on the command line (core decides)."""
    try:
        return resolve_target(config, key)
    except ValueError as error:
        raise UserError(str(error)) from None
