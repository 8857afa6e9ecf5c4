"""The reference: a bare Textual app with a header line, a static text and a footer.

`python bare_app.py --list` adds a focused OptionList of 1,000 rows: the peer for
key-to-repaint (an arrow key moves its highlight, as in leadline's lists).
"""

import sys

from textual.app import App, ComposeResult
from textual.widgets import Footer, OptionList, Static


class Bare(App[None]):
    BINDINGS = [("ctrl+q", "quit", "Quit")]

    def __init__(self, rows: int = 0) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield Static(" Bare app ready")
        if self.rows:
            yield OptionList(*(f"row {n}: Company {n} GmbH" for n in range(self.rows)))
        yield Footer()


if __name__ == "__main__":
    Bare(1000 if "--list" in sys.argv else 0).run()
