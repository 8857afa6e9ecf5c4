"""The configured stages as dicts, for rules that look a stage up per prospect.

`Config.stage`, `Config.stage_index` and `Config.section_of` walk the stage
tuple on every call; over thousands of prospects that walk adds up. The
mapping is computed from the config alone and kept for the last config seen
(by identity: a `Config` is frozen and its stages are tuples of frozen
definitions, so the same object always gives the same mapping). Where a key is
defined twice the first definition wins, as in `Config.stage`.
"""

from __future__ import annotations

from dataclasses import dataclass

from leadline.core.config.model import Config, Section, StageDef


@dataclass(frozen=True)
class StageLookup:
    """Stage key -> definition, position, section, probability, and the entry
    criteria of the stage and every earlier one (first mention kept, in order)."""

    stage: dict[str, StageDef]
    index: dict[str, int]
    section: dict[str, Section]
    probability: dict[str, float]
    criteria_so_far: dict[str, tuple[str, ...]]


def _build(config: Config) -> StageLookup:
    stage: dict[str, StageDef] = {}
    index: dict[str, int] = {}
    criteria_so_far: dict[str, tuple[str, ...]] = {}
    for position, definition in enumerate(config.stages):
        if definition.key in stage:
            continue
        stage[definition.key] = definition
        index[definition.key] = position
        items = (item for s in config.stages[: position + 1] for item in s.entry_criteria)
        criteria_so_far[definition.key] = tuple(dict.fromkeys(items))
    return StageLookup(
        stage=stage,
        index=index,
        section={key: s.section for key, s in stage.items()},
        probability={key: s.probability for key, s in stage.items()},
        criteria_so_far=criteria_so_far,
    )


_last: tuple[Config, StageLookup] | None = None


def stage_lookup(config: Config) -> StageLookup:
    """The lookup for `config` (built once per config object)."""
    global _last
    last = _last
    if last is not None and last[0] is config:
        return last[1]
    found = _build(config)
    _last = (config, found)
    return found
