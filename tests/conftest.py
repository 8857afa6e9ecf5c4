"""Shared test setup. Its presence puts tests/ on sys.path, so test modules can
`import strategies` and `import testkit` (the hypothesis strategies and the shared clock,
prospect factory and async runner)."""

import os
import sys
import tempfile
from pathlib import Path

# This machine sets PYTHONDONTWRITEBYTECODE, so every xdist worker compiled leadline again
# and pytest rewrote every test module's asserts again: about 2 s of CPU a worker, and a
# compile of leadline for each subprocess a test starts. Keep the bytecode, outside the
# tree (no __pycache__ beside the sources), checked against each source's mtime as usual.
_PYCACHE = Path(tempfile.gettempdir()) / f"leadline-tests-pycache-{os.getuid()}"
sys.dont_write_bytecode = False
sys.pycache_prefix = str(_PYCACHE)
os.environ["PYTHONPYCACHEPREFIX"] = str(_PYCACHE)  # the subprocesses read it too
