"""The detail's contacts: who they are on one line, how to reach them on the next.

A phone number or an e-mail is never broken across lines: each is its own
line that does not wrap (cut with an ellipsis only when the screen is
narrower than the address itself), so "+48 600 123 456" never shows as
"+48 600" over "123 456". The contact the queue would call (core's
`rules.reach`) is marked with an arrow; `c` copies their handle.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from leadline.core.config.model import Config
from leadline.core.models import Contact, Prospect, Role
from leadline.core.rules.followup import dm_confirmed
from leadline.core.rules.reach import whom_to_contact
from leadline.tui.text.fmt import day_month_text
from leadline.tui.text.labels import ROLE_LABELS

INDENT = "    "


def _who(c: Contact, star: str) -> Table:
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=2)
    grid.add_column(width=22, overflow="ellipsis", no_wrap=True)
    grid.add_column(width=16, overflow="ellipsis", no_wrap=True)
    grid.add_column(ratio=1, overflow="ellipsis", no_wrap=True)
    grid.add_row(star, c.name, ROLE_LABELS[c.role], c.title)
    return grid


def handle_lines(c: Contact) -> list[Text]:
    """The contact's e-mail, phone and birthday, each a line that never wraps."""
    found = [c.email.strip(), c.phone.strip()]
    if c.birthday:
        found.append(f"born {day_month_text(c.birthday)}")
    return [Text(INDENT + part, no_wrap=True, overflow="ellipsis") for part in found if part]


def contacts_view(p: Prospect, config: Config) -> RenderableType:
    """Contacts with roles and handles; the decision maker starred, the one to contact
    marked ▸; a warning when there is no decision maker."""
    lines: list[RenderableType] = []
    chosen = whom_to_contact(p, config).contact
    for c in p.contacts:
        mark = "▸" if c is chosen else ""
        star = "★" if c.role == Role.DECISION_MAKER else ""
        lines.append(_who(c, (mark + star) or " "))
        lines += handle_lines(c)
    if not p.contacts:
        lines.append(Text("No contacts yet (e, then c to add one).", style="italic"))
    if not any(c.role == Role.DECISION_MAKER for c in p.contacts):
        lines.append(Text("! No decision maker among the contacts.", style="bold"))
    elif not dm_confirmed(p):
        lines.append(Text("Decision maker not confirmed yet."))
    return Group(*lines)
