"""Stage names found in a file mapped to configured stages and outcomes.

The order is: the exact stage key; a stage key or display name ignoring case
and spacing; the `stage_mapping` section of the config (keys compared the same
way); the outcome words (won, lost, nurture, dead and "Closed Won"/"Closed
Lost"). Anything else is unmapped and reported: leadline never guesses.
"""

from __future__ import annotations

import re

from leadline.core.config.model import Config
from leadline.core.models import OUTCOME_VALUES, Outcome

OUTCOME_WORDS: dict[str, Outcome] = {
    **{o.value: o for o in Outcome},
    "closed won": Outcome.WON,
    "closedwon": Outcome.WON,
    "closed lost": Outcome.LOST,
    "closedlost": Outcome.LOST,
}

STATUS_WORDS: dict[str, Outcome | None] = {
    "open": None,
    "active": None,
    "in progress": None,
    "won": Outcome.WON,
    "closed won": Outcome.WON,
    "lost": Outcome.LOST,
    "closed lost": Outcome.LOST,
}
"""Values of a status column (Pipedrive's Open/Won/Lost); None means still open."""

_SPACING = re.compile(r"[\s_]+")


def _fold(text: str) -> str:
    return _SPACING.sub(" ", text).strip().casefold()


class StageResolver:
    """Maps stage names to stage keys or outcome values for one config."""

    def __init__(self, config: Config) -> None:
        self._config = config
        self._keys = {s.key for s in config.stages}
        self._folded: dict[str, str] = {}
        for stage in config.stages:
            self._folded.setdefault(_fold(stage.name), stage.key)
        for stage in config.stages:
            self._folded[_fold(stage.key)] = stage.key
        targets = self._keys | OUTCOME_VALUES
        self._mapping = {_fold(k): v for k, v in config.stage_mapping.items() if v in targets}
        self.first_stage = config.stages[0].key if config.stages else "lead"

    def resolve(self, name: str) -> str | None:
        """The stage key or outcome value for `name`, or None when unmapped."""
        if name in self._keys:
            return name
        folded = _fold(name)
        if folded in self._folded:
            return self._folded[folded]
        if folded in self._mapping:
            return self._mapping[folded]
        outcome = OUTCOME_WORDS.get(folded)
        return outcome.value if outcome else None

    def index(self, key: str) -> int:
        """Position of a stage key in the configured order (-1 for outcomes)."""
        return self._config.stage_index(key)


def status_outcome(text: str) -> tuple[bool, Outcome | None]:
    """(recognised, outcome) for a status cell; unrecognised statuses are (False, None)."""
    folded = _fold(text)
    if folded in STATUS_WORDS:
        return True, STATUS_WORDS[folded]
    return False, None
