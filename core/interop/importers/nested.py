"""A leadline JSON export read record by record, for a file `json.loads` cannot read whole
because some record nests deeper than Python's recursion allows.

The list of prospects is found with a scanner that keeps its own depth count (no
recursion); each record is then parsed alone, so one absurd record is reported on
its own and the others are imported.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from leadline.core.interop.importers.detect import ImportFileError

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)
_PROSPECTS = re.compile(r'"prospects"\s*:\s*\[')

Parsed = tuple[int, Any]


def split_records(text: str, read: Callable[[Any], Any]) -> Iterator[Parsed]:
    """(record number, `read(document)` or why not) for every record of the prospects list."""
    for number, chunk in enumerate(_chunks(text, _list_start(text)), start=1):
        try:
            doc = json.loads(chunk)
        except RecursionError:
            yield number, "nests too deeply to be a prospect record"
            continue
        except ValueError as error:
            yield number, f"not valid JSON ({error})"
            continue
        yield number, read(doc)


def _list_start(text: str) -> int:
    """Where the list of records starts: a bare list, or a leadline export's "prospects"."""
    start = len(text) - len(text.lstrip())
    if text[start : start + 1] == "[":
        return start + 1
    found = _PROSPECTS.search(text)  # the export writes it before the records
    if found is None:
        raise ImportFileError("the JSON file holds no list of prospects")
    return found.end()


def _chunks(text: str, start: int) -> Iterator[str]:
    """The text of each item of the list opening just before `start`."""
    depth, begin = 0, start
    for token in _TOKEN.finditer(text, start):
        mark = token.group()
        if mark in "[{":
            depth += 1
        elif mark in "]}":
            if depth == 0:  # the list closes
                if text[begin : token.start()].strip(" \t\r\n,"):
                    yield text[begin : token.start()].strip(" \t\r\n,")
                return
            depth -= 1
            if depth == 0:
                yield text[begin : token.end()].lstrip(" \t\r\n,")
                begin = token.end()
    raise ImportFileError("the JSON file ends inside its list of prospects")
