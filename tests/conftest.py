"""Shared test setup. Its presence puts tests/ on sys.path, so test modules can
`import strategies` and `import testkit` (the hypothesis strategies and the shared clock,
prospect factory and async runner)."""

import sys

# This machine sets PYTHONDONTWRITEBYTECODE, so without this every xdist worker compiled
# leadline again and pytest rewrote every test module's asserts again: about 3 s of CPU a
# worker, and the same for each subprocess a test starts. Bytecode goes to __pycache__
# (ignored by git), checked against each source's mtime and size as usual.
sys.dont_write_bytecode = False
