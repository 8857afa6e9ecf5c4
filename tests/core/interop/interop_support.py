"""Shared data for the import/export tests (imported by its own name, like rules_support):
the folder of copied CRM files, the day the tests' tables are written around, and the stage
names of those files mapped to the shipped config's stages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data"
TODAY = date(2025, 3, 14)
"""The import day: stage histories start on it, ICS entries before it are past."""

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
