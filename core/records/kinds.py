"""The kinds a record can be of: lifecycle, contact role, touch outcome, outcome.

The set of outcome values is defined here once (from `Outcome`); every module
that asks "is this stage key an outcome?" imports `OUTCOME_VALUES`.
"""

from __future__ import annotations

from enum import StrEnum


class Lifecycle(StrEnum):
    """Where the relationship stands: lead → prospect → customer → repeat buyer."""

    LEAD = "lead"
    PROSPECT = "prospect"
    CUSTOMER = "customer"
    REPEAT_BUYER = "repeat-buyer"


class Role(StrEnum):
    """A contact's buying influence."""

    DECISION_MAKER = "decision-maker"
    INFLUENCER = "influencer"
    COACH = "coach"
    GATEKEEPER = "gatekeeper"
    OTHER = "other"


class TouchOutcome(StrEnum):
    """What came of one follow-up attempt."""

    REPLIED = "replied"
    ASKED_INFO = "asked-for-info"
    """A reply that asks for information: answered by the next working day [000]."""
    NO_RESPONSE = "no-response"
    SENT = "sent"
    """A card or a broadcast went out: nothing to answer, not a sales touch."""


RESPONSES = frozenset({TouchOutcome.REPLIED, TouchOutcome.ASKED_INFO})
"""The outcomes that mean the contact was reached (they reset the unanswered count)."""


class Outcome(StrEnum):
    """Terminal or parked states a prospect can be moved to instead of a stage."""

    WON = "won"
    LOST = "lost"
    NURTURE = "nurture"
    DEAD = "dead"


OUTCOME_ORDER: tuple[str, ...] = tuple(o.value for o in Outcome)
"""The outcome values in their order (for messages, and the config's default `outcomes`)."""

OUTCOME_VALUES: frozenset[str] = frozenset(OUTCOME_ORDER)
"""Every outcome value: a prospect whose `stage` is one of these is not in a stage."""

CLOSED_OUTCOMES = frozenset({Outcome.WON, Outcome.LOST, Outcome.DEAD})
"""Outcomes that take a prospect out of the daily queue (nurture stays, slowly)."""

# Enum lookups by value through plain dicts, for decoding stored records: calling
# the Enum class costs about ten times more (measured: 360 ns against 36 ns a
# lookup), and decoding a big file does it hundreds of thousands of times. An
# unknown value still fails, with a KeyError, which the store reports.
ROLE_BY_VALUE = {r.value: r for r in Role}
TOUCH_OUTCOME_BY_VALUE = {o.value: o for o in TouchOutcome}
LIFECYCLE_BY_VALUE = {c.value: c for c in Lifecycle}
