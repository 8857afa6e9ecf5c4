"""What TinyDB's whole-table API needs: private copies of the tables, and what a write changed.

TinyDB reads every table and writes every table back; the storage keeps one
cached copy, so `read()` hands out copies nobody else holds, and `write()`
saves only the documents that differ from the cache.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from leadline.core.store import datafile, journal
from leadline.core.store.datafile import Tables


def deep_copy(value: Any) -> Any:
    """Deep copy of parsed JSON (dicts, lists and immutable scalars only); raw text is parsed."""
    value = datafile.materialize(value)
    kind = type(value)
    if kind is dict:
        return {key: deep_copy(item) for key, item in value.items()}
    if kind is list:
        return [deep_copy(item) for item in value]
    return value


def shallow_copy(table: dict[str, Any]) -> dict[str, Any]:
    """Each document of `table` as a fresh dict; nested values are shared."""
    return {doc_id: dict(datafile.materialize(doc)) for doc_id, doc in table.items()}


def changed_documents(old: Tables, new: Mapping[str, Mapping[str, Any]]) -> journal.Changes:
    """The documents that differ between two versions of all tables."""
    changes: journal.Changes = {}
    for name in set(old) | set(new):
        if name == datafile.META_TABLE:
            continue
        before, after = old.get(name, {}), new.get(name, {})
        docs = {
            str(k): deep_copy(v)
            for k, v in after.items()
            if datafile.materialize(before.get(str(k))) != datafile.materialize(v)
        }
        docs.update((k, None) for k in before if k not in after)
        if docs:
            changes[name] = docs
    return changes
