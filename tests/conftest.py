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
    """`-n auto` (the default run): half as many workers again as cores, at least one more
    (3 on 2 cores). About a third of the suite's time is waiting (Pilot's idle checks, kills
    at random moments, subprocesses), which the extra workers fill."""
    cores = os.cpu_count() or 1
    return cores + max(1, cores // 2)
