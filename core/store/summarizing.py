"""The storage's part in the summary file: what it was opened through, and writing it.

The storage knows the files (which version of the data file, how much of the
journal, where each document lies); the store knows the prospects. So the store
hands the summaries over and the storage ties them to the state it last read or
wrote (`write_summary`). The summary file is derived data: failing to write it
(a read-only folder, a full disk) loses nothing and is not an error.
"""

from __future__ import annotations

import os
from pathlib import Path

from leadline.core.store import datafile, opening, summary_file
from leadline.core.store.disk_state import DiskState, stamp_of
from leadline.core.store.docrefs import DocRef, Source
from leadline.core.store.errors import StoreIOError
from leadline.core.store.file_rows import Ident
from leadline.core.store.layout import Refs, find_refs
from leadline.core.store.opening import Summarized
from leadline.core.store.safe_files import NOFOLLOW, check_opened
from leadline.core.store.summary_file import Rows, Segment


class SummaryKeeping:
    """Mixin of `LeadlineStorage`."""

    path: Path
    journal_path: Path
    _state: DiskState | None
    _revision: int
    _summarized: Summarized | None = None
    _refs: Refs | None = None
    """Where the documents of the data file version in `_state` lie, if known."""
    _refs_from: summary_file.Contents | None = None
    """The summary file the version in `_state` was opened through (it says the same)."""
    summary_due: bool = False
    """The data file was just written whole: its summary file should follow."""

    @property
    def summary_path(self) -> Path:
        return summary_file.summary_path(self.path)

    def take_summarized(self) -> Summarized | None:
        """What the last full load read from the summary file (once)."""
        found, self._summarized = self._summarized, None
        return found

    def write_summary(
        self, idents: list[Ident], segments: list[Segment], old: Rows | None
    ) -> Rows | None:
        """Tie the summaries (`summary_file.write`) to the state last read or written and
        save them as the summary file; the rows written (read back from the new file, so
        later compactions copy from it and the old one can be freed), or None if that
        could not be done."""
        self.summary_due = False
        state = self._state
        if state is None or state.needs_full_save:
            return None
        try:
            if stamp_of(self.path) != state.main:
                return None
            if self._refs is None and self._refs_from is not None:
                self._refs = self._refs_from.refs
            refs = self._refs if self._refs is not None else self._find_refs(state)
            if refs is None:
                return None
            self._refs = refs
            tie = opening.tie_of(state, self.journal_path, self._revision)
            summary_file.write(self.summary_path, tie, refs, idents, segments, old)
            written = summary_file.read(self.summary_path)
        except (OSError, ValueError, StoreIOError, datafile.Refused):
            return None
        return written.rows if written is not None and written.tie == tie else None

    def _find_refs(self, state: DiskState) -> Refs | None:
        """Where the documents lie in the data file version of `state` (reads it whole)."""
        fd = os.open(self.path, os.O_RDONLY | (NOFOLLOW & ~os.O_NOFOLLOW))
        source = Source(fd)
        try:
            st = check_opened(fd, self.path, "data file")
            if st.st_ino != state.main.ino or st.st_size != state.main.size:
                return None
            raw = source.read(0, st.st_size)
        finally:
            source.close()
        tables, _revision, _version = datafile.parse_file(raw)
        return find_refs(raw, tables)

    def _point_at_written(self, tables: datafile.Tables, refs: Refs) -> None:
        """After a compaction: every document read from the file just written when next
        needed, so the documents held as parsed text are let go and the version before
        (still open behind older references) can be freed."""
        state = self._state
        try:
            fd = os.open(self.path, os.O_RDONLY | (NOFOLLOW & ~os.O_NOFOLLOW))
        except OSError:
            return
        source = Source(fd)
        if (
            state is None
            or stamp_of(self.path) != state.main
            or os.fstat(fd).st_ino != (state.main.ino)
        ):
            return  # not the file written (then the references stay as they are)
        for name, spans in refs.items():
            table = tables.get(name)
            if table is not None and name != datafile.META_TABLE:
                for key, (offset, length) in spans.items():
                    table[key] = DocRef(source, offset, length)
