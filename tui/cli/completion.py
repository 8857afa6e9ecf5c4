"""Shell completion: `leadline completion bash|zsh|fish` prints a script to source, and the
script asks the hidden `leadline __complete WORDS...` what may come next.

Hand-written rather than argcomplete: one small module, no dependency, the same answer
for the three shells, and prospect names come from the data file through the store
(never Textual): `leadline show Ac<Tab>` offers "Acme Ltd". Commands and options are
read from the parser itself, so a new command completes without a change here.

    eval "$(leadline completion bash)"          # ~/.bashrc
    source <(leadline completion zsh)           # ~/.zshrc, after compinit
    leadline completion fish | source           # ~/.config/fish/config.fish
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterable

from leadline.core.folding import fold
from leadline.core.paths import resolve_db

BASH = r"""_leadline() {
    local IFS=$'\n' i
    COMPREPLY=($(leadline __complete -- "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
    for i in "${!COMPREPLY[@]}"; do COMPREPLY[$i]=$(printf '%q' "${COMPREPLY[$i]}"); done
}
complete -F _leadline leadline
"""

ZSH = r"""#compdef leadline
_leadline() {
    local -a found
    found=("${(@f)$(leadline __complete -- "${(@)words[2,CURRENT]}" 2>/dev/null)}")
    compadd -- "${(@)found:#}"
}
compdef _leadline leadline
"""

FISH = r"""function __leadline_complete
    leadline __complete -- (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null
end
complete -c leadline -f -a '(__leadline_complete)'
"""

SCRIPTS = {"bash": BASH, "zsh": ZSH, "fish": FISH}


def cmd_completion(args: argparse.Namespace) -> int:
    print(SCRIPTS[args.shell], end="")
    return 0


def cmd___complete(args: argparse.Namespace) -> int:  # noqa: N802 - the hidden command's name
    words = list(args.words)
    if words[:1] == ["--"]:
        words = words[1:]
    for line in candidates(args.parser, words or [""], prospect_names):
        print(line)
    return 0


def _subcommands(parser: argparse.ArgumentParser) -> argparse._SubParsersAction | None:  # type: ignore[type-arg]
    return next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)  # noqa: SLF001


def _public(sub: argparse._SubParsersAction) -> list[str]:  # type: ignore[type-arg]
    """The commands `--help` lists (the hidden ones have no help line)."""
    return [action.dest for action in sub._choices_actions]  # noqa: SLF001


def _options(parser: argparse.ArgumentParser) -> list[str]:
    return [s for a in parser._actions for s in a.option_strings if a.help != argparse.SUPPRESS]  # noqa: SLF001


def _takes_value(parser: argparse.ArgumentParser, word: str) -> bool:
    action = parser._option_string_actions.get(word)  # noqa: SLF001
    return action is not None and action.nargs != 0


def candidates(
    parser: argparse.ArgumentParser,
    words: list[str],
    names: Callable[[list[str]], Iterable[str]],
) -> list[str]:
    """What may replace the last of `words` (the ones typed after `leadline`)."""
    *done, current = words
    current = current.replace("\\ ", " ")
    positional: list[str] = []
    skip = False
    for word in done:  # walk down the command and its subcommand
        if skip or word.startswith("-"):
            skip = not skip and _takes_value(parser, word) and "=" not in word
            continue
        sub = _subcommands(parser)
        if sub is not None and word in sub.choices and not positional:
            parser = sub.choices[word]
        else:
            positional.append(word)
    if skip:  # the value of an option: nothing sensible to offer
        return []
    if current.startswith("-"):
        found = _options(parser)
    else:
        sub = _subcommands(parser)
        if sub is not None and not positional:
            found = _public(sub)
        elif (slot := _slot(parser, positional)) is None:
            return []
        elif slot.dest in PROSPECT_SLOTS:
            found = list(names(done))
        else:
            found = [str(c) for c in slot.choices or ()]
    wanted = fold(current)
    return sorted({w for w in found if fold(w).startswith(wanted)}, key=fold)


PROSPECT_SLOTS = frozenset({"prospect", "keep", "other"})
"""The positional arguments that name a prospect (merge names two)."""


def _slot(parser: argparse.ArgumentParser, positional: list[str]) -> argparse.Action | None:
    """The positional argument the next word fills, if any."""
    slots = [a for a in parser._actions if not a.option_strings]  # noqa: SLF001
    return slots[len(positional)] if len(positional) < len(slots) else None


def prospect_names(words: list[str]) -> list[str]:
    """The prospects' names in the data file the typed words name (`--db`), or none."""
    db = next((b for a, b in zip(words, words[1:], strict=False) if a == "--db"), None)
    path = resolve_db(db)
    if not os.path.isfile(path):
        return []
    from leadline.core.store.facade import Store  # noqa: PLC0415 - only when a name is asked

    try:
        with Store.open(path, holder="leadline completion") as store:
            return [p.name for p in store.summaries()]
    except Exception:  # noqa: BLE001 - a completion never prints an error into the prompt
        return []


def add_parsers(
    command: Callable[[str, str], argparse.ArgumentParser],
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    top: argparse.ArgumentParser,
) -> None:
    """`completion SHELL`, and the hidden `__complete` the scripts call."""
    completion = command("completion", "print a shell completion script (bash, zsh, fish)")
    completion.add_argument("shell", choices=sorted(SCRIPTS))
    hidden = sub.add_parser("__complete")
    hidden.add_argument("words", nargs=argparse.REMAINDER)
    hidden.set_defaults(parser=top)
