"""Stage-to-stage conversion: of the prospects that entered a stage, how many went further.

Read from each prospect's timeline (`conversions` in history.py builds them).
For a step between stages "reached" means entered the next stage or any later
one, or won; meeting-to-won counts the prospects won after entering the first
stage marked `meeting: true`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from leadline.core.config.model import Config
from leadline.core.models import Outcome, StageEntry

_WON = Outcome.WON.value


@dataclass(frozen=True)
class Conversion:
    """Of the prospects that ever entered `from_stage`, how many later reached `to_stage`.

    For a step between stages "reached" means entered the next stage or any
    later one, or won; for meeting-to-won it means won. Prospects still sitting
    in `from_stage` count as entered and not (yet) converted.
    """

    from_stage: str
    to_stage: str
    entered: int
    converted: int

    @property
    def rate(self) -> float | None:
        """converted / entered, or None when nobody entered."""
        return self.converted / self.entered if self.entered else None


def _reached(
    entries: list[StageEntry], ranks: dict[str, int], won: int, meeting: int
) -> tuple[int, int, bool]:
    """(stage ranks entered, ranks later left upwards, whether a meeting entry was later won),
    the ranks as bit masks.

    Walks the timeline backwards, remembering the highest rank seen later on.
    """
    entered = converted = 0
    best_after, won_after, meeting_won = -1, False, False
    for entry in reversed(entries):
        rank = ranks.get(entry.stage)
        if rank is None:
            continue
        if rank == won:
            won_after = True
        else:
            entered |= 1 << rank
            if best_after > rank:
                converted |= 1 << rank
            if won_after and rank == meeting:
                meeting_won = True
        if rank > best_after:
            best_after = rank
    return entered, converted, meeting_won


Path = tuple[int, int, bool]
"""What one timeline says (`_reached`): ranks entered, ranks left upwards (bit
masks), whether a meeting entry was later won."""


@dataclass(frozen=True)
class Ranks:
    """Stage key -> rank (won ranks last), the number of stages and the meeting
    stage's rank (-1 without one), worked out once per config."""

    rank: dict[str, int]
    keys: list[str]
    meeting: int

    def path(self, entries: list[StageEntry]) -> Path:
        """The path of one prospect's timeline."""
        return _reached(entries, self.rank, len(self.keys), self.meeting)


def conversion_ranks(config: Config) -> Ranks:
    """The ranks of `config`'s stages for counting conversions."""
    keys = [s.key for s in config.stages]
    rank: dict[str, int] = {key: i for i, key in enumerate(keys)}
    rank[_WON] = len(keys)
    meeting = next((i for i, s in enumerate(config.stages) if s.meeting), -1)
    return Ranks(rank, keys, meeting)


def conversions_of(
    timelines: Iterable[list[StageEntry]], config: Config
) -> tuple[tuple[Conversion, ...], Conversion | None]:
    """`conversions` from each prospect's `timeline`."""
    ranks = conversion_ranks(config)
    return conversions_from_paths(Counter(ranks.path(entries) for entries in timelines), ranks)


def conversions_from_paths(
    paths: Counter[Path], ranks: Ranks
) -> tuple[tuple[Conversion, ...], Conversion | None]:
    """The conversions from how many prospects took each path."""
    # Few prospects take a path of their own: each path is counted once, then
    # its counts are spread over the stages.
    keys, meeting = ranks.keys, ranks.meeting
    entered = [0] * len(keys)
    converted = [0] * len(keys)
    meeting_won = 0
    for (entered_mask, converted_mask, path_meeting_won), count in paths.items():
        for rank in range(len(keys)):
            entered[rank] += count * (entered_mask >> rank & 1)
            converted[rank] += count * (converted_mask >> rank & 1)
        meeting_won += count * path_meeting_won
    targets = keys[1:] + [_WON]
    steps = tuple(
        Conversion(keys[i], targets[i], entered[i], converted[i]) for i in range(len(keys))
    )
    if meeting < 0:
        return steps, None
    return steps, Conversion(keys[meeting], _WON, entered[meeting], meeting_won)
