"""Funnel drawing: a stage as one line with a bar sized by value, section headings.

Bars are block characters with eighth-cell ends, coloured by the stage's tone
(a theme variable); in monochrome the bar length and the numbers still carry
the meaning. Columns are laid out for the width the row gets: below 56 cells
the weighted column goes, below 44 the words "deals" go, so nothing breaks at
40 columns.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from leadline.tui.text.fmt import deals, money
from leadline.tui.widgets.cells import fit_cells

EIGHTHS = " ▏▎▍▌▋▊▉"
TONES = frozenset({"cold", "warm", "hot", "meeting", "neutral"})
STATES = frozenset({"overdue", "due", "soon", "won", "lost", "stale", "warning"})


def tone_style(tone: str) -> str:
    """The theme variable for a stage tone (unknown tones look neutral)."""
    if tone in TONES:
        return f"$tone-{tone}"
    if tone in STATES:
        return f"$state-{tone}"
    return "$tone-neutral"


def bar_text(fraction: float, width: int) -> tuple[str, str]:
    """(filled part, blank rest) of a bar `width` cells long at `fraction` (0..1)."""
    if width <= 0:
        return "", ""
    eighths = round(max(0.0, min(1.0, fraction)) * width * 8)
    if fraction > 0 and eighths == 0:
        eighths = 1  # a stage with any value shows at least a sliver
    full, part = divmod(eighths, 8)
    filled = "█" * full + (EIGHTHS[part] if part else "")
    return filled, " " * (width - len(filled))


@dataclass(frozen=True)
class StageLine:
    """What one stage row shows."""

    key: str
    name: str
    tone: str
    count: int
    value: float
    weighted: float
    currency: str


@dataclass(frozen=True)
class Layout:
    name: int
    bar: int
    count: int
    weighted: bool


def layout_for(width: int) -> Layout:
    """Column widths for a row `width` cells wide."""
    weighted = width >= 56
    count = 9 if width >= 44 else 4
    name = 16 if width >= 64 else max(6, min(14, width // 3))
    fixed = 1 + name + 1 + 1 + count + 1 + 7 + (9 if weighted else 0)
    return Layout(name, max(1, width - fixed), count, weighted)


def column_titles(width: int) -> str:
    """The heading line above the stage rows, aligned with `stage_content`."""
    lay = layout_for(width)
    line = " " + fit_cells("Stage", lay.name) + " " + " " * lay.bar + " "
    line += fit_cells("Deals" if lay.count > 4 else "#", lay.count, "right")
    line += " " + fit_cells("Value", 7, "right")
    if lay.weighted:
        line += " " + fit_cells("Weighted", 8, "right")
    return fit_cells(line, width)


def stage_content(line: StageLine, largest: float, width: int, cursor: bool = False) -> Content:
    """One stage as a line: name, bar sized by value, count, value, weighted value.

    The cursor row starts with a pointer, so it shows without colour too.
    """
    lay = layout_for(width)
    filled, track = bar_text(line.value / largest if largest > 0 else 0.0, lay.bar)
    count = deals(line.count) if lay.count > 4 else str(line.count)
    parts: list[str | tuple[str, str]] = [
        ("▸" if cursor else " ") + fit_cells(line.name, lay.name) + " ",
        (filled, tone_style(line.tone)),
        track,
        " " + fit_cells(count, lay.count, "right"),
        " " + fit_cells(money(line.value, line.currency), 7, "right"),
    ]
    if lay.weighted:
        parts.append((" " + fit_cells(money(line.weighted, line.currency), 8, "right"), "dim"))
    return Content.assemble(*parts)


class StageRow(Widget, can_focus=True):
    """A focusable stage line; Enter (or a click) posts `StageRow.Chosen`."""

    BINDINGS = [Binding("enter", "choose", "Prospects", id="stage.open",
                        tooltip="List the prospects in this stage")]  # fmt: skip

    DEFAULT_CSS = """
    StageRow { height: 1; width: 1fr; }
    StageRow:focus { background: $primary 25%; text-style: bold; }
    """

    @dataclass
    class Chosen(Message):
        """The user picked this stage."""

        key: str

    def __init__(self, line: StageLine, largest: float) -> None:
        super().__init__(id=f"stage-{line.key}")
        self.line = line
        self.largest = largest

    def update(self, line: StageLine, largest: float) -> None:
        """Show new figures for the same stage."""
        self.line, self.largest = line, largest
        self.refresh()

    def render(self) -> Content:
        return stage_content(self.line, self.largest, self.size.width, self.has_focus)

    def action_choose(self) -> None:
        self.post_message(self.Chosen(self.line.key))

    def on_click(self, event: events.Click) -> None:
        self.action_choose()
