"""The footer: the keys that matter on this screen, most important first, never cut.

Textual's Footer shows every shown binding in binding-chain order and lets the
row run off the right edge, so at 80 columns the keys a new user needs most
(Help, Back) were the ones lost. Here a screen names its keys in order of
importance (`FOOTER_KEYS`, binding ids); keys it does not name follow in chain
order, and the footer shows as many as fit beside the palette hint. The Help
screen (`?`) still lists every key.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.dom import NoScreen
from textual.screen import Screen
from textual.widgets import Footer

from leadline.tui.compat import FooterKey, footer_bindings_ready, mark_footer_bindings_ready

Shown = tuple[Binding, bool, str]
"""(binding, enabled, tooltip) of one key in the footer."""

PALETTE_CELLS = 13
"""What the palette hint ("▏^p palette" and its padding) takes at the right."""


def key_cells(app: Any, binding: Binding, compact: bool) -> int:
    """The cells one footer key takes: key, space, description, then a margin
    (compact) or the padding around the key and after the description."""
    text = cell_len(app.get_key_display(binding)) + 1 + cell_len(binding.description)
    return text + (1 if compact else 2)


def ranked_keys(screen: Screen[Any]) -> list[Shown]:
    """The screen's shown, live keys (one per action), most important first."""
    first: dict[str, Shown] = {}
    for _node, binding, enabled, tooltip in screen.active_bindings.values():
        if binding.show and binding.action not in first:
            first[binding.action] = (binding, enabled, tooltip)
    order: tuple[str, ...] = getattr(screen, "FOOTER_KEYS", ())
    rank = {binding_id: index for index, binding_id in enumerate(order)}
    return sorted(first.values(), key=lambda shown: rank.get(shown[0].id or "", len(order)))


def fitting_keys(screen: Screen[Any], width: int, compact: bool) -> list[Shown]:
    """The most important keys that fit in `width` cells beside the palette hint."""
    room = width - PALETTE_CELLS
    kept: list[Shown] = []
    for shown in ranked_keys(screen):
        room -= key_cells(screen.app, shown[0], compact)
        if room < 0:
            break
        kept.append(shown)
    return kept


class LeadlineFooter(Footer):
    """A one-line footer that drops the least important keys instead of cutting."""

    DEFAULT_CSS = """
    LeadlineFooter.-compact FooterKey.-command-palette { padding-right: 1; }
    """

    _composed_width = 0
    _composed: tuple[object, ...] = ()
    _requests = 0

    def _shown(self) -> tuple[object, ...]:
        """What the footer would show now: its width, style, keys and the palette key."""
        width = self.size.width or self.app.size.width
        keys = fitting_keys(self.screen, width, self.compact)
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        return (width, self.compact, tuple((b.key, b.description, b.action, enabled, tip)
                                           for b, enabled, tip in keys),
                palette is not None and palette[2])  # fmt: skip

    def compose(self) -> ComposeResult:
        if not footer_bindings_ready(self):
            return
        width = self.size.width or self.app.size.width
        self._composed_width = width
        self._composed = self._shown()
        for binding, enabled, tooltip in fitting_keys(self.screen, width, self.compact):
            key = FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
            )
            # Born with the footer's style: a FooterKey starts compact and the binding
            # below would switch it back once mounted, restyling every key twice
            # before the first paint. Bound still, so a later change follows.
            key.set_reactive(FooterKey.compact, self.compact)
            key.set_class(self.compact, "-compact", update=False)
            yield key.data_bind(compact=Footer.compact)
        yield from self._palette_key()

    def _palette_key(self) -> ComposeResult:
        active = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and active):
            return
        _node, binding, enabled, _tooltip = active
        yield FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            binding.description,
            binding.action,
            classes="-command-palette",
            disabled=not enabled,
            tooltip=binding.tooltip or binding.description,
        )

    def bindings_changed(self, screen: Screen[Any]) -> None:
        # A screen announces its bindings several times while it mounts (three
        # times before the funnel's first paint) and Footer recomposes on each;
        # only the last request recomposes, after the refresh, with the latest bindings.
        mark_footer_bindings_ready(self)
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._recompose_soon()

    def on_resize(self, event: events.Resize) -> None:
        if footer_bindings_ready(self) and event.size.width != self._composed_width:
            self._recompose_soon()

    def _recompose_soon(self) -> None:
        self._requests += 1
        self.call_after_refresh(self._recompose_if_latest, self._requests)

    async def _recompose_if_latest(self, request: int) -> None:
        # A later request will read newer bindings; and most changes of focus leave
        # the same keys to show: then there is nothing to redo (it cost a tenth of the
        # time of a key press).
        if request != self._requests or not self.is_attached:
            return
        try:
            unchanged = self._shown() == self._composed
        except NoScreen:  # its screen went away before the refresh
            return
        if not unchanged:
            await self.recompose()
