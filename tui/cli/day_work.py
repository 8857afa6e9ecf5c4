"""The day's small changes from the command line: a note (typed, piped or written in
$EDITOR), the checklist (`tick`) and the follow-up and account plan (`plan`). Each
parses, calls one core action and says what it did."""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from leadline.core import actions
from leadline.core.config.model import Config
from leadline.core.folding import fold
from leadline.core.models import Objection, PenetrationPlan, Prospect
from leadline.core.rules.reach import plan_contact
from leadline.tui.cli.people import which_contact
from leadline.tui.cli.support import UserError, find_one, open_context
from leadline.tui.editor import EditorError, edit_text


def _note_text(args: argparse.Namespace) -> str | None:
    """The note to save: the argument, stdin for `-`, or what was written in $EDITOR."""
    if args.text == "-":
        return sys.stdin.read()
    if not args.edit:
        if args.text is None:
            raise UserError("give the note's text, - to read it from stdin, or --edit")
        return str(args.text)
    start = args.text or ""
    try:
        written = edit_text(start)
    except EditorError as error:
        raise UserError(f"{error}; no note saved") from None
    return None if written.strip() == start.strip() else written


def cmd_note(args: argparse.Namespace) -> int:
    text = _note_text(args)
    if text is None or not text.strip():
        what = "nothing was written" if args.edit or text is None else "the note is empty"
        print(f"{what}: no note saved")
        return 0
    ctx = open_context(args)
    target = find_one(ctx.store, args.prospect)
    saved = ctx.store.update(target.id, lambda p: actions.note(p, text.strip(), ctx.now()))
    print(f"noted on {saved.name} ({saved.id})")
    return 0


def checklist_words(config: Config) -> list[str]:
    """Every item a user may tick, as the TUI's checklist names them."""
    items = list(config.qualification)
    for stage in config.stages:
        items += [i for i in stage.entry_criteria if i not in items]
    return items


def match_item(items: list[str], word: str) -> str:
    """The checklist item `word` names: whole, by its start or by a part of it (case and
    accents ignored); a user error listing the items when it names none or several."""
    wanted = fold(word.strip())
    tests: list[Callable[[str], bool]] = [
        lambda i: fold(i) == wanted, lambda i: fold(i).startswith(wanted),
        lambda i: wanted in fold(i),
    ]  # fmt: skip
    for test in tests:
        found = [item for item in items if test(item)]
        if len(found) == 1:
            return found[0]
        if found:
            raise UserError(f"{word!r} matches {len(found)} checklist items: {'; '.join(found)}")
    close = difflib.get_close_matches(word, items, n=1, cutoff=0.5)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    raise UserError(f"no checklist item {word!r}{hint} (the checklist: {'; '.join(items)})")


def ticks_of(config: Config, ticked: list[str], unticked: list[str]) -> dict[str, bool]:
    """Typed item names -> the checklist's own names, ticked or not."""
    items = checklist_words(config)
    ticks = {match_item(items, word): True for word in ticked}
    return ticks | {match_item(items, word): False for word in unticked}


def cmd_tick(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    now = ctx.now()
    flag = not args.untick
    ticks = {item: flag for item in ticks_of(ctx.config, args.items, [])}
    edit = actions.ProspectEdit(ticks=ticks)
    target = find_one(ctx.store, args.prospect)
    saved = ctx.store.update(
        target.id, lambda p: actions.edit_fields(p, edit, ctx.config, now.date(), now)
    )
    done = "ticked" if flag else "unticked"
    print(f"{saved.name}: {done} {'; '.join(ticks)}")
    return 0


def _follow_up_edit(args: argparse.Namespace) -> actions.ProspectEdit:
    given: dict[str, Any] = {}
    if args.interval is not None:
        if args.interval < 0:
            raise UserError("--interval is a number of days (0: the stage's default)")
        given["interval_days"] = args.interval or None
    if args.channel is not None:
        given["channel"] = args.channel.strip()
    if args.agreed is not None:
        given["agreed"] = args.agreed
    return actions.ProspectEdit(**given)


def _account_plan(args: argparse.Namespace, old: PenetrationPlan) -> PenetrationPlan:
    objections = tuple(
        Objection(o.partition("=>")[0].strip(), o.partition("=>")[2].strip())
        for o in args.objection
    )
    return PenetrationPlan(
        approval_chain=tuple(args.chain) or old.approval_chain,
        needs=tuple(args.need) or old.needs,
        objections=objections or old.objections,
        risks=tuple(args.risk) or old.risks,
    )


def cmd_plan(args: argparse.Namespace) -> int:
    follow_up = _follow_up_edit(args)
    account = any((args.chain, args.need, args.objection, args.risk))
    if not follow_up.changed() and not account and args.contact is None:
        raise UserError("nothing to change: give --interval, --channel, --agreed, --contact "
                        "or a part of the account plan (leadline plan --help)")  # fmt: skip
    ctx = open_context(args)
    target = find_one(ctx.store, args.prospect)
    if args.contact is not None:
        who = args.contact.strip()
        name = target.contacts[which_contact(target, who)].name if who else ""
        follow_up = replace(follow_up, plan_contact=name)

    def change(p: Prospect, now: datetime) -> Prospect:
        if follow_up.changed():
            p = actions.edit_fields(p, follow_up, ctx.config, now.date(), now)
        if account:
            p = actions.set_account_plan(p, _account_plan(args, p.penetration), now)
        return p

    now = ctx.now()
    saved = ctx.store.update(target.id, lambda p: change(p, now))
    plan = saved.plan
    every = f"every {plan.interval_days} days" if plan.interval_days else "the stage's interval"
    agreed = "agreed with the customer" if plan.agreed else "not agreed"
    person = plan_contact(saved)
    who = f" with {person.name}" if person else ""
    print(f"plan of {saved.name}: {every} by {plan.channel or 'any channel'}{who}, {agreed}")
    return 0


def add_parsers(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """The arguments of note, tick and plan."""
    note = command("note", "add a timestamped note: TEXT, - (read stdin) or --edit ($EDITOR)")
    note.add_argument("prospect", help="id or part of the name")
    note.add_argument("text", nargs="?", help="the note; - reads it from stdin")
    note.add_argument("--edit", action="store_true",
                      help="write the note in $VISUAL or $EDITOR (vi)")  # fmt: skip

    tick = command("tick", "tick qualification checklist items (or --untick them)")
    tick.add_argument("prospect", help="id or part of the name")
    tick.add_argument("items", nargs="+", metavar="ITEM",
                      help="a checklist item, whole or a part of it ('budget')")  # fmt: skip
    tick.add_argument("--untick", action="store_true", help="untick the items instead")

    plan = command("plan", "the follow-up plan (interval, channel, agreed) and account plan")
    plan.add_argument("prospect", help="id or part of the name")
    plan.add_argument("--interval", type=int, metavar="DAYS",
                      help="days between follow-ups (0: the stage's default)")  # fmt: skip
    plan.add_argument("--channel", help="how to follow up: email, phone, ...")
    plan.add_argument("--agreed", action=argparse.BooleanOptionalAction,
                      help="the interval and channel are agreed with the customer")  # fmt: skip
    plan.add_argument("--contact", metavar="NAME",
                      help="whom follow-ups go to: a contact's name, number or e-mail "
                           "('': the decision maker)")  # fmt: skip
    for flag, what in (("chain", "a person in the approval chain"), ("need", "a need"),
                       ("objection", "an objection, 'objection => answer'"),
                       ("risk", "a risk")):  # fmt: skip
        plan.add_argument(f"--{flag}", action="append", default=[], help=f"{what} (repeatable)")
