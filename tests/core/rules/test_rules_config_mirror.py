"""The hand-built test config is the shipped default config."""

from rules_support import DEFAULT_CONFIG

from leadline.core.config_loader import load_config


def test_test_config_equals_shipped_default() -> None:
    assert load_config(None) == DEFAULT_CONFIG
