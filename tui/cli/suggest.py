"""A "did you mean" for a misspelt command, subcommand, choice or option: one line.

argparse's own messages list every choice ("choose from 'demo', 'add', ...") and
never guess; these name the closest word instead, as the config loader does for keys.
"""

from __future__ import annotations

import argparse
import difflib
import re

_CHOICE = re.compile(r"argument (?P<arg>[^:]+): invalid choice: '(?P<word>[^']*)' \(choose from (?P<choices>.*)\)")  # fmt: skip  # noqa: E501


def closest(word: str, choices: list[str]) -> str | None:
    """The choice `word` was most likely meant to be, or None when none is close."""
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not found and len(word) >= 3:  # a start typed: "fun" for funnel
        found = [c for c in choices if c.startswith(word)][:1]
    return found[0] if found else None


def _hint(word: str, choices: list[str]) -> str:
    near = closest(word, choices)
    return f"; did you mean {near!r}?" if near else ""


def explain(message: str, parser: argparse.ArgumentParser) -> str:
    """argparse's `message` in one short line, with the closest word when one was misspelt."""
    found = _CHOICE.fullmatch(message)
    if found is None:
        return message
    word, arg = found["word"], found["arg"]
    choices = re.findall(r"'([^']*)'", found["choices"])
    if arg in ("COMMAND", "add|edit|remove"):
        visible = _visible_commands(parser) or choices
        what = "command" if arg == "COMMAND" else "action"
        near = _hint(word, visible) or f"; it is one of {', '.join(visible)}"
        if arg == "COMMAND" and not _hint(word, visible):
            near = ""  # --help lists them all
        return f"unknown {what} {word!r}{near}"
    return f"{arg} {word!r} is not one of {', '.join(choices)}{_hint(word, choices)}"


def _visible_commands(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:  # noqa: SLF001 - argparse keeps its subcommands here
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            return [a.dest for a in action._choices_actions]  # noqa: SLF001
    return []


def unknown_arguments(extras: list[str], parser: argparse.ArgumentParser) -> str:
    """ "unrecognized arguments" said with the option meant, for the command's parser."""
    options = [s for a in parser._actions for s in a.option_strings]  # noqa: SLF001
    first = extras[0]
    if first.startswith("-"):
        typed = first.partition("=")[0]
        return f"unknown option {typed}{_hint(typed, options)}"
    return f"unexpected argument {first!r}"


def subcommand_parser(parser: argparse.ArgumentParser, words: list[str]) -> argparse.ArgumentParser:
    """The innermost parser the chosen (sub)commands lead to."""
    for word in words:
        sub = next(
            (a for a in parser._actions if isinstance(a, argparse._SubParsersAction)),  # noqa: SLF001
            None,
        )
        if sub is not None and word in sub.choices:
            parser = sub.choices[word]
    return parser
