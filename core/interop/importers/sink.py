"""Where an import's rows end up: new, updated or unchanged prospects, or problems.

Two steps, so that the slow one needs no lock: reading the file files each row
as a candidate (or a problem) without looking at the store; `settle(existing)`
then matches the candidates against the prospects stored at that moment (under
the writers' lock, in a fraction of the time). Matching reads ids, external ids,
names and e-mails only, so `existing` may be the store's summaries: the whole
prospect (`whole`) is decoded just for the rows that match one. Ids (`models.new_id`) are checked
against the file while reading and against the store when settling: 8 hex digits
repeat within 10,000 rows about once in a hundred imports.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from leadline.core.interop.importers.merge import Matcher, merge, touched
from leadline.core.interop.importers.native import Parsed
from leadline.core.interop.importers.record import RowRejected
from leadline.core.interop.importers.result import ImportResult, RowProblem
from leadline.core.interop.importers.stages import StageResolver
from leadline.core.models import Prospect, new_id
from leadline.core.records.summary import is_summary

PROGRESS_EVERY = 500

Progress = Callable[[int, int], None]
"""Called with (rows done, rows in the file) while building prospects."""


@dataclass(frozen=True)
class Candidate:
    """A row read into a prospect, waiting to be matched against the store."""

    line: int
    prospect: Prospect
    own_ids: bool
    """Read from leadline's own export: its id names the stored prospect."""


class ImportSink:
    """Collects an import's rows as it reads them: candidates, problems, progress."""

    def __init__(self, today: date, progress: Progress | None) -> None:
        self.result = ImportResult("auto")
        self.today = today
        self.now = datetime.combine(today, time())
        self.used: set[str] = set()
        self.progress = progress
        self.candidates: list[Candidate] = []

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
        """Keep `prospect` (read from `line`) to be matched when the import settles."""
        self.candidates.append(Candidate(line, prospect, own_ids))

    def settle(
        self, existing: Sequence[Prospect], whole: Callable[[str], Prospect] | None = None
    ) -> ImportResult:
        """The import against `existing`: each candidate new, updated or unchanged, a repeat
        in the file a problem. May be called again (a dry run, then the save).

        `existing` may be summaries (`records/summary.py`) when `whole(pid)` gives the
        whole stored prospect: it is called only for the prospects rows match, since an
        update merges into (and compares with) the whole prospect, notes and all.
        """
        read = self.result
        result = replace(
            read, new=[], updated=[], problems=list(read.problems), warnings=list(read.warnings),
            unmapped_stages=read.unmapped_stages.copy(),
        )  # fmt: skip
        matcher = Matcher(existing)
        taken = {p.id for p in existing}
        for c in self.candidates:
            prospect = c.prospect
            if not c.own_ids and prospect.id in taken:  # a fresh id the store holds meanwhile
                prospect = replace(prospect, id=self._id_avoiding(taken))
            earlier = matcher.seen_at(prospect, c.line, own_ids=c.own_ids)
            if earlier is not None:
                result.problems.append(
                    RowProblem(c.line, f"same prospect as line {earlier}; skipped")
                )
                continue
            found = matcher.stored(prospect, own_ids=c.own_ids)
            if found is None:
                result.new.append(prospect)
                continue
            stored = _whole(found, whole)
            merged = replace(prospect, id=stored.id) if c.own_ids else merge(stored, prospect)
            changed = touched(merged, stored, self.now)
            if changed is None:
                result.unchanged += 1
            else:
                result.updated.append(changed)
        result.problems.sort(key=lambda problem: problem.line)
        return result

    def _id_avoiding(self, taken: set[str]) -> str:
        while True:
            candidate = new_id()
            if candidate not in taken and candidate not in self.used:
                self.used.add(candidate)
                return candidate

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


def _whole(found: Prospect, whole: Callable[[str], Prospect] | None) -> Prospect:
    """The whole stored prospect `found` stands for; a summary with no way to decode it is a
    programming error (merging into it would drop its notes' text)."""
    if whole is not None:
        return whole(found.id)
    if is_summary(found):
        raise ValueError(f"settle() was given summaries without `whole` (prospect {found.id})")
    return found
