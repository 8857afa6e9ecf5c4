"""The quick note: a box that takes typing the moment it opens.

Made for a live call: the text area has focus from the moment the box is
pushed, so keys typed before the box is drawn queue up in it, in order.
Ctrl+S or Enter on an empty last line saves; Ctrl+T saves and goes on to log
the call as a touch with the note attached. The note is on disk (app.save is
an atomic save) before the box closes; when the save fails the box stays open
with every character. Escape asks before throwing text away.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static, TextArea

from leadline.core.actions import note as write_note
from leadline.core.models import Prospect
from leadline.tui.dialogs.base import ProspectDialog, TypeAhead, api
from leadline.tui.dialogs.confirm import ConfirmDialog
from leadline.tui.dialogs.log_touch import LogTouchDialog
from leadline.tui.editor import EditorError, edit_text
from leadline.tui.text import feedback


class NoteArea(TextArea):
    """A text area where Enter on an empty last line asks to save instead, and Ctrl+E
    opens the user's editor (TextArea's own Ctrl+E, line end, is also the End key)."""

    BINDINGS = [
        Binding("ctrl+e", "screen.editor", "Editor", show=False, id="note.editor",
                tooltip="Write the note in your editor ($VISUAL or $EDITOR)"),
    ]  # fmt: skip

    class SubmitRequested(Message):
        """Enter was pressed on an empty last line."""

    def _on_empty_last_line(self) -> bool:
        row, _ = self.cursor_location
        empty_selection = self.selection.start == self.selection.end
        last = self.document.line_count - 1
        return empty_selection and row == last and self.document[row] == ""

    def on_key(self, event: events.Key) -> None:
        # Runs before TextArea's own key handler; prevent_default keeps it from inserting.
        if event.key == "enter" and self._on_empty_last_line():
            event.stop()
            event.prevent_default()
            self.post_message(self.SubmitRequested())


class NoteBox(TypeAhead, ProspectDialog[Prospect | None]):
    """Type a note on prospect `pid`; dismisses with the saved prospect or None."""

    SCOPED_CSS = False
    DEFAULT_CSS = """
    NoteBox > #box { width: 72; }
    NoteBox NoteArea, NoteBox NoteArea:focus {
        height: 8; width: 1fr; border: none; padding: 0 1; background: $panel; margin: 1 0;
    }
    """
    AUTO_FOCUS = ""
    # Not priority bindings: these keys must wait in line behind the characters
    # typed before them, or a fast Ctrl+S would save half a note.
    BINDINGS = [
        Binding("ctrl+s", "save_note", "Save", id="note.save", tooltip="Save the note"),
        Binding("ctrl+t", "save_and_touch", "Save + log touch", id="note.touch",
                tooltip="Save the note and log the call it came from"),
        Binding("ctrl+e", "editor", "Editor", id="note.open_editor",
                tooltip="Write the note in your editor ($VISUAL or $EDITOR)"),
        Binding("escape", "cancel", "Discard", id="note.discard",
                tooltip="Close; asks first when something is typed"),
    ]  # fmt: skip

    def __init__(self, pid: str) -> None:
        super().__init__(pid)
        self._area = self.type_into(NoteArea(soft_wrap=True, show_line_numbers=False, id="text"))

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static(Content(f"Note · {self.prospect.name}"), id="title")
            yield self._area
            yield Static(
                "Ctrl+S save · Enter on an empty last line saves · "
                "Ctrl+T save and log the call · Ctrl+E editor · Esc discard",
                classes="hint keys",
            )

    @property
    def area(self) -> NoteArea:
        return self._area

    @property
    def text(self) -> str:
        """The note as it will be stored: trailing blank lines dropped."""
        return self.area.text.rstrip("\n")

    def on_note_area_submit_requested(self, _: NoteArea.SubmitRequested) -> None:
        self.action_save_note()

    def _store(self, text: str) -> Prospect | None:
        return self.save(lambda p: write_note(p, text, api(self).now()))

    def action_save_note(self) -> None:
        """Save and close; an empty box just closes."""
        text = self.text
        if not text.strip():
            self.dismiss(None)
            return
        saved = self._store(text)
        if saved is not None:
            self.saved(saved, feedback.note_saved(saved.name))

    def action_editor(self) -> None:
        """Hand the terminal to $VISUAL/$EDITOR with the text so far; what is written
        there comes back into the box (not saved yet: Ctrl+S saves it as usual)."""
        try:
            with self.app.suspend():
                written = edit_text(self.area.text)
        except SuspendNotSupported:
            self.notify("This terminal cannot hand over to an editor.", severity="warning")
            return
        except EditorError as error:
            self.notify(f"{error}; the note is as it was.", severity="error")
            return
        self.area.text = written.rstrip("\n")
        self.area.move_cursor(self.area.document.end)
        self.area.focus()

    def action_save_and_touch(self) -> None:
        """Save the note, close, and open the log-touch dialog with the note attached."""
        text = self.text
        saved = self._store(text) if text.strip() else self.prospect
        if saved is None:
            return
        self.dismiss(saved)
        self.app.push_screen(LogTouchDialog(self.pid, note=text.strip()))

    def action_cancel(self) -> None:
        """Close; with text in the box, ask first."""
        if not self.text.strip():
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)
            else:
                self.area.focus()

        self.app.push_screen(
            ConfirmDialog("Discard this note?", "Discard", "Keep typing"), answered
        )
