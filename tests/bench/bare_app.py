"""The reference: a bare Textual app with a header line, a static text and a footer."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static


class Bare(App[None]):
    BINDINGS = [("ctrl+q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static(" Bare app ready")
        yield Footer()


if __name__ == "__main__":
    Bare().run()
