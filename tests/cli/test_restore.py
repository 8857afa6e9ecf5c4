"""`leadline restore`: the backups listed newest first, and one put back, undoably."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

Run = Callable[..., Any]


def test_restore_lists_the_backups_and_puts_one_back(sample_cli: Run, tmp_path: Path) -> None:
    pid = sample_cli("list", "--json").stdout.split('"id": "')[1].split('"')[0]
    sample_cli("note", pid, "first note")  # a session: a backup, then the note
    sample_cli("note", pid, "second note")
    listed = sample_cli("restore").stdout.splitlines()
    assert listed[0].startswith("backups of ") and "newest first" in listed[0]
    assert "revision 2" in listed[1] and "revision 1" in listed[2]
    done = sample_cli("restore", "2")  # the state before the first note
    assert "restored" in done.stdout and "kept as" in done.stdout
    shown = sample_cli("show", pid).stdout
    assert "first note" not in shown and "second note" not in shown
    # The file as it was is kept beside the backups, not among them (never pruned).
    assert "before-restore" not in sample_cli("restore").stdout
    assert list((tmp_path / "backups").glob("*.before-restore.json"))
    missing = sample_cli("restore", "9", check=False)
    assert missing.returncode == 1 and "no backup number 9" in missing.stderr


def test_undo_after_a_restore_refuses_in_one_line_keeping_the_restore(cli: Run) -> None:
    cli("add", "Acme Ltd")
    cli("note", "acme", "first note")
    cli("restore", "1")
    refused = cli("undo", check=False)
    assert refused.returncode == 1 and refused.stdout == ""
    line = refused.stderr
    assert line.startswith("leadline: cannot undo backup ") and line.count("\n") == 1
    assert " restored, made by leadline restore at " in line and " on -" not in line
    assert "first note" not in cli("show", "acme").stdout  # still as restored
