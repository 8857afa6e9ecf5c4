"""The hand-built test config is the shipped default config (stage_mapping aside:
it only serves imports, and no rule reads it)."""

from dataclasses import replace

from rules_support import DEFAULT_CONFIG

from leadline.core.config.loader import load_config


def test_test_config_equals_shipped_default() -> None:
    assert replace(load_config(None), stage_mapping={}) == DEFAULT_CONFIG
