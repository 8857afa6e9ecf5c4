"""Help (`?` or F1): every key of the screen it was opened from.

The keys are read from that screen's live bindings (focused widget, screen,
app), so the list is always the truth, hidden keys included, disabled ones
left out. Keys bound to the same action are shown together ("↓ / j").
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Static

from leadline.tui.widgets.cells import fit_cells
from leadline.tui.widgets.footer import LeadlineFooter

KEY_WIDTH = 16


def _key_text(screen: Screen[Any], key: str) -> str:
    return screen.app.get_key_display(Binding(key, ""))


SKIPPED_ACTIONS = frozenset({"scroll_left", "scroll_right", "page_left", "page_right"})
"""Sideways scrolling: bound by Textual's scroll views, but leadline's lists never scroll
sideways, so listing them would only bury the keys that matter."""

Entry = tuple[str, str, str]
"""(keys as shown, description, tooltip)."""


def gather_keys(screen: Screen[Any]) -> list[tuple[str, list[Entry]]]:
    """[(group title, entries)]: the screen's own keys, then the focused widget's,
    then the app's ("Everywhere"). Keys bound to one action are shown together."""
    nodes: dict[DOMNode, dict[tuple[str, str], list[str]]] = {}
    tooltips: dict[tuple[str, str], str] = {}
    # leadline's own bindings (they have ids) before Textual's generic ones
    actives = sorted(screen.active_bindings.items(), key=lambda item: item[1].binding.id is None)
    for key, active in actives:
        binding = active.binding
        if binding.system or not binding.description or binding.action in SKIPPED_ACTIONS:
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
    groups = [("On this screen", here), ("Everywhere", everywhere)]
    return [(title, entries) for title, entries in groups if entries]


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
    return text


class HelpScreen(Screen[None]):
    """A full-screen list of keys; Escape, q, ? or F1 goes back."""

    FOOTER_KEYS = ("help.close",)
    """Footer keys, most important first (the rest follow while they fit)."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Back", id="help.close"),
        Binding("down,j", "scroll('down')", "Down", show=False, id="help.down"),
        Binding("up,k", "scroll('up')", "Up", show=False, id="help.up"),
        Binding("home,g", "scroll('home')", "Top", show=False, id="help.top"),
        Binding("end,G", "scroll('end')", "Bottom", show=False, id="help.bottom"),
    ]

    def __init__(self, for_screen: Screen[Any]) -> None:
        super().__init__()
        self._groups = gather_keys(for_screen)
        self._title = getattr(for_screen, "HELP_TITLE", "") or type(for_screen).__name__

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
