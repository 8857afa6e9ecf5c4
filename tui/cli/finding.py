"""`leadline search TEXT` and `leadline dupes`: find prospects by anything, and the
prospects that look like one another (core's `rules.search` and `rules.dupes`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any

from leadline.tui.cli.commands import _emit
from leadline.tui.cli.support import UserError, how_many, open_context
from leadline.tui.text.fmt import day_text, fit
from leadline.tui.text.labels import stage_label


def add_parsers(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    search = command("search", "find prospects by company, contact, e-mail, phone or note text")
    search.add_argument("text", nargs="+", help="words to find (case and accents ignored)")
    search.add_argument("--limit", type=how_many, default=None, metavar="N", help="show at most N")
    search.add_argument("--json", action="store_true", help="print JSON instead of text")
    dupes = command("dupes", "list prospects that look like the same company")
    dupes.add_argument("--json", action="store_true", help="print JSON instead of text")


def cmd_search(args: argparse.Namespace) -> int:
    from leadline.core.rules.search import search, searchable  # noqa: PLC0415

    ctx = open_context(args)
    text = " ".join(args.text)
    if not text.strip():
        raise UserError("give a word to find (a name, an e-mail, a phone, a note's words)")
    # Notes' and touches' text and titles are in no summary: each document is decoded in
    # turn and let go (`Store.scan`), only the hits' prospects are kept.
    hits = search((searchable(p) for p in ctx.store.scan()), text, args.limit)
    if args.json:
        _emit([_hit_doc(hit) for hit in hits])
        return 0
    if not hits:
        print(f"No prospect matches {text!r}.")
        return 0
    for hit in hits:
        p, best = hit.prospect, hit.best
        print(f"{p.id}  {fit(p.name, 30)} {fit(stage_label(ctx.config, p.stage), 16)} "
              f"{best.field}: {best.snippet}")  # fmt: skip
        for also in hit.matches[1:]:
            print(f"{'':58}{also.field}: {also.snippet}")
    return 0


def _hit_doc(hit: Any) -> dict[str, Any]:
    p = hit.prospect
    matches = [{"field": str(m.field), "text": m.text, "snippet": m.snippet} for m in hit.matches]
    return {"id": p.id, "name": p.name, "stage": p.stage, "matches": matches}


def cmd_dupes(args: argparse.Namespace) -> int:
    from leadline.core.rules.dupes import likely_duplicates  # noqa: PLC0415
    from leadline.tui.text import dupe_words  # noqa: PLC0415

    ctx = open_context(args)
    # names, e-mails, phones, added days: in summaries
    groups = likely_duplicates(ctx.store.summaries(), ctx.store.folded_names())
    if args.json:
        _emit([_group_doc(g, dupe_words) for g in groups])
        return 0
    if not groups:
        print("No likely duplicates.")
        return 0
    noun = "group" if len(groups) == 1 else "groups"
    print(f"{len(groups)} {noun} of prospects that look alike (the oldest first):")
    for g in groups:
        keep = g.prospects[0]
        print(f"\n{keep.name}: {dupe_words.reasons_text(g.reasons)}")
        for p in g.prospects:
            print(f"  {p.id}  {fit(p.name, 30)} {fit(stage_label(ctx.config, p.stage), 16)} "
                  f"added {day_text(p.created)}")  # fmt: skip
        for other in g.prospects[1:]:
            print(f"  merge: {dupe_words.merge_command(keep, other)}")
    return 0


def _group_doc(g: Any, dupe_words: Any) -> dict[str, Any]:
    keep, others = g.prospects[0], g.prospects[1:]
    return {
        "prospects": [{"id": p.id, "name": p.name, "stage": p.stage} for p in g.prospects],
        "reasons": [{"likeness": str(r.likeness), "value": r.shown} for r in g.reasons],
        "merge": [dupe_words.merge_command(keep, other) for other in others],
    }


def duplicate_warnings(found: Sequence[Any], new: Any) -> list[str]:
    """The lines `leadline add` prints when `new` looks like stored prospects."""
    from leadline.tui.text import dupe_words  # noqa: PLC0415

    lines = []
    for other, reasons in found:
        lines.append(f"warning: {dupe_words.looks_like(other, reasons)} [{other.id}]")
        lines.append(f"  if it is the same, join them: {dupe_words.merge_command(other, new)}")
    return lines
