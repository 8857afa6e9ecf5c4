"""The store's index: which document holds which prospect, and the prospects decoded so far.

Documents are decoded when first asked for: opening the file only reads each
document's id, so a command about one prospect decodes one. When the storage
picks up another process's saves, the index catches up on the documents that
changed and says which prospects those were; a prospect whose document did not
change keeps its decoded object.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from leadline.core.folding import fold
from leadline.core.models import Prospect
from leadline.core.records.summary import summarize
from leadline.core.store.decoding import DamagedDocument, decode_prospect, document_id
from leadline.core.store.file_rows import FileRows, Ident
from leadline.core.store.gcpause import collector_paused
from leadline.core.store.summary_file import Rows, Segment

_KEEP_DECODED = 256
"""Whole prospects kept decoded (the ones shown or saved lately); summaries stay for all."""
_FREEZE_FROM = 1000
"""Prospects decoded at once from which the result is frozen out of gc scans."""

Damaged = Callable[[int, str], Exception]
"""Makes the error for document `doc_id` being damaged (`problem` says how)."""


class ProspectIndex:
    """Prospect id -> document, over the storage's documents (shared, never mutated here)."""

    def __init__(self, damaged: Damaged) -> None:
        self.docs: dict[str, Any] = {}
        """The storage's documents by doc id."""
        self.doc_ids: dict[str, int] = {}
        """Prospect id -> doc id, in the order the prospects were added."""
        self._decoded: dict[str, Prospect] = {}
        self._summaries: dict[str, Prospect] = {}
        """Summaries (`records/summary.py`) by prospect id, as far as known."""
        self._file: FileRows | None = None
        """The summary file's rows, if the store was opened through one."""
        self._damaged = damaged
        self.rows_damaged = False
        """The summary file's rows failed their check (the file is to be rebuilt)."""

    # -- reading ---------------------------------------------------------------

    def prospect(self, pid: str) -> Prospect:
        """The prospect `pid`, decoded on first use; KeyError if there is none."""
        found = self._decoded.get(pid)
        if found is None:
            found = self._decoded[pid] = self._whole(pid)
            if len(self._decoded) > _KEEP_DECODED:  # the oldest goes: a session browsing
                del self._decoded[next(iter(self._decoded))]  # details does not grow
        return found

    def _whole(self, pid: str) -> Prospect:
        doc_id = self.doc_ids[pid]
        found = self._decode(doc_id, self.docs[str(doc_id)])
        if found.id != pid:  # its first "id" key was not its only one
            raise self._damaged(doc_id, f"it has two ids, {pid!r} and {found.id!r}")
        return found

    def summary(self, pid: str) -> Prospect:
        """The summary of prospect `pid`; KeyError if there is none."""
        found = self._summaries.get(pid)
        if found is None:
            if self._file is not None and self._file.current(pid):
                self._summaries.update(self._read(lambda rows: rows.chunk_of(pid)))
                found = self._summaries.get(pid)
            if found is None:
                whole = self._decoded.get(pid) or self._whole(pid)  # not kept: its summary is
                found = self._summaries[pid] = summarize(whole)
        return found

    def all_summaries(self) -> list[Prospect]:
        """Every prospect's summary, in the order they were added."""
        known = self._summaries
        if len(known) != len(self.doc_ids):
            with collector_paused():
                if self._file is not None:
                    known.update(self._read(FileRows.everything))
                for pid in self.doc_ids:
                    if pid not in known:
                        self.summary(pid)
                if len(self.doc_ids) >= _FREEZE_FROM:
                    gc.freeze()
        return [known[pid] for pid in self.doc_ids]

    def _read(self, how: Callable[[FileRows], dict[str, Prospect]]) -> dict[str, Prospect]:
        assert self._file is not None
        try:
            return how(self._file)
        except (OSError, ValueError):
            self._file = None  # damaged after all: decoded from the documents instead
            self.rows_damaged = True
            return {}

    def folded_name(self, pid: str) -> str:
        """The name of prospect `pid` folded (`core.folding`) for finding it, from the
        summary file where it says it (folding 100,000 names costs two seconds)."""
        if self._file is not None and self._file.current(pid):
            return self._file.folded(pid)
        return fold(self.summary(pid).name)

    def summary_segments(self) -> tuple[list[Ident], list[Segment], Rows | None]:
        """What a new summary file of every prospect holds: (doc id, prospect id, folded name),
        the rows (chunks of the old file to copy, or summaries) and the old file's rows."""
        order = list(self.doc_ids.items())
        if self._file is None:
            summaries = self.all_summaries()
            pairs = zip(order, summaries, strict=True)
            idents = [(str(d), p, fold(s.name)) for (p, d), s in pairs]
            return idents, [summaries], None
        idents, segments = self._file.segments(order, self.summary)
        return idents, segments, self._file.rows

    def all(self) -> list[Prospect]:
        """Every prospect, in the order they were added: decoded for the caller, not kept
        (beyond those already kept), so exporting 100,000 leaves no 100,000 behind."""
        decoded = self._decoded
        with collector_paused():
            return [decoded.get(pid) or self._whole(pid) for pid in self.doc_ids]

    def decode_missing(
        self, progress: Callable[[int, int], None] | None = None, step: int = 5000
    ) -> None:
        """Decode every prospect not decoded yet, calling `progress(done, total)` every `step`."""
        waiting = [pid for pid in self.doc_ids if pid not in self._decoded]
        with collector_paused():
            for done, pid in enumerate(waiting):
                if progress is not None and done % step == 0:
                    progress(done, len(waiting))
                self.prospect(pid)
            if len(waiting) >= _FREEZE_FROM:
                # They live all session: keep them out of gc scans, including the
                # one these allocations would set off as soon as gc resumes. (Not
                # for a few: that would also freeze the caller's cyclic garbage.)
                gc.freeze()
        if progress is not None:
            progress(len(waiting), len(waiting))

    def forget_summaries(self) -> None:
        """Make every summary again from the documents (the summary file's are not used)."""
        self._summaries, self._file = {}, None

    def rows_written(self, rows: Rows, idents: list[Ident]) -> None:
        """The summary file was just written from every prospect as it is: its rows."""
        self._file = FileRows(rows, [i[1] for i in idents], [i[2] for i in idents], None)

    def adopt(
        self, docs: dict[str, Any], keys: list[str], pids: list[str], folded: list[str],
        rows: Rows, stale: set[str],
    ) -> set[str]:  # fmt: skip
        """Index `docs` from a summary file: `keys` (doc ids), `pids` and `folded` names of
        the prospects in the state it describes, `stale` the doc ids changed since.
        Returns every prospect before and now."""
        before = set(self.doc_ids)
        self.rebuild({})
        doc_ids = dict(zip(pids, map(int, keys), strict=True))  # (C loops: 100k in ms)
        deleted = set(keys) - set(docs)
        pairs = zip(keys, pids, strict=True)
        changed = {pid for key, pid in pairs if key in stale} if stale else set()
        for key, pid in zip(keys, pids, strict=True) if deleted else ():
            if key in deleted:
                del doc_ids[pid]
        self.doc_ids, self.docs = doc_ids, docs
        current = set(doc_ids) - changed if deleted or changed else None
        self._file = FileRows(rows, pids, folded, current)
        # what the journal changed since: in place (an update keeps its place), or added
        fresh = (set(docs) - set(keys)) | (stale & set(docs))
        return before | set(doc_ids) | self.catch_up(docs, fresh)

    # -- this process's saves --------------------------------------------------

    def remember(self, p: Prospect, doc_id: int) -> None:
        """`p` was just saved as document `doc_id`."""
        self._decoded[p.id] = p
        self._summaries[p.id] = summarize(p)
        self._forget_row(p.id)
        self.doc_ids[p.id] = doc_id

    def forget(self, pid: str) -> None:
        """Prospect `pid` was just deleted."""
        del self.doc_ids[pid]
        self._decoded.pop(pid, None)
        self._summaries.pop(pid, None)
        self._forget_row(pid)

    # -- other processes' saves ------------------------------------------------

    def rebuild(self, docs: dict[str, Any]) -> set[str]:
        """Index `docs` from scratch (after a full load); returns every prospect before and now.

        Nothing decoded is kept: the documents an object was decoded from may
        have been replaced meanwhile, so every prospect is read again.
        """
        doc_ids: dict[str, int] = {}
        for key, doc in docs.items():
            pid = self._ident(int(key), doc)
            if pid in doc_ids:
                raise self._damaged(int(key), f"its id {pid!r} is used twice")
            doc_ids[pid] = int(key)
        numbers = list(doc_ids.values())  # the journal appends a doc id it put back (an undo)
        if any(a > b for a, b in zip(numbers, numbers[1:], strict=False)):
            doc_ids = dict(sorted(doc_ids.items(), key=lambda item: item[1]))
        changed = set(self.doc_ids) | set(doc_ids)
        self.doc_ids, self._decoded, self._summaries, self.docs = doc_ids, {}, {}, docs
        self._file = None
        return changed

    def catch_up(self, docs: dict[str, Any], changed: set[str]) -> set[str]:
        """Apply changes to a few documents (doc ids) without reading the rest.

        Returns the prospects those documents held before or hold now.
        """
        pids = {doc_id: pid for pid, doc_id in self.doc_ids.items()}
        highest = max(self.doc_ids.values(), default=0)
        reorder = False
        touched: set[str] = set()
        added: list[tuple[str, int]] = []
        for key in sorted(changed, key=int):  # first what left, so an id may move
            doc_id, old = int(key), pids.get(int(key))
            new = self._ident(doc_id, docs[key]) if key in docs else None
            if old is not None:
                touched.add(old)
                self._decoded.pop(old, None)
                self._summaries.pop(old, None)
                self._forget_row(old)
                if new != old:
                    del self.doc_ids[old]
                    reorder = True
            if new is not None:
                added.append((new, doc_id))
        for new, doc_id in added:
            if new in self.doc_ids and self.doc_ids[new] != doc_id:
                raise self._damaged(doc_id, f"its id {new!r} is used twice")
            reorder = reorder or (new not in self.doc_ids and doc_id < highest)
            self.doc_ids[new] = doc_id  # an update keeps its place in the dict
            self._decoded.pop(new, None)
            self._summaries.pop(new, None)
            self._forget_row(new)
            touched.add(new)
        if reorder:
            self.doc_ids = dict(sorted(self.doc_ids.items(), key=lambda item: item[1]))
        self.docs = docs
        return touched

    def _forget_row(self, pid: str) -> None:
        if self._file is not None:
            self._file.forget(pid)

    # -- documents -------------------------------------------------------------

    def _ident(self, doc_id: int, doc: Any) -> str:
        try:
            return document_id(doc)
        except DamagedDocument as error:
            raise self._damaged(doc_id, str(error)) from None

    def _decode(self, doc_id: int, doc: Any) -> Prospect:
        try:
            return decode_prospect(doc)
        except DamagedDocument as error:
            raise self._damaged(doc_id, str(error)) from None
