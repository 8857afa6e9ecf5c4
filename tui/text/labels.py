"""Names shown for stages, outcomes, roles, lifecycles and touch outcomes: each defined once.

Shared by the command line and the screens, so both word a prospect the same
way. `role_from_word` reads a role as either front-end shows it
("decision maker", "coach / champion") or as stored ("decision-maker").
"""

from __future__ import annotations

from leadline.core.config.model import Config, Section
from leadline.core.models import Lifecycle, Role, TouchOutcome

ROLE_LABELS = {
    Role.DECISION_MAKER: "decision maker",
    Role.INFLUENCER: "influencer",
    Role.COACH: "coach / champion",
    Role.GATEKEEPER: "gatekeeper",
    Role.OTHER: "other",
}

TOUCH_OUTCOME_LABELS = {
    TouchOutcome.REPLIED: "replied",
    TouchOutcome.ASKED_INFO: "asked for info",
    TouchOutcome.NO_RESPONSE: "no response",
    TouchOutcome.SENT: "sent",
}


SECTION_TITLES = {
    Section.ABOVE: "Above the funnel",
    Section.IN: "In the funnel",
    Section.BEST_FEW: "Best few",
}
"""The funnel sections as both front-ends name them (never the keys `above`, `in`)."""


def section_title(section: Section | str) -> str:
    """The section's display name: Above the funnel, In the funnel, Best few."""
    try:
        return SECTION_TITLES[Section(section)]
    except ValueError:
        return str(section)  # already a title


def stage_label(config: Config, key: str) -> str:
    """The display name of a stage key, or the outcome in words ("Nurture", "Won")."""
    stage = config.stage(key)
    return stage.name if stage else key.replace("-", " ").capitalize()


def lifecycle_label(life: Lifecycle) -> str:
    """ "repeat buyer" for Lifecycle.REPEAT_BUYER."""
    return life.value.replace("-", " ")


def _word(text: str) -> str:
    return " ".join(text.replace("-", " ").replace("/", " ").casefold().split())


_ROLE_WORDS = {_word(role.value): role for role in Role}
_ROLE_WORDS.update({_word(label): role for role, label in ROLE_LABELS.items()})
_ROLE_WORDS.update({"coach": Role.COACH, "champion": Role.COACH, "dm": Role.DECISION_MAKER})


def role_from_word(text: str) -> Role:
    """The role a user named; ValueError listing the roles when it is none of them."""
    role = _ROLE_WORDS.get(_word(text))
    if role is None:
        valid = ", ".join(ROLE_LABELS.values())
        raise ValueError(f"unknown role {text.strip()!r}; valid: {valid}")
    return role
