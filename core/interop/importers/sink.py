"""Where an import's rows end up: new, updated or unchanged prospects, or problems.

Also hands out prospect ids (`models.new_id`) that collide with nothing stored
or imported: 8 hex digits repeat within 10,000 rows about once in a hundred imports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time

from leadline.core.interop.importers.merge import Matcher, merge, touched
from leadline.core.interop.importers.native import Parsed
from leadline.core.interop.importers.record import RowRejected
from leadline.core.interop.importers.result import ImportResult, RowProblem
from leadline.core.interop.importers.stages import StageResolver
from leadline.core.models import Prospect, new_id

PROGRESS_EVERY = 500

Progress = Callable[[int, int], None]
"""Called with (rows done, rows in the file) while building prospects."""


class ImportSink:
    """Collects an import's outcome: ids, matching, problems, progress."""

    def __init__(self, existing: list[Prospect], today: date, progress: Progress | None) -> None:
        self.result = ImportResult("auto")
        self.today = today
        self.now = datetime.combine(today, time())
        self.matcher = Matcher(existing)
        self.used = {p.id for p in existing}
        self.progress = progress

    def fresh_id(self) -> str:
        """A prospect id used neither in the store nor earlier in this import."""
        while True:
            candidate = new_id()
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate

    def tick(self, done: int, total: int, *, force: bool = False) -> None:
        """Report progress every `PROGRESS_EVERY` rows (and when `force`d, at the end)."""
        if self.progress and (force or done % PROGRESS_EVERY == 0):
            self.progress(done, total)

    def problem(self, line: int, reason: str) -> None:
        """Record one problem with the row starting on `line`."""
        self.result.problems.append(RowProblem(line, reason))

    def reject(self, line: int, rejected: RowRejected) -> None:
        """Record every reason a row was not imported, and count its unmapped stage."""
        for reason in rejected.reasons:
            self.problem(line, reason)
        if rejected.unmapped_stage:
            self.result.unmapped_stages[rejected.unmapped_stage] += 1

    def place(self, line: int, prospect: Prospect, *, own_ids: bool) -> None:
        """File `prospect` as new, updated or unchanged; a repeat in the file is a problem."""
        earlier = self.matcher.seen_at(prospect, line, own_ids=own_ids)
        if earlier is not None:
            self.problem(line, f"same prospect as line {earlier}; skipped")
            return
        stored = self.matcher.stored(prospect, own_ids=own_ids)
        if stored is None:
            self.result.new.append(prospect)
            return
        merged = replace(prospect, id=stored.id) if own_ids else merge(stored, prospect)
        changed = touched(merged, stored, self.now)
        if changed is None:
            self.result.unchanged += 1
        else:
            self.result.updated.append(changed)

    def take_native(self, parsed: list[Parsed], resolver: StageResolver) -> None:
        """Place the records of a leadline export (they keep their own ids).

        A stage the config does not know is mapped like any imported stage
        name, or the record is reported (an export made with another config).
        """
        self.result.rows_read = len(parsed)
        for done, (line, item) in enumerate(parsed, start=1):
            self.tick(done, len(parsed))
            stage = resolver.resolve(item.stage) if isinstance(item, Prospect) else None
            if isinstance(item, str):
                self.problem(line, item)
            elif stage is None:
                self.problem(line, f"unknown stage {item.stage!r}: add it to stage_mapping")
                self.result.unmapped_stages[item.stage] += 1
            else:
                self.used.add(item.id)
                self.place(line, replace(item, stage=stage), own_ids=True)
        self.tick(len(parsed), len(parsed), force=True)
