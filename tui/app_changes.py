"""Undo, delete and merge in the TUI (a mixin of LeadlineApp).

`u` anywhere undoes the last change (again: the one before), whoever made it;
a change another process made (a `leadline note`, a second TUI) is undone only
after the user says yes to "Undo note added on Acme Ltd, made by leadline note
at ...?". `D` deletes the prospect in view (detail, or the row under the cursor)
after a yes; `M` merges another prospect into it, picked from a list, through
the merge dialog. Each is one save in the store, listed in the history and
announced like any other (`ProspectsChanged`), so every screen refreshes; the
palette offers them too ("undo", "delete: Acme Ltd", "merge: Acme Ltd with …").
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.markup import escape
from textual.screen import ModalScreen, Screen

from leadline.core.actions.merge import merge_conflicts, merged
from leadline.core.models import Prospect
from leadline.core.store.changes import CannotUndo, NothingToUndo, UndoPlan
from leadline.tui.app_data import SAVE_ERRORS, AppData
from leadline.tui.commands import prospect_in_view
from leadline.tui.dialogs.base import say_saved
from leadline.tui.dialogs.confirm import ConfirmDialog
from leadline.tui.text.fmt import in_prose
from leadline.tui.text.history_words import change_text, drift_text, undo_question, undone_text
from leadline.tui.text.labels import stage_label
from leadline.tui.text.safe import safe

_ON_A_PROSPECT = frozenset({"delete_prospect", "merge_prospect"})


class AppChanges(AppData, App[int]):
    """Mixin of LeadlineApp: undo, delete and merge, each asked first and then said."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u", "undo", "Undo", id="app.undo",
                tooltip="Undo the last change (again: the one before)"),
        Binding("D,delete", "delete_prospect", "Delete", id="app.delete", show=False,
                tooltip="Delete this prospect (asks first; u undoes)"),
        Binding("M", "merge_prospect", "Merge", id="app.merge", show=False,
                tooltip="Merge another prospect into this one"),
    ]  # fmt: skip

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _ON_A_PROSPECT or action == "undo":
            if any(isinstance(s, ModalScreen) for s in self.screen_stack):
                return False  # a dialog is open: its keys are its own
            if action != "undo" and prospect_in_view(self.screen) is None:
                return False
            return True
        return super().check_action(action, parameters)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("undo", "Undo the last change (u)", self.action_undo)
        pid = prospect_in_view(screen)
        p = self._summary(pid) if pid else None  # its name is enough: no decoding
        if p is not None:
            yield SystemCommand(f"merge: {p.name} with …", "Pick the prospect to merge into "
                                "this one (M)", partial(self.merge_prospect, p.id))  # fmt: skip
            yield SystemCommand(f"delete: {p.name}", "Delete it, after asking (D; u undoes)",
                                partial(self.delete_prospect, p.id))  # fmt: skip

    def _get(self, pid: str) -> Prospect | None:
        try:
            return self.store.get(pid)
        except KeyError:
            return None

    def _summary(self, pid: str) -> Prospect | None:
        try:
            return self.store.summary(pid)
        except KeyError:
            return None

    # -- undo ---------------------------------------------------------------

    def action_undo(self) -> None:
        self._undo()

    @work(group="changes", exclusive=True)
    async def _undo(self) -> None:
        try:
            plan = self.store.undo_plan()
        except NothingToUndo:
            self.notify("Nothing to undo.", timeout=3)
            return
        except CannotUndo as refused:
            text = change_text(refused.target, self.config)
            self.notify(f"Cannot undo {text}: leadline restore puts a backup back.",
                        severity="warning", markup=False, timeout=8)  # fmt: skip
            return
        force = bool(plan.drifts)
        if plan.drifts:
            question = f"{drift_text(plan.drifts, self.config)}. Undo anyway?"
        elif plan.foreign:
            question = undo_question(plan, self.config)
        else:
            question = ""
        if question and not await self.push_screen_wait(ConfirmDialog(escape(question))):
            return
        self._undo_now(plan, force)

    def _undo_now(self, plan: UndoPlan, force: bool) -> None:
        try:
            done = self.store.undo(by="TUI: undo", now=self.now(), force=force,
                                   expect=plan.target.seq)  # fmt: skip
        except (*SAVE_ERRORS, KeyError) as error:  # refusals are ValueErrors too
            self.notify(str(error), title="Not undone", severity="error", markup=False)
            return
        self.announce(item.pid for item in done.target.items)
        say_saved(self, undone_text(done, self.config))

    # -- delete -------------------------------------------------------------

    def action_delete_prospect(self) -> None:
        pid = prospect_in_view(self.screen)
        if pid is not None:
            self.delete_prospect(pid)

    @work(group="changes", exclusive=True)
    async def delete_prospect(self, pid: str) -> None:
        """Ask, then delete prospect `pid`; the toast says u undoes it."""
        p = self._summary(pid)
        if p is None:
            return
        question = escape(f"Delete {in_prose(p.name)}? (u undoes it)")
        if not await self.push_screen_wait(ConfirmDialog(question, yes="Delete", no="Keep")):
            return
        try:
            self.store.delete(pid, by="TUI: delete", now=self.now())
        except (*SAVE_ERRORS, KeyError) as error:
            self.notify(str(error), title="Not deleted", severity="error", markup=False)
            return
        self._leave_detail_of(pid)
        self.announce({pid})
        say_saved(self, f"Deleted {p.name}. u undoes.")

    def _leave_detail_of(self, pid: str) -> None:
        """Close the detail screen of a prospect that is gone (it would say it vanished)."""
        from leadline.tui.screens.detail import DetailScreen  # noqa: PLC0415

        if isinstance(self.screen, DetailScreen) and self.screen.pid == pid:
            self.pop_screen()

    # -- merge --------------------------------------------------------------

    def action_merge_prospect(self) -> None:
        pid = prospect_in_view(self.screen)
        if pid is not None:
            self.merge_prospect(pid)

    def merge_prospect(self, pid: str) -> None:
        """Pick another prospect (a searchable list) to merge into prospect `pid`."""
        kept = self._summary(pid)
        if kept is None:
            return
        others = sorted(
            (p for p in self.summaries() if p.id != pid), key=lambda p: p.name.casefold()
        )
        stage = partial(stage_label, self.config)
        commands = [(safe(p.name), partial(self.merge_into, pid, p.id), stage(p.stage))
                    for p in others]  # fmt: skip
        self.search_commands(commands, placeholder=safe(f"Merge into {kept.name}: which prospect?"))

    @work(group="changes", exclusive=True)
    async def merge_into(self, keep: str, other: str, *, cancelled: str = "") -> None:
        """Ask about conflicting fields, then merge prospect `other` into `keep`; say
        `cancelled` if the user cancels the merge dialog."""
        from leadline.tui.dialogs.merge import MergeDialog  # noqa: PLC0415

        kept, gone = self._get(keep), self._get(other)
        if kept is None or gone is None:
            return
        conflicts = merge_conflicts(kept, gone)
        dialog = MergeDialog(kept.name, gone.name, conflicts, self.config)
        take = await self.push_screen_wait(dialog)
        if take is None:
            if cancelled:
                self.notify(cancelled, title="Not merged", severity="warning", markup=False)
            return
        now = self.now()
        try:
            saved = self.store.merge(keep, other, lambda k, o: merged(k, o, now, take=take,
                                     prefer="kept"), by="TUI: merge dialog", now=now)  # fmt: skip
        except (*SAVE_ERRORS, KeyError) as error:
            self.notify(str(error), title="Not merged", severity="error", markup=False)
            return
        self._leave_detail_of(other)
        self.announce({keep, other})
        say_saved(self, f"Merged {gone.name} into {saved.name}. u undoes.")
