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
"""

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
