"""YAML node trees with positions: composing, mapping keys, duplicate keys, YAML 1.1 traps.

Configuration is validated on the composed node tree rather than on the output of
`yaml.safe_load`, so that every problem can name its file, line and column. Scalars are
still built by PyYAML's SafeConstructor, so each value means exactly what `yaml.safe_load`
would make of it (never the FullLoader's Python objects).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import Reader

FAILED = object()
"""A scalar whose construction failed (and was reported)."""
_SPECIAL_KEYS = {"tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"}
"""`<<` and `=` keys, which PyYAML resolves while flattening a mapping."""

Pairs = dict[str, tuple[Node, Node]]
"""A mapping's text keys, each with its key node and value node, in file order."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a file, at a 1-based line and column (0 and 0: the whole file)."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        if self.line <= 0:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


def read_as(value: Any) -> str:
    """How YAML read a scalar that is not text, in words for a 'quote it' hint."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    return repr(value)


def kind(node: Node) -> str:
    """'a mapping', 'a list', 'nothing' or the scalar as written, for 'got ...' messages."""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, ScalarNode) and (node.value or node.style):
        return repr(node.value)
    return "nothing"


_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", None)
"""libyaml's composer when PyYAML was built with it: ~15x faster than the pure Python
one, and every leadline command reads the whole configuration before anything else."""


def _compose_fast(text: str) -> Node | None:
    """The node tree by libyaml, or None to let the pure loader compose (or report) it.

    libyaml builds the same nodes with the same marks and tags (the resolver is
    PyYAML's), but marks a plain scalar's style "" where PyYAML leaves it None; the
    checks read None as "plain". A file it rejects, or characters the pure reader
    refuses, go back to the pure loader so the user sees its message.
    """
    if _FAST_LOADER is None or Reader.NON_PRINTABLE.search(text):
        return None
    try:
        root: Node | None = yaml.compose(text, Loader=_FAST_LOADER)
    except (yaml.YAMLError, RecursionError):
        return None
    if root is not None:
        _plain_style_as_none(root)
    return root


def _plain_style_as_none(root: Node) -> None:
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue  # an alias: the same node again
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            node.style = node.style or None
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            stack.extend(item for pair in node.value for item in pair)


class NodeWalker:
    """Collects problems for one file while its node tree is read."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self._constructor = SafeConstructor()
        self._pairs: dict[Node, Pairs] = {}
        self._failed: set[Node] = set()

    def report(self, node: Node, message: str) -> None:
        """Record a problem at the start of `node`."""
        self.report_at(node.start_mark, message)

    def report_at(self, mark: Mark | None, message: str) -> None:
        """Record a problem at a YAML mark (0-based inside PyYAML, 1-based when shown)."""
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        self.problems.append(Problem(self.path, line, col, message))

    def compose(self, text: str) -> Node | None:
        """The node tree of `text`, or None after reporting a syntax error."""
        root = _compose_fast(text)
        if root is not None:
            return root
        deepest = _deepest(text)  # the pure composer recurses: it would run out of stack
        if deepest is not None:
            message = f"values nest more than {_MAX_NESTING} levels deep; no setting needs that"
            self.problems.append(Problem(self.path, *deepest, message))
            return None
        try:
            return yaml.compose(text, Loader=yaml.SafeLoader)
        except RecursionError:  # block nesting (indentation) that deep
            message = "values nest too deeply to be read; no setting needs that"
            self.problems.append(Problem(self.path, 1, 1, message))
        except yaml.MarkedYAMLError as error:
            self._syntax_error(error)
        except yaml.reader.ReaderError as error:
            line = text.count("\n", 0, error.position) + 1
            col = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
            message = f"YAML syntax error: character #x{error.character:04x} is not allowed"
            self.problems.append(Problem(self.path, line, col, message))
        return None

    def _syntax_error(self, error: yaml.MarkedYAMLError) -> None:
        problem = (error.problem or error.context or "").removeprefix("but ")
        message = f"YAML syntax error: {problem}"
        if error.problem and error.context and error.context_mark:
            message += f" ({error.context} at line {error.context_mark.line + 1})"
        self.report_at(error.problem_mark or error.context_mark, message)

    def pairs(self, node: MappingNode) -> Pairs:
        """A mapping's text keys; reports duplicate and non-text keys; resolves `<<` merges."""
        if node not in self._pairs:  # an alias visits a node twice: report once
            self._report_duplicates(node)
            try:
                self._constructor.flatten_mapping(node)
            except ConstructorError as error:
                self.report_at(error.problem_mark, str(error.problem))
            self._pairs[node] = self._text_keys(node)
        return self._pairs[node]

    def _text_keys(self, node: MappingNode) -> Pairs:
        pairs: Pairs = {}
        for key_node, value_node in node.value:
            key = self._key_text(key_node)
            if key is not None:
                pairs[key] = (key_node, value_node)  # a later key wins, as in safe_load
        return pairs

    def _key_text(self, node: Node) -> str | None:
        if not isinstance(node, ScalarNode):
            self.report(node, f"a key must be a single word, got {kind(node)}")
            return None
        key = self.scalar(node)
        if isinstance(key, str):
            return key
        if key is not FAILED:
            self.report(node, f"key {node.value!r} is read as {read_as(key)}; quote it")
        return None

    def _report_duplicates(self, node: MappingNode) -> None:
        seen: dict[tuple[type, Any], Node] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag in _SPECIAL_KEYS:
                continue
            key = self.scalar(key_node)
            if key is FAILED:
                continue
            first = seen.setdefault((type(key), key), key_node)
            if first is not key_node:
                line = first.start_mark.line + 1
                self.report(key_node, f"duplicate key {key_node.value!r} (first at line {line})")

    def scalar(self, node: ScalarNode) -> Any:
        """What `yaml.safe_load` makes of a scalar, or FAILED (reported once) for a bad tag."""
        if node in self._failed:
            return FAILED
        try:
            return self._constructor.construct_object(node)
        except ConstructorError:
            self._failed.add(node)
            self.report(node, f"tag {node.tag!r} is not supported here; remove it")
            return FAILED
        except (ValueError, OverflowError):  # an integer of thousands of digits
            self._failed.add(node)
            self.report(node, f"the number {node.value[:20]}... has too many digits")
            return FAILED


_MAX_NESTING = 100
"""Flow nesting past this is reported at the bracket that goes past it."""


def _deepest(text: str) -> tuple[int, int] | None:
    """Line and column (1-based) of a bracket nesting past `_MAX_NESTING`, if there is one."""
    if text.count("[") + text.count("{") <= _MAX_NESTING:
        return None
    depth = 0
    for index, char in enumerate(text):
        depth += (char in "[{") - (char in "]}")
        if depth > _MAX_NESTING:
            line = text.count("\n", 0, index) + 1
            return line, index - (text.rfind("\n", 0, index) + 1) + 1
    return None
