"""Whether a data file has changes still in its journal, not folded into the file.

Saves append to the journal (journal.py); the data file itself shows them only
after a compaction. A plain TinyDB program reads the data file alone, so the TUI
folds the journal in when it exits, and skips that (a whole-file write) when the
journal holds no record: what this says, from the journal's first bytes only.
"""

from __future__ import annotations

import os
from pathlib import Path

from leadline.core.store.datafile import DataFileError
from leadline.core.store.journal import journal_path
from leadline.core.store.safe_files import open_own

__all__ = ["has_unfolded_changes"]

_HEADER_MAX = 1 << 16
"""More than any journal header line (it names a few numbers and a digest)."""


def has_unfolded_changes(data_path: Path) -> bool:
    """True if the journal beside `data_path` holds anything after its header line (a
    record, or the remains of a cut-short one: compaction tidies both). A journal that
    cannot be read says True, so that compaction, which reads it properly, decides."""
    try:
        fd = open_own(journal_path(data_path), os.O_RDONLY, "journal")
    except FileNotFoundError:
        return False
    except (OSError, DataFileError):  # a planted link, another user's file...
        return True
    with open(fd, "rb") as handle:
        header = handle.readline(_HEADER_MAX)
        return not header.endswith(b"\n") or bool(handle.read(1))
