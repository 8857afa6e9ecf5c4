"""Every dialog fits 80x24 and 60x20: its title and its keys line are on screen, whole.

The title is docked at the top and the keys at the bottom of each dialog's box; what
does not fit between them scrolls (the form's fields, the account plan's boxes).
"""

from __future__ import annotations

from typing import Any

import pytest
from dialog_support import DIALOGS, NO_KEYS
from shell_support import AppFactory, drive, small_pipeline
from textual.screen import ModalScreen
from textual.widget import Widget


def shown_whole(screen: ModalScreen[Any], widget: Widget, size: tuple[int, int]) -> bool:
    """True when all of `widget` is drawn inside the terminal (not clipped by its box)."""
    drawn = screen._compositor.visible_widgets.get(widget)  # noqa: SLF001 - (region, clip)
    if drawn is None or not widget.region.area:
        return False
    region, clip = drawn
    width, height = size
    inside = region.x >= 0 and region.y >= 0 and region.right <= width and region.bottom <= height
    return inside and clip.contains_region(region)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
@pytest.mark.parametrize("name", list(DIALOGS))
def test_the_dialog_shows_its_title_and_keys(
    app_factory: AppFactory, name: str, size: tuple[int, int]
) -> None:
    app = app_factory(prospects=small_pipeline())
    pid = next(p.id for p in app.store.prospects() if p.is_open and p.contacts)

    async def scenario(pilot: Any) -> None:
        app.push_screen(DIALOGS[name](app, pid))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ModalScreen)
        title = screen.query_one("#title")
        assert shown_whole(screen, title, size), ("title", title.region)
        keys = screen.query(".keys")
        if name in NO_KEYS:
            return
        assert len(keys) == 1, "one line of keys, marked .keys"
        assert shown_whole(screen, keys.first(), size), ("keys", keys.first().region)

    drive(app, scenario, size=size)
