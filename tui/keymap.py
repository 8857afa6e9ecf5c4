"""The user's keys (`keymap:` in the config): leadline's bindings rebound by their id.

Every leadline binding has a stable id (`app.queue`, `prospect.log_touch`, ...),
a description and a tooltip. The app applies the config's keymap with Textual's
`App.set_keymap`; before the TUI starts, an id no binding has is reported at its
line in the config, with the nearest id, as every other config mistake is.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode

from leadline.core.config.keymap import unknown_binding_ids
from leadline.core.config.model import Config

PACKAGES = ("leadline.tui.screens", "leadline.tui.dialogs", "leadline.tui.widgets")
"""Where leadline's screens, dialogs and widgets (and so its bindings) live."""


def leadline_bindings() -> dict[str, list[Binding]]:
    """Every binding of leadline's app, screens, dialogs and widgets, by id."""
    modules = [importlib.import_module("leadline.tui.app")]
    for name in PACKAGES:
        package = importlib.import_module(name)
        modules += [importlib.import_module(f"{name}.{info.name}")
                    for info in pkgutil.iter_modules(package.__path__)]  # fmt: skip
    classes = {base for module in modules for cls in vars(module).values()
               if isinstance(cls, type) and issubclass(cls, DOMNode)
               for base in cls.__mro__ if base.__module__.startswith("leadline.")}  # fmt: skip
    found: dict[str, list[Binding]] = {}
    for cls in sorted(classes, key=lambda c: (c.__module__, c.__qualname__)):
        for binding in cls.__dict__.get("BINDINGS", ()):  # its own, mixins' included
            if isinstance(binding, Binding) and binding.id:
                bindings = found.setdefault(binding.id, [])
                if binding not in bindings:
                    bindings.append(binding)
    return found


def keymap_problems(config: Config, config_path: Path | None) -> list[str]:
    """One line per keymap id no binding has, as `path:line:col: message`."""
    if not config.keymap:
        return []
    known = set(leadline_bindings())
    if all(binding_id in known for binding_id in config.keymap):
        return []
    return [str(problem) for problem in unknown_binding_ids(config_path, known)]
