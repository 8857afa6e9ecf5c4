"""Prospect detail (Enter on a row): everything leadline knows about one prospect.

A two-line bar on top (name, stage, lifecycle, ICP; value, budget, timeframe)
and a scrolling body: contacts, follow-up plan, warnings in words, the
qualification checklist, touches and notes as one timeline, the
account-penetration plan and the stage history. `e` edits (fields, contacts,
meetings, plan, checklist); l/n/s/r/a/x/c act as in the queue (c copies the phone or
e-mail of the person to contact); Escape goes back.
"""

from __future__ import annotations

from rich.console import RenderableType
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from leadline.core.models import Prospect
from leadline.core.rules.pipeline import PipelineFacts
from leadline.core.rules.warnings import warnings_for
from leadline.tui.dialogs.base import api
from leadline.tui.dialogs.edit_menu import EditMenu
from leadline.tui.screens import detail_text as view
from leadline.tui.screens.actions import PROSPECT_BINDINGS, ProspectActionsScreen
from leadline.tui.screens.detail_contacts import contacts_view
from leadline.tui.screens.live import ProspectsChanged
from leadline.tui.widgets.footer import LeadlineFooter
from leadline.tui.widgets.timeline import timeline_table

SECTIONS = (
    ("contacts", "Contacts"),
    ("plan", "Follow-up plan"),
    ("warnings", "Warnings"),
    ("checklist", "Qualification"),
    ("timeline", "Touches and notes"),
    ("penetration", "Account penetration"),
    ("history", "Stage history"),
    ("facts", "More"),
)


class DetailScreen(ProspectActionsScreen):
    """One prospect, by id."""

    SCOPED_CSS = False
    DEFAULT_CSS = """
    DetailScreen #detail-name { height: auto; max-height: 2; padding: 0 1; background: $panel;
                                text-style: bold; }
    DetailScreen #detail-money { height: auto; max-height: 3; padding: 0 1; background: $panel; }
    DetailScreen #detail-body { height: 1fr; padding: 0 1; scrollbar-size-vertical: 1; }
    DetailScreen .detail-heading { margin-top: 1; color: $text-muted; text-style: bold underline; }
    DetailScreen #detail-warnings { color: $state-warning; text-style: bold; }
    DetailScreen #detail-warnings.-none { color: $text; text-style: none; }
    """
    HELP_TITLE = "Prospect"
    FOOTER_KEYS = (
        "detail.edit",
        "prospect.log_touch",
        "prospect.note",
        "prospect.snooze",
        "prospect.advance",
        "prospect.stop",
        "prospect.copy",
        "app.help",
        "app.back",
        "app.queue",
        "app.funnel",
        "app.add",
    )
    """Footer keys, most important first (the rest follow while they fit)."""
    BINDINGS = [
        Binding("escape", "back", "Back", id="detail.back", show=False, tooltip="Back to the list"),
        Binding("e", "edit", "Edit", id="detail.edit",
                tooltip="Edit fields, contacts, meetings, plan or checklist"),
        *PROSPECT_BINDINGS,
        Binding("j", "scroll('down')", "Down", show=False, id="detail.down", tooltip="Scroll down"),
        Binding("k", "scroll('up')", "Up", show=False, id="detail.up", tooltip="Scroll up"),
        Binding("g", "scroll('home')", "Top", show=False, id="detail.top", tooltip="To the top"),
        Binding("G", "scroll('end')", "Bottom", show=False, id="detail.bottom", tooltip="The end"),
    ]  # fmt: skip

    def __init__(self, pid: str) -> None:
        super().__init__()
        self.pid = pid

    def context_pid(self) -> str | None:
        return self.pid

    def compose(self) -> ComposeResult:
        yield Static(id="detail-name")
        yield Static(id="detail-money")
        with VerticalScroll(id="detail-body"):
            for key, title in SECTIONS:
                yield Static(title, classes="detail-heading")
                yield Static(id=f"detail-{key}")
        yield LeadlineFooter(compact=True)

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one("#detail-body").focus()

    def concerns(self, change: ProspectsChanged) -> bool:
        return change.touches(self.pid)

    def refresh_data(self) -> None:
        """Show the prospect as stored now; close when it is gone."""
        p = self.context_prospect()
        if p is None:
            self.notify("This prospect is no longer in the data file.", severity="warning")
            self.dismiss()
            return
        self.query_one("#detail-name", Static).update(
            Content(f"{p.name} · {view.header_line(p, api(self).config)}")
        )
        self.query_one("#detail-money", Static).update(
            Content(view.money_line(p, api(self).config))
        )
        for key, renderable in self._sections(p).items():
            self.query_one(f"#detail-{key}", Static).update(renderable)
        config, today = api(self).config, api(self).today()
        calm = not warnings_for(p, config, today, self._facts())
        self.query_one("#detail-warnings").set_class(calm, "-none")  # "None." is no alert

    def _facts(self) -> PipelineFacts:
        """The user's own normal cycle and win rate, from the funnel parts the app keeps."""
        app = self.leadline
        return app.memo.facts(app.summaries(), app.config, app.today())

    def _sections(self, p: Prospect) -> dict[str, RenderableType]:
        config, today = api(self).config, api(self).today()
        return {
            "contacts": contacts_view(p, config),
            "plan": view.plan_view(p, config, today),
            "warnings": view.warnings_view(p, config, today, self._facts()),
            "checklist": view.checklist_view(p, config),
            "timeline": timeline_table(p, today),
            "penetration": view.penetration_view(p),
            "history": view.history_view(p, config, today),
            "facts": view.facts_view(p),
        }

    def action_back(self) -> None:
        self.dismiss()

    def action_edit(self) -> None:
        self.app.push_screen(EditMenu(self.pid))

    def action_scroll(self, where: str) -> None:
        body = self.query_one("#detail-body", VerticalScroll)
        {
            "down": body.scroll_down,
            "up": body.scroll_up,
            "home": body.scroll_home,
            "end": body.scroll_end,
        }[where](animate=False)
