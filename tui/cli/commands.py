"""One function per `leadline` command. Each returns an exit status.

The commands only parse arguments, call core (pure rules and the store) and
print; the rules live in leadline.core. Each command imports the rules and
renderings it needs itself: a process runs one command, and `leadline note` or
`leadline queue` should not load the funnel's statistics or the TUI.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from leadline.core.config.loader import load_config
from leadline.core.paths import resolve_config, resolve_db
from leadline.core.store.facade import Store
from leadline.tui.cli.support import (
    TUI_LOCK_TIMEOUT,
    check_data_path,
    check_stage,
    find_one,
    open_context,
    preload_showing_progress,
)
from leadline.tui.text.safe import safe_json


def _emit(data: object) -> None:
    print(safe_json(json.dumps(data, ensure_ascii=False, indent=2, default=str)))


def _warning_json(w: Any) -> dict[str, Any]:
    """A warning as JSON: its code, its numbers, and its items (checklist, roles) if any."""
    doc: dict[str, Any] = {"code": str(w.code), **w.numbers}
    if w.items:
        doc["items"] = list(w.items)
    return doc


def _terminal_problem() -> str | None:
    """Why the full-screen UI cannot run here, or None when it can."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return "leadline needs an interactive terminal"
    term = os.environ.get("TERM", "")
    if term in ("", "dumb"):
        why = f"TERM is {term}" if term else "TERM is not set"
        return f"leadline needs a terminal that can draw the screen ({why})"
    return None


def _run_tui(args: argparse.Namespace, *, demo: bool) -> int:
    problem = _terminal_problem()
    if problem:
        print(
            f"{problem}; use the commands instead: leadline queue, funnel, show, note, log "
            "(leadline --help lists them)",
            file=sys.stderr,
        )
        return 1
    # The one door from the command line into Textual (import-linter allows just this
    # import): loaded only when the TUI starts, so the other commands never load it.
    from leadline.tui.app import keymap_problems, run_app  # noqa: PLC0415
    from leadline.tui.demo import OPEN_DEMO_STATUS  # noqa: PLC0415

    config_path = resolve_config(getattr(args, "config", None))
    config = load_config(config_path)
    problems = keymap_problems(config, config_path)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    mouse = config.mouse and not args.no_mouse
    status = OPEN_DEMO_STATUS if demo else _run_on_data_file(args, run_app, mouse)
    if status != OPEN_DEMO_STATUS:
        return status
    from leadline.tui.demo import open_demo  # noqa: PLC0415 - the sample generator

    with open_demo() as (store, demo_config):
        # the user's keys and mouse setting go along into the demo
        mine = dataclasses.replace(demo_config, keymap=config.keymap, mouse=config.mouse)
        return run_app(store, mine, mouse=mouse)


def _run_on_data_file(args: argparse.Namespace, run_app: Any, mouse: bool) -> int:
    """The TUI on the user's data file. When it does not exist yet, on an empty stand-in:
    the first-run screen says where the file will be, and the first add or import
    creates it (nothing is created if the user only looks, or opens the demo)."""
    db_path = resolve_db(getattr(args, "db", None))
    check_data_path(db_path)
    if db_path.exists():
        ctx = open_context(args, lock_timeout=TUI_LOCK_TIMEOUT)
        preload_showing_progress(ctx.store, sys.stderr)
        return int(run_app(ctx.store, ctx.config, mouse=mouse))
    config = load_config(resolve_config(getattr(args, "config", None)))
    with tempfile.TemporaryDirectory(prefix="leadline-new-") as folder:
        with Store.open(Path(folder) / "empty.json", backups=0) as empty:
            return int(run_app(empty, config, mouse=mouse, new_data_file=db_path))


def cmd_tui(args: argparse.Namespace) -> int:
    return _run_tui(args, demo=False)


def cmd_demo(args: argparse.Namespace) -> int:
    return _run_tui(args, demo=True)


