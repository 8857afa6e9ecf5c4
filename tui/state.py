"""The TUI's small state file: choices remembered across runs (the theme).

Kept apart from the user's config YAML, which leadline never rewrites. The file
is JSON, written atomically (temporary file, fsync, replace) with mode 0600.
A missing or unreadable state file is not an error: the defaults apply.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import platformdirs


def default_state_path() -> Path:
    """`state.json` in the user's leadline config folder."""
    return Path(platformdirs.user_config_dir("leadline")) / "state.json"


def read_state(path: Path) -> dict[str, Any]:
    """The remembered state, or {} if there is none or it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_state(path: Path, state: dict[str, Any]) -> None:
    """Write `state` atomically; the file is 0600 whatever the umask."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".state-", suffix=".tmp")
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(state, handle, indent=2, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remember(path: Path, key: str, value: Any) -> None:
    """Update one key of the state file, keeping the others."""
    state = read_state(path)
    state[key] = value
    write_state(path, state)
