"""Prospects that look like the same company: the name, an e-mail or a phone they share.

Two prospects look alike when
- their company names are the same once case, accents, punctuation and the
  legal form are gone ("Globex Ltd", "GLOBEX limited", "Globex, Inc." are all
  `globex`; "Wisła S.A." and "Wisla" are `wisla`);
- a contact of each has the same e-mail, case ignored;
- or the same phone: its digits without leading zeros, compared by the last
  nine (the national number), so +48 600 123 456, 0048 600123456 and
  600-123-456 are one phone.

Grouping indexes prospects by these keys (never compares every pair), so
100,000 prospects take well under a second; a chain of likenesses (A shares a
name with B, B a phone with C) is one group.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from leadline.core.folding import digits, fold
from leadline.core.models import Prospect

_FORMS = """
ltd limited llc llp lp inc incorporated corp corporation co company plc gmbh mbh ag kg ohg
gbr ug ev sa spa srl sarl sas sasu sro spzoo bv nv bvba vzw oy oyj ab as asa aps a/s
kft zrt nyrt doo dd ad ood eood sia uab ou pty pte bhd sdn kk
ооо оао зао ао пао тов пп ип чп
"""
LEGAL_FORMS = frozenset(_FORMS.split())
"""Legal forms, folded and without punctuation, as single words."""
_SPELT = {
    ("s", "a"): "sa", ("s", "p", "a"): "spa", ("s", "r", "l"): "srl", ("s", "r", "o"): "sro",
    ("sp", "z", "o", "o"): "spzoo", ("b", "v"): "bv", ("n", "v"): "nv", ("a", "s"): "as",
    ("a", "g"): "ag", ("k", "g"): "kg", ("e", "v"): "ev", ("d", "o", "o"): "doo",
    ("s", "a", "s"): "sas", ("k", "k"): "kk", ("o", "u"): "ou",
}  # fmt: skip
"""Legal forms written with dots or spaces ("S.A.", "sp. z o.o."), as word sequences."""
_LEADING = frozenset("ооо оао зао ао пао тов пп ип чп ab as oy".split())
"""Forms also written before the name ("ООО «Ромашка»", "AB Volvo")."""
_FILLER = frozenset({"and", "und", "et", "i", "y", "the"})
PHONE_DIGITS = 9
"""Trailing digits compared: a national number without its country code."""
MIN_PHONE = 6


class Likeness(StrEnum):
    """What two prospects share."""

    NAME = "name"
    EMAIL = "email"
    PHONE = "phone"


@dataclass(frozen=True)
class Reason:
    """One thing shared, with the value shown to the user ("Globex Ltd", an e-mail)."""

    likeness: Likeness
    shown: str


@dataclass(frozen=True)
class DuplicateGroup:
    """Prospects that look like one another, oldest first (ties in the order given), and why."""

    prospects: tuple[Prospect, ...]
    reasons: tuple[Reason, ...]


_SPELT_BY_LENGTH = sorted(_SPELT, key=len, reverse=True)
_PUNCTUATION = re.compile(r"[\W_]+")


def _words(folded: str) -> list[str]:
    return [w for w in _PUNCTUATION.sub(" ", folded).split() if w not in _FILLER]


def _strip_spelt(words: list[str]) -> list[str]:
    if len(words[-1]) > 2:  # every spelt-out form ends in a word of one or two letters
        return words
    for spelt in _SPELT_BY_LENGTH:
        if len(words) > len(spelt) and tuple(words[-len(spelt) :]) == spelt:
            return words[: -len(spelt)]
    return words


def company_key(name: str, folded: str | None = None) -> str:
    """The company name without case, accents, punctuation, spaces and legal form
    (`folded`: the name already folded, `core.folding.fold`, if known)."""
    words = _words(fold(name) if folded is None else folded)
    while len(words) > 1:
        trimmed = _strip_spelt(words)
        if trimmed is words and words[-1] in LEGAL_FORMS:
            trimmed = words[:-1]
        elif trimmed is words and words[0] in _LEADING:
            trimmed = words[1:]
        if trimmed is words:
            break
        words = trimmed
    return "".join(words)


def email_key(email: str) -> str:
    """The e-mail without case and surrounding space ("" when it is not one)."""
    text = email.strip().casefold()
    return text if "@" in text else ""


def phone_key(phone: str) -> str:
    """The last nine digits, leading zeros dropped ("" for too few digits to tell)."""
    number = digits(phone).lstrip("0")
    return number[-PHONE_DIGITS:] if len(number) >= MIN_PHONE else ""


_NAME, _EMAIL, _PHONE = Likeness.NAME, Likeness.EMAIL, Likeness.PHONE
_KEY_OF: dict[Likeness, Callable[[str], str]] = {
    Likeness.NAME: company_key,
    Likeness.EMAIL: email_key,
    Likeness.PHONE: phone_key,
}


Folded = Callable[[Prospect], str]
"""A prospect's name folded (`core.folding.fold`): the store knows it for every prospect
without folding 100,000 names (`Store.folded_name`)."""


def _folding(p: Prospect) -> str:
    return fold(p.name)


def keys(p: Prospect, folded: Folded = _folding) -> list[tuple[Likeness, str, str]]:
    """(likeness, key, shown) of everything `p` could share with another prospect."""
    found = []
    name = company_key(p.name, folded(p))
    if len(name) >= 2:
        found.append((_NAME, name, p.name))
    for c in p.contacts:
        if c.email and (email := email_key(c.email)):
            found.append((_EMAIL, email, c.email.strip()))
        if c.phone and (phone := phone_key(c.phone)):
            found.append((_PHONE, phone, c.phone.strip()))
    return found


class DuplicateIndex:
    """Prospects by their keys: which stored prospects a new one looks like."""

    def __init__(self, prospects: Iterable[Prospect], folded: Folded = _folding) -> None:
        self._by_key: dict[tuple[Likeness, str], list[Prospect]] = {}
        self._folded = folded
        for p in prospects:
            self.add(p)

    def add(self, p: Prospect) -> None:
        """Index `p` too (a key it holds twice still lists it once)."""
        for likeness, key, _ in keys(p, self._folded):
            listed = self._by_key.setdefault((likeness, key), [])
            if not listed or listed[-1] is not p:
                listed.append(p)

    def like(
        self, p: Prospect, folded: Folded = _folding
    ) -> list[tuple[Prospect, tuple[Reason, ...]]]:
        """The indexed prospects (other than `p` by id) `p` looks like, each with why."""
        found: dict[str, tuple[Prospect, list[Reason]]] = {}
        for likeness, key, shown in keys(p, folded):
            for other in self._by_key.get((likeness, key), ()):
                if other.id != p.id:
                    reasons = found.setdefault(other.id, (other, []))[1]
                    if all(r.likeness != likeness for r in reasons):
                        reasons.append(Reason(likeness, shown))
        return [(other, tuple(reasons)) for other, reasons in found.values()]

    def groups(self) -> Iterator[list[Prospect]]:
        """The prospects sharing each key, for keys more than one prospect holds."""
        return (listed for listed in self._by_key.values() if len(listed) > 1)


def looks_like(
    new: Prospect, existing: Iterable[Prospect], folded: Folded = _folding
) -> list[tuple[Prospect, tuple[Reason, ...]]]:
    """The `existing` prospects `new` looks like (for one check, as `add` makes); `folded`
    gives the existing ones' folded names."""
    wanted = {(likeness, key) for likeness, key, _ in keys(new)}
    alike = [p for p in existing if any((k[0], k[1]) in wanted for k in keys(p, folded))]
    return DuplicateIndex(alike).like(new)


