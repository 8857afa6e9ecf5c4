"""How a `ProspectTable` line is laid out, and where its cursor may rest.

Pure functions over columns and rows, kept apart from the widget's drawing and
keys: widths are in terminal cells (`fit_cells`), so wide characters keep the
columns aligned, and heading rows are never under the cursor.
"""

from __future__ import annotations

from collections.abc import Sequence

from leadline.tui.widgets.cells import fit_cells
from leadline.tui.widgets.table_rows import MIN_FLEX, Column, Row


def column_widths(columns: Sequence[Column], width: int) -> list[int]:
    """Widths of each column for a line `width` cells wide (1-cell gaps, 1 left pad).

    A hidden column (dropped on a narrow screen, see `Column.drop`) has width 0.
    """
    widths = [c.width for c in columns]
    flex = [i for i, c in enumerate(columns) if c.width == 0]
    droppable = sorted((c.drop, i) for i, c in enumerate(columns) if c.drop > 0)

    def spare() -> int:
        shown = [w for i, w in enumerate(widths) if w > 0 or i in flex]
        return width - sum(widths) - len(shown)

    while flex and droppable and spare() < MIN_FLEX * len(flex):
        widths[droppable.pop()[1]] = 0
    room = max(0, spare())
    for position, index in enumerate(flex):
        share = room // len(flex) + (1 if position < room % len(flex) else 0)
        widths[index] = max(1, share)
    return widths


def line_text(columns: Sequence[Column], cells: Sequence[str], width: int) -> str:
    """One line: each shown column's cell fitted to its width, exactly `width` cells."""
    parts = [
        fit_cells(cell, cell_width, column.align)
        for cell, cell_width, column in zip(
            cells, column_widths(columns, width), columns, strict=False
        )
        if cell_width > 0
    ]
    return fit_cells(" " + " ".join(parts), width)


def selectable(rows: Sequence[Row], index: int, step: int) -> int:
    """First row from `index` going by `step` that is not a heading, or -1."""
    while 0 <= index < len(rows):
        if not rows[index].heading:
            return index
        index += step
    return -1


def ordinal(rows: Sequence[Row], index: int, with_headings: bool) -> int:
    """Position of row `index` among the rows that are not headings."""
    if not with_headings:
        return index
    return sum(1 for row in rows[:index] if not row.heading)


def index_of_ordinal(rows: Sequence[Row], position: int, with_headings: bool) -> int:
    """Index of the `position`-th row that is not a heading, clamped to the last one."""
    if not with_headings:
        return min(position, len(rows) - 1)
    last = -1
    for index, row in enumerate(rows):
        if row.heading:
            continue
        if position == 0:
            return index
        position -= 1
        last = index
    return last
