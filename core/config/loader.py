"""Load the YAML configuration into a `Config`, or report every problem with file:line:col.

A configuration file is complete in itself (it is not laid over the shipped default), but
any key it leaves out takes the default documented in `leadline.core.config.model`; only `stages`
is required. Values mean what `yaml.safe_load` makes of them; checks run on the composed
node tree so that each problem can point at its line and column.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path

from leadline.core.config.checks import check_config, check_value
from leadline.core.config.model import Config, Section
from leadline.core.config.yaml_nodes import Problem
from leadline.core.config.yaml_schema import INVALID, SchemaReader

__all__ = [
    "DEFAULT_CONFIG",
    "ConfigError",
    "Problem",
    "format_problems",
    "load_config",
    "parse_config",
    "problems_for",
]

DEFAULT_CONFIG = "default_config.yaml"
"""The shipped default, package data of `leadline.core`."""


class ConfigError(Exception):
    """The configuration cannot be used; `problems` says every reason, in file order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = sorted(set(problems))
        super().__init__(format_problems(self.problems))


def format_problems(problems: Iterable[Problem]) -> str:
    """Problems one per line as `path:line:col: message`, in file order, for the terminal."""
    return "\n".join(str(problem) for problem in sorted(set(problems)))


def load_config(path: Path | None = None) -> Config:
    """The configuration in `path`, or the shipped default when `path` is None.

    Raises ConfigError listing every problem found (unreadable file, YAML syntax,
    duplicate or unknown keys, wrong types, out-of-range values, bad stage references).
    """
    text, source = _read_text(path)
    return parse_config(text, source)


def parse_config(text: str, source: str = "<config>") -> Config:
    """The configuration in YAML `text`; `source` names it in problems. Raises ConfigError."""
    reader = SchemaReader(source, check_value)
    root = reader.compose(text)
    if root is None:
        if not reader.problems:
            reader.problems.append(Problem(source, 1, 1, "the file is empty; 'stages' is required"))
        raise ConfigError(reader.problems)
    config = reader.read_dataclass(root, Config, "the configuration")
    if config is not INVALID:
        check_config(reader, config)
    if reader.problems:
        raise ConfigError(reader.problems)
    return _with_every_section(config)


def problems_for(path: Path | None = None) -> list[Problem]:
    """Every problem in the configuration at `path` (None: the shipped default); [] if none."""
    try:
        load_config(path)
    except ConfigError as error:
        return error.problems
    return []


def _read_text(path: Path | None) -> tuple[str, str]:
    if path is None:
        resource = files("leadline.core.config").joinpath(DEFAULT_CONFIG)
        return resource.read_text(encoding="utf-8"), str(resource)
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise ConfigError([Problem(str(path), 0, 0, f"cannot read the file: {reason}")]) from None
    try:
        return data.decode("utf-8"), str(path)
    except UnicodeDecodeError as error:
        raise ConfigError([_not_utf8(str(path), data, error.start)]) from None


def _not_utf8(source: str, data: bytes, start: int) -> Problem:
    line = data.count(b"\n", 0, start) + 1
    col = start - (data.rfind(b"\n", 0, start) + 1) + 1
    return Problem(source, line, col, f"byte 0x{data[start]:02x} is not UTF-8; save as UTF-8")


def _with_every_section(config: Config) -> Config:
    """Sections left out of time_allocation get no time (the sum check already passed)."""
    shares = {section: config.time_allocation.get(section, 0.0) for section in Section}
    return dataclasses.replace(config, time_allocation=shares)
