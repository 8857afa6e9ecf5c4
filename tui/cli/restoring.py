"""`leadline restore`: list the backups leadline made, or put one back.

A backup is put back by core's `restore_backup` (under the writers' lock, with
its journal copy, the data file as it was kept in backups/ so the restore can
itself be undone). Copying a backup over the data file by hand works too, but
without the journal copy beside it the backup's last changes would be missing.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from leadline.core.paths import resolve_db
from leadline.core.store.backups import backup_dir, recorded
from leadline.core.store.restore import restore_backup
from leadline.tui.cli.support import Context, UserError
from leadline.tui.text.fmt import moment_text

Command = Callable[[str, str], argparse.ArgumentParser]


def add_parsers(command: Command) -> None:
    restore = command("restore", "list the backups of the data file, or put one back")
    restore.add_argument(
        "backup", nargs="?", help="a backup: its number in the list (1 = newest), name or path"
    )


def _when(name: str) -> str:
    """The local time a backup was taken, from its name (`<data>.<UTC time>.r<rev>.json`)."""
    stamp = name.rsplit(".", 3)[-3]
    try:
        taken = datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        return "?"
    return moment_text(taken.astimezone())


def _chosen(db: Path, word: str) -> Path:
    entries = list(reversed(recorded(db)))  # newest first, as listed
    if word.isdigit():
        number = int(word)
        if not 1 <= number <= len(entries):
            raise UserError(f"there is no backup number {number}: 'leadline restore' lists them")
        return backup_dir(db) / entries[number - 1].name
    by_name = [e for e in entries if e.name == word]
    if by_name:
        return backup_dir(db) / by_name[0].name
    path = Path(word).expanduser()
    if not path.exists():
        raise UserError(f"no backup {word!r}: 'leadline restore' lists them")
    return path


def cmd_restore(args: argparse.Namespace) -> int:
    db = resolve_db(getattr(args, "db", None))
    if args.backup is None:
        entries = list(reversed(recorded(db)))
        if not entries:
            print(f"no backups of {db} yet (one is made before the first save of each session)")
            return 0
        print(f"backups of {db}, newest first:")
        for number, entry in enumerate(entries, 1):
            print(f"{number:>3}  {_when(entry.name)}  revision {entry.revision:<6} {entry.name}")
        print("'leadline restore N' puts backup N back; the file as it is now is kept.")
        return 0
    backup = _chosen(db, args.backup)
    done = restore_backup(db, backup, now=Context.now())
    print(f"restored {backup.name}: {done.prospects} prospects, revision {done.revision}")
    if done.previous is not None:
        print(f"the data file as it was is kept as {done.previous}")
    return 0
