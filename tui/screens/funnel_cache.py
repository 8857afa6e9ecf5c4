"""The funnel summary, re-reading only the prospects that changed.

`summarize_funnel` reads every prospect's history; at 100k prospects that is
most of a second, and the funnel recomputed it every time it came back after a
save. The store hands back the same Prospect object for every record it did
not rewrite (the queue cache relies on it too), so each prospect's parts are
kept with the object they were made from and made again only for new objects;
the summary then adds the parts up, in the prospects' order, which is cheap.
A new day or a new config starts from scratch (the parts depend on both).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from leadline.core.config.model import Config
from leadline.core.models import Prospect
from leadline.core.rules.funnel.parts import PartsMaker
from leadline.core.rules.funnel.summary import (
    FunnelSummary,
    ProspectParts,
    parts_maker,
    summarize_parts,
)


class FunnelCache:
    """Remembers each prospect's funnel parts between summaries."""

    def __init__(self) -> None:
        self._prospects: list[Prospect] = []
        """The prospects of the last summary, in order."""
        self._parts: list[ProspectParts] = []
        """Their parts, in the same order."""
        self._key: tuple[Config, date] | None = None
        self._make: PartsMaker | None = None
        self.made = 0
        """Parts made by the last `summarize` (for tests and measurements)."""

    def summarize(
        self, prospects: Sequence[Prospect], config: Config, today: date
    ) -> FunnelSummary:
        """The same summary as `summarize_funnel(prospects, config, today)`."""
        key, make = self._key, self._make
        if make is None or key is None or key[0] is not config or key[1] != today:
            self._prospects, self._parts, self._key = [], [], (config, today)
            make = self._make = parts_maker(config, today)
        self.made = 0
        parts = self._in_place(prospects, make)
        if parts is None:
            parts = self._by_id(prospects, make)
        self._prospects, self._parts = list(prospects), parts
        return summarize_parts(parts, config, today)

    def _in_place(
        self, prospects: Sequence[Prospect], make: PartsMaker
    ) -> list[ProspectParts] | None:
        """The parts when the list kept its order and only some records changed
        (the usual save), else None. Compares objects in turn: no lookups."""
        before = self._prospects
        if len(before) != len(prospects):
            return None
        parts = list(self._parts)
        for at, (old, p) in enumerate(zip(before, prospects, strict=True)):
            if old is not p:
                if old.id != p.id:
                    return None
                parts[at] = make(p)
                self.made += 1
        return parts

    def _by_id(self, prospects: Sequence[Prospect], make: PartsMaker) -> list[ProspectParts]:
        """The parts after records were added, deleted or reordered."""
        self.made = 0
        known = {p.id: (p, part) for p, part in zip(self._prospects, self._parts, strict=True)}
        parts: list[ProspectParts] = []
        for p in prospects:
            entry = known.get(p.id)
            if entry is None or entry[0] is not p:
                entry = (p, make(p))
                self.made += 1
            parts.append(entry[1])
        return parts
