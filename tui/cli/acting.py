"""The commands that change a prospect's follow-up and stage: each parses, calls one
core action (`leadline.core.actions`), saves through the store and says what it did."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from leadline.core import actions
from leadline.core.dates import DATE_HINT
from leadline.core.models import Outcome, Prospect, TouchOutcome
from leadline.core.rules.stop_following import evaluate_stop_following
from leadline.tui.cli.day_work import ticks_of
from leadline.tui.cli.support import (
    Context,
    UserError,
    check_stage,
    config_of,
    find_one,
    open_context,
    parse_day,
)
from leadline.tui.text.feedback import reason_line
from leadline.tui.text.fmt import day_label
from leadline.tui.text.labels import role_from_word, stage_label
from leadline.tui.text.words import stop_reason


def _save(ctx: Context, query: str, change: Callable[[Prospect], Prospect]) -> Prospect:
    target = find_one(ctx.store, query)
    return ctx.store.update(target.id, change)


def _next(ctx: Context, saved: Prospect) -> str:
    return day_label(saved.plan.next_due, ctx.now().date())


def cmd_add(args: argparse.Namespace) -> int:
    config, now = config_of(args), Context.now()
    try:
        role = role_from_word(args.role)
    except ValueError as error:
        raise UserError(str(error)) from None
    new = actions.NewProspect(
        name=args.name,
        stage=check_stage(config, args.stage) if args.stage else None,
        value=args.value,
        contact=args.contact or "",
        role=role,
        email=args.email,
        phone=args.phone,
        qualification=ticks_of(config, args.tick, []),
        first_day=parse_day(args.date, now.date(), past=True, order=config.dates.order),
    )
    draft = actions.add_prospect(new, config, now)  # refused before a data file is made
    ctx = open_context(args, create=True)
    saved = ctx.store.add(draft)
    print(saved.id)
    _warn_if_duplicate(ctx, saved)
    return 0


def _warn_if_duplicate(ctx: Context, saved: Prospect) -> None:
    """Added all the same (two companies may share a name), but say what it looks like
    and how to join them, on stderr so that stdout stays the new id."""
    from leadline.core.rules.dupes import looks_like  # noqa: PLC0415
    from leadline.tui.cli.finding import duplicate_warnings  # noqa: PLC0415

    # names, e-mails, phones: in summaries
    found = looks_like(saved, ctx.store.summaries(), ctx.store.folded_names())
    for line in duplicate_warnings(found, saved):
        print(line, file=sys.stderr)


def cmd_log(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    now = ctx.now()
    touch = actions.TouchInput(
        channel=args.channel,
        outcome=TouchOutcome(args.outcome),
        minutes=args.minutes,
        note=args.note,
        day=ctx.day(args.date, past=True),
        next_due=ctx.day(args.next) if args.next else None,
    )
    saved = _save(ctx, args.prospect, lambda p: actions.log_touch(p, touch, ctx.config, now))
    print(f"logged {touch.channel.strip()} ({touch.outcome}) on {saved.name}; "
          f"next follow-up {_next(ctx, saved)}")  # fmt: skip
    return 0


def cmd_move(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    now = ctx.now()
    stage = check_stage(ctx.config, args.stage)
    on = ctx.day(args.date, past=True)
    before = find_one(ctx.store, args.prospect)
    reason = args.reason or ""
    change = lambda p: actions.move(p, stage, ctx.config, on, now, reason)  # noqa: E731
    saved = _save(ctx, args.prospect, change)
    print(f"moved {saved.name} to {stage_label(ctx.config, saved.stage)}")
    if actions.asks_reason(stage):
        print(reason_line(saved.lost_reason, ctx.config.lost_reasons))
    if actions.opens_new_deal(before, saved):
        print(f"a new deal: set its value and close date (leadline edit {saved.id} "
              "--value 20k --close 2027-03-31)")  # fmt: skip
    return 0


def cmd_advance(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    now = ctx.now()
    saved = _save(ctx, args.prospect, lambda p: actions.advance(p, ctx.config, now.date(), now))
    print(f"moved {saved.name} to {stage_label(ctx.config, saved.stage)}")
    return 0


def cmd_snooze(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    saved = _save(ctx, args.prospect, lambda p: actions.snooze(p, args.days, ctx.config, ctx.now()))
    print(f"{saved.name}: next follow-up {_next(ctx, saved)}")
    return 0


def cmd_reschedule(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    day = ctx.day(args.date)
    saved = _save(ctx, args.prospect, lambda p: actions.reschedule(p, day, ctx.now()))
    print(f"{saved.name}: next follow-up {_next(ctx, saved)}")
    return 0


def cmd_stop(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    to = Outcome(args.to)

    def change(p: Prospect) -> Prospect:
        reason = args.reason
        if not reason:  # the same words the TUI's dialog keeps
            reason = stop_reason(evaluate_stop_following(p, ctx.config, ctx.now().date()))
        return actions.stop_following(p, to, reason, ctx.config, ctx.now())

    saved = _save(ctx, args.prospect, change)
    print(f"{saved.name}: now {stage_label(ctx.config, saved.stage)}")
    if to == Outcome.DEAD:
        print(reason_line(saved.lost_reason, ctx.config.lost_reasons))
    return 0


def add_parsers(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """The change commands' arguments."""
    date_help = f"e.g. {DATE_HINT}"
    add = command("add", "add a prospect and print its id")
    add.add_argument("name")
    add.add_argument("--stage", help="stage key or name (default: the first stage)")
    add.add_argument("--value", type=_amount, default=0.0, help="e.g. 12000, 12k, €12.500")
    add.add_argument("--contact", help="contact's name")
    add.add_argument("--role", default="other",
                     help="decision maker, influencer, coach, gatekeeper, other")  # fmt: skip
    add.add_argument("--email", default="")
    add.add_argument("--phone", default="")
    add.add_argument("--tick", action="append", default=[], metavar="ITEM",
                     help="a qualification checklist item that is met (repeatable)")  # fmt: skip
    add.add_argument("--date", metavar="DATE", help="first contact (default: today)")

    log = command("log", "record a touch (a follow-up attempt)")
    log.add_argument("prospect", help="id or part of the name")
    log.add_argument("--channel", required=True, help="email, phone, meeting, demo, ...")
    log.add_argument("--outcome", required=True,
                     choices=["replied", "asked-for-info", "no-response"],
                     help="asked-for-info: a reply that asks for something (due the next "
                          "working day); a card is always recorded as sent")  # fmt: skip
    log.add_argument("--date", metavar="DATE", help=f"when (default: today; {date_help})")
    log.add_argument("--next", metavar="DATE", help="next follow-up (default: by the plan)")
    log.add_argument("--minutes", type=int, default=0)
    log.add_argument("--note", default="", help="what was said")

    move = command("move", "move a prospect to a stage or outcome (won, lost, nurture, dead)")
    move.add_argument("prospect", help="id or part of the name")
    move.add_argument("stage")
    move.add_argument("--date", metavar="DATE", help="default: today")
    move.add_argument("--reason", help="why it was lost or dead: one of the config's "
                      "lost_reasons (price, timing, ...) or any words")  # fmt: skip

    advance = command("advance", "move a prospect to the next stage (won after the last)")
    advance.add_argument("prospect", help="id or part of the name")

    snooze = command("snooze", "put the next follow-up off by some days")
    snooze.add_argument("prospect", help="id or part of the name")
    snooze.add_argument("days", type=int, help="days from today")

    reschedule = command("reschedule", "set the next follow-up date")
    reschedule.add_argument("prospect", help="id or part of the name")
    reschedule.add_argument("date", help=date_help)

    stop = command("stop", "stop following: park in nurture or mark dead")
    stop.add_argument("prospect", help="id or part of the name")
    stop.add_argument("--to", choices=["nurture", "dead"], required=True)
    stop.add_argument("--reason", default="", help="why (default: the threshold crossed)")


def _amount(text: str) -> float:
    from leadline.core.money import parse_amount  # noqa: PLC0415

    try:
        return parse_amount(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
