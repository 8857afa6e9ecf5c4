"""What the storage knows about the files on disk, and reading them consistently.

A data file version is identified by its inode, size and mtime; the journal by
the same plus how far its good part reaches. Both files are only ever
replaced (the data file) or appended to (the journal), so equal stamps mean
equal content.
"""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from leadline.core.store import backups as backup_files
from leadline.core.store import datafile, foreign, journal
from leadline.core.store.atomic import write_private_atomic
from leadline.core.store.datafile import Migration, Tables
from leadline.core.store.journal import Changes, Header
from leadline.core.store.layout import edges
from leadline.core.store.manifest import Content
from leadline.core.store.recognise import copied_backup
from leadline.core.store.safe_files import NOFOLLOW, check_opened, own_folder


@dataclass(frozen=True)
class Stamp:
    """What identifies one version of a file without reading it.

    No ctime: taking a backup hard-links the data file, which changes its
    ctime but not its content.
    """

    ino: int
    dev: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, st: os.stat_result) -> Stamp:
        return cls(st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns)


def stamp_of(path: Path) -> Stamp | None:
    """The stamp of `path`, or None if it does not exist."""
    try:
        return Stamp.of(os.stat(path))
    except FileNotFoundError:
        return None


@dataclass
class DiskState:
    """The data file and journal as last read or written by this process."""

    main: Stamp
    main_revision: int
    main_size: int
    main_digest: str
    schema_version: int
    """The data file's own schema version (its journal's records are in it too)."""
    needs_full_save: bool
    journal: Stamp | None
    journal_end: int
    journal_ok: bool
    journal_orphan: bool
    """The journal extends another version of the data file (or a copy of a backup put
    back by hand) and holds changes past it: kept aside at the next save, never applied."""
    journal_start: int = 0
    """Where the journal's records begin (the length of its header line)."""
    journal_rebind: bool = False
    """The journal belongs to this data file, but its header names the file it was started
    on as another inode or mtime (the folder was moved or copied whole), or none (an older
    leadline): the next save writes the header anew, records unchanged."""

    def stamps(self) -> tuple[Stamp | None, Stamp | None]:
        return self.main, self.journal

    def header(self) -> Header:
        return Header(self.main_revision, self.main_size, self.main_digest, self.schema_version,
                      self.main.ino, self.main.mtime_ns)  # fmt: skip

    def content(self) -> Content:
        """What the data file holds, as a backup of it records."""
        return Content(self.main_revision, self.main_size, self.main_digest)

    def ready_journal(self, data_path: Path, journal_path: Path) -> None:
        """Before an append: a journal for this data file, its header naming it (locked)."""
        if not self.journal_ok:
            self.start_journal(data_path, journal_path)
        elif self.journal_rebind:
            found = journal.read_from(journal_path, 0)
            records = found[1][self.journal_start : self.journal_end] if found else b""
            line = self.header().line()
            write_private_atomic(journal_path, line + records)
            self.journal, self.journal_start = stamp_of(journal_path), len(line)
            self.journal_end, self.journal_rebind = len(line) + len(records), False

    def start_journal(self, data_path: Path, journal_path: Path) -> None:
        """Replace a missing or foreign journal by an empty one for this data file (locked)."""
        self.set_aside_orphan(data_path, journal_path)
        line = self.header().line()
        write_private_atomic(journal_path, line)
        self.journal, self.journal_end, self.journal_ok = stamp_of(journal_path), len(line), True
        self.journal_start = len(line)

    def set_aside_orphan(self, data_path: Path, journal_path: Path) -> None:
        """Keep a journal that would be lost (changes past another file version) in backups/."""
        if not self.journal_orphan:
            return
        folder = backup_files.backup_dir(data_path)
        own_folder(folder, create=True)
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        aside = folder / f"{data_path.name}.{stamp}.orphaned-journal"
        if aside.exists() or aside.is_symlink():  # never over another one kept aside
            aside = aside.with_name(f"{aside.name}-{secrets.token_hex(4)}")
        os.replace(journal_path, aside)
        self.journal_orphan = False

    def journal_bytes(self, journal_path: Path) -> bytes | None:
        """The good part of the journal if it holds changes to this data file."""
        if not self.journal_ok or self.journal_end <= self.journal_start:
            return None
        found = journal.read_from(journal_path, 0)
        return found[1][: self.journal_end] if found is not None else None

    def new_records(
        self, data_path: Path, journal_path: Path, expected: int
    ) -> list[tuple[int, Changes]] | None:
        """The journal records other processes appended since last read, starting at
        revision `expected` (moving the read position past them); None when the files
        changed in another way and must be loaded whole."""
        main, log = stamp_of(data_path), stamp_of(journal_path)
        if main != self.main:
            return None
        if log == self.journal:
            return []
        if not self.journal_ok or log is None or self.journal is None:
            return None
        if log.ino != self.journal.ino or log.size < self.journal_end:
            return None
        found = journal.read_from(journal_path, self.journal_end)
        if found is None:
            return None
        stat, raw = found
        scan = journal.scan(raw, with_header=False, expected=expected)
        self.journal = Stamp.of(stat)
        self.journal_end += scan.end
        return scan.records

    @classmethod
    def write_full(
        cls,
        data_path: Path,
        journal_path: Path,
        raw: bytes | list[bytes],
        revision: int,
        schema_version: int,
        old: DiskState | None,
    ) -> DiskState:
        """Replace the data file by `raw` (or chunks of it), then start an empty journal for
        it (locked).

        A kill or a failure (a full disk) between the two steps leaves the new data
        file with the old journal, which no longer matches it and is therefore
        ignored; the next save starts the journal again.
        """
        if old is not None:
            old.set_aside_orphan(data_path, journal_path)
        chunks = [raw] if isinstance(raw, bytes) else raw
        size = sum(map(len, chunks))
        write_private_atomic(data_path, chunks)
        main = Stamp.of(os.stat(data_path))
        digest = journal.main_digest_of(size, *edges(chunks))
        state = cls(main, revision, size, digest, schema_version, False,
                    None, 0, False, False)  # fmt: skip
        try:
            state.start_journal(data_path, journal_path)
        except OSError:
            state.journal = stamp_of(journal_path)  # the saved data file stands alone
        return state


