"""Opening a data file through its summary file, without reading the data file.

When the summary file (`summary_file`) is tied to the data file exactly as it is
(same inode, device, size, mtime, header revision and digest of its first and
last bytes) and the journal still begins with what the summaries include, the
tables are made of `DocRef`s (each document read when first needed) and the
journal is replayed over them as usual: a command about one prospect reads that
prospect's line and the journal, nothing else. Anything else (no summary, a
stale or damaged one, a data file another program wrote, a migration due) is the
full read of `disk_state.load_state`, after which the store rebuilds the summary.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from leadline.core.store import datafile, journal, summary_file
from leadline.core.store.datafile import Migration
from leadline.core.store.disk_state import DiskState, Loaded, Stamp, _replay, load_state, stamp_of
from leadline.core.store.docrefs import Source
from leadline.core.store.safe_files import NOFOLLOW, check_opened
from leadline.core.store.summary_file import Contents, JournalTie, Tie

_EDGE = 4096


@dataclass
class Summarized:
    """Which prospect each document holds, and its summary, as of revision `revision`."""

    contents: Contents
    revision: int
    changed_after: set[str]
    """Prospect doc ids the journal changed after `revision`: their summaries are stale."""

    def idents(self) -> list[tuple[str, str, str]]:
        """(doc id, prospect id, folded name) of each prospect as of `revision`."""
        c = self.contents
        return list(zip(c.docs, c.pids, c.folded, strict=True))


def edge_digest(fd: int, size: int) -> str:
    """`journal.main_digest` of the open file's content, reading only its first and
    last 4 KiB."""
    head = os.pread(fd, _EDGE, 0)
    tail = os.pread(fd, _EDGE, max(0, size - _EDGE))
    return journal.main_digest_of(size, head, tail)


def load(
    path: Path, journal_path: Path, known: int, steps: Mapping[int, Migration]
) -> tuple[Loaded, Summarized | None]:
    """The tables and state on disk (see the module docstring); raises datafile.Refused."""
    fast = _through_summary(path, journal_path, known)
    if fast is not None:
        return fast
    return load_state(path, journal_path, known, steps), None


def _through_summary(
    path: Path, journal_path: Path, known: int
) -> tuple[Loaded, Summarized] | None:
    contents = summary_file.read(summary_file.summary_path(path))
    if contents is None:
        return None
    tie = contents.tie
    fd = os.open(path, os.O_RDONLY | (NOFOLLOW & ~os.O_NOFOLLOW))
    source = Source(fd)
    st = check_opened(fd, path, "data file")
    main = Stamp.of(st)
    if (main.ino, main.dev, main.size, main.mtime_ns) != (tie.ino, tie.dev, tie.size,
                                                           tie.mtime_ns):  # fmt: skip
        return None
    if tie.schema_version != known or edge_digest(fd, main.size) != tie.digest:
        return None
    if datafile.head_revision(os.pread(fd, datafile.HEAD_BYTES, 0)) != tie.revision:
        return None
    tables: datafile.Tables = dict(contents.tables(source))
    state = DiskState(main, tie.revision, main.size, tie.digest, known, False,
                      None, 0, False, False)  # fmt: skip
    found = journal.read_from(journal_path, 0)
    revision = tie.revision
    if found is not None:
        revision = _replay(path, tables, revision, state, found)
    changed = _changed_after(tie, state, found)
    if changed is None or stamp_of(path) != main:
        return None
    tables = datafile.migrate(tables, known, revision, known, {})  # a fresh header
    summarized = Summarized(contents, tie.journal.revision if tie.journal else tie.revision,
                            changed)  # fmt: skip
    return Loaded(tables, revision, state), summarized


def _changed_after(
    tie: Tie, state: DiskState, found: tuple[os.stat_result, bytes] | None
) -> set[str] | None:
    """The prospect documents changed after what the summaries include; None if the
    journal no longer begins with what they include."""
    log = tie.journal
    if not state.journal_ok or found is None:
        return set() if log is None else None
    stat, raw = found
    if log is not None:
        if stat.st_ino != log.ino or state.journal_end < log.end:
            return None
        if zlib.crc32(raw[: log.end]) != log.crc:
            return None
    start = log.end if log is not None else state.journal_start
    expected = (log.revision if log is not None else tie.revision) + 1
    records = journal.scan(raw[start : state.journal_end], with_header=False, expected=expected)
    changed: set[str] = set()
    for _revision, changes in records.records:
        changed.update(changes.get(datafile.PROSPECTS_TABLE, {}))
    return changed


def journal_tie(journal_path: Path, state: DiskState, revision: int) -> JournalTie | None:
    """What a summary of the state at `revision` (the last one read) includes of the
    journal; None when the journal adds nothing to the data file."""
    if not state.journal_ok or state.journal_end <= state.journal_start or state.journal is None:
        return None
    found = journal.read_from(journal_path, 0)
    if found is None or found[0].st_ino != state.journal.ino:
        raise OSError("the journal changed while the summary was written")
    raw = found[1][: state.journal_end]
    return JournalTie(state.journal.ino, state.journal_end, revision, zlib.crc32(raw))


def tie_of(state: DiskState, journal_path: Path, revision: int) -> Tie:
    """The tie of a summary describing the state last read or written."""
    main = state.main
    return Tie(main.ino, main.dev, main.size, main.mtime_ns, state.main_digest,
               state.main_revision, state.schema_version,
               journal_tie(journal_path, state, revision))  # fmt: skip
