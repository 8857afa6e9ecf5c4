"""Drive a full-screen program in a pseudo-terminal: first paint and key latency.

First paint: time from spawning the process until a known string shows on the
screen (escape sequences stripped). Key to repaint: with the screen idle, time
from writing a key to the last byte of the burst the program writes back (the
burst ends at the first pause of `gap` seconds; the pause itself is not counted),
and to its first byte.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time

_ESCAPES = re.compile(
    rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)"
)


class Terminal:
    """One program running in a pty of `cols` x `rows`."""

    def __init__(self, argv: list[str], env: dict[str, str], cols: int = 80, rows: int = 24):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        self.raw = bytearray()
        self.text = b""

    def _read(self, timeout: float) -> bytes:
        ready, _, _ = select.select([self.master], [], [], max(timeout, 0))
        if not ready:
            return b""
        try:
            chunk = os.read(self.master, 1 << 16)
        except OSError:
            return b""
        self.raw += chunk
        return chunk

    def wait_for(self, needle: str, timeout: float = 120.0) -> float:
        """Seconds since spawn when `needle` first shows; raises on timeout."""
        wanted = needle.encode()
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self._read(deadline - time.perf_counter()):
                if wanted in _ESCAPES.sub(b"", bytes(self.raw)):
                    return time.perf_counter() - self.started
            elif self.proc.poll() is not None:
                break
        tail = _ESCAPES.sub(b"", bytes(self.raw))[-300:]
        raise TimeoutError(f"{needle!r} not shown; screen tail: {tail!r}")

    def elapsed(self) -> float:
        """Seconds since the program was spawned."""
        return time.perf_counter() - self.started

    def settle(self, quiet: float = 0.3, limit: float = 10.0) -> None:
        """Read until the program has written nothing for `quiet` seconds."""
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline and self._read(quiet):
            pass

    def clear(self) -> None:
        """Forget what was shown so far (before waiting for a new string)."""
        self.raw.clear()

    def key_latency(
        self, key: bytes, timeout: float = 5.0, gap: float = 0.004
    ) -> tuple[float, float]:
        """(first byte, end of the repaint) in seconds after writing `key`; screen idle."""
        sent = time.perf_counter()
        os.write(self.master, key)
        if not self._read(timeout):
            raise TimeoutError(f"no output after key {key!r}")
        first = last = time.perf_counter()
        while last - sent < 1.0 and self._read(gap):
            last = time.perf_counter()
        return first - sent, last - sent

    def peak_rss(self) -> float:
        """The program's peak resident memory so far (VmHWM) in MB, while it runs."""
        try:
            status = open(f"/proc/{self.proc.pid}/status").read()
        except OSError:
            return float("nan")
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def quit(self, keys: bytes = b"\x11") -> float:
        """Send the quit key, wait for the end; return the peak RSS in MB."""
        try:
            os.write(self.master, keys)
        except OSError:
            pass
        deadline = time.perf_counter() + 15
        while time.perf_counter() < deadline:
            self._read(0.05)
            pid, status, usage = os.wait4(self.proc.pid, os.WNOHANG)
            if pid:
                self.proc.returncode = os.waitstatus_to_exitcode(status)
                os.close(self.master)
                return usage.ru_maxrss / 1024
        os.killpg(self.proc.pid, signal.SIGKILL)
        _, _, usage = os.wait4(self.proc.pid, 0)
        os.close(self.master)
        return usage.ru_maxrss / 1024
