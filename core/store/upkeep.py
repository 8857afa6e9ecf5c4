"""What a writer does once per session under the lock, besides saving: tidy up after
killed writers, and take the session's backup."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import ClassVar

from leadline.core.store import backups
from leadline.core.store.atomic import remove_orphaned_temps, tighten_to_private
from leadline.core.store.datafile import DataFileError, Migration
from leadline.core.store.disk_state import DiskState
from leadline.core.store.safe_files import own_folder
from leadline.core.store.summary_file import summary_path


def tidy(data_path: Path, journal_path: Path) -> None:
    """Remove the temporary files killed writers left, and make files copied in by hand
    private (saves append to the journal and would leave it readable). Hold the lock."""
    try:
        remove_orphaned_temps(data_path)
        remove_orphaned_temps(journal_path)
        remove_orphaned_temps(summary_path(data_path))
        folder = backups.backup_dir(data_path)
        if own_folder(folder, create=False):
            remove_orphaned_temps(data_path, folder)
    except (OSError, DataFileError):
        pass  # tidying is not saving: the save itself says what is wrong, if anything
    for existing in (data_path, journal_path, summary_path(data_path)):
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


class SessionUpkeep:
    """Mixin of `LeadlineStorage`: the session's backup and the refusal naming one."""

    path: Path
    journal_path: Path
    backups: int
    schema_version: ClassVar[int]
    migrations: ClassVar[Mapping[int, Migration]]
    _backed_up: bool
    _revision: int
    _state: DiskState | None
    _clock: Callable[[], float]

    def _backup_once(self) -> None:
        if self._backed_up:
            return
        if self._revision > 0 and self._state is not None:
            back_up(self.path, self.journal_path, self._state, self._revision,
                           self.backups, self._clock())  # fmt: skip
        self._backed_up = True

    def refuse(self, problem: str) -> DataFileError:
        """The error for an unusable file, naming the newest backup that still reads."""
        return backups.refusal(self.path, problem, self.schema_version, self.migrations)
