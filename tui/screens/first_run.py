"""The first run: an empty pipeline says what to do first.

Shown over the funnel while there is no prospect at all (a new data file, or
one emptied). It offers the three ways in: `+` add the first prospect, `i`
import a file from another CRM, `d` look around the demo pipeline. It says
where the pipeline is (or will be) saved: a data file that does not exist yet
is created only when the user adds or imports (see `LeadlineApp.ensure_data_file`).
The moment a prospect exists (added here, imported, or saved by another
process) the screen gives way to the funnel.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from leadline.tui.screens.live import LiveScreen
from leadline.tui.text.safe import safe
from leadline.tui.widgets.footer import LeadlineFooter

CHOICES = (
    ("+", "Add your first prospect: a company you talk to."),
    ("i", "Import a CSV or JSON file from another CRM."),
    ("d", "Look around the demo pipeline (not your file)."),
)
"""Short enough for one line each at 60 columns."""


def where_saved(path: str, exists: bool) -> str:
    """The line that says where the pipeline lives."""
    verb = "is saved" if exists else "will be saved"
    return f"Your pipeline {verb} in\n  {path}"


class FirstRunScreen(LiveScreen):
    """The home screen of an empty pipeline."""

    HELP_TITLE = "First run"
    IS_HOME = True
    """`q` quits here, as on the funnel (see KeyRouting.on_home_screen)."""
    FOOTER_KEYS = ("first.add", "first.import", "first.demo", "app.help", "app.quit_q")
    AUTO_FOCUS = ""
    DEFAULT_CSS = "#first-run { height: 1fr; padding: 1 2; }"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("plus", "add", "Add", id="first.add", tooltip="Add your first prospect"),
        Binding("i", "import", "Import", id="first.import",
                tooltip="Import prospects from a CSV or JSON file"),
        Binding("d", "demo", "Demo", id="first.demo",
                tooltip="Open the demo pipeline (a throw-away copy)"),
    ]  # fmt: skip

    def compose(self) -> ComposeResult:
        yield Static(" leadline · Welcome", classes="title-bar")
        with VerticalScroll(id="first-run", can_focus=False):
            yield Static(self._body(), id="first-run-text")
        yield LeadlineFooter()

    def _body(self) -> Text:
        app = self.leadline
        text = Text("Your pipeline is empty. Start with one of these:\n\n")
        for key, words in CHOICES:
            text.append(f"  {key}  ", style="bold")
            text.append(f"{words}\n")
        path, exists = app.data_file()
        text.append("\n" + safe(where_saved(str(path), exists)))
        text.append("\n\n? lists every key · Ctrl+P finds any command · q quits", style="dim")
        return text

    def refresh_data(self) -> None:
        if self.leadline.summaries():
            self.dismiss()  # the first prospect is in: the funnel takes over
        else:
            self.query_one("#first-run-text", Static).update(self._body())

    def action_add(self) -> None:
        self.leadline.action_add_prospect()

    def action_import(self) -> None:
        self.leadline.action_import_file()

    def action_demo(self) -> None:
        self.leadline.open_demo_instead()
