"""The data a `ProspectTable` shows: columns, rows, and rows made on demand.

Kept apart from the widget so screens can build rows without importing it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar, overload

T = TypeVar("T")

STATES = ("overdue", "due", "soon", "won", "lost", "stale", "warning", "muted")
"""Row states a caller may set; each maps to a component class styled by the theme."""


@dataclass(frozen=True)
class Column:
    """One column: a label, a width in cells (0 = take what is left) and alignment.

    `drop` > 0: on a narrow screen, columns are hidden (highest `drop` first)
    before the flexible column (the name) gets narrower than `MIN_FLEX` cells.
    """

    label: str
    width: int = 0
    align: Literal["left", "right"] = "left"
    drop: int = 0


MIN_FLEX = 14
"""Cells the flexible column keeps before droppable columns give way."""


@dataclass(frozen=True)
class Row:
    """One line of the table; `key` is what `Selected` reports (a prospect id)."""

    key: str
    cells: tuple[str, ...]
    state: str = ""
    heading: bool = False


class LazyRows(Sequence[Row], Generic[T]):
    """Rows made from items on demand: only rows that are drawn get formatted."""

    def __init__(self, items: Sequence[T], make_row: Callable[[T], Row]) -> None:
        self._items = items
        self._make_row = make_row
        self._cache: dict[int, Row] = {}

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | Sequence[Row]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        row = self._cache.get(index)
        if row is None:
            row = self._cache[index] = self._make_row(self._items[index])
        return row

    def __iter__(self) -> Iterator[Row]:
        return (self[i] for i in range(len(self)))
