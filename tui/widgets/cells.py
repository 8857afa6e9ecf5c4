"""Padding and truncating by terminal cells, not characters.

A Chinese character takes two cells; counting characters would push every
column after a CJK name two cells right per character. Rich's `cell_len`
knows the widths Textual draws with, so the TUI uses it (the CLI's
`leadline.tui.text.fmt.fit` does the same without importing Rich).
"""

from __future__ import annotations

from typing import Literal

from rich.cells import cell_len, set_cell_size

ELLIPSIS = "…"


def fit_cells(text: str, width: int, align: Literal["left", "right"] = "left") -> str:
    """`text` padded or cut (with an ellipsis) to exactly `width` cells."""
    if width <= 0:
        return ""
    text = " ".join(text.splitlines())
    length = cell_len(text)
    if length > width:
        # set_cell_size pads with a space when a wide character would straddle the edge.
        return set_cell_size(text, width - 1) + ELLIPSIS
    padding = " " * (width - length)
    return padding + text if align == "right" else text + padding
