"""Four shells typing `leadline note` into one file at once lose no note.

Each shell is a forked process that runs its notes one after another, each
note in a process of its own running `main(["note", ...])` from the command
line's argv: the whole command (parse, load the config, open the store, find
the prospect, save under the lock) in a separate process, as in a shell. Forking
skips only the interpreter's start-up, which tests/cli/test_commands.py
(`cli_process`) and tests/test_boundary.py cover. The same race with 4 x 100
saves through the store API is tests/core/test_crash_concurrency.py.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from testkit import SOAK

from leadline.core.store.facade import Store
from leadline.tui.cli.main import main

SHELLS = 4
NOTES_EACH = 12 * SOAK


def _one_note(db: Path, text: str) -> int:
    """Run `leadline --db DB note Acme <text>` in a forked child; its exit status."""
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        sys.stdout = io.StringIO()
        status = 1
        try:
            status = main(["--db", str(db), "note", "Acme", text])
        finally:
            os._exit(status)  # no pytest teardown, no flushing of the parent's buffers
    return os.waitstatus_to_exitcode(os.waitpid(child, 0)[1])


def _shell(db: Path, shell: int) -> None:
    """One shell: NOTES_EACH notes in order; exits with the number that failed."""
    failed = sum(_one_note(db, f"w{shell} n{n}") != 0 for n in range(NOTES_EACH))
    os._exit(min(failed, 100))


@pytest.mark.slow
def test_four_shells_of_note_commands_lose_nothing(cli, cli_db: Path) -> None:  # type: ignore[no-untyped-def]
    cli("add", "Acme Ltd")
    sys.stdout.flush(), sys.stderr.flush()  # the forks must not print the parent's buffers
    shells = []
    for shell in range(SHELLS):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            try:
                _shell(cli_db, shell)
            finally:
                os._exit(100)
        shells.append(pid)
    failures = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in shells]
    assert failures == [0] * SHELLS
    with Store.open(cli_db) as store:
        (acme,) = store.prospects()
        texts = [note.text for note in acme.notes]
        assert store.revision == 1 + SHELLS * NOTES_EACH  # one save per note, none merged
    expected = [f"w{w} n{n}" for w in range(SHELLS) for n in range(NOTES_EACH)]
    assert sorted(texts) == sorted(expected)  # every note, none twice
    for w in range(SHELLS):  # each shell's notes land in the order it typed them
        mine = expected[w * NOTES_EACH : (w + 1) * NOTES_EACH]
        assert [t for t in texts if t.startswith(f"w{w} ")] == mine
    shells_interleaved = [t.split()[0] for t in texts]
    changes = sum(a != b for a, b in zip(shells_interleaved, shells_interleaved[1:], strict=False))
    assert changes >= SHELLS, "the shells ran one after another: no race was tested"
