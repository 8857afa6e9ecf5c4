"""Fixtures for the import/export tests: the shipped config with the stage names of the
real files mapped, and without (the data they use lives in interop_support.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from interop_support import STAGE_MAPPING

from leadline.core.config.loader import load_config
from leadline.core.config.model import Config


@pytest.fixture(scope="session")
def config() -> Config:
    """The shipped default config with `STAGE_MAPPING`."""
    return replace(load_config(None), stage_mapping=STAGE_MAPPING)


@pytest.fixture(scope="session")
def bare_config() -> Config:
    """The shipped default config without any stage mapping."""
    return replace(load_config(None), stage_mapping={})
