"""Which entries of the config's `keymap:` name a binding the TUI does not have.

Core knows no key of the TUI (it imports no UI): the TUI passes in the ids of
its bindings when it starts, and gets back one problem per unknown id, at the
id's line and column in the file, with the nearest id as a suggestion.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from yaml.nodes import MappingNode

from leadline.core.config.loader import Problem, _read_text
from leadline.core.config.yaml_nodes import NodeWalker
from leadline.core.config.yaml_schema import did_you_mean


def unknown_binding_ids(path: Path | None, known: Collection[str]) -> list[Problem]:
    """A problem for each `keymap` id in the config at `path` that is not in `known`.

    Call it on a config `load_config` accepted (so the file reads and is well formed)."""
    text, source = _read_text(path)
    walker = NodeWalker(source)
    root = walker.compose(text)
    if not isinstance(root, MappingNode):
        return []
    entry = walker.pairs(root).get("keymap")
    if entry is None or not isinstance(entry[1], MappingNode):
        return []
    choices = sorted(known)
    for binding_id, (key_node, _) in walker.pairs(entry[1]).items():
        if binding_id not in known:
            hint = did_you_mean(binding_id, choices) or "; see the README's key table"
            walker.report(key_node, f"keymap: no key has the id {binding_id!r}{hint}")
    return walker.problems
