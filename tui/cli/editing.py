"""`leadline edit`: change a prospect's fields. It builds core's input from the flags
given (a flag left out changes nothing) and calls one core action. Contacts and
meetings are in people.py, the checklist and the plans in day_work.py."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

from leadline.core import actions
from leadline.core.config.model import Config
from leadline.core.dates import parse_optional_day
from leadline.core.models import (
    Lifecycle,
)
from leadline.core.money import parse_optional_amount
from leadline.tui.cli.day_work import ticks_of
from leadline.tui.cli.support import UserError, check_stage, find_one, open_context

_TEXT_FIELDS = {"name": "name", "currency": "currency", "timeframe": "decision_timeframe",
                "channel": "channel", "lost_reason": "lost_reason"}  # fmt: skip


def _parsed(parse: Callable[..., Any], *args: Any) -> Any:
    try:
        return parse(*args)
    except ValueError as error:
        raise UserError(str(error)) from None


def _edit_of(args: argparse.Namespace, config: Config, today: date) -> actions.ProspectEdit:
    given: dict[str, Any] = {
        field: getattr(args, flag) for flag, field in _TEXT_FIELDS.items()
        if getattr(args, flag) is not None
    }  # fmt: skip
    if args.stage is not None:
        given["stage"] = check_stage(config, args.stage)
    if args.lifecycle is not None:
        given["lifecycle"] = Lifecycle(args.lifecycle)
    if args.value is not None:
        given["value"] = _parsed(parse_optional_amount, args.value, "value") or 0.0
    if args.budget is not None:  # "" makes it unknown again
        given["budget"] = _parsed(parse_optional_amount, args.budget, "budget")
    order = config.dates.order
    for flag, field in (("close", "expected_close"), ("next", "next_due")):
        if getattr(args, flag) is not None:
            text = getattr(args, flag)
            given[field] = _parsed(lambda t: parse_optional_day(t, today, order=order), text)
    if args.interval is not None:
        given["interval_days"] = args.interval or None
    for flag, field in (("agreed", "agreed"), ("dm", "decision_maker_confirmed")):
        if getattr(args, flag) is not None:
            given[field] = getattr(args, flag)
    if args.tags is not None:
        given["tags"] = tuple(t.strip() for t in args.tags.split(",") if t.strip())
    ticks = ticks_of(config, args.tick, args.untick)  # named as `leadline tick` reads them
    return actions.ProspectEdit(ticks=ticks, **given)


def cmd_edit(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    now = ctx.now()
    edit = _edit_of(args, ctx.config, now.date())
    if not edit.changed() and not edit.ticks:
        raise UserError("nothing to change: give at least one field (leadline edit --help)")
    target = find_one(ctx.store, args.prospect)
    saved = ctx.store.update(
        target.id, lambda p: actions.edit_fields(p, edit, ctx.config, now.date(), now)
    )
    print(f"edited {saved.name} ({saved.id})")
    return 0


def add_parsers(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """The edit commands' arguments."""
    edit = command("edit", "change a prospect's fields (only the flags given)")
    edit.add_argument("prospect", help="id or part of the name")
    for flag in ("name", "stage", "value", "currency", "budget", "timeframe", "close",
                 "channel", "next", "lost-reason", "tags"):  # fmt: skip
        edit.add_argument(f"--{flag}", dest=flag.replace("-", "_"))
    edit.add_argument("--lifecycle", choices=[life.value for life in Lifecycle])
    edit.add_argument("--interval", type=int, help="days between follow-ups (0: stage default)")
    edit.add_argument("--agreed", action=argparse.BooleanOptionalAction,
                      help="the plan is agreed with the customer")  # fmt: skip
    edit.add_argument("--dm", action=argparse.BooleanOptionalAction,
                      help="decision maker confirmed")  # fmt: skip
    edit.add_argument("--tick", action="append", default=[], metavar="ITEM")
    edit.add_argument("--untick", action="append", default=[], metavar="ITEM")
