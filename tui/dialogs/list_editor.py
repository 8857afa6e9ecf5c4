"""A list of a prospect's items (contacts, meetings) to add, edit and delete by key.

Enter edits the highlighted item, `a` adds one, `d` deletes it after a yes.
Every change is saved at once through app.save. Subclasses say how an item
reads, which form edits it, and where the items live on the prospect.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static

from leadline.core.models import Prospect
from leadline.tui.dialogs.base import ProspectDialog, api, say_saved
from leadline.tui.dialogs.confirm import ConfirmDialog
from leadline.tui.text import feedback

ItemT = TypeVar("ItemT")


class ListEditor(ProspectDialog[None], Generic[ItemT]):
    """Items of one kind on prospect `pid`."""

    SCOPED_CSS = False
    DEFAULT_CSS = "ListEditor OptionList { height: auto; max-height: 12; border: none; }"
    AUTO_FOCUS = "OptionList"
    TITLE_WORD = "Items"
    ITEM_WORD = "Item"
    """One of them, in the confirmation after a save ("Contact added: ...")."""
    # Not priority: keys run in the order typed ("down enter" edits the item moved to);
    # Enter reaches `edit` through the list's own OptionSelected.
    BINDINGS = [
        Binding("enter", "edit", "Edit", id="list.edit", tooltip="Edit the highlighted item"),
        Binding("a,plus", "add", "Add", id="list.add", tooltip="Add an item"),
        Binding("d,delete", "delete", "Delete", id="list.delete",
                tooltip="Delete the highlighted item (asks first)"),
        Binding("escape", "cancel", "Close", id="list.close", tooltip="Close the list"),
    ]  # fmt: skip

    def items(self, p: Prospect) -> tuple[ItemT, ...]:
        raise NotImplementedError

    def added(self, p: Prospect, item: ItemT, now: datetime) -> Prospect:
        """`p` with `item` added (a core action)."""
        raise NotImplementedError

    def replaced(self, p: Prospect, index: int, item: ItemT, now: datetime, was: ItemT) -> Prospect:
        """`p` with item `index` (shown as `was`) replaced (a core action)."""
        raise NotImplementedError

    def removed(self, p: Prospect, index: int, now: datetime, was: ItemT) -> Prospect:
        """`p` without item `index` (shown as `was`) (a core action)."""
        raise NotImplementedError

    def describe(self, item: ItemT) -> str:
        raise NotImplementedError

    def named(self, item: ItemT) -> str:
        """The item in a confirmation (by default as listed)."""
        return self.describe(item).strip()

    def form(self, item: ItemT | None) -> ModalScreen[Any]:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static(Content(f"{self.TITLE_WORD} · {self.prospect.name}"), id="title")
            yield OptionList(id="items")
            yield Static("Enter edit · a add · d delete · Esc close", classes="hint keys")

    def on_mount(self) -> None:
        self._fill()

    def _fill(self, keep: int = 0) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        self._shown = self.items(self.prospect)
        lines = [Content(self.describe(i)) for i in self._shown]
        options.add_options(lines or [Content(f"No {self.TITLE_WORD.lower()} yet: a adds one.")])
        options.highlighted = min(keep, len(lines) - 1) if lines else None

    def _index(self) -> int | None:
        index = self.query_one(OptionList).highlighted
        return index if index is not None and index < len(self._shown) else None

    def _store(
        self, change: Callable[[Prospect, datetime], Prospect], keep: int, said: tuple[str, ItemT]
    ) -> None:
        """Save `change`; `said` is (added, saved or deleted; the item) for the confirmation."""
        if self.save(lambda p: change(p, api(self).now())) is not None:
            say_saved(self, feedback.item_saved(self.ITEM_WORD, self.named(said[1]), said[0]))
        self._fill(keep)  # saved or refused (changed elsewhere): the list as stored now

    def on_option_list_option_selected(self, _: OptionList.OptionSelected) -> None:
        self.action_edit()  # a mouse click on an item

    def action_edit(self) -> None:
        """Edit the highlighted item (or add one when there is none)."""
        index = self._index()
        if index is None:
            self.action_add()
            return
        item = self._shown[index]

        def edited(new: ItemT | None) -> None:
            if new is not None:
                change = lambda p, now: self.replaced(p, index, new, now, item)  # noqa: E731
                self._store(change, index, ("saved", new))

        self.app.push_screen(self.form(item), edited)

    def action_add(self) -> None:
        def added(new: ItemT | None) -> None:
            if new is not None:
                at = len(self.items(self.prospect))
                self._store(lambda p, now: self.added(p, new, now), at, ("added", new))

        self.app.push_screen(self.form(None), added)

    def action_delete(self) -> None:
        index = self._index()
        if index is None:
            return
        item = self._shown[index]
        what = self.describe(item)

        def answered(yes: bool | None) -> None:
            if yes:
                self._store(lambda p, now: self.removed(p, index, now, item), index,
                            ("deleted", item))  # fmt: skip

        self.app.push_screen(ConfirmDialog(f"Delete {what}?", "Delete", "Keep"), answered)
