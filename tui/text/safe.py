"""Text from users and other tools, made safe to print on a terminal.

A name, note or CSV cell may hold control characters: an escape sequence
(`\\e]0;title\\a`, `\\e[2J`, OSC 52 to the clipboard, OSC 8 links), a carriage
return that overwrites the line, or a bidi override that reorders what is shown.
Printed raw, the terminal would obey them. `safe` swaps each for U+FFFD (one
cell, as the column widths count a control character), keeping tabs and
newlines; `safe_json` escapes them instead, so JSON output stays exact.
"""

from __future__ import annotations

import re
from typing import TextIO

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
REPLACEMENT = "\ufffd"
UNSAFE_CODES: tuple[int, ...] = (
    *range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0),
    *range(0x202A, 0x202F), *range(0x2066, 0x206A),
)  # fmt: skip
"""The code points `safe` replaces (every control character but tab and newline)."""


def safe(text: str) -> str:
    """`text` with every control character (but tab and newline) shown as U+FFFD."""
    return _UNSAFE.sub(REPLACEMENT, text)


def has_control(text: str) -> bool:
    """Whether `text` holds a character a terminal would obey (a tab or newline too)."""
    return _UNSAFE.search(text) is not None or "\t" in text or "\n" in text


def without_controls(text: str) -> str:
    """`text` without any control character (for a drawn line: they take no cell)."""
    return _UNSAFE.sub("", text).replace("\t", "").replace("\n", "")


def safe_json(text: str) -> str:
    """JSON text with the characters `json.dumps(ensure_ascii=False)` leaves raw
    (C1 controls, bidi overrides) escaped as \\uXXXX: the same data, nothing a
    terminal obeys."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class SafeStream:
    """A text stream that passes everything through `safe` before writing."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(safe(text))

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)
