"""I/O failures in words: which file, what went wrong, and what it means for the data.

A command that cannot read or save the data file (a full disk, a read-only
file system, a file-size limit) stops with one line naming the file; the
store's saves are all or nothing, so the line can say that nothing was
changed. Standard output failing (a full disk behind a shell's `>`) is told
apart from the data file, because then the command itself may have worked.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Protocol

_WRITING = frozenset({errno.ENOSPC, errno.EROFS, errno.EFBIG, errno.EDQUOT})
"""Errors that only writing can cause: the line says "cannot write"."""


class _Stream(Protocol):
    def write(self, text: str, /) -> int: ...
    def flush(self) -> None: ...


class OutputError(Exception):
    """Standard output could not be written; the message says why."""


class GuardedOutput:
    """Standard output whose write failures are OutputError, not the data file's OSError.

    A broken pipe stays a BrokenPipeError: the reader went away, which is no failure.
    """

    def __init__(self, stream: _Stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputError(io_reason(error)) from error

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputError(io_reason(error)) from error

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def describe_io_failure(error: OSError, data_file: Path) -> str:
    """One line for an I/O error on the data file (or the file the error names)."""
    path = error.filename if isinstance(error.filename, str) else str(data_file)
    verb = "write" if error.errno in _WRITING else "use"
    return f"cannot {verb} {path}: {io_reason(error)}; nothing was changed"


def io_reason(error: OSError) -> str:
    """Why an I/O call failed, in the system's words, with a hint for a full disk."""
    reason = error.strerror or str(error)
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        reason += " (free some space and try again)"
    return reason
