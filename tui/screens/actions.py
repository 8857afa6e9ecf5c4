"""The one-key actions on "the prospect in context", shared by queue and detail.

l log a touch · n note · s snooze · r reschedule · a advance · x stop following ·
c copy the phone or e-mail of the person to contact (`+` add is an app key).
Each opens its dialog; the dialog saves (atomically, through app.save) and
the screen refreshes from the `ProspectsChanged` that follows (see live.py).
`check_action` hides keys that do nothing for the current prospect (no
"advance" on a won deal).
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from leadline.core.actions.availability import allowed
from leadline.core.models import Prospect
from leadline.core.rules.reach import Reach, whom_to_contact
from leadline.tui.dialogs.advance import AdvanceDialog
from leadline.tui.dialogs.base import api
from leadline.tui.dialogs.log_touch import LogTouchDialog
from leadline.tui.dialogs.note import NoteBox
from leadline.tui.dialogs.snooze import RescheduleDialog, SnoozeDialog
from leadline.tui.dialogs.stop import StopFollowingDialog
from leadline.tui.screens.live import LiveScreen
from leadline.tui.text.reach_words import copied, nothing_to_copy
from leadline.tui.text.safe import safe, without_controls

PROSPECT_BINDINGS: list[BindingType] = [
    # Not priority bindings: keys run in the order typed ("j l" logs on the row moved
    # to). Keys typed right after one of these land in its dialog all the same: the
    # app hands them on to the screen on top (see LeadlineApp.on_event).
    Binding("l", "log_touch", "Log", id="prospect.log_touch",
            tooltip="Log a call, email or meeting; moves the next follow-up"),
    Binding("n", "note", "Note", id="prospect.note",
            tooltip="Type a note (during a call)"),
    Binding("s", "snooze", "Snooze", id="prospect.snooze",
            tooltip="Put the follow-up off: 1, 3, 7 days or a date"),
    Binding("r", "reschedule", "Date", id="prospect.reschedule", show=False,
            tooltip="Set the next follow-up date"),
    Binding("a", "advance", "Advance", id="prospect.advance",
            tooltip="Move to the next stage"),
    Binding("x", "stop_following", "Stop", id="prospect.stop",
            tooltip="Stop following: nurture or dead"),
    Binding("c", "copy_handle", "Copy", id="prospect.copy",
            tooltip="Copy the phone or e-mail of the person to contact"),
]  # fmt: skip

PROSPECT_ACTIONS = frozenset(
    {"log_touch", "note", "snooze", "reschedule", "advance", "stop_following"}
)


class ProspectActionsScreen(LiveScreen):
    """A screen with a prospect in context; subclasses say which (`context_pid`)."""

    def context_pid(self) -> str | None:
        """The id of the prospect the keys act on, or None."""
        raise NotImplementedError

    def context_prospect(self) -> Prospect | None:
        """The whole prospect in context (decoded: for a screen that shows it in full)."""
        pid = self.context_pid()
        if pid is None:
            return None
        try:
            return api(self).store.get(pid)
        except KeyError:
            return None

    def context_summary(self) -> Prospect | None:
        """The summary of the prospect in context: enough to say which keys apply and
        whom to contact, without decoding the prospect under a moving cursor."""
        pid = self.context_pid()
        if pid is None:
            return None
        try:
            return api(self).store.summary(pid)
        except KeyError:
            return None

    def allows(self, action: str, p: Prospect) -> bool:
        """Whether `action` makes sense for `p` (core decides; subclasses may narrow it)."""
        return allowed(action, p, api(self).config)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "copy_handle":  # shown only when there is a phone or e-mail to copy
            reach = self.context_reach()
            return reach is not None and bool(reach.handle)
        if action not in PROSPECT_ACTIONS:
            return True
        p = self.context_summary()
        return p is not None and self.allows(action, p)

    def _push_for(self, dialog_class: type, **kwargs: object) -> None:
        pid = self.context_pid()
        if pid is not None:
            self.app.push_screen(dialog_class(pid, **kwargs))

    def action_log_touch(self) -> None:
        self._push_for(LogTouchDialog, **self.touch_defaults())

    def touch_defaults(self) -> dict[str, object]:
        """Extra arguments for the log-touch dialog (the queue passes the item's channel)."""
        return {}

    def action_note(self) -> None:
        self._push_for(NoteBox)

    def action_snooze(self) -> None:
        self._push_for(SnoozeDialog)

    def action_reschedule(self) -> None:
        self._push_for(RescheduleDialog)

    def action_advance(self) -> None:
        self._push_for(AdvanceDialog)

    def action_stop_following(self) -> None:
        self._push_for(StopFollowingDialog)

    def context_reach(self) -> Reach | None:
        """Whom to contact about the prospect in context (the queue's item may name one)."""
        p = self.context_summary()
        return whom_to_contact(p, api(self).config) if p else None

    def action_copy_handle(self) -> None:
        """Copy the handle to the clipboard (OSC 52: works over SSH too) and say so."""
        reach = self.context_reach()
        if reach is None:
            return
        if not reach.handle:
            self.notify(safe(nothing_to_copy(reach)), severity="warning", markup=False)
            return
        self.app.copy_to_clipboard(without_controls(reach.handle))
        self.notify(safe(copied(reach)), markup=False)
