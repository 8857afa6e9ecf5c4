"""Help (`?` or F1): every key of the screen it was opened from, and the date grammar.

The keys are read from that screen's live bindings (focused widget, screen,
app), so the list is always the truth, hidden keys included, and a key the user
rebound (`keymap:` in the config) shows as rebound. Keys bound to the same
action are shown together ("↓ / j"). Opened from a dialog (F1, or `?` where no
field takes it), the dialog's keys come first, then the screen's behind it.
Textual's generic keys (focus cycling, copying, the scroll views' own) are left
out: only leadline's bindings, which all have an id, and the command palette.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from leadline.core import dates
from leadline.tui.widgets.cells import fit_cells
from leadline.tui.widgets.footer import LeadlineFooter

KEY_WIDTH = 16
DATE_WIDTH = 28
DATE_FORMS: tuple[tuple[str, str], ...] = getattr(dates, "GRAMMAR", ((dates.DATE_HINT, ""),))
"""The date grammar as core states it (each form and what it means)."""


def _key_text(screen: Screen[Any], key: str) -> str:
    return screen.app.get_key_display(Binding(key, ""))


KEPT_GENERIC = frozenset({"command_palette"})
"""Textual's own bindings have no id and are left out, but for these (Ctrl+P)."""
NOT_LISTED = frozenset({"dialog_help"})
"""F1 in a dialog: the same key as help everywhere, listed once."""

Entry = tuple[str, str, str]
"""(keys as shown, description, tooltip)."""


def _listed(binding: Binding) -> bool:
    if binding.system or not binding.description or binding.action in NOT_LISTED:
        return False
    return binding.id is not None or binding.action in KEPT_GENERIC


def screen_title(screen: Screen[Any]) -> str:
    """What help calls a screen or dialog: its HELP_TITLE, else its class name in words."""
    title = getattr(screen, "HELP_TITLE", "")
    if title:
        return str(title)
    name = re.sub(r"(Dialog|Screen|Box)$", "", type(screen).__name__) or type(screen).__name__
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).capitalize()


def gather_all(screen: Screen[Any]) -> list[tuple[str, list[Entry]]]:
    """The groups for help opened on `screen`: a dialog's keys first, then those of the
    screen behind it (the nearest one that is not a dialog)."""
    if not isinstance(screen, ModalScreen):
        return gather_keys(screen)
    stack = screen.app.screen_stack
    behind = [s for s in stack[: stack.index(screen)] if not isinstance(s, ModalScreen)]
    groups = [(f"In this dialog · {screen_title(screen)}", sum(_entries(screen), []))]
    if behind:
        groups += [(f"{title} · {screen_title(behind[-1])}", entries)
                   for title, entries in gather_keys(behind[-1])]  # fmt: skip
    return [(title, entries) for title, entries in groups if entries]


def gather_keys(screen: Screen[Any]) -> list[tuple[str, list[Entry]]]:
    """[(group title, entries)]: the screen's own keys, then the focused widget's,
    then the app's ("Everywhere"). Keys bound to one action are shown together."""
    here, everywhere = _entries(screen)
    groups = [("On this screen", here), ("Everywhere", everywhere)]
    return [(title, entries) for title, entries in groups if entries]


def _entries(screen: Screen[Any]) -> tuple[list[Entry], list[Entry]]:
    """The screen's and focused widget's keys, and the app's."""
    nodes: dict[DOMNode, dict[tuple[str, str], list[str]]] = {}
    tooltips: dict[tuple[str, str], str] = {}
    # leadline's own bindings (they have ids) before Textual's generic ones
    actives = sorted(screen.active_bindings.items(), key=lambda item: item[1].binding.id is None)
    for key, active in actives:
        binding = active.binding
        if not _listed(binding):
            continue
        entry = (binding.action, binding.description)
        nodes.setdefault(active.node, {}).setdefault(entry, []).append(key)
        tooltips[entry] = binding.tooltip or active.tooltip or ""
    order = sorted(nodes, key=lambda n: (n is screen.app, n is not screen))
    here: list[Entry] = []
    everywhere: list[Entry] = []
    for node in order:
        target = everywhere if node is screen.app else here
        for entry, keys in nodes[node].items():
            shown = " / ".join(_key_text(screen, k) for k in keys)
            target.append((shown, entry[1], tooltips[entry]))
    return here, everywhere


def render_keys(groups: list[tuple[str, list[Entry]]]) -> Text:
    """The key list as aligned text: key column, description, tooltip."""
    text = Text()
    for title, rows in groups:
        text.append(f"{title}\n", style="bold")
        for keys, description, tooltip in rows:
            text.append("  " + fit_cells(keys, KEY_WIDTH), style="bold")
            text.append(description)
            if tooltip and tooltip != description:
                text.append(f"  {tooltip}", style="dim")
            text.append("\n")
        text.append("\n")
    text.append("Dates, in any date field\n", style="bold")
    for form, meaning in DATE_FORMS:
        text.append("  " + fit_cells(form, DATE_WIDTH), style="bold")
        text.append(f"{meaning}\n")
    return text


class HelpScreen(Screen[None]):
    """A full-screen list of keys; Escape, q, ? or F1 goes back."""

    FOOTER_KEYS = ("help.close",)
    """Footer keys, most important first (the rest follow while they fit)."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Back", id="help.close",
                tooltip="Back to where you were"),
        Binding("down,j", "scroll('down')", "Down", show=False, id="help.down",
                tooltip="Scroll down"),
        Binding("up,k", "scroll('up')", "Up", show=False, id="help.up", tooltip="Scroll up"),
        Binding("home,g", "scroll('home')", "Top", show=False, id="help.top", tooltip="To the top"),
        Binding("end,G", "scroll('end')", "Bottom", show=False, id="help.bottom",
                tooltip="To the bottom"),
    ]  # fmt: skip

    def __init__(self, for_screen: Screen[Any]) -> None:
        super().__init__()
        self._groups = gather_all(for_screen)
        self._title = screen_title(for_screen)

    def compose(self) -> ComposeResult:
        yield Static(f" Keys · {self._title}", classes="title-bar")
        with VerticalScroll(id="help-keys"):
            yield Static(render_keys(self._groups), id="help-text")
        yield LeadlineFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return True

    def action_close(self) -> None:
        self.dismiss()

    def action_scroll(self, where: str) -> None:
        scroller = self.query_one("#help-keys", VerticalScroll)
        moves = {"down": scroller.scroll_down, "up": scroller.scroll_up,
                 "home": scroller.scroll_home, "end": scroller.scroll_end}  # fmt: skip
        moves[where](animate=False)
