"""Shared test setup. Its presence puts tests/ on sys.path, so test modules can
`import strategies` and `import testkit` (the hypothesis strategies and the shared clock,
prospect factory and async runner)."""

import os
import sys
import tempfile
from pathlib import Path

import pytest

# This machine sets PYTHONDONTWRITEBYTECODE, so every xdist worker compiled leadline again
# and pytest rewrote every test module's asserts again: about 2 s of CPU a worker. Keep the
# bytecode, outside the tree (no __pycache__ beside the sources), checked against each
# source's mtime as usual. Only for this process: a subprocess given the prefix would look
# for the standard library's bytecode there too and compile it all again.
sys.dont_write_bytecode = False
sys.pycache_prefix = str(Path(tempfile.gettempdir()) / f"leadline-tests-pycache-{os.getuid()}")


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist: without it, not called
def pytest_xdist_auto_num_workers(config: object) -> int:
    """`-n auto` (the default run): three workers a core, at most twelve (6 on 2 cores).
    Over a third of the suite's wall time is waiting, not computing: Pilot's idle checks
    (epoll), kills at random moments, subprocesses. On this 2-core machine 3 workers took
    74 s, 4 took 63 s, 6 took 53-55 s (user CPU the same, 83-87 s), green 3 of 3."""
    cores = os.cpu_count() or 1
    return min(3 * cores, 12)
