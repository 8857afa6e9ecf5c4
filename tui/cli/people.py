"""Contacts and meetings from the command line:

    leadline contact add PROSPECT NAME [--role "decision maker"] [--email ...]
    leadline contact edit PROSPECT WHO [--name ...] [--phone ...]   (only the flags given)
    leadline contact remove PROSPECT WHO
    leadline meeting [add] PROSPECT DATE [--time 10:00] [--title ...] [--with NAME]
    leadline meeting PROSPECT --remove N

WHO is the contact's number in `leadline show` (1 is the first), or their name or
e-mail, whole or a part of it. Each calls one core action.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from leadline.core import actions
from leadline.core.dates import parse_clock, parse_yearly
from leadline.core.folding import fold
from leadline.core.models import Contact, Meeting, Prospect
from leadline.tui.cli.support import Context, UserError, find_one, open_context
from leadline.tui.text.fmt import day_text
from leadline.tui.text.labels import role_from_word

_CONTACT_FIELDS = ("name", "role", "title", "email", "phone", "birthday", "prefers")


def _parsed(parse: Callable[..., Any], *args: Any) -> Any:
    try:
        return parse(*args)
    except ValueError as error:
        raise UserError(str(error)) from None


def which_contact(p: Prospect, who: str) -> int:
    """The position (0-based) of the contact `who` names: a number as `show` counts,
    or the name or e-mail, whole or a part of it (case and accents ignored)."""
    if who.strip().isdigit():
        number = int(who)
        if not 1 <= number <= len(p.contacts):
            raise UserError(f"{p.name} has {len(p.contacts)} contacts; there is no number {number}")
        return number - 1
    wanted = fold(who.strip())
    keys = [(fold(c.name), fold(c.email)) for c in p.contacts]
    for whole in (True, False):  # a whole name or e-mail first, then a part of one
        found = [
            i for i, (name, email) in enumerate(keys)
            if (wanted in (name, email) if whole else wanted in name or wanted in email)
        ]  # fmt: skip
        if len(found) == 1:
            return found[0]
        if found:
            names = "; ".join(f"{i + 1} {p.contacts[i].name}" for i in found)
            raise UserError(f"{who!r} matches {len(found)} contacts of {p.name}: {names}")
    listed = "; ".join(f"{i + 1} {c.name}" for i, c in enumerate(p.contacts)) or "none yet"
    raise UserError(f"no contact {who!r} at {p.name} (contacts: {listed})")


def _contact_fields(args: argparse.Namespace, order: str) -> dict[str, Any]:
    """The contact's fields the flags give (a flag left out: not in the result)."""
    given = {f: getattr(args, f) for f in _CONTACT_FIELDS if getattr(args, f, None) is not None}
    if "role" in given:
        given["role"] = _parsed(role_from_word, given["role"])
    if "birthday" in given:
        given["birthday"] = _parsed(lambda t: parse_yearly(t, order=order), given["birthday"])
    if "prefers" in given:
        given["preferred_channel"] = given.pop("prefers")
    return given


def _count(items: tuple[object, ...], noun: str) -> str:
    return f"1 {noun}" if len(items) == 1 else f"{len(items)} {noun}s"


def _save(ctx: Context, query: str, change: Callable[[Prospect, datetime], Prospect]) -> Prospect:
    target = find_one(ctx.store, query)
    now = ctx.now()
    return ctx.store.update(target.id, lambda p: change(p, now))


