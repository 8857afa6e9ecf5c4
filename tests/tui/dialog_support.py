"""Every dialog of the TUI, opened on a prospect of `small_pipeline` (the fit test and the
snapshot matrix open the same ones)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import ModalScreen

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
        app.store.get(pid), [(app.store.get(pid), [Reason(Likeness.NAME, app.store.get(pid).name)])]
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