def cmd_show(args: argparse.Namespace) -> int:
    from leadline.core.rules.pipeline import pipeline_facts  # noqa: PLC0415
    from leadline.core.rules.warnings import warnings_for  # noqa: PLC0415
    from leadline.tui.cli import render  # noqa: PLC0415

    ctx = open_context(args)
    today = ctx.day(args.today)
    prospect = find_one(ctx.store, args.prospect)  # the one prospect decoded whole
    facts = pipeline_facts(ctx.store.summaries(), ctx.config, today)  # the user's own cycle
    found = warnings_for(prospect, ctx.config, today, facts)
    if args.json:
        doc = prospect.to_doc()
        doc["warnings"] = [_warning_json(w) for w in found]
        _emit(doc)
    else:
        print(render.prospect_text(prospect, found, ctx.config, today))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from leadline.tui.cli import render  # noqa: PLC0415

    ctx = open_context(args)
    prospects = ctx.store.summaries()
    if args.stage:
        stage = check_stage(ctx.config, args.stage)
        prospects = [p for p in prospects if p.stage == stage]
    prospects.sort(key=lambda p: p.name.casefold())
    if args.json:  # whole documents, decoded for the prospects listed only
        _emit([ctx.store.get(p.id).to_doc() for p in prospects])
    else:
        print(render.list_text(prospects, ctx.config))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    source = ctx.config_path or "the built-in default"
    print(f"config: {source}: {len(ctx.config.stages)} stages, OK")
    found = ctx.store.verify()  # every prospect decoded: a damaged one is named, exit 2
    count, revision = found.prospects, ctx.store.revision
    print(f"data: {ctx.db_path}: {count} prospects, revision {revision}, OK")
    if found.disagreeing:
        print(f"summary: {found.disagreeing} summaries did not match their prospects: rebuilt")
    return 0


def cmd_queue(args: argparse.Namespace) -> int:
    from leadline.core.rules.queue import build_follow_up_queue  # noqa: PLC0415
    from leadline.tui.cli import render  # noqa: PLC0415

    ctx = open_context(args)
    today = ctx.day(args.today)
    items = build_follow_up_queue(ctx.store.summaries(), ctx.config, today)
    if args.json:
        _emit([render.queue_item_json(item, ctx.config) for item in items])
    else:
        print(render.queue_text(items, ctx.config, today))
    return 0


def cmd_funnel(args: argparse.Namespace) -> int:
    from leadline.core.rules.funnel.summary import funnel_to_json, summarize_funnel  # noqa: PLC0415
    from leadline.tui.cli import render  # noqa: PLC0415

    ctx = open_context(args)
    today = ctx.day(args.today)
    summary = summarize_funnel(ctx.store.summaries(), ctx.config, today)
    data = funnel_to_json(summary, ctx.config.currency)
    if args.json:
        _emit(data)
    else:
        print(render.funnel_text(data, ctx.config))
    return 0


def cmd_warnings(args: argparse.Namespace) -> int:
    from leadline.core.rules.pipeline import pipeline_facts  # noqa: PLC0415
    from leadline.core.rules.warnings import warnings_for  # noqa: PLC0415
    from leadline.tui.cli import render  # noqa: PLC0415

    ctx = open_context(args)
    today = ctx.day(args.today)
    everyone = ctx.store.summaries()
    facts = pipeline_facts(everyone, ctx.config, today)  # the user's own cycle, once
    if args.prospect:
        prospects = [find_one(ctx.store, args.prospect)]  # the one prospect decoded whole
    else:
        prospects = [p for p in everyone if p.is_open]
    found = [(p, warnings_for(p, ctx.config, today, facts)) for p in prospects]
    found = [(p, ws) for p, ws in found if ws]
    if args.json:
        _emit(
            [
                {
                    "id": p.id,
                    "name": p.name,
                    "warnings": [_warning_json(w) for w in ws],
                }
                for p, ws in found
            ]
        )
    else:
        print(render.warnings_text(found))
    return 0
