"""Text pools for the sample pipeline: titles, notes, needs, objections, risks.

Kept apart from the generator so the logic stays readable. Notes are written
the way a seller jots them during a call: short, concrete, with the next step.
"""

from __future__ import annotations

from leadline.core.config.model import Section
from leadline.core.models import Role

TITLES: dict[Role, tuple[str, ...]] = {
    Role.DECISION_MAKER: (
        "Managing Director",
        "CEO",
        "CFO",
        "COO",
        "Owner",
        "Head of Operations",
        "VP Supply Chain",
    ),
    Role.INFLUENCER: (
        "IT Manager",
        "Head of Logistics",
        "Procurement Lead",
        "CTO",
        "Plant Manager",
        "Warehouse Manager",
        "Controller",
    ),
    Role.COACH: ("Project Manager", "Team Lead", "Operations Analyst", "Key User"),
    Role.GATEKEEPER: (
        "Executive Assistant",
        "Office Manager",
        "Assistant to the CEO",
        "Receptionist",
    ),
    Role.OTHER: ("Sales Coordinator", "Accountant"),
}

NEEDS: tuple[str, ...] = (
    "Replace spreadsheets for order tracking",
    "Cut picking errors in the main warehouse",
    "One dashboard for all branches",
    "Faster month-end close",
    "Integrate with the existing ERP",
    "Mobile access for field staff",
    "Audit trail for ISO certification",
    "Reduce courier costs",
    "Train new staff in days, not weeks",
)

OBJECTIONS: tuple[tuple[str, str], ...] = (
    ("Too expensive compared to the current tool", "Show payback in under 9 months"),
    ("We tried something similar in 2022 and it failed", "Offer a 30-day pilot on one site"),
    ("IT has no capacity this year", "Hosted option, our team does the setup"),
    ("Worried about data migration", "Migration included; reference customer call"),
    ("The board wants three quotes", "Send a comparison sheet before the tender"),
    ("Contract term too long", "Propose 12 months with an extension option"),
    ("Need it in the local language", "Demo the translated interface"),
)

RISKS: tuple[str, ...] = (
    "Budget freeze after Q4 results",
    "Champion may leave the company",
    "Competitor already runs a pilot",
    "Reorganisation pending",
    "Decision moved to the group headquarters",
    "Currency swings affect the price",
)

LOST_REASONS: tuple[str, ...] = (
    "Chose a competitor on price",
    "Budget frozen for the year",
    "Built it in-house",
    "Project shelved, no decision",
    "Champion left the company",
    "Went with the group-wide supplier",
    "Timing: re-tendering in 2027",
)

TAGS: tuple[str, ...] = (
    "inbound",
    "referral",
    "trade-fair",
    "cold-call",
    "partner",
    "webinar",
    "upsell",
    "strategic",
)

MEETING_TITLES: tuple[str, ...] = (
    "Introductory meeting",
    "Needs workshop",
    "Demo for the operations team",
    "Proposal walkthrough",
    "Contract review",
)

NOTE_TEMPLATES: dict[Section, tuple[str, ...]] = {
    Section.ABOVE: (
        "Spoke with {contact}: {need}. Wants figures before the next call.",
        "{contact} confirmed the budget owner is the {dm_title}.",
        "Call with {contact}: current tool renews in spring, good timing.",
        "{contact} asked about references in their region. Send two.",
        "Sent the case study; {contact} will forward it internally.",
    ),
    Section.IN: (
        "Workshop with {contact}: {need}.",
        "Objection from {contact}: {objection}. Prepared: {counter}.",
        "Demo went well. {contact} wants a trial for the warehouse team.",
        "{contact} will bring the {dm_title} to the next meeting.",
        "Trial feedback from {contact}: fast, but {objection}.",
    ),
    Section.BEST_FEW: (
        "Pricing discussed. {contact} needs approval above 20k.",
        "Objection from {contact}: {objection}. Prepared: {counter}.",
        "{contact} sent our proposal to the {dm_title} with a recommendation.",
        "Contract draft with {contact}'s legal team; payment terms open.",
    ),
}
"""What a seller jots down on a call that got an answer, by the deal's funnel section."""

TIMEFRAMES_UNKNOWN: tuple[str, ...] = ("not yet known", "after budget planning", "next year")
