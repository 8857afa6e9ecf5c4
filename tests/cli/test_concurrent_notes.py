"""Four shells typing `leadline note` into one file at once lose no note."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from leadline.core.store.facade import Store

WRITERS = 4
NOTES_EACH = 100


def _writer(db: Path, writer: int) -> list[int]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADLINE_")}
    env["LEADLINE_DB"] = str(db)
    failures = []
    for n in range(NOTES_EACH):
        done = subprocess.run(
            [sys.executable, "-m", "leadline.tui.cli.main", "note", "Acme", f"w{writer} n{n}"],
            env=env,
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )
        if done.returncode != 0:
            failures.append(n)
    return failures


@pytest.mark.slow
def test_four_processes_times_one_hundred_notes(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("add", "Acme Ltd")
    db = tmp_path / "data" / "leadline.json"
    with ThreadPoolExecutor(WRITERS) as pool:  # each thread drives its own processes
        failures = list(pool.map(lambda w: _writer(db, w), range(WRITERS)))
    assert failures == [[]] * WRITERS
    store = Store.open(db)
    try:
        (acme,) = store.prospects()
        texts = [note.text for note in acme.notes]
    finally:
        store.close()
    assert len(texts) == WRITERS * NOTES_EACH
    assert sorted(texts) == sorted(f"w{w} n{n}" for w in range(WRITERS) for n in range(NOTES_EACH))
    for w in range(WRITERS):  # each shell's notes land in the order it typed them
        mine = [t for t in texts if t.startswith(f"w{w} ")]
        assert mine == [f"w{w} n{n}" for n in range(NOTES_EACH)]