def likely_duplicates(
    prospects: Sequence[Prospect], folded: Folded = _folding
) -> list[DuplicateGroup]:
    """Every group of prospects that look like one another, by the first one's name."""
    index = DuplicateIndex(prospects, folded)
    parent: dict[str, str] = {}

    def root(pid: str) -> str:
        while (up := parent.setdefault(pid, pid)) != pid:
            parent[pid] = parent.setdefault(up, up)  # halve the path as it is walked
            pid = up
        return pid

    for listed in index.groups():
        first = root(listed[0].id)
        for other in listed[1:]:
            parent[root(other.id)] = first
    members: dict[str, list[Prospect]] = {}
    for p in prospects:
        if p.id in parent:
            members.setdefault(root(p.id), []).append(p)
    groups = [_group(found, index) for found in members.values() if len(found) > 1]
    return sorted(groups, key=lambda g: (fold(g.prospects[0].name), g.prospects[0].id))


def _group(found: list[Prospect], index: DuplicateIndex) -> DuplicateGroup:
    ordered = tuple(sorted(found, key=lambda p: p.created))  # stable: ties keep the given order
    ids = {p.id for p in ordered}
    reasons: dict[tuple[Likeness, str], Reason] = {}
    for p in ordered:
        for other, why in index.like(p):
            if other.id in ids:
                for reason in why:
                    reasons.setdefault(
                        (reason.likeness, _KEY_OF[reason.likeness](reason.shown)), reason
                    )
    return DuplicateGroup(ordered, tuple(reasons.values()))


def like_existing(
    new: Sequence[Prospect], existing: Iterable[Prospect], folded: Folded = _folding
) -> list[Prospect]:
    """The `new` prospects (an import's) that look like one of `existing` (the others;
    `folded` gives their folded names)."""
    fresh = {p.id for p in new}
    by_key = DuplicateIndex(new)._by_key  # the new ones indexed; the stored ones probe it
    alike: set[str] = set()
    for p in existing:
        if p.id not in fresh:
            for likeness, key, _shown in keys(p, folded):
                for other in by_key.get((likeness, key), ()):
                    alike.add(other.id)
    return [p for p in new if p.id in alike]
