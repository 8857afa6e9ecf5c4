"""Text folded for comparing as people type it: no case, no accents, digits only for phones.

`fold("Łódź")` is "lodz" and `fold("Wisła")` "wisla": a salesperson types a
name without its accents, or with them, and expects the same prospect. NFKD
takes most accents off (é = e + ´), but some letters are letters of their own
that do not decompose: ł, ø, đ, ħ, ı, þ, æ, œ; those are spelt out here. ß
folds to "ss" (casefold does that). Other scripts keep their letters, folded for
case and marks (Ё is е, Й is и).

Store (finding a prospect by name), rules (search, duplicates) and the front-ends
all compare through these, so a name found one way is found every way.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_DIGIT = re.compile(r"[^0-9]+")

_OWN_LETTERS = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ħ": "h",
        "ı": "i",
        "ŀ": "l",
        "ŧ": "t",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "ĸ": "k",
        "ŋ": "n",
    }
)
"""Latin letters NFKD leaves whole (lower case: folding casefolds first)."""


def fold(text: str) -> str:
    """`text` without case and accents, for comparing ("Wisła" -> "wisla")."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_OWN_LETTERS))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Compatibility forms decompose to capitals (𝚨 is Α): fold once more, so folding twice
    # changes nothing.
    return bare.casefold().translate(_OWN_LETTERS)


def fold_chars(text: str) -> tuple[str, list[int]]:
    """`fold(text)` and, for each of its characters, the index in `text` it came from
    (to show the original around a match)."""
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = fold(char)
        out.append(folded)
        origin.extend([index] * len(folded))
    return "".join(out), origin


def digits(text: str) -> str:
    """The ASCII digits of `text`, in order ("+48 600-123-456" -> "48600123456")."""
    return _NOT_DIGIT.sub("", text)
