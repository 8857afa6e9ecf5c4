"""The funnel's advice: a bulleted list whose wrapped lines stay indented under the text.

One widget draws the whole list. A row of two Statics per sentence looked the
same but cost start-up time: the funnel is the home screen, and every widget
mounted before the first paint is matched against the stylesheet and laid out.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

_COLUMN_STYLE = "$state-warning bold"
BULLET = Content.assemble(" ", ("•", _COLUMN_STYLE), (" ", _COLUMN_STYLE))
"""The bullet column on a sentence's first line: a space, the bullet, a space."""
INDENT = Content.styled("   ", _COLUMN_STYLE)
"""The bullet column on a sentence's wrapped lines."""


def advice_lines(sentences: list[str], width: int) -> list[Content]:
    """Every line of the list at `width` cells: sentences wrapped beside the bullet column."""
    text_width = max(1, width - BULLET.cell_length)
    lines: list[Content] = []
    for sentence in sentences:
        wrapped = Content(sentence).wrap(text_width)
        lines += [(BULLET if n == 0 else INDENT) + line for n, line in enumerate(wrapped)]
    return lines


class AdviceList(Widget):
    """Advice sentences as a bulleted list."""

    DEFAULT_CSS = "AdviceList { height: auto; width: 1fr; }"

    def __init__(self, sentences: list[str], *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._sentences = sentences

    @property
    def sentences(self) -> list[str]:
        """The sentences shown, in order."""
        return list(self._sentences)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(advice_lines(self._sentences, width)) if width else 0

    def render(self) -> Content:
        return Content("\n").join(advice_lines(self._sentences, self.size.width))

    def show(self, sentences: list[str]) -> None:
        """Replace the list (only when the advice changed, to avoid a needless layout)."""
        if sentences != self._sentences:
            self._sentences = sentences
            self.refresh(layout=True)
