"""The summary file's rows as the index sees them: which are still current, and reuse.

A row stays current until its prospect changes (a save here, or another process's
save caught up on). Rows are decoded a chunk at a time, when a summary in the
chunk is first asked for; when the summary file is written again (a compaction),
each chunk whose prospects are all unchanged and in the same order is copied as it
is, so a compaction after a few saves encodes a few chunks, not every summary.
"""

from __future__ import annotations

from collections.abc import Callable

from leadline.core.folding import fold
from leadline.core.models import Prospect
from leadline.core.store.summary_file import Rows, Segment

Ident = tuple[str, str, str]
"""(doc id, prospect id, folded name: `core.folding.fold`) of one prospect document."""


class FileRows:
    """The rows of the summary file a store was opened through."""

    def __init__(
        self, rows: Rows, pids: list[str], folded: list[str], current: set[str] | None
    ) -> None:
        """`pids` and `folded` names of the rows in order; `current`: the prospect ids
        whose rows describe them as they are (None: all)."""
        self.rows = rows
        self._pid_at = pids
        self._row_of: dict[str, int] = dict(zip(pids, range(len(pids)), strict=True))
        self._folded: dict[str, str] = dict(zip(pids, folded, strict=True))
        if current is not None:
            for pid in [pid for pid in pids if pid not in current]:
                self.forget(pid)
        self._read: set[int] = set()

    def current(self, pid: str) -> bool:
        return pid in self._row_of

    def folded(self, pid: str) -> str:
        """The folded name of a prospect whose row is current."""
        return self._folded[pid]

    def forget(self, pid: str) -> None:
        """Prospect `pid` changed: its row no longer describes it."""
        if self._row_of.pop(pid, None) is not None:
            del self._folded[pid]

    def unread(self) -> int:
        """How many current rows have not been decoded yet."""
        return len(self._row_of) - sum(self.rows.chunks[n][1] for n in self._read)

    def chunk_of(self, pid: str) -> dict[str, Prospect]:
        """The current summaries in the chunk holding `pid`'s row (decoded now)."""
        number = self._chunk_number(self._row_of[pid])
        return self._decode(number)

    def everything(self) -> dict[str, Prospect]:
        """Every current summary not decoded yet."""
        found: dict[str, Prospect] = {}
        for number in range(len(self.rows.chunks)):
            if number not in self._read:
                found.update(self._decode(number))
        return found

    def _chunk_number(self, at: int) -> int:
        starts = self.rows.starts
        low, high = 0, len(starts) - 1
        while low < high:  # the last chunk starting at or before `at`
            middle = (low + high + 1) // 2
            if starts[middle] <= at:
                low = middle
            else:
                high = middle - 1
        return low

    def _decode(self, number: int) -> dict[str, Prospect]:
        self._read.add(number)
        first = self.rows.starts[number]
        found: dict[str, Prospect] = {}
        for at, summary in enumerate(self.rows.chunk(number), first):
            pid = self._pid_at[at]
            if summary.id == pid and self._row_of.get(pid) == at:
                found[pid] = summary
        return found

    def segments(
        self, order: list[tuple[str, int]], summary: Callable[[str], Prospect]
    ) -> tuple[list[Ident], list[Segment]]:
        """The idents and rows of the prospects in `order` (prospect id, doc id) for a new
        summary file: chunks copied where they still fit, summaries (`summary`) elsewhere."""
        idents: list[Ident] = []
        segments: list[Segment] = []
        pending: list[Prospect] = []
        starts = {first: number for number, first in enumerate(self.rows.starts)}
        i = 0
        while i < len(order):
            pid, doc_id = order[i]
            at = self._row_of.get(pid)
            number = starts.get(at) if at is not None else None
            if number is not None and self._fits(order, i, at or 0, number):
                if pending:
                    segments.append(pending)
                    pending = []
                count = self.rows.chunks[number][1]
                segments.append(number)
                idents += [(str(d), p, self._folded[p]) for p, d in order[i : i + count]]
                i += count
                continue
            found = summary(pid)
            pending.append(found)
            idents.append((str(doc_id), pid, self._folded.get(pid) or fold(found.name)))
            i += 1
        if pending:
            segments.append(pending)
        return idents, segments

    def _fits(self, order: list[tuple[str, int]], i: int, at: int, number: int) -> bool:
        count = self.rows.chunks[number][1]
        if i + count > len(order):
            return False
        return all(self._row_of.get(order[i + k][0]) == at + k for k in range(count))
