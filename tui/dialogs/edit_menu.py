"""`e` on the detail: pick what to edit with one more key.

f fields (name, stage, money, plan, checklist, profile) · c contacts ·
m meetings · p account-penetration plan.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from leadline.tui.dialogs.base import ProspectDialog

CHOICES = (
    ("f", "fields", "Fields: name, stage, value, budget, plan, checklist, profile"),
    ("c", "contacts", "Contacts and their roles"),
    ("m", "meetings", "Meetings"),
    ("p", "penetration", "Account-penetration plan: approval chain, needs, objections, risks"),
)


class EditMenu(ProspectDialog[None]):
    """A one-key menu of the edit dialogs for `pid`."""

    AUTO_FOCUS = ""
    BINDINGS = [
        *(Binding(key, f"open('{what}')", what.capitalize(), id=f"edit.{what}", tooltip=words)
          for key, what, words in CHOICES),
        Binding("escape,q", "cancel", "Cancel", id="edit.cancel", tooltip="Close the menu"),
    ]  # fmt: skip

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static(Content(f"Edit · {self.prospect.name}"), id="title")
            for key, _, words in CHOICES:
                yield Static(Content.from_markup(f"[b]{key}[/b]  ") + Content(words))
            yield Static("Esc cancel", classes="hint keys")

    def action_open(self, what: str) -> None:
        from leadline.tui.dialogs.contacts import ContactsDialog  # noqa: PLC0415
        from leadline.tui.dialogs.edit import EditProspectDialog  # noqa: PLC0415
        from leadline.tui.dialogs.meetings import MeetingsDialog  # noqa: PLC0415
        from leadline.tui.dialogs.penetration import PenetrationDialog  # noqa: PLC0415

        dialogs = {
            "fields": EditProspectDialog,
            "contacts": ContactsDialog,
            "meetings": MeetingsDialog,
            "penetration": PenetrationDialog,
        }
        self.dismiss(None)
        self.app.push_screen(dialogs[what](self.pid))
