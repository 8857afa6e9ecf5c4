"""Fixtures for the rules tests: the shipped configuration built by hand, and a
prospect factory (the data lives in rules_support.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from rules_support import DEFAULT_CONFIG, build_prospect

from leadline.core.config.model import Config
from leadline.core.models import Prospect


@pytest.fixture(scope="session")
def make_config() -> Callable[..., Config]:
    """Factory: the shipped default config, with keyword overrides of top-level fields."""

    def make(**overrides: Any) -> Config:
        return replace(DEFAULT_CONFIG, **overrides)

    return make


@pytest.fixture(scope="session")
def config() -> Config:
    """The shipped default configuration."""
    return DEFAULT_CONFIG


@pytest.fixture(scope="session")
def make_prospect() -> Callable[..., Prospect]:
    """Factory: `make_prospect(stage, first=date, **fields)` (see `build_prospect`)."""
    return build_prospect
