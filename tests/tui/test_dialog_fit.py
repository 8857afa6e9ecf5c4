"""Every dialog fits 80x24 and 60x20: its title and its keys line are on screen, whole.

The title is docked at the top and the keys at the bottom of each dialog's box; what
does not fit between them scrolls (the form's fields, the account plan's boxes).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from shell_support import AppFactory, drive, small_pipeline
from textual.screen import ModalScreen
from textual.widget import Widget

from leadline.core.actions.fields import Conflict
from leadline.core.rules.dupes import Likeness, Reason
from leadline.tui.dialogs.add import AddProspectDialog
from leadline.tui.dialogs.advance import AdvanceDialog
from leadline.tui.dialogs.confirm import ConfirmDialog
from leadline.tui.dialogs.conflict import ConflictDialog
from leadline.tui.dialogs.contacts import ContactForm, ContactsDialog
from leadline.tui.dialogs.duplicate import DuplicateDialog
from leadline.tui.dialogs.edit import EditProspectDialog
from leadline.tui.dialogs.edit_menu import EditMenu
from leadline.tui.dialogs.interop import PathPrompt, ProgressDialog, SummaryDialog
from leadline.tui.dialogs.log_touch import LogTouchDialog
from leadline.tui.dialogs.meetings import MeetingForm, MeetingsDialog
from leadline.tui.dialogs.merge import MergeDialog
from leadline.tui.dialogs.note import NoteBox
from leadline.tui.dialogs.penetration import PenetrationDialog
from leadline.tui.dialogs.reason import LossReasonDialog
from leadline.tui.dialogs.snooze import RescheduleDialog, SnoozeDialog
from leadline.tui.dialogs.stop import StopFollowingDialog

Make = Callable[[Any, str], ModalScreen[Any]]
CONFLICTS = (Conflict("value", 12000.0, 15000.0), Conflict("name", "Acme", "Acme Ltd"))
NO_KEYS = {"progress"}
"""Dialogs with nothing to press (the app closes them)."""
LONG_SUMMARY = "\n".join(f"row {n}: skipped, no company name" for n in range(60))

DIALOGS: dict[str, Make] = {
    "add": lambda app, pid: AddProspectDialog(),
    "advance": lambda app, pid: AdvanceDialog(pid),
    "confirm": lambda app, pid: ConfirmDialog("Discard your changes?", "Discard", "Keep"),
    "conflict": lambda app, pid: ConflictDialog(CONFLICTS, app.config),
    "contacts": lambda app, pid: ContactsDialog(pid),
    "contact": lambda app, pid: ContactForm(None),
    "duplicate": lambda app, pid: DuplicateDialog(
        [(app.store.get(pid), [Reason(Likeness.NAME, app.store.get(pid).name)])]
    ),
    "edit": lambda app, pid: EditProspectDialog(pid),
    "edit_menu": lambda app, pid: EditMenu(pid),
    "import": lambda app, pid: PathPrompt("Import prospects from a file", reading=True),
    "progress": lambda app, pid: ProgressDialog("Importing pipeline.csv"),
    "summary": lambda app, pid: SummaryDialog("Imported 3 prospects", LONG_SUMMARY),
    "log_touch": lambda app, pid: LogTouchDialog(pid),
    "meetings": lambda app, pid: MeetingsDialog(pid),
    "meeting": lambda app, pid: MeetingForm(None),
    "merge": lambda app, pid: MergeDialog("Acme Ltd", "ACME", CONFLICTS, app.config),
    "note": lambda app, pid: NoteBox(pid),
    "penetration": lambda app, pid: PenetrationDialog(pid),
    "reason": lambda app, pid: LossReasonDialog(pid, "lost"),
    "snooze": lambda app, pid: SnoozeDialog(pid),
    "reschedule": lambda app, pid: RescheduleDialog(pid),
    "stop": lambda app, pid: StopFollowingDialog(pid),
}


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
