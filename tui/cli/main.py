"""The `leadline` command: argument parsing, error handling and exit codes.

Exit codes: 0 success, 1 a user error (one line saying why, an unusable
`-o` file included), 2 bad configuration or data file, or a data file that
cannot be read or saved (a full disk, a read-only file system): one line
naming the file, never a traceback. Plain commands never import Textual, so
`leadline queue` starts fast; only `leadline` and `leadline demo` load the TUI.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from leadline.core.actions import Refused
from leadline.core.config.loader import ConfigError
from leadline.core.paths import resolve_db
from leadline.core.store.facade import DataFileError, StoreLocked
from leadline.tui.cli import (
    acting,
    commands,
    completion,
    day_work,
    editing,
    finding,
    people,
    recovering,
    restoring,
    suggest,
)
from leadline.tui.cli import changes as cli_changes
from leadline.tui.cli import interop as cli_interop
from leadline.tui.cli.failures import GuardedOutput, OutputError, describe_io_failure
from leadline.tui.cli.support import DataPathError, MissingDataFile, UserError
from leadline.tui.text.safe import SafeStream


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake on the command line is a user error: one line, status 1."""

    def error(self, message: str) -> NoReturn:
        self.exit(1, f"{self.prog}: {suggest.explain(message, self)} (see {self.prog} --help)\n")


def _common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--db", metavar="PATH", default=default, help="data file (env LEADLINE_DB)")
    parser.add_argument(
        "--config", metavar="PATH", default=default, help="YAML config (env LEADLINE_CONFIG)"
    )


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def _today_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", metavar="DATE", help="pretend today is this date")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return version("leadline")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "(not installed)"


class _Version(argparse.Action):
    """--version, looking the version up only when asked (it costs a tenth of `queue`)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> NoReturn:
        print(f"leadline {_version()}")
        parser.exit(0)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="leadline",
        description="Keyboard-first pipeline manager. With no command, opens the TUI.",
    )
    _common(parser, top=True)
    parser.add_argument("--no-mouse", action="store_true", help="TUI: ignore the mouse")
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        child = sub.add_parser(name, help=help_text, description=help_text)
        _common(child, top=False)
        return child

    demo = command("demo", "open the TUI on a fresh temporary copy of the sample pipeline")
    demo.add_argument(
        "--no-mouse", action="store_true", default=argparse.SUPPRESS, help="ignore the mouse"
    )

    acting.add_parsers(command)
    editing.add_parsers(command)
    day_work.add_parsers(command)
    people.add_parsers(command)
    completion.add_parsers(command, sub, parser)

    show = command("show", "show everything about one prospect")
    show.add_argument("prospect", help="id or part of the name")
    _json_flag(show)
    _today_flag(show)

    listing = command("list", "list prospects")
    listing.add_argument("--stage", help="only this stage or outcome")
    _json_flag(listing)

    command("check", "validate the config and the data file")

    queue = command("queue", "today's follow-up queue")
    _json_flag(queue)
    _today_flag(queue)

    funnel = command("funnel", "the funnel, quota and advice")
    _json_flag(funnel)
    _today_flag(funnel)

    warnings = command("warnings", "follow-up sins and account-penetration warnings")
    warnings.add_argument("prospect", nargs="?", help="id or part of the name (default: all)")
    _json_flag(warnings)
    _today_flag(warnings)

    cli_interop.add_parsers(command)
    restoring.add_parsers(command)
    recovering.add_parsers(command)
    finding.add_parsers(command)
    cli_changes.add_parsers(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `leadline` console script."""
    parser = build_parser()
    args, extras = parser.parse_known_args(argv)
    if extras:  # an option misspelt: name the one meant
        words = list(sys.argv[1:] if argv is None else argv)
        chosen = suggest.subcommand_parser(parser, words)
        chosen.error(suggest.unknown_arguments(extras, chosen))
    name = f"cmd_{(args.command or 'tui').replace('-', '_')}"
    modules = (commands, acting, editing, day_work, people, completion, cli_interop, restoring,
               cli_changes, finding, recovering)  # fmt: skip
    handler = next(getattr(m, name) for m in modules if hasattr(m, name))
    if name in ("cmd_tui", "cmd_demo"):  # Textual draws the screen itself
        return _run(handler, args)
    # Everything a command prints is plain text; a control character in it came from
    # the data (a name, a note, an imported cell) and must not drive the terminal.
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = GuardedOutput(SafeStream(out)), SafeStream(err)
    try:
        return _run(handler, args)
    finally:
        sys.stdout, sys.stderr = out, err


def _run(handler: Callable[[argparse.Namespace], int | None], args: argparse.Namespace) -> int:
    """Run one command; a known failure is one line on stderr and an exit status."""
    try:
        status = int(handler(args) or 0)
        sys.stdout.flush()  # a failure to write the output shows here, not at exit
        return status
    except UserError as error:
        print(f"leadline: {error}", file=sys.stderr)
        return 1
    except Refused as error:  # a core action said no, and why
        print(f"leadline: {error}", file=sys.stderr)
        return 1
    except StoreLocked as error:
        print(f"leadline: {error}", file=sys.stderr)
        return 1
    except ConfigError as error:
        print(str(error), file=sys.stderr)
        return 2
    except DataFileError as error:
        print(f"leadline: {error}", file=sys.stderr)
        return 2
    except MissingDataFile as error:  # a mistyped --db is not an empty pipeline
        print(f"leadline: {error}", file=sys.stderr)
        return 2
    except DataPathError as error:
        print(f"leadline: {error}; nothing was changed", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OutputError as error:  # the command may have worked: say only what failed
        print(f"leadline: cannot write the output: {error}", file=sys.stderr)
        return 1
    except OSError as error:  # the data file could not be read or saved
        data_file = resolve_db(getattr(args, "db", None))
        print(f"leadline: {describe_io_failure(error, data_file)}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
