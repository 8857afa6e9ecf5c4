"""`leadline recover` and `leadline compact`: the journal and the data file on disk.

`recover` is for a data file another program rewrote while the journal held
changes (every other command refuses then, naming them): core's
`recover_journal` puts leadline's changes onto the rewritten file where they do
not conflict; this prints what was applied and what conflicted (exit 1 if
anything did). `compact` folds the journal into the data file, so a plain
TinyDB program reading it sees every change.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from leadline.core.config.model import Config
from leadline.core.paths import resolve_db
from leadline.core.store.history import Entry
from leadline.core.store.rebase import How, Outcome
from leadline.core.store.recover import Recovered, fold_journal, recover_journal
from leadline.tui.cli.support import (
    MissingDataFile,
    check_data_path,
    config_of,
    data_file_exists,
    open_context,
)
from leadline.tui.text.history_words import what_text, when_text
from leadline.tui.text.safe import safe_json

Command = Callable[[str, str], argparse.ArgumentParser]

_CONFLICT_WORDS = {
    How.BOTH_CHANGED: "the other program changed it too; its version is kept",
    How.DELETED_THERE: "the other program deleted it; it stays deleted",
    How.CHANGED_THERE: "leadline deleted it but the other program changed it; it is kept",
    How.NO_BASE: "leadline kept no copy of it as it was; the other program's version is kept",
}
_APPLIED_WORDS = {
    How.APPLIED: "applied",
    How.ALREADY: "already in the file",
    How.RENUMBERED: "applied (as a new document: the other program used its number)",
}


def add_parsers(command: Command) -> None:
    recover = command(
        "recover", "apply the journal's changes onto a data file another program rewrote"
    )
    recover.add_argument("--json", action="store_true", help="print JSON instead of text")
    command("compact", "fold the journal into the data file now (plain TinyDB then sees all)")


def _change_words(entry: Entry, config: Config) -> str:
    """ "note added by leadline note at Thu 3 Dec 2026 09:14"."""
    return f"{what_text(entry.what, config)} by {entry.by} at {when_text(entry)}"


def _changes(outcome: Outcome, config: Config) -> list[str]:
    return [_change_words(e, config) for e in outcome.entries] or ["a save by leadline"]


def _text(done: Recovered, db: str, config: Config) -> list[str]:
    saves = f"{done.changes} unfolded change{'s' if done.changes != 1 else ''}"
    lines = [f"recovered {saves} onto {db} (revision {done.revision}):"]
    for o in done.applied:
        lines.append(f"  {o.name}: {_APPLIED_WORDS[o.how]}: {'; '.join(_changes(o, config))}")
    for o in done.conflicts:
        lines.append(f"  CONFLICT {o.name}: {_CONFLICT_WORDS[o.how]}; not applied: "
                     f"{'; '.join(_changes(o, config))}")  # fmt: skip
    lines.append(f"the rewritten file and the journal as they were are kept as {done.kept} "
                 "(and .journal beside it)")  # fmt: skip
    if done.conflicts:
        lines.append("the conflicting changes are in that journal; make them again by hand")
    return lines


def _outcome_json(o: Outcome, config: Config) -> dict[str, Any]:
    return {"id": o.pid, "name": o.name, "doc_id": o.doc_id, "how": o.how.value,
            "changes": _changes(o, config)}  # fmt: skip


def cmd_recover(args: argparse.Namespace) -> int:
    config = config_of(args)
    db = resolve_db(getattr(args, "db", None))
    check_data_path(db)
    if not data_file_exists(db):
        raise MissingDataFile(db)
    done = recover_journal(db)
    if args.json:
        body = {
            "data_file": str(db), "changes": done.changes, "revision": done.revision,
            "applied": [_outcome_json(o, config) for o in done.applied],
            "conflicts": [_outcome_json(o, config) for o in done.conflicts],
            "kept": str(done.kept) if done.kept is not None else None,
        }  # fmt: skip
        print(safe_json(json.dumps(body, ensure_ascii=False, indent=2)))
    elif not done.changes:
        print(f"nothing to recover: {db} was not rewritten over changes in its journal")
    else:
        print("\n".join(_text(done, str(db), config)))
    return 1 if done.conflicts else 0


def cmd_compact(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    folded = fold_journal(ctx.store)
    if folded:
        print(f"folded {folded} change{'s' if folded != 1 else ''} into {ctx.db_path}")
    else:
        print(f"nothing to fold: {ctx.db_path} holds every change")
    return 0
