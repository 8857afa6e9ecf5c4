"""The TUI's small state file: choices remembered across runs (the theme).

Kept apart from the user's config YAML, which leadline never rewrites. The file
is JSON, written as the data file is (core's private atomic write: temporary
file, fsync, replace, mode 0600).
A missing or unreadable state file is not an error: the defaults apply.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from leadline.core.paths import config_dir
from leadline.core.store.atomic import ensure_private_dir, write_private_atomic


def default_state_path() -> Path:
    """`state.json` in the user's leadline config folder."""
    return config_dir() / "state.json"


def read_state(path: Path) -> dict[str, Any]:
    """The remembered state, or {} if there is none or it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_state(path: Path, state: dict[str, Any]) -> None:
    """Write `state` atomically; the file is 0600 whatever the umask."""
    ensure_private_dir(path.parent)
    text = json.dumps(state, indent=2, sort_keys=True)
    write_private_atomic(path, text.encode("utf-8"))


def remember(path: Path, key: str, value: Any) -> None:
    """Update one key of the state file, keeping the others."""
    state = read_state(path)
    state[key] = value
    write_state(path, state)


def remember_once(path: Path, key: str, value: Any) -> None:
    """`remember`, unless `value` is empty or already remembered (no write then)."""
    if value and read_state(path).get(key) != value:
        remember(path, key, value)
