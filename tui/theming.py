"""Theme files: load, check and register them; pick the one to start with.

Themes are YAML files holding Textual `Theme` fields plus leadline's own
variables (tones from the stage YAML, follow-up states). The shipped ones live
in the `leadline.themes` package; users may drop more into a themes folder. A
broken file is reported (the app shows a toast) and skipped, never fatal.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from textual.app import App
from textual.color import Color, ColorParseError
from textual.theme import Theme

DEFAULT_THEME = "leadline-dark"
"""The theme used when none was chosen or the chosen one is gone."""

MONO_THEME = "leadline-mono"

THEME_FIELDS = frozenset(
    {"name", "primary", "secondary", "accent", "foreground", "background", "surface", "panel",
     "boost", "success", "warning", "error", "dark", "luminosity_spread", "text_alpha",
     "variables"}
)  # fmt: skip

VARIABLE_DEFAULTS: dict[str, str] = {
    "tone-cold": "#5fa8d3",
    "tone-warm": "#e6b450",
    "tone-hot": "#f07c4c",
    "tone-meeting": "#b48ead",
    "tone-neutral": "#8b95a5",
    "state-overdue": "#ff6b6b",
    "state-due": "#e6b450",
    "state-soon": "#88c0d0",
    "state-won": "#5cb87a",
    "state-lost": "#a05a5a",
    "state-stale": "#8b95a5",
    "state-warning": "#f0a35e",
    "bar-empty": "#2f3640",
}
"""Fallbacks for leadline's variables, so Textual's built-in themes work too."""


class ThemeFileError(ValueError):
    """A theme file that cannot be used; the message names the file and the problem."""


@dataclass
class LoadedThemes:
    """Themes that loaded, and one message per file that did not."""

    themes: list[Theme] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _check_colour(source: str, key: str, value: Any) -> None:
    try:
        Color.parse(str(value))
    except ColorParseError:
        raise ThemeFileError(f"{source}: {key}: {value!r} is not a colour") from None


def theme_from_doc(doc: Any, source: str) -> Theme:
    """Build a `Theme` from a parsed YAML document; raise ThemeFileError if it is unusable."""
    if not isinstance(doc, dict):
        raise ThemeFileError(f"{source}: expected a mapping of theme fields")
    unknown = sorted(set(doc) - THEME_FIELDS)
    if unknown:
        raise ThemeFileError(f"{source}: unknown field {unknown[0]!r}")
    if not isinstance(doc.get("name"), str) or not doc.get("primary"):
        raise ThemeFileError(f"{source}: a theme needs a 'name' and a 'primary' colour")
    variables = doc.get("variables") or {}
    if not isinstance(variables, dict):
        raise ThemeFileError(f"{source}: 'variables' must be a mapping")
    for key in ("primary", "secondary", "accent", "foreground", "background", "surface",
                "panel", "boost", "success", "warning", "error"):  # fmt: skip
        if doc.get(key) is not None:
            _check_colour(source, key, doc[key])
    for key, value in variables.items():
        if str(key).startswith(("tone-", "state-", "bar-")):
            _check_colour(source, f"variables.{key}", value)
    theme = Theme(**{**doc, "variables": {str(k): str(v) for k, v in variables.items()}})
    try:
        theme.to_color_system().generate()
    except Exception as error:  # Textual's colour maths rejects odd values in its own ways
        raise ThemeFileError(f"{source}: {error}") from None
    return theme


_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", None)
"""libyaml's safe loader when PyYAML has it: every start reads every theme file, and
it parses them in a tenth of the time. A file it rejects is read again by the pure
Python loader, whose message (with line and column) the user sees."""


def _parse_yaml(text: str) -> Any:
    if _FAST_LOADER is not None:
        try:
            return yaml.load(text, Loader=_FAST_LOADER)  # noqa: S506 - a safe loader
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


def load_theme_file(text: str, source: str) -> Theme:
    """Parse one theme file's text."""
    try:
        doc = _parse_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise ThemeFileError(f"{source}{where}: not valid YAML") from None
    return theme_from_doc(doc, source)


def _theme_sources(user_dir: Path | None) -> Iterable[tuple[str, str]]:
    """(source name, text) for every shipped theme, then every user theme."""
    shipped = resources.files("leadline.themes")
    for entry in sorted(shipped.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml")):
            yield f"themes/{entry.name}", entry.read_text(encoding="utf-8")
    if user_dir is not None and user_dir.is_dir():
        for path in sorted([*user_dir.glob("*.yaml"), *user_dir.glob("*.yml")]):
            try:
                yield str(path), path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                yield str(path), f"!!unreadable {error.__class__.__name__}"


def load_themes(user_dir: Path | None = None) -> LoadedThemes:
    """Load the shipped themes and those in `user_dir`, collecting every problem."""
    loaded = LoadedThemes()
    for source, text in _theme_sources(user_dir):
        try:
            loaded.themes.append(load_theme_file(text, source))
        except ThemeFileError as error:
            loaded.problems.append(str(error))
    return loaded


def pick_theme(wanted: str | None, available: Iterable[str]) -> str:
    """The theme to start with: the remembered one if it still exists, else the default."""
    names = set(available)
    if wanted and wanted in names:
        return wanted
    return DEFAULT_THEME if DEFAULT_THEME in names else "textual-dark"


def install_themes(app: App[Any], themes_dir: Path, wanted: str | None) -> LoadedThemes:
    """Register the shipped themes and those in `themes_dir` on `app`, and start with
    `wanted` (the remembered or configured one), else mono under NO_COLOR, else the
    default. Returns what loaded and the problems to show."""
    loaded = load_themes(themes_dir)
    for theme in loaded.themes:
        app.register_theme(theme)
    if not wanted and os.environ.get("NO_COLOR") is not None:
        wanted = MONO_THEME
    app.theme = pick_theme(wanted, app.available_themes)
    if wanted and wanted != app.theme:
        loaded.problems.append(f"Theme {wanted!r} is not available; using {app.theme}.")
    return loaded
