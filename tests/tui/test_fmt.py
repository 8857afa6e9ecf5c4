"""Column arithmetic for lists printed by the CLI and drawn by the TUI."""

from __future__ import annotations

import pytest

from leadline.tui.text.fmt import cell_width, fit


@pytest.mark.parametrize(
    ("text", "columns"),
    [
        ("Acme Ltd", 8),
        ("长江物流有限公司", 16),  # wide characters take two columns
        ("Երևան Սոֆթ ՍՊԸ", 14),  # Armenian is narrow
        ("ООО «АлтайСофт»", 15),
        ("Cafe\u0301", 4),  # a combining accent takes none
        ("", 0),
    ],
)
def test_cell_width_counts_terminal_columns(text: str, columns: int) -> None:
    assert cell_width(text) == columns


@pytest.mark.parametrize(
    "text", ["Acme Ltd", "长江物流有限公司", "Երևան Սոֆթ ՍՊԸ", "ab\u0301cdefghijkl"]
)
@pytest.mark.parametrize("width", [1, 5, 9, 20])
def test_fit_always_fills_exactly_the_width(text: str, width: int) -> None:
    out = fit(text, width)
    assert cell_width(out) == width
    if cell_width(text) <= width:
        assert out == text + " " * (width - cell_width(text))
    else:
        assert out.rstrip(" ").endswith("…") and text.startswith(out.rstrip(" ")[:-1])
