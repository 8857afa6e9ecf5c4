"""The store's one-line refusals beyond a damaged data file.

Both are `DataFileError`s, so a front-end that reports those (the CLI: one line,
exit status 2) reports these too, and neither carries a backup hint that would
not fit: a planted file or a full disk says nothing about the data file's content.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from leadline.core.store.datafile import DataFileError

_PLAIN_WORDS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the file system is read-only",
    errno.EFBIG: "the file would exceed the size limit",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "it is a directory, not a data file",
    errno.ENOTDIR: "a part of the path is not a directory",
    errno.EIO: "the disk reported an input/output error",
}


class UnsafeFileError(DataFileError):
    """A file or folder leadline uses is not one leadline made: a symbolic link, another
    user's file or folder, or not a regular file. Nothing was read from it or written."""

    def __init__(self, path: Path, problem: str, *, planted: bool = True) -> None:
        if planted:
            advice = (
                "leadline refuses to use it and changed nothing; if you did not put it "
                "there, someone else may have: remove it, or keep the data in a folder "
                "of your own"
            )
        else:
            advice = "leadline cannot use it and changed nothing"
        Exception.__init__(self, f"{path}: {problem}. {advice}")
        self.path, self.problem, self.backup = path, problem, None


class StoreIOError(DataFileError, OSError):
    """The operating system refused a read or a write (a full disk, a read-only place, a
    directory where a file should be); nothing was changed. Also an OSError, with its
    errno, for callers that handle those."""

    def __init__(self, path: Path, doing: str, error: OSError) -> None:
        reason = _PLAIN_WORDS.get(error.errno or 0) or error.strerror or str(error)
        Exception.__init__(
            self, f"{path}: could not {doing}: {reason} ({error.strerror or error}). "
            "Nothing was changed"
        )  # fmt: skip
        self.path, self.problem, self.backup = path, reason, None
        self.errno, self.cause = error.errno, error


@contextmanager
def io_errors(path: Path, doing: str) -> Iterator[None]:
    """Turn a raw OSError inside the block into a StoreIOError naming `path` and `doing`."""
    try:
        yield
    except DataFileError:
        raise
    except OSError as error:
        raise StoreIOError(_named(path, error), doing, error) from error


def _named(path: Path, error: OSError) -> Path:
    """The file the error names, if the operating system said which one."""
    name = error.filename
    return Path(os.fsdecode(name)) if isinstance(name, str | bytes) else path
