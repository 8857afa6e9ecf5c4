"""What the screens derive from each prospect, kept until that prospect changes.

It is made from the prospects' summaries (`app.summaries()`: every fact the
rules read, without the free text), never from whole prospects, so it holds
what summaries hold. The funnel needs each prospect's funnel parts (reading
its whole history), the queue its queue items and their rows, the palette the
folded texts of its name, contacts, e-mails and phones;
at 10k-100k prospects making them all takes from a few hundred milliseconds to
most of a second, yet a save changes one prospect. So the screens share one
memo, one entry per prospect:

- an entry is dropped when `ProspectsChanged` names its prospect
  (`forget`, called by the app), and all of them on a new day or config;
- an entry is only ever used for the very object it was made from: the store
  hands back the same summary object for every record it did not rewrite, so
  a prospect read again before its change was announced is made again, never
  shown stale.

Each part is made the first time a screen asks for it (the funnel alone never
makes queue rows). The sums over all prospects are cheap and done every time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
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
from leadline.core.rules.pipeline import DealFacts, PipelineFacts, deal_facts, facts_from_deals
from leadline.core.rules.queue import QueueItem, queue_items_maker, queue_sort_key
from leadline.core.rules.search import Searchable, searchable
from leadline.tui.screens.queue_rows import item_row
from leadline.tui.widgets.prospect_table import Row

QueueEntry = tuple[tuple[object, ...], QueueItem, Row]
"""(sort key, item, row) of one queue item."""


@dataclass
class _Entry:
    prospect: Prospect
    """The object the parts below were made from."""
    funnel: ProspectParts | None = None
    queue: tuple[QueueEntry, ...] | None = None
    deals: DealFacts | None = None
    """Its share of the pipeline facts (the queue and the detail's warnings need them)."""
    search: Searchable | None = None
    """Its texts folded for search (the palette), independent of config and day."""


class ProspectMemo:
    """Each prospect's funnel parts and queue items, for one config and day at a time."""

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}
        self._key: tuple[Config, date] | None = None
        self._make_parts: PartsMaker | None = None
        self._queue_facts: PipelineFacts | None = None
        """The facts the kept queue items were made with (a change remakes them all)."""
        self.made: dict[str, list[str]] = {"funnel": [], "queue": []}
        """The prospects whose funnel parts / queue items the last summary / queue
        had to make (for tests and measurements)."""

    def forget(self, ids: Iterable[str]) -> None:
        """These prospects changed (or are gone): make theirs again when next asked."""
        for pid in ids:
            self._entries.pop(pid, None)

    def forget_all(self) -> None:
        """Start from scratch (a new day: every part depends on the date)."""
        self._entries, self._key = {}, None

    def funnel(self, prospects: Sequence[Prospect], config: Config, today: date) -> FunnelSummary:
        """The same summary as core's `summarize_funnel(prospects, config, today)`."""
        make = self._parts_maker(config, today)
        made: list[str] = []
        parts: list[ProspectParts] = []
        for p in prospects:
            entry = self._entry(p)
            if entry.funnel is None:
                entry.funnel = make(p)
                made.append(p.id)
            parts.append(entry.funnel)
        self.made["funnel"] = made
        return summarize_parts(parts, config, today)

    def facts(self, prospects: Sequence[Prospect], config: Config, today: date) -> PipelineFacts:
        """Core's `pipeline_facts`, from each prospect's share kept here: what the
        warnings and the queue measure deals against (the user's own cycle)."""
        self._parts_maker(config, today)
        shares: list[DealFacts] = []
        for p in prospects:
            entry = self._entry(p)
            if entry.deals is None:
                entry.deals = deal_facts(p, config, today)
            shares.append(entry.deals)
        return facts_from_deals(shares, config)

    def queue(
        self, prospects: Sequence[Prospect], config: Config, today: date
    ) -> list[tuple[QueueItem, Row]]:
        """Core's follow-up queue (`build_follow_up_queue`), each item with its table row."""
        facts = self.facts(prospects, config, today)
        if facts != self._queue_facts:  # best few ranks by the cycle: remake every item
            for entry in self._entries.values():
                entry.queue = None
            self._queue_facts = facts
        items_of = queue_items_maker(config, today, facts)
        made: list[str] = []
        found: list[QueueEntry] = []
        for p in prospects:
            entry = self._entry(p)
            if entry.queue is None:
                entry.queue = tuple(
                    (queue_sort_key(item, today), item, item_row(item, config, today))
                    for item in items_of(p)
                )
                made.append(p.id)
            found.extend(entry.queue)
        self.made["queue"] = made
        found.sort(key=lambda triple: triple[0])
        return [(item, row) for _, item, row in found]

    def searchables(self, prospects: Sequence[Prospect]) -> list[Searchable]:
        """Each prospect's folded texts for core's `search` (folded once per change)."""
        found: list[Searchable] = []
        for p in prospects:
            entry = self._entry(p)
            if entry.search is None:
                entry.search = searchable(p)
            found.append(entry.search)
        return found

    def _parts_maker(self, config: Config, today: date) -> PartsMaker:
        """The funnel's parts maker for this config and day; a new one forgets everything."""
        key = self._key
        if self._make_parts is None or key is None or key[0] is not config or key[1] != today:
            self._entries, self._key = {}, (config, today)
            self._make_parts = parts_maker(config, today)
        return self._make_parts

    def _entry(self, p: Prospect) -> _Entry:
        entry = self._entries.get(p.id)
        if entry is None or entry.prospect is not p:
            entry = self._entries[p.id] = _Entry(p)
        return entry
