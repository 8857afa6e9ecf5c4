"""Fixtures for the import/export tests: the shipped config with the stage names
of the real files mapped, a fixed day, and the folder of copied data files."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from leadline.core.config.loader import load_config
from leadline.core.config.model import Config

DATA = Path(__file__).resolve().parents[2] / "data"
TODAY = date(2025, 3, 14)

STAGE_MAPPING = {
    # Maven: Prospecting > Engaging > Won / Lost
    "Prospecting": "lead",
    "Engaging": "meeting",
    # Salesforce's standard opportunity stages (as in the sample org)
    "Qualification": "qualified",
    "Discovery": "needs",
    "Proposal/Quote": "proposal",
    # HubSpot's default deal pipeline (labels)
    "Appointment Scheduled": "meeting",
    "Qualified To Buy": "qualified",
    "Presentation Scheduled": "demo",
    "Decision Maker Bought-In": "proposal",
    "Contract Sent": "negotiation",
    # Pipedrive's default pipeline
    "Lead In": "lead",
    "Contact Made": "qualified",
    "Demo Scheduled": "demo",
    "Proposal Made": "proposal",
    "Negotiations Started": "negotiation",
}
"""What the shipped config's `stage_mapping` should hold for these tools' default stages."""


@pytest.fixture(scope="session")
def config() -> Config:
    """The shipped default config with `STAGE_MAPPING`."""
    return replace(load_config(None), stage_mapping=STAGE_MAPPING)


@pytest.fixture(scope="session")
def bare_config() -> Config:
    """The shipped default config without any stage mapping."""
    return replace(load_config(None), stage_mapping={})
