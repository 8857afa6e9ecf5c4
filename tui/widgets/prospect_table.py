"""A fast list of prospects: aligned columns, a cursor, only visible lines drawn.

A DataTable with 10k rows takes seconds to paint, so this is a Line API
`ScrollView`: it asks for the rows on screen and nothing else. Rows may be a
plain list or a `LazyRows` that formats an item only when it is first shown.
Columns are padded by terminal cell width (`table_layout`), so Chinese,
Armenian and Cyrillic names keep the columns aligned.

Heading rows (group titles such as "Overdue · 3") are never under the cursor.
The cursor is kept by position across `set_rows`: when the row under it leaves
(say it was snoozed out of the queue) the next one takes its place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from leadline.tui.text.safe import has_control, safe
from leadline.tui.widgets import table_layout as layout
from leadline.tui.widgets.cells import fit_cells
from leadline.tui.widgets.table_rows import STATES, Column, LazyRows, Row

__all__ = ["STATES", "Column", "LazyRows", "ProspectTable", "Row"]


class ProspectTable(ScrollView, can_focus=True):
    """A keyboard list with a fixed header line; Enter posts `Selected`."""

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False, id="table.down", tooltip="Next row"),
        Binding("up,k", "cursor_up", "Up", show=False, id="table.up", tooltip="Previous row"),
        Binding("home,g", "cursor_first", "First", show=False, id="table.first",
                tooltip="First row"),
        Binding("end,G", "cursor_last", "Last", show=False, id="table.last", tooltip="Last row"),
        Binding("pagedown", "page_down", "Page down", show=False, id="table.page_down",
                tooltip="A page down"),
        Binding("pageup", "page_up", "Page up", show=False, id="table.page_up",
                tooltip="A page up"),
        Binding("enter", "select", "Open", id="table.select", tooltip="Open the prospect"),
    ]  # fmt: skip

    COMPONENT_CLASSES = {
        "prospect-table--header",
        "prospect-table--heading",
        "prospect-table--cursor",
        "prospect-table--empty",
        *(f"prospect-table--{state}" for state in STATES),
    }

    DEFAULT_CSS = """
    ProspectTable {
        height: 1fr; background: $surface; scrollbar-size-vertical: 1; overflow-x: hidden;
    }
    ProspectTable > .prospect-table--header { text-style: bold; color: $text-muted; }
    ProspectTable > .prospect-table--heading { text-style: bold; color: $accent; }
    ProspectTable > .prospect-table--cursor { background: $block-cursor-blurred-background; }
    ProspectTable:focus > .prospect-table--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    ProspectTable > .prospect-table--empty { color: $text-muted; text-style: italic; }
    ProspectTable > .prospect-table--overdue { color: $state-overdue; text-style: bold; }
    ProspectTable > .prospect-table--due { color: $state-due; }
    ProspectTable > .prospect-table--soon { color: $state-soon; }
    ProspectTable > .prospect-table--won { color: $state-won; }
    ProspectTable > .prospect-table--lost { color: $state-lost; }
    ProspectTable > .prospect-table--stale { color: $state-stale; }
    ProspectTable > .prospect-table--warning { color: $state-warning; }
    ProspectTable > .prospect-table--muted { color: $text-muted; }
    """

    @dataclass
    class Highlighted(Message):
        """The cursor moved to a row (key is "" when the table is empty)."""

        table: ProspectTable
        key: str
        index: int

        @property
        def control(self) -> ProspectTable:
            return self.table

    @dataclass
    class Selected(Message):
        """Enter (or a second click) on a row."""

        table: ProspectTable
        key: str
        index: int

        @property
        def control(self) -> ProspectTable:
            return self.table

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        empty_text: str = "Nothing here.",
        name: str | None = None,
        id: str | None = None,  # noqa: A002 - Textual's own parameter name
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.columns = tuple(columns)
        self.empty_text = empty_text
        self._rows: Sequence[Row] = ()
        self._with_headings = False
        self._cursor = -1

    # -- data ---------------------------------------------------------------

    @property
    def rows(self) -> Sequence[Row]:
        """The rows currently shown."""
        return self._rows

    @property
    def cursor(self) -> int:
        """Index of the row under the cursor; -1 when there is no selectable row."""
        return self._cursor

    @property
    def cursor_row(self) -> Row | None:
        """The row under the cursor, if any."""
        return self._rows[self._cursor] if self._cursor >= 0 else None

    @property
    def cursor_key(self) -> str | None:
        """The key (prospect id) under the cursor, if any."""
        row = self.cursor_row
        return row.key if row else None

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show new rows, keeping the cursor at the same item position."""
        headings = self._with_headings
        place = layout.ordinal(self._rows, self._cursor, headings) if self._cursor >= 0 else 0
        self._rows = rows
        self._with_headings = not isinstance(rows, LazyRows) and any(r.heading for r in rows)
        self.virtual_size = Size(self.size.width, len(rows) + 1)
        index = layout.index_of_ordinal(rows, place, self._with_headings)
        self._move_to(index, force_message=True)
        self.refresh()

    # -- cursor -------------------------------------------------------------

    def move_cursor(self, index: int) -> None:
        """Put the cursor on row `index` (or the nearest selectable row)."""
        self._move_to(index)

    def _selectable(self, index: int, step: int) -> int:
        return layout.selectable(self._rows, index, step)

    def _move_to(self, index: int, *, step: int = 1, force_message: bool = False) -> None:
        index = max(0, min(index, len(self._rows) - 1))
        target = self._selectable(index, step)
        if target < 0:
            target = self._selectable(index, -step)
        old, self._cursor = self._cursor, target
        if target >= 0:
            self._scroll_cursor_into_view()
        if old != target or force_message:
            self.refresh()
            row = self.cursor_row
            self.post_message(self.Highlighted(self, row.key if row else "", target))

    def _scroll_cursor_into_view(self) -> None:
        visible = max(1, self.scrollable_content_region.height - 1)
        top = round(self.scroll_y)
        # Keep the group heading just above the cursor in view when there is one.
        wanted_top = (
            self._cursor - 1
            if self._cursor > 0 and self._rows[self._cursor - 1].heading
            else self._cursor
        )
        if wanted_top < top:
            self.scroll_to(y=wanted_top, animate=False)
        elif self._cursor >= top + visible:
            self.scroll_to(y=self._cursor - visible + 1, animate=False)

    def action_cursor_down(self) -> None:
        if self._cursor >= 0:
            target = self._selectable(self._cursor + 1, 1)
            if target >= 0:
                self._move_to(target)

    def action_cursor_up(self) -> None:
        if self._cursor >= 0:
            target = self._selectable(self._cursor - 1, -1)
            if target >= 0:
                self._move_to(target, step=-1)
            elif self._cursor > 0:
                self.scroll_to(y=0, animate=False)  # show the first heading

    def action_cursor_first(self) -> None:
        self._move_to(0)
        self.scroll_to(y=0, animate=False)

    def action_cursor_last(self) -> None:
        self._move_to(len(self._rows) - 1, step=-1)

    def action_page_down(self) -> None:
        page = max(1, self.scrollable_content_region.height - 2)
        self._move_to(self._cursor + page)

    def action_page_up(self) -> None:
        page = max(1, self.scrollable_content_region.height - 2)
        self._move_to(self._cursor - page, step=-1)

    def action_select(self) -> None:
        row = self.cursor_row
        if row is not None:
            self.post_message(self.Selected(self, row.key, self._cursor))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide "Open" from the footer when nothing is under the cursor."""
        if action == "select":
            return self._cursor >= 0
        return True

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            return
        index = round(self.scroll_y) + event.y - 1
        if 0 <= index < len(self._rows) and not self._rows[index].heading:
            if index == self._cursor or event.chain > 1:
                self._move_to(index)
                self.action_select()
            else:
                self._move_to(index)

    # -- drawing ------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self._rows) + 1)
        if self._cursor >= 0:
            self._scroll_cursor_into_view()

    def _line_text(self, cells: Sequence[str], width: int) -> str:
        # A control character in a name shows as U+FFFD, one cell, as the widths count it.
        shown = [safe(c) if has_control(c) else c for c in cells]
        return layout.line_text(self.columns, shown, width)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("prospect-table--header")
            text = self._line_text([c.label for c in self.columns], width)
            return Strip([Segment(text, style)], width)
        index = round(self.scroll_y) + y - 1
        if not self._rows:
            if y == 1:
                style = base + self.get_component_rich_style("prospect-table--empty")
                return Strip([Segment(fit_cells(" " + self.empty_text, width), style)], width)
            return Strip.blank(width, base)
        if index >= len(self._rows):
            return Strip.blank(width, base)
        return self._render_row(self._rows[index], index, width)

    def _render_row(self, row: Row, index: int, width: int) -> Strip:
        style = self.rich_style
        if row.heading:
            style += self.get_component_rich_style("prospect-table--heading")
            text = fit_cells(" " + (row.cells[0] if row.cells else ""), width)
            return Strip([Segment(text, style)], width)
        if row.state in STATES:
            style += self.get_component_rich_style(f"prospect-table--{row.state}")
        if index == self._cursor:
            style += self.get_component_rich_style("prospect-table--cursor")
        return Strip([Segment(self._line_text(row.cells, width), style)], width)
