"""The commands that edit what is known about a prospect: fields, contacts, meetings
and the account plan. Each builds core's input from the flags given (a flag left out
changes nothing) and calls one core action."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from leadline.core import actions
from leadline.core.config.model import Config
from leadline.core.dates import parse_clock, parse_optional_day, parse_yearly
from leadline.core.models import (
    Contact,
    Lifecycle,
    Meeting,
    Objection,
    PenetrationPlan,
    Prospect,
)
from leadline.core.money import parse_optional_amount
from leadline.tui.cli.support import UserError, check_stage, find_one, open_context, parse_day
from leadline.tui.text.labels import role_from_word

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
    for flag, field in (("close", "expected_close"), ("next", "next_due")):
        if getattr(args, flag) is not None:
            given[field] = _parsed(parse_optional_day, getattr(args, flag), today)
    if args.interval is not None:
        given["interval_days"] = args.interval or None
    for flag, field in (("agreed", "agreed"), ("dm", "decision_maker_confirmed")):
        if getattr(args, flag) is not None:
            given[field] = getattr(args, flag)
    if args.tags is not None:
        given["tags"] = tuple(t.strip() for t in args.tags.split(",") if t.strip())
    ticks = {item: True for item in args.tick} | {item: False for item in args.untick}
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


Change = Callable[[Prospect, datetime], Prospect]


def _update(args: argparse.Namespace, change: Change) -> Prospect:
    """Apply `change` (given the time) to the prospect the arguments name, and save."""
    ctx = open_context(args)
    now = ctx.now()
    target = find_one(ctx.store, args.prospect)
    return ctx.store.update(target.id, lambda p: change(p, now))


def _contact_change(args: argparse.Namespace) -> Change:
    if args.remove is not None:
        return lambda p, now: actions.remove_contact(p, args.remove - 1, now)
    if not args.name:
        raise UserError("give the contact's name (or --remove N)")
    contact = Contact(
        name=args.name, role=_parsed(role_from_word, args.role), title=args.title,
        email=args.email, phone=args.phone, birthday=_parsed(parse_yearly, args.birthday),
        preferred_channel=args.prefers,
    )  # fmt: skip
    if args.replace is not None:
        return lambda p, now: actions.replace_contact(p, args.replace - 1, contact, now)
    return lambda p, now: actions.add_contact(p, contact, now)


def cmd_contact(args: argparse.Namespace) -> int:
    saved = _update(args, _contact_change(args))
    print(f"{saved.name}: {len(saved.contacts)} contacts")
    return 0


def _meeting_change(args: argparse.Namespace) -> Change:
    if args.remove is not None:
        return lambda p, now: actions.remove_meeting(p, args.remove - 1, now)
    if not args.date:
        raise UserError("give the meeting's date (or --remove N)")
    time = _parsed(parse_clock, args.time)

    def book(p: Prospect, now: datetime) -> Prospect:
        meeting = Meeting(date=parse_day(args.date, now.date()), time=time, title=args.title,
                          contact=args.with_)  # fmt: skip
        return actions.add_meeting(p, meeting, now)

    return book


def cmd_meeting(args: argparse.Namespace) -> int:
    saved = _update(args, _meeting_change(args))
    print(f"{saved.name}: {len(saved.meetings)} meetings")
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    def change(p: Prospect, now: datetime) -> Prospect:
        old = p.penetration
        objections = tuple(
            Objection(o.partition("=>")[0].strip(), o.partition("=>")[2].strip())
            for o in args.objection
        )
        plan = PenetrationPlan(
            approval_chain=tuple(args.chain) or old.approval_chain,
            needs=tuple(args.need) or old.needs,
            objections=objections or old.objections,
            risks=tuple(args.risk) or old.risks,
        )
        return actions.set_account_plan(p, plan, now)

    saved = _update(args, change)
    print(f"account plan of {saved.name} saved")
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

    contact = command("contact", "add, replace (--replace N) or remove (--remove N) a contact")
    contact.add_argument("prospect", help="id or part of the name")
    contact.add_argument("name", nargs="?")
    contact.add_argument("--role", default="other")
    for flag in ("title", "email", "phone", "birthday", "prefers"):
        contact.add_argument(f"--{flag}", default="")
    contact.add_argument("--replace", type=int, metavar="N")
    contact.add_argument("--remove", type=int, metavar="N")

    meeting = command("meeting", "book a meeting, or remove one (--remove N)")
    meeting.add_argument("prospect", help="id or part of the name")
    meeting.add_argument("date", nargs="?")
    meeting.add_argument("--time", default="")
    meeting.add_argument("--title", default="")
    meeting.add_argument("--with", dest="with_", default="", metavar="CONTACT")
    meeting.add_argument("--remove", type=int, metavar="N")

    plan = command("plan", "set parts of the account-penetration plan (each repeatable)")
    plan.add_argument("prospect", help="id or part of the name")
    for flag in ("chain", "need", "objection", "risk"):
        plan.add_argument(f"--{flag}", action="append", default=[])
