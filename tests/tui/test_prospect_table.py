"""The shared prospect list: aligned wide-character columns, keys, 10k rows, stable cursor."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import App, ComposeResult
from work_support import STATE_VARS, asynctest

from leadline.tui.widgets.prospect_table import Column, LazyRows, ProspectTable, Row

COLUMNS = [Column("Name"), Column("Stage", 10), Column("Value", 7, "right")]
NAMES = [
    "Acme Ltd",
    "北京云端科技有限公司",
    "Արարատ Կոնյակ ՓԲԸ",
    "ООО Ромашка",
    "東京トレーディング",
]


class TableApp(App[None]):
    def __init__(self, rows: list[Row] | LazyRows) -> None:
        super().__init__()
        self.initial_rows = rows
        self.selected: list[str] = []

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return STATE_VARS

    def compose(self) -> ComposeResult:
        yield ProspectTable(COLUMNS)

    def on_mount(self) -> None:
        self.query_one(ProspectTable).set_rows(self.initial_rows)

    def on_prospect_table_selected(self, event: ProspectTable.Selected) -> None:
        self.selected.append(event.key)


def rows_for(names: list[str]) -> list[Row]:
    return [Row(f"id{i}", (n, "Proposal", f"€{i}k")) for i, n in enumerate(names)]


@asynctest
async def test_wide_names_keep_columns_aligned() -> None:
    app = TableApp(rows_for(NAMES))
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        table = app.query_one(ProspectTable)
        lines = [table.render_line(y).text for y in range(len(NAMES) + 1)]
    stage_columns = {cell_len(line.split("Proposal")[0]) for line in lines[1:]}
    assert len(stage_columns) == 1, lines
    assert all(line.rstrip().endswith("k") for line in lines[1:])
    assert "北京云端科技有限公司" in lines[2]


@asynctest
async def test_keys_move_and_enter_selects() -> None:
    app = TableApp(rows_for(NAMES))
    async with app.run_test(size=(60, 10)) as pilot:
        table = app.query_one(ProspectTable)
        await pilot.press("j", "j", "down")
        assert table.cursor == 3
        await pilot.press("k")
        assert table.cursor == 2
        await pilot.press("G")
        assert table.cursor == 4
        await pilot.press("g")
        assert table.cursor == 0
        await pilot.press("j", "enter")
        assert app.selected == ["id1"]


@asynctest
async def test_headings_are_skipped_and_cursor_keeps_position_on_refresh() -> None:
    rows = [Row("", ("Overdue",), heading=True), *rows_for(NAMES[:2])]
    rows += [Row("", ("Due today",), heading=True), Row("x", ("Later", "Lead", "€1"))]
    app = TableApp(rows)
    async with app.run_test(size=(60, 10)) as pilot:
        table = app.query_one(ProspectTable)
        assert table.cursor_key == "id0"
        await pilot.press("j", "j")
        assert table.cursor_key == "x"
        await pilot.press("k")
        assert table.cursor_key == "id1"
        # id1 leaves: the cursor stays at the second item, which is now "x".
        table.set_rows([rows[0], rows[1], rows[3], rows[4]])
        await pilot.pause()
        assert table.cursor_key == "x"
        table.set_rows([rows[0], rows[1]])
        await pilot.pause()
        assert table.cursor_key == "id0"
        table.set_rows([])
        await pilot.pause()
        assert table.cursor_key is None
        assert "Nothing here" in table.render_line(1).text


@asynctest
async def test_ten_thousand_rows_format_only_what_is_shown() -> None:
    made: list[int] = []

    def make(i: int) -> Row:
        made.append(i)
        return Row(f"id{i}", (f"Prospect {i}", "Lead", "€1k"))

    # How fast (first paint, a key to a repaint at 10k): the bench's `queue first paint` and
    # `key to repaint, queue list` figures. Here: what stays true however fast the machine is.
    rows = LazyRows(range(10_000), make)
    app = TableApp(rows)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.query_one(ProspectTable)
        await pilot.press("G")
        await pilot.pause()
        assert table.cursor_key == "id9999"
        last_line = table.scrollable_content_region.height - 1  # no sideways scrollbar below
        assert last_line == 23
        assert "Prospect 9999" in table.render_line(last_line).text
        await pilot.press("k", "k")
        assert table.cursor == 9997
        # A hundred steps of the cursor, each with a full redraw of the visible lines.
        for _ in range(100):
            table.action_cursor_up()
            _ = [table.render_line(y) for y in range(24)]
    assert table.cursor == 9897
    assert len(set(made)) < 200  # only what was on screen got formatted