def cmd_contact(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    if args.action == "add":
        contact = Contact(**_contact_fields(args, ctx.config.dates.order))
        saved = _save(ctx, args.prospect, lambda p, now: actions.add_contact(p, contact, now))
        print(f"{saved.name}: added {contact.name.strip()} ({_count(saved.contacts, 'contact')})")
        return 0
    target = find_one(ctx.store, args.prospect)
    index = which_contact(target, args.who)
    was = target.contacts[index]
    if args.action == "remove":
        saved = _save(ctx, target.id, lambda p, now: actions.remove_contact(p, index, now, was))
        print(f"{saved.name}: removed {was.name} ({_count(saved.contacts, 'contact')})")
        return 0
    fields = _contact_fields(args, ctx.config.dates.order)
    if not fields:
        raise UserError("nothing to change: give --name, --role, --email, ... (--help)")
    new = replace(was, **fields)
    saved = _save(ctx, target.id,
                  lambda p, now: actions.replace_contact(p, index, new, now, was))  # fmt: skip
    print(f"{saved.name}: saved {new.name.strip()}")
    return 0


def cmd_meeting(args: argparse.Namespace) -> int:
    words = list(args.words)
    if words[:1] in (["add"], ["book"]) and len(words) > 1:
        words = words[1:]
    if len(words) > 2:
        raise UserError("give the prospect and the meeting's date (leadline meeting --help)")
    prospect, date_text = words[0], (words[1] if len(words) > 1 else "")
    ctx = open_context(args)
    if args.remove is not None:
        saved = _save(ctx, prospect, lambda p, now: actions.remove_meeting(p, args.remove - 1, now))
        print(f"{saved.name}: meeting {args.remove} removed ({_count(saved.meetings, 'meeting')})")
        return 0
    if not date_text:
        raise UserError("give the meeting's date (or --remove N)")
    day = ctx.day(date_text)
    meeting = Meeting(date=day, time=_parsed(parse_clock, args.time), title=args.title,
                      contact=args.with_)  # fmt: skip
    saved = _save(ctx, prospect, lambda p, now: actions.add_meeting(p, meeting, now))
    print(f"{saved.name}: meeting booked {day_text(day)} ({_count(saved.meetings, 'meeting')})")
    return 0


def _contact_flags(parser: argparse.ArgumentParser, *, role_default: str | None) -> None:
    _where(parser)
    parser.add_argument("--role", default=role_default,
                        help="decision maker, influencer, coach, gatekeeper, other")  # fmt: skip
    for flag in ("title", "email", "phone"):
        parser.add_argument(f"--{flag}")
    parser.add_argument("--birthday", metavar="DATE", help="with its year: 24 nov 1980")
    parser.add_argument("--prefers", metavar="CHANNEL", help="the channel they prefer")


def _where(parser: argparse.ArgumentParser) -> None:
    """--db and --config after a subcommand too, as after every command."""
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="data file")
    parser.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS, help="YAML config")


def add_parsers(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """contact add|edit|remove, and meeting."""
    contact = command("contact", "add, edit or remove a prospect's contact")
    steps = contact.add_subparsers(dest="action", metavar="add|edit|remove", required=True,
                                   parser_class=type(contact))  # fmt: skip
    add = steps.add_parser("add", help="add a contact", description="add a contact")
    add.add_argument("prospect", help="id or part of the name")
    add.add_argument("name", help="the contact's name")
    _contact_flags(add, role_default="other")
    edit = steps.add_parser("edit", help="change a contact (only the flags given)")
    edit.add_argument("prospect", help="id or part of the name")
    edit.add_argument("who", help="number in leadline show, or name or e-mail")
    edit.add_argument("--name")
    _contact_flags(edit, role_default=None)
    remove = steps.add_parser("remove", help="remove a contact")
    remove.add_argument("prospect", help="id or part of the name")
    remove.add_argument("who", help="number in leadline show, or name or e-mail")
    _where(remove)

    meeting = command("meeting", "book a meeting: meeting [add] PROSPECT DATE; --remove N")
    meeting.add_argument("words", nargs="+", metavar="[add] PROSPECT DATE")
    meeting.add_argument("--time", default="", help="HH:MM")
    meeting.add_argument("--title", default="", help="what it is, e.g. Demo for the board")
    meeting.add_argument("--with", dest="with_", default="", metavar="CONTACT")
    meeting.add_argument("--remove", type=int, metavar="N", help="remove meeting N instead")
