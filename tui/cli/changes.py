"""`leadline undo`, `history`, `delete` and `merge`: fixing mistakes from the command line.

Each is a few lines over one store call (`Store.undo`, `history`, `delete`,
`merge` with core's `merged`); the history and undo are worded by the text layer
the TUI uses too (`tui/text/history_words.py`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from leadline.core.actions.merge import MERGE_FIELDS, SIDES, MergeConflict, Side, merged
from leadline.core.folding import fold
from leadline.core.store.changes import CannotUndo, UndoDrifted
from leadline.core.store.facade import Store
from leadline.tui.cli.support import UserError, find_one, how_many, open_context
from leadline.tui.text.field_words import field_label, value_text
from leadline.tui.text.history_words import (
    change_text,
    drift_text,
    entry_json,
    entry_line,
    undone_text,
)
from leadline.tui.text.safe import safe_json

Command = Callable[[str, str], argparse.ArgumentParser]


def add_parsers(command: Command) -> None:
    undo = command("undo", "undo the last change (again: the one before), from any process")
    undo.add_argument("--force", action="store_true",
                      help="undo even though the prospect changed since")  # fmt: skip
    history = command("history", "what changed when, and by which command or screen")
    history.add_argument("prospect", nargs="?", help="id or part of the name (default: all)")
    history.add_argument("--limit", type=how_many, default=50, metavar="N", help="newest N (50)")
    history.add_argument("--json", action="store_true", help="print JSON instead of text")
    delete = command("delete", "delete a prospect (leadline undo puts it back)")
    delete.add_argument("prospect", help="id or part of the name")
    delete.add_argument("--yes", action="store_true", help="do not ask (needed without a terminal)")
    merge = command("merge", "merge OTHER into KEEP (contacts, touches, notes... united)")
    merge.add_argument("keep", help="the prospect kept (id or part of the name)")
    merge.add_argument("other", help="the prospect merged into it and deleted")
    merge.add_argument("--take", action="append", default=[], metavar="FIELD=kept|other",
                       help="the side a conflicting field keeps (repeatable)")  # fmt: skip
    merge.add_argument("--prefer", choices=SIDES, help="the side every other conflict keeps")


def cmd_undo(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    try:
        plan = ctx.store.undo(force=args.force)
    except UndoDrifted as refused:
        problem = drift_text(refused.drifts, ctx.config)
        hint = "'leadline undo --force' undoes it anyway"
        raise UserError(f"not undone: {problem}; {hint}") from None
    except CannotUndo as refused:
        change = change_text(refused.target, ctx.config)
        raise UserError(f"cannot undo {change}: it kept no copy to put back "
                        "('leadline restore' puts a backup back)") from None  # fmt: skip
    print(undone_text(plan, ctx.config))
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    pid = _history_pid(ctx.store, args.prospect) if args.prospect else None
    entries = list(reversed(ctx.store.history(pid)))[: args.limit]
    if args.json:
        docs = [entry_json(e, ctx.config) for e in entries]
        print(safe_json(json.dumps(docs, ensure_ascii=False, indent=2)))
    elif not entries:
        print("no changes recorded yet")
    for entry in entries if not args.json else ():
        print(entry_line(entry, ctx.config))
    return 0


def _history_pid(store: Store, query: str) -> str:
    """The prospect `history` is about: a stored one, else one the history names (deleted)."""
    if store.find_ids(query):
        return find_one(store, query).id
    wanted, fragment = query.strip(), fold(query.strip())
    gone = {i.pid: i.name for e in store.history() for i in e.items
            if wanted and (i.pid == wanted.lower() or fragment in fold(i.name))}  # fmt: skip
    if len(gone) == 1:
        return next(iter(gone))
    if not gone:
        raise UserError(f"no prospect matches {query!r}, nor any in the history")
    listed = "; ".join(f"{pid} {name}" for pid, name in list(gone.items())[:10])
    raise UserError(f"{query!r} matches {len(gone)} prospects in the history: {listed}")


def cmd_delete(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    target = find_one(ctx.store, args.prospect)
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError(f"deleting {target.name} needs --yes when not run from a terminal")
        answer = input(f"Delete {target.name} ({target.id})? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("nothing deleted")
            return 1
    ctx.store.delete(target.id)
    print(f"deleted {target.name} ({target.id}); 'leadline undo' puts it back")
    return 0


def _choices(pairs: list[str]) -> dict[str, Side]:
    take: dict[str, Side] = {}
    for pair in pairs:
        name, _, side = pair.partition("=")
        name = name.strip().replace("-", "_")
        if side not in SIDES or name not in MERGE_FIELDS:
            raise UserError(f"--take {pair!r}: give FIELD=kept or FIELD=other, FIELD one of "
                            f"{', '.join(MERGE_FIELDS)}")  # fmt: skip
        take[name] = "kept" if side == "kept" else "other"
    return take


def cmd_merge(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    keep, other = find_one(ctx.store, args.keep), find_one(ctx.store, args.other)
    if keep.id == other.id:
        raise UserError(f"{args.keep!r} and {args.other!r} are the same prospect")
    take, now = _choices(args.take), ctx.now()
    try:
        saved = ctx.store.merge(
            keep.id, other.id, lambda k, o: merged(k, o, now, take=take, prefer=args.prefer)
        )
    except MergeConflict as conflict:
        print(f"leadline: {keep.name} and {other.name} differ; choose per field with "
              "--take FIELD=kept|other, or --prefer kept|other:", file=sys.stderr)  # fmt: skip
        for c in conflict.conflicts:
            kept_text = value_text(ctx.config, c.field, c.mine)
            other_text = value_text(ctx.config, c.field, c.theirs)
            print(f"  {c.field} ({field_label(c.field)}): kept {kept_text} · other {other_text}",
                  file=sys.stderr)  # fmt: skip
        return 1
    print(f"merged {other.name} ({other.id}) into {saved.name} ({saved.id}); "
          "'leadline undo' takes it back")  # fmt: skip
    return 0
