"""What a writer does once per session under the lock, besides saving: tidy up after
killed writers, and take the session's backup."""

from __future__ import annotations

from pathlib import Path

from leadline.core.store import backups
from leadline.core.store.atomic import remove_orphaned_temps, tighten_to_private
from leadline.core.store.datafile import DataFileError
from leadline.core.store.disk_state import DiskState
from leadline.core.store.safe_files import own_folder


def tidy(data_path: Path, journal_path: Path) -> None:
    """Remove the temporary files killed writers left, and make files copied in by hand
    private (saves append to the journal and would leave it readable). Hold the lock."""
    try:
        remove_orphaned_temps(data_path)
        remove_orphaned_temps(journal_path)
        folder = backups.backup_dir(data_path)
        if own_folder(folder, create=False):
            remove_orphaned_temps(data_path, folder)
    except (OSError, DataFileError):
        pass  # tidying is not saving: the save itself says what is wrong, if anything
    for existing in (data_path, journal_path):
        tighten_to_private(existing)


def back_up(
    data_path: Path, journal_path: Path, state: DiskState, revision: int, keep: int, now: float
) -> Path:
    """Take the session's backup of the state on disk (`revision`). Hold the lock."""
    main = state.main
    return backups.take_backup(
        data_path,
        state.content(),
        state.journal_bytes(journal_path),
        revision,
        keep,
        now,
        (main.ino, main.size, main.mtime_ns),
    )
