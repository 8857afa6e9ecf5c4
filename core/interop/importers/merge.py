"""Matching imported prospects against those already stored, so re-import never duplicates.

A row matches a stored prospect with the same external id; a row without one,
or whose id is unknown, matches a stored prospect that has no external id and
the same name and first contact email (case ignored). Two rows of one file
matching each other: the second is reported as a duplicate.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime

from leadline.core.models import Contact, Prospect

Key = tuple[str, str]


def name_key(p: Prospect) -> Key:
    """(name, first contact email), case-folded: the match key without an external id."""
    email = p.contacts[0].email if p.contacts else ""
    return p.name.strip().casefold(), email.strip().casefold()


class Matcher:
    """Finds the stored prospect an imported one stands for; remembers rows seen."""

    def __init__(self, existing: Sequence[Prospect]) -> None:
        self.by_id = {p.id: p for p in existing}
        self.by_external = {p.external_id: p for p in existing if p.external_id}
        self.by_key = {name_key(p): p for p in existing if not p.external_id}
        self._seen: dict[str, int] = {}

    def stored(self, p: Prospect, *, own_ids: bool = False) -> Prospect | None:
        """The stored prospect `p` updates (by leadline id too when `own_ids`)."""
        if own_ids and p.id in self.by_id:
            return self.by_id[p.id]
        if p.external_id and p.external_id in self.by_external:
            return self.by_external[p.external_id]
        return self.by_key.get(name_key(p))

    def seen_at(self, p: Prospect, line: int, *, own_ids: bool = False) -> int | None:
        """The earlier line of this file with the same prospect, else None (and remember it).

        In leadline's own files the id tells prospects apart; elsewhere the
        external id, else name + email.
        """
        if own_ids:
            token = f"i:{p.id}"
        elif p.external_id:
            token = f"x:{p.external_id}"
        else:
            token = "k:" + "\0".join(name_key(p))
        earlier = self._seen.get(token)
        if earlier is None:
            self._seen[token] = line
        return earlier


def merge(stored: Prospect, incoming: Prospect) -> Prospect:
    """`stored` with the values the file gives; the stored id, touches and creation stay.

    Fields the file leaves empty keep their stored values; lists (contacts,
    notes, tags) gain what is new.

    The stage is taken from the file only when the file's stage date is not
    older than the day the stored prospect entered its stage, so re-importing
    an old export does not undo moves made in leadline since.
    """
    history = stored.stage_history
    stage = stored.stage
    if incoming.stage != stored.stage and incoming.stage_entered >= stored.stage_entered:
        stage = incoming.stage
        history += tuple(e for e in incoming.stage_history if e not in history)
    texts = {n.text for n in stored.notes}
    return dataclasses.replace(
        incoming,
        id=stored.id,
        created=stored.created,
        updated=stored.updated,
        stage=stage,
        lifecycle=incoming.lifecycle if stage == incoming.stage else stored.lifecycle,
        stage_history=history,
        contacts=_contacts(stored, incoming),
        touches=stored.touches,
        notes=stored.notes + tuple(n for n in incoming.notes if n.text not in texts),
        meetings=stored.meetings,
        penetration=stored.penetration,
        qualification=stored.qualification,
        decision_maker_confirmed=stored.decision_maker_confirmed,
        plan=incoming.plan if incoming.plan.next_due else stored.plan,
        icp={**stored.icp, **incoming.icp},
        tags=tuple(dict.fromkeys(stored.tags + incoming.tags)),
        value=incoming.value or stored.value,
        currency=incoming.currency or stored.currency,
        budget=incoming.budget if incoming.budget is not None else stored.budget,
        decision_timeframe=incoming.decision_timeframe or stored.decision_timeframe,
        expected_close=incoming.expected_close or stored.expected_close,
        lost_reason=incoming.lost_reason or stored.lost_reason,
        external_id=incoming.external_id or stored.external_id,
    )


def _contact_key(contact: Contact) -> str:
    return contact.email.casefold() or contact.name.casefold()


def _contacts(stored: Prospect, incoming: Prospect) -> tuple[Contact, ...]:
    known = {_contact_key(c) for c in stored.contacts}
    return stored.contacts + tuple(c for c in incoming.contacts if _contact_key(c) not in known)


def touched(merged: Prospect, stored: Prospect, now: datetime) -> Prospect | None:
    """`merged` stamped as updated at `now`, or None when it equals `stored`."""
    if merged == stored:
        return None
    return dataclasses.replace(merged, updated=max(stored.updated, now))
