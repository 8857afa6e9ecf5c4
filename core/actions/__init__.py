"""Every action a user can take, decided once: (prospect, input, config, today) -> new prospect.

The command line and the TUI parse what the user typed, call one of these and
show the result; neither decides a domain question itself. An action that
cannot be done raises `Refused` (a ValueError) with a reason to show, naming
the field at fault when there is one.

- `create`: add a prospect (`NewProspect`, `add_prospect`);
- `fields`: edit fields (`ProspectEdit`, `edit_fields`);
- `people`: contacts, meetings and the account plan;
- `followups`: note, log a touch, snooze, reschedule, stop following;
- `stages`: which stage a word names, move, advance (`next_stage`);
- `availability`: which of them make sense for a prospect now (`allowed`).

The names load on first use, so a command that only needs `Refused` loads nothing else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadline.core.lazy import lazy_attributes

if TYPE_CHECKING:
    from leadline.core.actions.create import NewProspect, add_prospect
    from leadline.core.actions.fields import (
        KEEP,
        Conflict,
        EditConflict,
        ProspectEdit,
        edit_checked,
        edit_conflicts,
        edit_fields,
        keeping_theirs,
    )
    from leadline.core.actions.followups import (
        TouchInput,
        log_touch,
        note,
        reschedule,
        snooze,
        snoozed_until,
        stop_following,
    )
    from leadline.core.actions.people import (
        add_contact,
        add_meeting,
        remove_contact,
        remove_meeting,
        replace_contact,
        replace_meeting,
        set_account_plan,
    )
    from leadline.core.actions.refusal import Refused
    from leadline.core.actions.stages import (
        advance,
        asks_reason,
        loss_reason,
        move,
        next_stage,
        opens_new_deal,
        resolve_target,
    )

_HOMES = {
    "Conflict": "fields",
    "EditConflict": "fields",
    "KEEP": "fields",
    "NewProspect": "create",
    "ProspectEdit": "fields",
    "Refused": "refusal",
    "TouchInput": "followups",
    "add_contact": "people",
    "add_meeting": "people",
    "add_prospect": "create",
    "advance": "stages",
    "asks_reason": "stages",
    "edit_checked": "fields",
    "edit_conflicts": "fields",
    "edit_fields": "fields",
    "keeping_theirs": "fields",
    "log_touch": "followups",
    "loss_reason": "stages",
    "move": "stages",
    "next_stage": "stages",
    "note": "followups",
    "opens_new_deal": "stages",
    "remove_contact": "people",
    "remove_meeting": "people",
    "replace_contact": "people",
    "replace_meeting": "people",
    "reschedule": "followups",
    "resolve_target": "stages",
    "set_account_plan": "people",
    "snooze": "followups",
    "snoozed_until": "followups",
    "stop_following": "followups",
}

__all__ = [
    "KEEP",
    "Conflict",
    "EditConflict",
    "NewProspect",
    "ProspectEdit",
    "Refused",
    "TouchInput",
    "add_contact",
    "add_meeting",
    "add_prospect",
    "advance",
    "asks_reason",
    "edit_checked",
    "edit_conflicts",
    "edit_fields",
    "keeping_theirs",
    "log_touch",
    "loss_reason",
    "move",
    "next_stage",
    "note",
    "opens_new_deal",
    "remove_contact",
    "remove_meeting",
    "replace_contact",
    "replace_meeting",
    "reschedule",
    "resolve_target",
    "set_account_plan",
    "snooze",
    "snoozed_until",
    "stop_following",
]


__getattr__, __dir__ = lazy_attributes(__name__, _HOMES)
