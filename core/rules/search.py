"""Find prospects by anything a salesperson remembers of them.

A query matches a prospect's company name, its contacts' names, titles,
e-mails and phones, and the text of its notes and touches, without case or
accents (`wisla` finds Wisła, `lodz` finds Łódź; see `core.folding`). Every
word of the query must be found somewhere in the prospect; a query of digits
(and the spaces, dashes, dots, brackets or plus people type in numbers) also
compares with the phones by their digits alone, so "600 123" finds
+48 600-123-456.

Each hit says what matched: the field and a snippet of it. For many searches
over the same prospects, make each one's `Searchable` once (`searchable`) and
keep it until the prospect changes: the search itself is then a substring test
per prospect.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from leadline.core.folding import digits, fold, fold_chars
from leadline.core.models import Prospect


class Field(StrEnum):
    """Where in a prospect a query matched (ranked in this order)."""

    COMPANY = "company"
    CONTACT = "contact"
    EMAIL = "email"
    PHONE = "phone"
    TITLE = "title"
    NOTE = "note"
    TOUCH = "touch"


_RANK = {f: len(Field) - i for i, f in enumerate(Field)}
SNIPPET_CELLS = 48
"""Characters of a long note shown around the match."""
_NUMBER_CHARS = frozenset("0123456789 +-./()")
MIN_PHONE_DIGITS = 3
"""Digits a query needs before it is compared with phones by digits alone."""


@dataclass(frozen=True)
class Match:
    """One field that matched: which, its whole text, and the part to show."""

    field: Field
    text: str
    snippet: str


@dataclass(frozen=True)
class Hit:
    """A prospect the query found, with what matched, best match first."""

    prospect: Prospect
    matches: tuple[Match, ...]

    @property
    def best(self) -> Match:
        return self.matches[0]


@dataclass(frozen=True)
class Searchable:
    """A prospect's searchable texts, folded once."""

    prospect: Prospect
    fields: tuple[tuple[Field, str, str], ...]
    """(field, original text, folded text) of every non-empty text."""
    folded: str
    """Every folded text joined: the quick first test."""
    phones: tuple[tuple[str, str], ...]
    """(phone as written, its digits)."""


def searchable(p: Prospect) -> Searchable:
    """The texts a search looks at in `p`, folded."""
    texts: list[tuple[Field, str]] = [(Field.COMPANY, p.name)]
    for c in p.contacts:
        texts += [(Field.CONTACT, c.name), (Field.EMAIL, c.email), (Field.PHONE, c.phone)]
        texts.append((Field.TITLE, c.title))
    texts += [(Field.NOTE, n.text) for n in p.notes]
    texts += [(Field.TOUCH, t.note) for t in p.touches]
    fields = tuple((f, text, fold(text)) for f, text in texts if text.strip())
    phones = tuple((c.phone, digits(c.phone)) for c in p.contacts if digits(c.phone))
    return Searchable(p, fields, "\n".join(f[2] for f in fields), phones)


@dataclass(frozen=True)
class Query:
    """A query folded into its words, and its digits when it reads as a number."""

    words: tuple[str, ...]
    number: str

    @classmethod
    def of(cls, text: str) -> Query:
        number = digits(text)
        looks_numeric = set(text.strip()) <= _NUMBER_CHARS and len(number) >= MIN_PHONE_DIGITS
        return cls(tuple(fold(text).split()), number if looks_numeric else "")

    @property
    def empty(self) -> bool:
        return not self.words and not self.number


def match(s: Searchable, query: Query) -> Hit | None:
    """The hit `query` makes in `s`, or None."""
    phone_hits = [
        Match(Field.PHONE, shown, shown) for shown, num in s.phones if query.number in num
    ] if query.number else []  # fmt: skip
    if phone_hits:
        return Hit(s.prospect, tuple(phone_hits))
    if not query.words or not all(word in s.folded for word in query.words):
        return None
    found: dict[str, Match] = {}
    for word in query.words:
        hit = next((m for m in _matches(s, word)), None)
        if hit is None:
            return None
        found.setdefault(f"{hit.field}\0{hit.text}", hit)
    ranked = sorted(found.values(), key=lambda m: -_RANK[m.field])
    return Hit(s.prospect, tuple(ranked))


def _matches(s: Searchable, word: str) -> Iterable[Match]:
    for f, text, folded in s.fields:
        if word in folded:
            yield Match(f, text, snippet(text, word))


def snippet(text: str, word: str, width: int = SNIPPET_CELLS) -> str:
    """`text` on one line, cut to about `width` characters around the folded `word`."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    folded, origin = fold_chars(flat)
    at = folded.find(word)
    start = origin[at] if at >= 0 else 0
    begin = max(0, min(start - width // 3, len(flat) - width))
    part = flat[begin : begin + width]
    return ("…" if begin else "") + part + ("…" if begin + width < len(flat) else "")


def search(items: Iterable[Searchable], text: str, limit: int | None = None) -> list[Hit]:
    """The prospects `text` finds, best first: company matches, then contacts, e-mails,
    phones, titles, notes, touches; ties by name. `limit` keeps the first so many."""
    query = Query.of(text)
    if query.empty:
        return []
    hits = [hit for s in items if (hit := match(s, query)) is not None]
    hits.sort(key=lambda h: (-_RANK[h.best.field], fold(h.prospect.name), h.prospect.id))
    return hits[:limit] if limit is not None else hits


def search_prospects(
    prospects: Sequence[Prospect], text: str, limit: int | None = None
) -> list[Hit]:
    """`search` over plain prospects (folding each: for one search, as the CLI does)."""
    return search((searchable(p) for p in prospects), text, limit)
