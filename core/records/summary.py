"""A prospect's summary: what the queue, the funnel, the lists and the warnings read.

The rules are functions of a prospect, the config and a day (`--today` can be any
day, past or future), so a summary cannot be a handful of answers worked out at
save time: "next due" or "silent for 12 days" would be wrong the next morning and
on any other day asked about. It keeps instead every dated fact the rules read:
stage and its history, value and close date, the follow-up plan, each touch's
date, channel, outcome and minutes, each note's time, meetings, contacts with
their birthdays, phones and e-mails, the ICP answers and the checklist. What only
a prospect's own page shows is left out: the text of notes and touches, contact
titles, the account-penetration plan and fields leadline does not know.

A summary is a `Prospect`, so every rule runs on it unchanged (and a test runs the
rules on both and compares), but it is marked (`source` is `SUMMARY`): `to_doc`
refuses it, so it can never be saved over the prospect it stands for. Decode the
whole prospect (`Store.get`) to show it in full, edit or export it.
"""

from __future__ import annotations

from leadline.core.models import Contact, Note, PenetrationPlan, Prospect, Touch
from leadline.core.records.raw import SUMMARY

__all__ = ["SUMMARY", "is_summary", "summarize"]

_NO_PLAN = PenetrationPlan()


def is_summary(p: Prospect) -> bool:
    """True if `p` is a summary, not the whole prospect."""
    return p.source is SUMMARY


def _touch(t: Touch) -> Touch:
    return Touch(t.date, t.channel, t.outcome, t.minutes) if t.note else t


def _note(n: Note) -> Note:
    return Note(n.at, "")


def _contact(c: Contact) -> Contact:
    if not c.title:
        return c
    return Contact(c.name, c.role, "", c.email, c.phone, c.birthday, c.anniversary,
                   c.preferred_channel)  # fmt: skip


_SLOTS = tuple(Prospect.__dataclass_fields__)
_set = object.__setattr__


def summarize(p: Prospect) -> Prospect:
    """The summary of `p` (itself if it already is one)."""
    if p.source is SUMMARY:
        return p
    found = object.__new__(Prospect)  # a copy without `replace`'s checks, 5x faster
    for name in _SLOTS:
        _set(found, name, getattr(p, name))
    _set(found, "contacts", tuple(map(_contact, p.contacts)))
    _set(found, "touches", tuple(map(_touch, p.touches)))
    _set(found, "notes", tuple(map(_note, p.notes)))
    _set(found, "penetration", _NO_PLAN)
    _set(found, "extra", {})
    _set(found, "source", SUMMARY)
    return found
