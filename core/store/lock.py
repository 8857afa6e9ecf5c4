"""An exclusive lock shared by every process writing one data file.

The lock lives on a separate file (`<data file>.lock`): the data file itself is
replaced on every save, so its inode cannot carry a lock. The holder writes
its pid and command name (`leadline note`: never its arguments, which hold note
text and phone numbers) into the lock file, so a process that gives up after
the timeout can say who is in the way. The kernel drops an flock when its
holder dies, so a killed writer never leaves the lock behind. The lock file is
opened without following a link and must be a file of ours (`safe_files`); only
writers take it, so reading works where nothing can be written.

The lock is re-entrant within a process (a read-modify-write can hold it while
the save inside takes it again) and also serialises threads.
"""

from __future__ import annotations

import fcntl
import os
import re
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from leadline.core.store.atomic import PRIVATE_FILE
from leadline.core.store.datafile import DataFileError
from leadline.core.store.safe_files import open_own

_WORD = re.compile(r"[a-z][a-z0-9-]{0,30}")
_NOT_A_NAME = re.compile(r"[^A-Za-z0-9._-]")


class StoreLocked(Exception):
    """Another process held the data file's lock for longer than the timeout."""

    def __init__(self, data_path: Path, holder_pid: int | None, holder_cmd: str, waited: float):
        self.data_path = data_path
        self.holder_pid = holder_pid
        self.holder_cmd = holder_cmd
        who = f"pid {holder_pid}" if holder_pid is not None else "another process"
        if holder_cmd:
            who += f" ({holder_cmd})"
        super().__init__(
            f"{data_path} is busy: {who} has been writing it for over {waited:g} s. "
            "Try again in a moment, or end that process."
        )


def command_name(argv: list[str]) -> str:
    """The program and its subcommand, as `leadline note`: no argument, no path.

    The subcommand is the first argument if it looks like one (a lower-case word);
    anything else (an option, a name, a number) leaves only the program's name.
    """
    program = _NOT_A_NAME.sub("", os.path.basename(argv[0]) if argv else "")[:40]
    program = program or "python"
    if len(argv) > 1 and _WORD.fullmatch(argv[1]):
        return f"{program} {argv[1]}"
    return program


def _holder_line(name: str | None) -> bytes:
    return f"{os.getpid()} {name or command_name(sys.argv)}\n".encode(errors="replace")


def _read_holder(lock_path: Path) -> tuple[int | None, str]:
    try:
        fd = open_own(lock_path, os.O_RDONLY, "lock file")
        with open(fd, "rb") as handle:
            text = handle.read(200).decode(errors="replace").strip()
    except (OSError, DataFileError):  # no file, or one not ours (UnsafeFileError): no one
        return None, ""
    pid, _, command = text.partition(" ")
    command = " ".join(_NOT_A_NAME.sub("", word) for word in command.split())[:60]
    if not pid.isdigit() or not _alive(int(pid)):
        # The last holder's line outlives it; a lock taken by another tool
        # (flock(1), an editor) leaves no line of its own.
        return None, ""
    return int(pid), command


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


class FileLock:
    """Exclusive lock on `lock_path`, guarding `data_path`, with a timeout in seconds."""

    def __init__(
        self, lock_path: Path, data_path: Path, timeout: float, name: str | None = None
    ) -> None:
        self.lock_path = lock_path
        self.data_path = data_path
        self.timeout = timeout
        self.name = name
        """What the lock file says holds it (default: `command_name(sys.argv)`)."""
        self.thread_lock = threading.RLock()
        self._depth = 0
        self._fd: int | None = None

    @contextmanager
    def hold(self) -> Iterator[None]:
        """Hold the lock for the duration of the `with` block."""
        self.acquire()
        try:
            yield
        finally:
            self.release()

    def acquire(self) -> None:
        """Take the lock, or raise StoreLocked after `timeout` seconds."""
        if not self.thread_lock.acquire(timeout=max(self.timeout, 0)):
            raise StoreLocked(self.data_path, os.getpid(), "another thread", self.timeout)
        try:
            if self._depth == 0:
                self._fd = self._lock_file()
        except BaseException:
            self.thread_lock.release()
            raise
        self._depth += 1

    def release(self) -> None:
        """Release one level of the lock; the file lock goes with the last one."""
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None
        self.thread_lock.release()

    def _lock_file(self) -> int:
        fd = open_own(self.lock_path, os.O_RDWR | os.O_CREAT, "lock file", PRIVATE_FILE)
        try:
            os.fchmod(fd, PRIVATE_FILE)
            self._wait_for(fd)
            line = _holder_line(self.name)
            os.pwrite(fd, line, 0)
            os.ftruncate(fd, len(line))
        except BaseException:
            os.close(fd)
            raise
        return fd

    def _wait_for(self, fd: int) -> None:
        deadline = time.monotonic() + self.timeout
        delay = 0.001
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    pid, command = _read_holder(self.lock_path)
                    raise StoreLocked(self.data_path, pid, command, self.timeout) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.02)
