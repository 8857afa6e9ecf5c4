"""Dialogs for import and export: a file path prompt, progress, the result.

The path prompt expands `~`, checks the path when Enter is pressed and says
what is wrong under the field (no such file, a folder, no such folder); it
dismisses with the resolved Path or None on Escape.
"""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, ProgressBar, Static

from leadline.tui.dialogs.base import DIALOG_CSS, TypeAhead


def expand(text: str) -> Path:
    """The path the user typed: `~` expanded, relative to the current folder."""
    return Path(os.path.expanduser(text.strip())).absolute()


def problem_with_source(path: Path) -> str:
    """Why `path` cannot be read as an import file ("" when it can)."""
    if path.is_dir():
        return f"{path} is a folder: add the file name."
    if not path.is_file():
        return f"No such file: {path}"
    if not os.access(path, os.R_OK):
        return f"Cannot read {path} (permissions)."
    return ""


def problem_with_target(path: Path) -> str:
    """Why an export cannot be written to `path` ("" when it can)."""
    if path.is_dir():
        return f"{path} is a folder: add a file name."
    if not path.parent.is_dir():
        return f"No such folder: {path.parent}"
    if not os.access(path.parent, os.W_OK):
        return f"Cannot write in {path.parent} (permissions)."
    return ""


class PathPrompt(TypeAhead, ModalScreen[Path | None]):
    """Ask for a file path: `reading` for an import, else for an export."""

    SCOPED_CSS = False
    DEFAULT_CSS = DIALOG_CSS + "PathPrompt Input { width: 1fr; margin: 1 0 0 0; }"
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="path.cancel",
                tooltip="Close without importing or exporting"),
    ]  # fmt: skip

    def __init__(self, title: str, *, reading: bool, suggestion: str = "") -> None:
        super().__init__(classes="leadline-dialog")
        self.title_text = title
        self.reading = reading
        field = Input(suggestion, placeholder="~/path/to/file", id="path", compact=True)
        self._input = self.type_into(field)
        self._warned: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static(Content(self.title_text), id="title")
            yield self._input
            yield Static(id="error", classes="error")
            yield Static("Enter go on · ~ is your home folder · Esc cancel", classes="hint keys")

    def _say(self, text: str) -> None:
        self.query_one("#error", Static).update(Content(text))

    def on_input_changed(self, _: Input.Changed) -> None:
        self._say("")
        self._warned = None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self._say("Type a file path.")
            return
        path = expand(event.value)
        problem = problem_with_source(path) if self.reading else problem_with_target(path)
        if problem:
            self._say(problem)
        elif not self.reading and path.exists() and self._warned != path:
            self._warned = path
            self._say(f"{path.name} exists: Enter again replaces it.")
        else:
            self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ProgressDialog(ModalScreen[None]):
    """Shows how far a long job (an import) has got; closed by the app when done."""

    SCOPED_CSS = False
    DEFAULT_CSS = DIALOG_CSS + "ProgressDialog ProgressBar { margin: 1 0; }"
    AUTO_FOCUS = ""

    def __init__(self, title: str) -> None:
        super().__init__(classes="leadline-dialog")
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static(Content(self.title_text), id="title")
            yield ProgressBar(id="bar", show_eta=False)
            yield Static("Reading the file…", id="status", classes="hint")

    def advance(self, done: int, total: int) -> None:
        """Show `done` of `total` rows."""
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        self.query_one("#status", Static).update(f"{done:,} of {total:,} rows")


class SummaryDialog(ModalScreen[None]):
    """A result to read (an import's counts and problems); Enter or Escape closes it."""

    SCOPED_CSS = False
    DEFAULT_CSS = DIALOG_CSS + (
        "SummaryDialog #box { width: 76; }"
        "SummaryDialog #body { height: auto; max-height: 18; scrollbar-size-vertical: 1; }"
    )
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("escape,enter,q", "close", "Close", id="summary.close",
                tooltip="Close the summary"),
        Binding("down,j", "scroll('down')", "Down", show=False, id="summary.down",
                tooltip="Scroll the summary down"),
        Binding("up,k", "scroll('up')", "Up", show=False, id="summary.up",
                tooltip="Scroll the summary up"),
    ]  # fmt: skip

    def __init__(self, title: str, body: str) -> None:
        super().__init__(classes="leadline-dialog")
        self.title_text = title
        self.body = body

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static(Content(self.title_text), id="title")
            with VerticalScroll(id="body"):
                yield Static(Content(self.body))
            yield Static("Enter or Esc close · ↑ ↓ scroll", classes="hint keys")

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, where: str) -> None:
        body = self.query_one("#body", VerticalScroll)
        (body.scroll_down if where == "down" else body.scroll_up)(animate=False)
