"""Writing a text in the user's own editor ($VISUAL, else $EDITOR, else vi).

Used by `leadline note PROSPECT --edit` and by the TUI's note box (Ctrl+E, inside
Textual's `App.suspend()`). No Textual here: the CLI imports it too.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path


class EditorError(Exception):
    """The editor could not be started or did not finish well; nothing is saved."""


def editor_command() -> str:
    """The editor the user chose: $VISUAL, else $EDITOR, else vi."""
    return os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"


def edit_text(initial: str = "") -> str:
    """What the user left in a temporary file that held `initial` when the editor opened.

    The file lives in a folder only the user can read (a note may be private) and is
    removed afterwards. Raises EditorError when the editor cannot run or fails.
    """
    command = editor_command()
    with tempfile.TemporaryDirectory(prefix="leadline-") as folder:
        path = Path(folder) / "note.txt"
        path.write_text(initial, encoding="utf-8")
        try:
            done = subprocess.run([*shlex.split(command), str(path)], check=False)
        except (OSError, ValueError) as error:
            raise EditorError(f"cannot start the editor {command!r}: {error}") from None
        if done.returncode != 0:
            raise EditorError(f"the editor {command!r} exited with status {done.returncode}")
        return path.read_text(encoding="utf-8", errors="replace")
