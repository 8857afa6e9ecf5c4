"""Stages: which stage or outcome a word names, moving and advancing.

The outcomes a prospect may be moved to are the config's `outcomes` (a user
may leave nurture out, say); every front-end offers and accepts the same set.
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from datetime import date, datetime

from leadline.core.actions.refusal import Refused
from leadline.core.config.model import Config
from leadline.core.models import Outcome, Prospect
from leadline.core.rules.followup import move_stage


def targets(config: Config) -> list[str]:
    """Every key a prospect may be moved to: the stages in order, then the outcomes."""
    return [s.key for s in config.stages] + list(config.outcomes)


def resolve_target(config: Config, word: str) -> str:
    """The stage key or outcome `word` names (a key or a stage's name, any case)."""
    keys = targets(config)
    by_word = {k.casefold(): k for k in keys}
    by_word.update({s.name.casefold(): s.key for s in config.stages})
    found = by_word.get(word.strip().casefold())
    if found:
        return found
    near = difflib.get_close_matches(word.strip().casefold(), list(by_word), n=1)
    hint = f"did you mean {by_word[near[0]]!r}? " if near else ""
    raise Refused(f"unknown stage {word.strip()!r}; {hint}valid: {', '.join(keys)}", "stage")


CLOSED_WITH_REASON = frozenset({Outcome.LOST.value, Outcome.DEAD.value})
"""The outcomes that record why (`Prospect.lost_reason`): the front-ends ask for it."""


def move(
    p: Prospect, target: str, config: Config, on: date, now: datetime, reason: str = ""
) -> Prospect:
    """Move `p` to a stage or an enabled outcome on day `on` (see `move_stage`).

    A move to lost or dead keeps `reason` (`loss_reason` spelling) as why it closed;
    the reason of an earlier loss stays on a prospect moved elsewhere until replaced."""
    if target not in targets(config):
        raise Refused(f"unknown stage or outcome {target!r}", "stage")
    moved = move_stage(p, target, on, config, now)
    if target in CLOSED_WITH_REASON and moved is not p:
        return replace(moved, lost_reason=loss_reason(config, reason))
    return moved


def asks_reason(target: str) -> bool:
    """Whether a move to `target` asks why (lost and dead do)."""
    return target in CLOSED_WITH_REASON


def loss_reason(config: Config, text: str) -> str:
    """The reason as kept: one of the config's `lost_reasons` in its own spelling when
    `text` names it (any case), else the free text, trimmed."""
    word = " ".join(text.split())
    by_word = {r.casefold(): r for r in config.lost_reasons}
    return by_word.get(word.casefold(), word)


def opens_new_deal(before: Prospect, after: Prospect) -> bool:
    """True when a move took `before` out of an outcome back into a stage: a reopened
    customer or a revived prospect starts a new deal (value 0, no close date yet), which
    the front-ends ask the user to size."""
    return not before.is_open and after.is_open


def next_stage(p: Prospect, config: Config) -> str | None:
    """The stage after `p`'s (won after the last stage); None when there is none."""
    index = config.stage_index(p.stage)
    if index < 0:
        return None
    if index + 1 < len(config.stages):
        return str(config.stages[index + 1].key)
    return Outcome.WON.value if Outcome.WON.value in config.outcomes else None


def advance(p: Prospect, config: Config, on: date, now: datetime) -> Prospect:
    """Move `p` one stage on; refused when it is not in a stage."""
    target = next_stage(p, config)
    if target is None:
        raise Refused(f"{p.name} is not in a stage that leads on")
    return move_stage(p, target, on, config, now)
