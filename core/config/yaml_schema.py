"""Read a YAML node tree into typed dataclasses, reporting every problem with its position.

The dataclasses are the schema: their fields name the allowed keys, their type hints the
expected types, and fields without a default are required. A key the file leaves out takes
the dataclass default. Reading goes on after a problem, so one run reports all of them.
"""

from __future__ import annotations

import dataclasses
import difflib
import types
from collections.abc import Callable
from enum import Enum
from typing import Any, Union, get_args, get_origin, get_type_hints

from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from leadline.core.config.yaml_nodes import FAILED, NodeWalker, kind, read_as

INVALID: Any = object()
"""What a reader returns for a value it reported as wrong."""

Check = Callable[[str, Any], str | None]
"""Given a key name and a well-typed value, a message if the value is out of range."""

_BOOL_WORDS = frozenset({"yes", "no", "on", "off"})
"""YAML 1.1 spellings of true and false that YAML 1.2 and people read as words."""
_TYPE_WORDS = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}


def or_list(words: list[str]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def did_you_mean(word: str, choices: list[str]) -> str:
    """'; did you mean 'x'?' for the closest choice, or '' if none is close."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


class SchemaReader(NodeWalker):
    """Turns nodes into values of the hinted types; `where` gives back a value's node."""

    def __init__(self, path: str, check: Check) -> None:
        super().__init__(path)
        self._check = check
        self._origins: dict[int, dict[str, Node]] = {}
        self._bad: set[tuple[int, str]] = set()
        self._alive: list[object] = []  # keeps ids in _origins unique while reading

    def where(self, obj: object, key: str = "") -> Node | None:
        """The node a dataclass field or dict entry was read from ('' = the whole mapping)."""
        return self._origins.get(id(obj), {}).get(key)

    def ok(self, obj: object, key: str) -> bool:
        """True when `key` of `obj` came from the file and was read without a problem."""
        return self.where(obj, key) is not None and (id(obj), key) not in self._bad

    def read(self, node: Node, hint: Any, name: str) -> Any:
        """The value of `node` as type `hint`, or INVALID after reporting why not."""
        if node.tag not in SafeConstructor.yaml_constructors:  # e.g. !!python/object
            self.report(node, f"tag {node.tag!r} is not supported here; remove it")
            return INVALID
        origin = get_origin(hint)
        if dataclasses.is_dataclass(hint):
            return self.read_dataclass(node, hint, name)
        if origin is tuple:
            return self._read_tuple(node, get_args(hint)[0], name)
        if origin is dict:
            return self._read_dict(node, get_args(hint), name)
        if origin in (Union, types.UnionType):
            return self._read_union(node, get_args(hint), name)
        if isinstance(hint, type) and issubclass(hint, Enum):
            return self._read_enum(node, hint, name)
        return self._read_scalar(node, hint, name)

    def read_dataclass(self, node: Node, cls: Any, name: str) -> Any:
        """An instance of `cls` from a mapping; missing keys take the dataclass defaults."""
        if not isinstance(node, MappingNode):
            self.report(node, f"{name} must be a mapping of keys, got {kind(node)}")
            return INVALID
        pairs, fields = self.pairs(node), dataclasses.fields(cls)
        self._report_unknown(pairs, [f.name for f in fields])
        hints, kwargs, bad = get_type_hints(cls), {}, set()
        for f in fields:
            if f.name in pairs:
                value = self.read(pairs[f.name][1], hints[f.name], f.name)
            elif _required(f):
                self.report(node, f"missing required key {f.name!r}")
                value = INVALID
            else:
                continue  # the dataclass default
            if value is INVALID:
                bad.add(f.name)
                if not _required(f):
                    continue  # reported; the default keeps the rest of the checks going
                value = _placeholder(hints[f.name])
            kwargs[f.name] = value
        obj = cls(**kwargs)
        self._remember(obj, {k: v for k, (_, v) in pairs.items()}, node, bad)
        return obj

    def _remember(self, obj: object, nodes: dict[str, Node], node: Node, bad: set[str]) -> None:
        self._alive.append(obj)
        self._origins[id(obj)] = {"": node, **nodes}
        self._bad.update((id(obj), key) for key in bad)

    def _report_unknown(self, pairs: dict[str, tuple[Node, Node]], allowed: list[str]) -> None:
        for key, (key_node, _) in pairs.items():
            if key not in allowed:
                hint = did_you_mean(key, allowed) or f"; expected one of {', '.join(allowed)}"
                self.report(key_node, f"unknown key {key!r}{hint}")

    def _read_tuple(self, node: Node, item_hint: Any, name: str) -> Any:
        if not isinstance(node, SequenceNode):
            self.report(node, f"{name} must be a list, got {kind(node)}")
            return INVALID
        items = [(n, self.read(n, item_hint, name)) for n in node.value]
        seen: dict[Any, Node] = {}
        for item_node, item in items:
            if isinstance(item, str) and seen.setdefault(item, item_node) is not item_node:
                line = seen[item].start_mark.line + 1
                self.report(item_node, f"{item!r} is listed twice in {name} (first at line {line})")
        return tuple(item for _, item in items if item is not INVALID)

    def _read_dict(self, node: Node, hints: tuple[Any, Any], name: str) -> Any:
        if not isinstance(node, MappingNode):
            self.report(node, f"{name} must be a mapping, got {kind(node)}")
            return INVALID
        result: dict[Any, Any] = {}
        pairs = self.pairs(node)
        for key, (key_node, value_node) in pairs.items():
            typed_key = self._read_enum_text(key_node, key, hints[0], f"{name} key")
            result[typed_key] = self.read(value_node, hints[1], f"{name}.{key}")
        if INVALID in result or INVALID in result.values():
            return INVALID  # reported; a half-read mapping would mislead later checks
        self._remember(result, {k: v for k, (_, v) in pairs.items()}, node, set())
        return result

    def _read_union(self, node: Node, hints: tuple[Any, ...], name: str) -> Any:
        if type(None) in hints and isinstance(node, ScalarNode) and self.scalar(node) is None:
            return None
        options = [h for h in hints if h is not type(None)]
        if len(options) == 1:
            return self.read(node, options[0], name)
        if not isinstance(node, ScalarNode):
            self.report(node, f"{name} must be a single value, got {kind(node)}")
            return INVALID
        value = self.scalar(node)
        if value is FAILED:
            return INVALID
        if not isinstance(value, tuple(options)):
            words = or_list([_TYPE_WORDS[o] for o in options])
            self.report(node, f"{name} must be {words}, got {read_as(value)}")
            return INVALID
        if isinstance(value, bool) and node.style is None and node.value.lower() in _BOOL_WORDS:
            # text and a flag are both fine here, so yes/no/on/off is ambiguous
            quote = "write true or false, or quote it if you mean the text"
            self.report(node, f"{name} {node.value!r} is read as {read_as(value)}; {quote}")
            return INVALID
        return self._checked(node, name, value)

    def _read_enum(self, node: Node, enum: type[Enum], name: str) -> Any:
        text = self._read_scalar(node, str, name)
        return INVALID if text is INVALID else self._read_enum_text(node, text, enum, name)

    def _read_enum_text(self, node: Node, text: str, hint: Any, name: str) -> Any:
        if not (isinstance(hint, type) and issubclass(hint, Enum)):
            return text
        choices = [str(member.value) for member in hint]
        if text in choices:
            return hint(text)
        hint_text = did_you_mean(text, choices)
        self.report(node, f"{name} must be {or_list(choices)}, got {text!r}{hint_text}")
        return INVALID

    def _read_scalar(self, node: Node, hint: type, name: str) -> Any:
        expected = _TYPE_WORDS[hint]
        if not isinstance(node, ScalarNode):
            self.report(node, f"{name} must be {expected}, got {kind(node)}")
            return INVALID
        value = self.scalar(node)
        if value is FAILED:
            return INVALID
        if _is_a(value, hint):
            return self._checked(node, name, float(value) if hint is float else value)
        self.report(node, _wrong_type(node, value, name, expected, hint))
        return INVALID

    def _checked(self, node: Node, name: str, value: Any) -> Any:
        message = self._check(name, value)
        if message:
            self.report(node, message)
            return INVALID
        return value


def _is_a(value: Any, hint: type) -> bool:
    if isinstance(value, bool):
        return hint is bool
    if hint is float:
        return isinstance(value, int | float)
    return isinstance(value, hint)


def _wrong_type(node: ScalarNode, value: Any, name: str, expected: str, hint: type) -> str:
    if node.style is None and value is None and not node.value:
        return f"{name} has no value"
    if hint is str and node.style is None:
        return f"{name} {node.value!r} is read as {read_as(value)}; quote it if you mean the text"
    got = f"the text {value!r}" if isinstance(value, str) else read_as(value)
    return f"{name} must be {expected}, got {got}"


def _required(f: dataclasses.Field[Any]) -> bool:
    missing = dataclasses.MISSING
    return f.default is missing and f.default_factory is missing


def _placeholder(hint: Any) -> Any:
    """A stand-in for a required value that was missing or wrong, so reading can go on."""
    if isinstance(hint, type) and issubclass(hint, Enum):
        return next(iter(hint))
    origin = get_origin(hint)
    return origin() if origin in (tuple, dict) else hint()
