"""Recognising a backup put back over the data file by hand.

A backup is usually a hard link of the data file as it was, and until the next
compaction the data file's content is the very content the journal extends. So
when a user copies that backup back (`cp`, a file manager, `rm` and `cp -p`), the
journal still matches the content and would replay every later change over it,
silently undoing the restore. The journal's header therefore also records which
file it was started on (inode and mtime: `journal.Header.same_file`). When that
differs, the data file is either a copy of a recorded backup (put back by hand:
the journal is stale) or the same file moved with its folder (to another disk,
by rsync or a backup tool: the journal still belongs to it). They are told
apart by the backup itself: a copy leaves the recorded backup where it was, at
its recorded inode; a moved folder moved the backups too.
"""

from __future__ import annotations

import os
from pathlib import Path

from leadline.core.store import manifest
from leadline.core.store.backups import backup_dir
from leadline.core.store.datafile import DataFileError
from leadline.core.store.manifest import Content, Entry
from leadline.core.store.safe_files import own_folder


def copied_backup(
    data_path: Path, file_id: tuple[int, int], content: Content, journal_last: int
) -> Path | None:
    """The recorded backup that the data file (device and inode `file_id`, holding
    `content`) was put back from, if the journal (reaching `journal_last`) holds
    changes newer than any backup of that content; else None."""
    folder = backup_dir(data_path)
    try:
        entries = manifest.read(folder, data_path.name) if own_folder(folder, create=False) else []
    except (OSError, DataFileError):
        return None
    matching = [e for e in entries or [] if e.content == content]
    if not matching or journal_last <= max(e.revision for e in matching):
        return None  # the journal is no newer than a backup of this content (put back too)
    for entry in matching:
        if _put_back(folder / entry.name, entry, file_id):
            return folder / entry.name
    return None


def _put_back(path: Path, entry: Entry, file_id: tuple[int, int]) -> bool:
    try:
        st = os.lstat(path)
        intact = (st.st_dev, st.st_ino) == (entry.dev, entry.ino)
    except OSError:
        intact = False
    recorded = (entry.dev, entry.ino)
    copied = intact and recorded != file_id  # the backup is still there: a copy of it
    moved = not intact and recorded == file_id  # the backup's own file, moved into place
    return copied or moved
