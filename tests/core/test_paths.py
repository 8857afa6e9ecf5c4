"""Where the data file and the user's config are looked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadline.core.paths import (
    config_dir,
    default_config_path,
    default_db_path,
    resolve_config,
    resolve_db,
    state_dir,
)


@pytest.fixture(autouse=True)
def xdg_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path


def test_defaults_follow_xdg(xdg_home: Path) -> None:
    assert default_db_path() == xdg_home / "data" / "leadline" / "leadline.json"
    assert default_config_path() == xdg_home / "config" / "leadline" / "config.yaml"


def test_every_user_folder_is_named_in_one_place(xdg_home: Path) -> None:
    from leadline.tui import crash, state  # noqa: PLC0415 - the TUI's users of these folders

    assert config_dir() == xdg_home / "config" / "leadline"
    assert state_dir() == xdg_home / "state" / "leadline"
    assert default_config_path().parent == config_dir()
    assert state.default_state_path() == config_dir() / "state.json"
    assert crash.default_crash_dir() == state_dir()


def test_db_option_beats_environment_beats_default(xdg_home: Path) -> None:
    env = {"LEADLINE_DB": "/env/pipeline.json"}
    assert resolve_db("/cli/pipeline.json", env) == Path("/cli/pipeline.json")
    assert resolve_db(None, env) == Path("/env/pipeline.json")
    assert resolve_db(None, {"LEADLINE_DB": ""}) == default_db_path()
    assert resolve_db("~/p.json", {}) == Path.home() / "p.json"


def test_config_option_beats_environment_beats_user_file(xdg_home: Path) -> None:
    env = {"LEADLINE_CONFIG": "/env/config.yaml"}
    assert resolve_config("/cli/missing.yaml", env) == Path("/cli/missing.yaml")
    assert resolve_config(None, env) == Path("/env/config.yaml")
    assert resolve_config(None, {}) is None  # no user file: the shipped default
    default_config_path().parent.mkdir(parents=True)
    default_config_path().write_text("currency: EUR\n")
    assert resolve_config(None, {}) == default_config_path()
