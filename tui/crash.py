"""What happens on an unexpected exception: a short message, details in a private log.

Textual's own crash report is a Rich traceback with `show_locals=True`: it
would print prospects' names, phone numbers and notes to the terminal (and into
scrollback, screen recordings, shared tmux sessions). Instead the app says in
one line that it stopped and where the details are, and writes the traceback,
without local variables, to a 0600 file in the user's state folder.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leadline.core.paths import state_dir
from leadline.tui import compat

if TYPE_CHECKING:
    from textual.app import App


def default_crash_dir() -> Path:
    """`leadline` in the user's state folder (XDG_STATE_HOME on Linux)."""
    return state_dir()


def format_details(error: BaseException) -> str:
    """The traceback as plain text: frames and source lines, never local variables."""
    lines = traceback.format_exception(type(error), error, error.__traceback__)
    return "".join(lines)


def write_crash_log(error: BaseException, directory: Path, when: datetime) -> Path:
    """Write the details to a new `crash-<timestamp>.log` (0600) and return its path."""
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = when.strftime("%Y%m%d-%H%M%S")
    for attempt in range(100):
        suffix = f"-{attempt}" if attempt else ""
        path = directory / f"crash-{stamp}{suffix}.log"
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        os.fchmod(fd, 0o600)  # O_CREAT's mode is filtered by the umask; be explicit
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(f"leadline crash at {when.isoformat(timespec='seconds')}\n\n")
            handle.write(format_details(error))
        return path
    raise FileExistsError(f"too many crash logs for {stamp} in {directory}")


def short_message(error: BaseException, log: Path | None) -> str:
    """What the user reads: the kind of error and where the details went.

    The exception's own text is left out: it may quote a prospect's data.
    """
    where = f"Details are in {log} (readable only by you)." if log else "No log could be written."
    return f"leadline stopped after an unexpected error ({type(error).__name__}).\n{where}\n"


def handle_crash(app: App[Any], error: Exception, directory: Path, when: datetime) -> str:
    """Stand-in for Textual's crash handler: log privately, stop the app, return the message.

    Keeps the parts of Textual's handler that tests and the exit code rely on
    (exit status 1, and the first exception remembered for Pilot to re-raise),
    but adds nothing to Textual's exit report: the caller prints the returned
    message itself once the terminal is restored, unwrapped, so the log's path
    can be copied whole.
    """
    compat.mark_crashed(app, error)
    try:
        log: Path | None = write_crash_log(error, directory, when)
    except OSError:
        log = None
    app.bell()
    compat.close_messages_now(app)
    return short_message(error, log)