@dataclass
class Loaded:
    """Tables and revision read from disk (data file plus journal), and the state."""

    tables: Tables
    revision: int
    state: DiskState


def _read_main(path: Path) -> tuple[os.stat_result, bytes]:
    # A link the user made is followed; what it leads to must be a regular file of ours
    # (O_NONBLOCK: a FIFO given as the data file must not hang the open).
    fd = os.open(path, os.O_RDONLY | (NOFOLLOW & ~os.O_NOFOLLOW))
    try:
        st = check_opened(fd, path, "data file")
    except BaseException:
        os.close(fd)
        raise
    with open(fd, "rb") as handle:
        return st, handle.read()


def load_state(
    path: Path, journal_path: Path, known: int, steps: Mapping[int, Migration]
) -> Loaded:
    """Read the data file and replay its journal; raises datafile.Refused.

    Without the lock a writer may compact between the two reads; the data
    file's stamp is checked again afterwards and the read repeated if it moved.
    """
    while True:
        st, raw = _read_main(path)
        tables, main_revision, version = datafile.parse_file(raw)
        if version > known:
            datafile.migrate(tables, version, main_revision, known, steps)  # raises Refused
        digest = journal.main_digest(raw)
        state = DiskState(Stamp.of(st), main_revision, len(raw), digest, version,
                          version < known, None, 0, False, False)  # fmt: skip
        found = journal.read_from(journal_path, 0)
        revision = main_revision
        if found is not None:
            revision = _replay(path, tables, revision, state, found)
        if stamp_of(path) == state.main:
            tables = datafile.migrate(tables, version, revision, known, steps)
            return Loaded(tables, revision, state)


def _replay(
    path: Path,
    tables: Tables,
    revision: int,
    state: DiskState,
    found: tuple[os.stat_result, bytes],
) -> int:
    stat, raw = found
    state.journal = Stamp.of(stat)
    scan = journal.scan(raw, with_header=True, expected=revision + 1)
    header = scan.header
    if header is None or not header.same_content(state.header()) or _put_back(path, state, scan):
        later = journal.scan(raw, with_header=True).records
        state.journal_orphan = any(r > revision for r, _ in later)
        if state.journal_orphan:  # another program's rewrite, unless a backup was put back
            version, main = state.schema_version, state.main
            foreign.refuse_rewrite(path, header, state.content(), version, later, main)
        return revision
    for _revision, changes in scan.records:
        journal.apply_changes(tables, changes)
    state.journal_ok, state.journal_end = True, scan.end
    state.journal_start = raw.find(b"\n") + 1
    state.journal_rebind = header.ino != state.main.ino or header.mtime_ns != state.main.mtime_ns
    return scan.records[-1][0] if scan.records else revision


def _put_back(path: Path, state: DiskState, scan: journal.Scan) -> bool:
    """True if the data file is a backup put back by hand and the journal is newer."""
    assert scan.header is not None
    if scan.header.same_file(state.main.ino, state.main.mtime_ns) or not scan.records:
        return False
    file_id = (state.main.dev, state.main.ino)
    return copied_backup(path, file_id, state.content(), scan.records[-1][0]) is not None
