"""Another program rewrote the data file while the journal held changes: refuse, say so.

A TinyDB program (TinyDB's own JSONStorage, a script) rewrites the whole data
file and keeps the `_leadline` header table as it was, so the file's revision
stays where it was while the journal beside it holds later saves. The journal's
header names the content it extends (`journal.Header`), which the rewrite
changed: replaying it would overwrite the other program's work, ignoring it
would lose leadline's. So leadline goes no further (`ForeignWriteError`) until
`leadline recover` (`recover`) has put both together, and the journal is kept
as it is.

A backup put back by hand looks the same from the journal's side, but its
content is one leadline recorded (`manifest`): that is a restore, handled as
before (`recognise`, `DiskState.set_aside_orphan`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

from leadline.core.store import backups, manifest
from leadline.core.store.datafile import PROSPECTS_TABLE, DataFileError, materialize
from leadline.core.store.history import HISTORY_TABLE, Entry, entry_from_doc
from leadline.core.store.journal import Changes, Header, journal_path
from leadline.core.store.manifest import Content
from leadline.core.store.safe_files import own_folder
from leadline.core.store.summary import Kind

Record = tuple[int, Changes]


class ForeignWriteError(DataFileError):
    """The data file was rewritten by another program while its journal held changes
    the file lacks. Nothing was changed; the journal is kept as it is."""

    def __init__(self, path: Path, pending: list[Record]) -> None:
        self.path, self.backup, self.pending = path, None, pending
        self.journal_path = journal_path(path)
        count = len(pending)
        self.problem = (
            f"another program rewrote the data file while {count} unfolded "
            f"change{'s' if count != 1 else ''} ({changes_in_words(pending)}) in "
            f"{self.journal_path.name} were not yet in it"
        )
        Exception.__init__(
            self, f"{path}: {self.problem}. leadline changed nothing and kept the journal; "
            "run 'leadline recover' to apply them onto the changed file"
        )  # fmt: skip


def unfolded(
    path: Path, header: Header | None, content: Content, schema_version: int, records: list[Record]
) -> list[Record]:
    """The journal's records that a rewrite of the data file (holding `content`, in
    `schema_version`) left out; [] if the journal extends this very content, holds
    nothing past it, or the file is a leadline backup put back."""
    if header is None:
        return []
    mine = Header(content.base, content.size, content.digest, schema_version)
    if header.same_content(mine):
        return []
    pending = [record for record in records if record[0] > content.base]
    if not pending or _a_backup(path, content):
        return []
    return pending


class Seen(Protocol):
    """The data file version read (`disk_state.Stamp`)."""

    @property
    def ino(self) -> int: ...
    @property
    def dev(self) -> int: ...
    @property
    def size(self) -> int: ...
    @property
    def mtime_ns(self) -> int: ...


def refuse_rewrite(
    path: Path,
    header: Header | None,
    content: Content,
    schema_version: int,
    records: list[Record],
    seen: Seen,
) -> None:
    """Raise ForeignWriteError if another program rewrote the data file (see `unfolded`)
    and the file is still the version `seen` (else a leadline compaction raced the read,
    which is read again)."""
    pending = unfolded(path, header, content, schema_version, records)
    if pending and _still(path, seen):
        raise ForeignWriteError(path, pending)


def _still(path: Path, seen: Seen) -> bool:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    return (st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns) == (
        seen.ino, seen.dev, seen.size, seen.mtime_ns)  # fmt: skip


def _a_backup(path: Path, content: Content) -> bool:
    """True if `content` is that of a backup leadline recorded (so it was put back)."""
    folder = backups.backup_dir(path)
    try:
        if not own_folder(folder, create=False):
            return False
        entries = manifest.read(folder, path.name)
        if entries is None:
            entries = backups.recorded(path)
    except (OSError, DataFileError):
        return False
    return any(entry.content == content for entry in entries)


def history_entries(changes: Changes) -> list[Entry]:
    """The history entries one journal record wrote, oldest first."""
    found = (entry_from_doc(doc) for doc in changes.get(HISTORY_TABLE, {}).values() if doc)
    return sorted((e for e in found if e is not None), key=lambda e: e.seq)


_NOUNS = {
    Kind.NOTE: ("note", "notes", "on"), Kind.TOUCH: ("touch", "touches", "with"),
    Kind.MEETING: ("meeting", "meetings", "with"), Kind.CONTACT: ("contact", "contacts", "at"),
    Kind.STAGE: ("stage move", "stage moves", "of"),
    Kind.ADDED: ("new prospect", "new prospects", ""),
    Kind.DELETED: ("deletion", "deletions", "of"), Kind.MERGED: ("merge", "merges", "into"),
    Kind.UNDO: ("undo", "undos", "on"),
}  # fmt: skip


def changes_in_words(records: list[Record]) -> str:
    """ "notes on Acme GmbH and Wisła; stage move of Bolt": what the saves did, to whom."""
    groups: dict[Kind | None, list[str]] = {}
    for _revision, changes in records:
        entries = history_entries(changes)
        for entry in entries:
            kind = entry.what.kind if entry.what.kind in _NOUNS else None
            whole = entry.count <= len(entry.items)  # a big save names only a few
            groups.setdefault(kind, []).extend(entry.names() if whole else _names(changes))
        if not entries:
            groups.setdefault(None, []).extend(_names(changes))
    counts = {kind: len(names) for kind, names in groups.items()}
    parts = [_group(kind, counts[kind], _distinct(names)) for kind, names in groups.items()]
    return "; ".join(parts[:3]) + ("; and more" if len(parts) > 3 else "")


def _group(kind: Kind | None, count: int, names: list[str]) -> str:
    if kind is None:
        return f"changes to {_listed(names)}" if names else "changes"
    one, many, word = _NOUNS[kind]
    noun = many if count > 1 else one
    return f"{noun} {word} {_listed(names)}" if word else f"{noun} {_listed(names)}"


def _names(changes: Changes) -> list[str]:
    docs = changes.get(PROSPECTS_TABLE, {}).values()
    return [str(materialize(doc).get("name", "?")) for doc in docs if doc is not None]


def _distinct(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _listed(names: list[str], most: int = 4) -> str:
    if len(names) > most:
        return f"{', '.join(names[:most])} and {len(names) - most} more"
    if len(names) > 1:
        return f"{', '.join(names[:-1])} and {names[-1]}"
    return names[0] if names else "?"
