"""Where leadline keeps its data file and looks for the user's configuration.

Defaults follow the XDG base directories (through platformdirs, which honours
`XDG_DATA_HOME`, `XDG_CONFIG_HOME` and `XDG_STATE_HOME`). A command-line value
wins over the environment, which wins over the default. Every leadline folder
is named here, nowhere else.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir, user_state_dir

APP_NAME = "leadline"
DB_ENV = "LEADLINE_DB"
CONFIG_ENV = "LEADLINE_CONFIG"


def config_dir() -> Path:
    """The user's leadline config folder: config.yaml, themes/, the TUI's state.json."""
    return Path(user_config_dir(APP_NAME))


def state_dir() -> Path:
    """The user's leadline state folder (crash logs)."""
    return Path(user_state_dir(APP_NAME))


def default_db_path() -> Path:
    """The data file used when neither `--db` nor `LEADLINE_DB` is given."""
    return Path(user_data_dir(APP_NAME)) / "leadline.json"


def default_config_path() -> Path:
    """The user's own configuration file (it may not exist)."""
    return config_dir() / "config.yaml"


def _given(value: str | os.PathLike[str] | None) -> Path | None:
    if value is None or str(value).strip() == "":
        return None
    return Path(value).expanduser()


def resolve_db(
    cli_value: str | os.PathLike[str] | None, env: Mapping[str, str] | None = None
) -> Path:
    """The data file to use: `--db`, else `LEADLINE_DB`, else the XDG default."""
    env = os.environ if env is None else env
    return _given(cli_value) or _given(env.get(DB_ENV)) or default_db_path()


def resolve_config(
    cli_value: str | os.PathLike[str] | None, env: Mapping[str, str] | None = None
) -> Path | None:
    """The configuration file to load, or None for the shipped default.

    Order: `--config`, `LEADLINE_CONFIG`, then the user's XDG file if it exists.
    An explicit path is returned even if missing, so the loader can say so.
    """
    env = os.environ if env is None else env
    explicit = _given(cli_value) or _given(env.get(CONFIG_ENV))
    if explicit is not None:
        return explicit
    user_file = default_config_path()
    return user_file if user_file.is_file() else None
