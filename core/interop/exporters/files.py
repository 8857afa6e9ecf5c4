"""Creating export files that only their owner can read."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Any


def open_private(path: Path, *, binary: bool = False) -> IO[Any]:
    """Open `path` for writing with mode 0600, whatever the umask; truncates it.

    An existing file is tightened to 0600 before anything is written into it.
    Text mode is UTF-8 with `newline=""`, as the csv module wants.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        if binary:
            return os.fdopen(fd, "wb")
        return os.fdopen(fd, "w", encoding="utf-8", newline="")
    except BaseException:
        os.close(fd)
        raise
