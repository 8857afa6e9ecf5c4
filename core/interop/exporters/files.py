"""Writing export files: private (0600), all or nothing, never through a planted link.

`open_private` hands out a stream on a temporary file beside the target
(created exclusively, without following symlinks, mode 0600 whatever the
umask). Only when the `with` block ends without an error is it flushed to
disk and renamed over the target, so a full disk, a read-only folder or a
file-size limit leaves the old export exactly as it was, and no half-written
file behind. A symbolic link, a folder or a device at the target is refused
before anything is written: leadline never writes through a link that
someone planted where the export should go.

This is the exports' own small copy of the store's atomic write
(`core/store/atomic.py`): interop and store stay independent rooms.
"""

from __future__ import annotations

import errno
import io
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

PRIVATE_FILE = 0o600
_BUFFER = 1 << 16


class ExportError(OSError):
    """The export file could not be written; whatever was at its path is unchanged.

    An OSError, so a caller that already handles I/O errors shows its message.
    """


@contextmanager
def open_private(path: Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """A stream whose content replaces `path` (mode 0600) when the block ends cleanly.

    Text mode is UTF-8 with `newline=""`, as the csv module wants. Raises
    ExportError, naming the file and the reason, for a target that cannot be
    written (a missing folder, a folder or device or symlink at the path, a
    full disk, ...); an error inside the block leaves the target untouched.
    """
    existed = _check_target(path)
    temp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        fd = os.open(temp, flags, PRIVATE_FILE)
    except OSError as error:
        raise _failed(path, error, existed) from error
    raw = _Descriptor(fd)
    buffered = io.BufferedWriter(raw, buffer_size=_BUFFER)
    stream = buffered if binary else io.TextIOWrapper(buffered, "utf-8", newline="")
    try:
        os.fchmod(fd, PRIVATE_FILE)
        yield stream
        stream.flush()
        os.fsync(fd)
        stream.close()
        _check_target(path)  # nothing planted while the export was being written
        os.replace(temp, path)
    except BaseException as error:
        raw.release()  # first: the buffer left in the stream goes nowhere
        with suppress(OSError, ValueError):
            stream.close()
        temp.unlink(missing_ok=True)
        if isinstance(error, OSError) and not isinstance(error, ExportError):
            raise _failed(path, error, existed) from error
        raise
    _sync_folder(path.parent)


class _Descriptor(io.RawIOBase):
    """An unbuffered writer on a file descriptor, through `os.write`, closed once.

    Once released it refuses to write, so a stream dropped after a failure
    never flushes its buffer into a descriptor number the system reused.
    """

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd: int | None = fd

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if self._fd is None:
            raise OSError(errno.EBADF, "the export file is already closed")
        return os.write(self._fd, data)

    def close(self) -> None:
        self.release()
        super().close()

    def release(self) -> None:
        """Close the descriptor (once); later writes fail instead of going anywhere."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)


def _check_target(path: Path) -> bool:
    """Whether a regular file is at `path` now; refuses a link, a folder or a device."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return False
    except OSError as error:
        raise _failed(path, error, False) from error
    if stat.S_ISLNK(mode):
        reason = "it is a symbolic link, and leadline does not write through one"
    elif stat.S_ISDIR(mode):
        reason = "it is a folder, not a file"
    elif not stat.S_ISREG(mode):
        reason = "it is not a regular file"
    else:
        return True
    raise ExportError(f"cannot export to {path}: {reason}; nothing was written")


def _failed(path: Path, error: OSError, existed: bool) -> ExportError:
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        reason = f"there is no folder {path.parent}"
    else:
        reason = error.strerror or str(error)
    kept = f"{path} is unchanged" if existed else "nothing was written"
    export_error = ExportError(f"cannot export to {path}: {reason}; {kept}")
    export_error.errno = error.errno
    return export_error


def _sync_folder(folder: Path) -> None:
    """Flush the rename to disk; the export is in place even where this is not supported."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
