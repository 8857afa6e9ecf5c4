"""`leadline import` and `leadline export`: files in and out of other tools.

Import reads the whole file first, then writes every new and updated prospect
in one atomic save under the lock, so a bad row never leaves half an import.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from leadline.core.interop.importers.names import FORMATS
from leadline.core.paths import resolve_db
from leadline.tui.cli.failures import OutputError, io_reason
from leadline.tui.cli.support import (
    Context,
    UserError,
    check_stage,
    config_of,
    data_file_exists,
    open_context,
)

if TYPE_CHECKING:
    from datetime import date

    from leadline.core.config.model import Config
    from leadline.core.interop.importers import ImportResult
    from leadline.core.models import Prospect

# The readers and writers (and icalendar) load inside the two commands: every
# `leadline` command builds this parser, and `leadline queue` should not pay for them.

EXPORT_FORMATS = ("csv", "json", "ics")
SHOWN = 20
"""Problem lines shown before the rest are summed up, so a big file's report stays readable."""


def add_parsers(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """Register the import and export sub-commands."""
    imp = command("import", "import prospects from a CSV or JSON file (Pipedrive, HubSpot, ...)")
    imp.add_argument("file", help="the file to read")
    imp.add_argument("--format", default="auto", choices=FORMATS, help="default: detect")
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COL=FIELD",
        help="read column COL as FIELD (repeatable), e.g. --map 'Firma=name'",
    )
    imp.add_argument("--dry-run", action="store_true", help="show what would happen, save nothing")
    imp.add_argument(
        "--all-problems", action="store_true", help=f"list every skipped row (default: {SHOWN})"
    )

    exp = command("export", "export prospects as CSV, JSON or iCalendar")
    exp.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    exp.add_argument("-o", "--output", metavar="FILE", help="default: standard output")
    exp.add_argument("--stage", help="only this stage or outcome")
    exp.add_argument(
        "--raw-cells",
        action="store_true",
        help="CSV: write text cells exactly as stored, without the apostrophe that stops a "
        "spreadsheet running a cell starting with = + - @ as a formula",
    )


