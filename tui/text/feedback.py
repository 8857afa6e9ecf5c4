"""What leadline says after a save: one sentence, worded in one place.

The TUI shows these as a brief toast when a dialog has saved; the command
line prints the reason line after a loss. Names reach the terminal through
the caller's sanitiser (the toast and the CLI's output stream), as all text does.
No Textual here.
"""

from __future__ import annotations

from collections.abc import Sequence

TOAST_SECONDS = 3.0
"""How long a confirmation stays on screen: long enough to read, gone before the next."""


def note_saved(name: str) -> str:
    return f"Note saved on {name}."


def touch_logged(name: str, channel: str, next_due: str) -> str:
    return f"Logged {channel} on {name}; next follow-up {next_due}."


def next_follow_up(name: str, day: str) -> str:
    """After a snooze or a new date."""
    return f"{name}: next follow-up {day}."


def moved(name: str, stage: str) -> str:
    return f"Moved {name} to {stage}."


def closed(name: str, stage: str, reason: str) -> str:
    """After a move to lost or dead (or nurture, which keeps no reason)."""
    why = f" ({reason_text(reason)})" if reason else ""
    return f"Moved {name} to {stage}{why}."


def edited(name: str) -> str:
    return f"Saved your changes to {name}."


def account_plan_saved(name: str) -> str:
    return f"Account plan saved for {name}."


def added(name: str) -> str:
    return f"Added {name}."


def added_not_merged(name: str) -> str:
    """After the duplicate question's merge was cancelled in the merge dialog."""
    return f"Added {name} as a prospect of its own; u undoes the add."


def item_saved(kind: str, what: str, change: str) -> str:
    """ "Contact added: Jan Novak." - `kind` a noun, `change` added, saved or deleted."""
    return f"{kind} {change}: {what}."


def reason_text(reason: str) -> str:
    """The reason kept, as shown beside the outcome."""
    return f"reason: {reason}"


def reason_line(reason: str, offered: Sequence[str]) -> str:
    """The command line's second line after a move to lost or dead."""
    if reason:
        return reason_text(reason)
    return f"no reason recorded; give one with --reason ({', '.join(offered)} or any words)"