def _mapping(pairs: Sequence[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        column, sep, field = pair.partition("=")
        if not sep or not column.strip() or not field.strip():
            raise UserError(f"--map wants COLUMN=FIELD, got {pair!r}")
        mapping[column.strip()] = field.strip()
    return mapping


def _progress_bar(out: TextIO) -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        share = done / total if total else 1.0
        bar = "█" * int(share * 30)
        out.write(f"\rimporting {bar:<30} {done:>7}/{total} rows")
        if done >= total:
            out.write("\n")
        out.flush()

    return show


def _summary(result: ImportResult, path: Path, dry_run: bool) -> str:
    verb = "would import" if dry_run else "imported"
    lines = [
        f"{path.name} ({result.format}): {result.rows_read} rows read; {verb} "
        f"{len(result.new)} new, {len(result.updated)} updated, {result.unchanged} unchanged, "
        f"{len(result.rejected_lines)} rows skipped"
    ]
    lines += [f"warning: {w}" for w in result.warnings]
    if result.unmapped_stages:
        listed = ", ".join(f"{name!r} ({n} rows)" for name, n in result.unmapped_stages.items())
        lines.append(
            f"unmapped stages: {listed}; map them under stage_mapping in the config or with --map"
        )
    return "\n".join(lines)


def cmd_import(args: argparse.Namespace) -> int:
    from leadline.core.interop.importers import ImportFileError, MappingError, read_import  # noqa: PLC0415

    path = Path(args.file)
    if not path.is_file():  # before the data file is made: a typo makes nothing
        raise UserError(f"no such file: {path}")
    # A dry run saves nothing, not even a new data file: with none yet, it compares with none.
    nothing_yet = args.dry_run and not data_file_exists(resolve_db(getattr(args, "db", None)))
    ctx = None if nothing_yet else open_context(args, create=True)
    config = ctx.config if ctx else config_of(args)
    mapping = _mapping(args.map)
    progress = _progress_bar(sys.stderr) if sys.stderr.isatty() else None
    found: list[ImportResult] = []
    stored: list[list[Prospect]] = []
    try:  # the slow part, outside the lock: other processes keep saving meanwhile
        pending = read_import(path, config, fmt=args.format, mapping=mapping or None,
                              today=Context.now().date(), progress=progress)  # fmt: skip
    except (ImportFileError, MappingError) as error:
        raise UserError(str(error)) from None

    def settle(existing: list[Prospect]) -> list[Prospect]:
        # `existing` are summaries: only the prospects rows match are decoded whole
        found.append(pending.settle(existing, ctx.store.get if ctx else None))
        stored.append(existing)
        return [] if args.dry_run else [*found[-1].updated, *found[-1].new]

    if ctx is None or args.dry_run:
        settle(ctx.store.summaries() if ctx else [])
    else:
        ctx.store.batch(settle)  # under the lock: match against the file as it is now, save
    result = found[-1]
    shown = result.problems if args.all_problems else result.problems[:SHOWN]
    for problem in shown:
        print(f"{path}: {problem}", file=sys.stderr)
    if len(shown) < len(result.problems):
        more = len(result.problems) - len(shown)
        print(f"{path}: … and {more} more problems (--all-problems lists them)", file=sys.stderr)
    print(_summary(result, path, args.dry_run))
    if ctx is not None:  # none for a dry run without a data file: nothing to look like
        _note_duplicates(result.new, stored[-1], ctx.store.folded_names())
    return 0


def _note_duplicates(
    new: list[Prospect], existing: list[Prospect], folded: Callable[[Prospect], str]
) -> None:
    """Imported all the same; say how many look like stored prospects (after the lock)."""
    from leadline.core.rules.dupes import like_existing  # noqa: PLC0415
    from leadline.tui.text.dupe_words import import_note  # noqa: PLC0415

    note = import_note(len(like_existing(new, existing, folded)))
    if note:
        print(note)


def cmd_export(args: argparse.Namespace) -> int:
    from leadline.core.interop.exporters import ExportError  # noqa: PLC0415

    if args.raw_cells and args.format != "csv":
        raise UserError("--raw-cells is for --format csv")
    ctx = open_context(args)
    prospects = ctx.store.prospects()
    if args.stage:
        stage = check_stage(ctx.config, args.stage)
        prospects = [p for p in prospects if p.stage == stage]
    try:
        count = _write_export(args, ctx.config, prospects, ctx.now().date())
    except ExportError as error:  # the -o file: a missing folder, a link, a full disk, ...
        raise UserError(str(error)) from None
    except BrokenPipeError:
        raise
    except OSError as error:  # standard output (ics), say a full disk behind a shell's `>`
        raise OutputError(io_reason(error)) from None
    if args.output:
        print(f"exported {count} prospects to {args.output}", file=sys.stderr)
    return 0


def _write_export(
    args: argparse.Namespace, config: Config, prospects: list[Prospect], today: date
) -> int:
    """Write the export to `-o` (all or nothing, 0600) or standard output; the count."""
    from leadline.core.interop.exporters import export_csv, export_ics, export_json, open_private  # noqa: PLC0415

    if args.format == "ics":
        payload = export_ics(prospects, config, today)
        if args.output:
            with open_private(Path(args.output), binary=True) as out:
                out.write(payload)
        else:
            sys.stdout.buffer.write(payload)
            sys.stdout.buffer.flush()
        return len(prospects)

    def write(out: TextIO) -> int:
        if args.format == "json":
            return export_json(prospects, out)
        return export_csv(prospects, out, guard=not args.raw_cells)

    if not args.output:
        count = write(sys.stdout)
        sys.stdout.flush()  # a failure shows here, not as a message at exit
        return count
    with open_private(Path(args.output)) as out:
        return write(cast(TextIO, out))
