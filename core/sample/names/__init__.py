"""Name pools for the sample pipeline: the countries a multinational seller covers.

Each locale pairs native spellings (Latin with diacritics, Cyrillic, Armenian,
Chinese) with a plain Latin form used for e-mail addresses and web domains.
Curated companies come first; past them the generator builds names from a
stem (a river, a mountain, a region) and a sector word in the local style.
All names are invented; any likeness to a real firm is a coincidence.
"""

from __future__ import annotations

from leadline.core.sample.names.central import ALBANIAN, POLISH, ROMANIAN, SERBIAN
from leadline.core.sample.names.eastern import ARMENIAN, CHINESE, RUSSIAN, UKRAINIAN
from leadline.core.sample.names.locale import Company, Locale, Name, Sector
from leadline.core.sample.names.western import ENGLISH, FRENCH, GERMAN

__all__ = ["LOCALES", "LOCALE_WEIGHTS", "Company", "Locale", "Name", "Sector"]

LOCALES: tuple[Locale, ...] = (
    GERMAN,
    RUSSIAN,
    CHINESE,
    FRENCH,
    ARMENIAN,
    POLISH,
    UKRAINIAN,
    ROMANIAN,
    SERBIAN,
    ALBANIAN,
    ENGLISH,
)
"""Every locale; the scripted sample walks them in this order so each script appears."""

LOCALE_WEIGHTS: tuple[int, ...] = (16, 10, 9, 10, 7, 10, 8, 10, 6, 6, 8)
"""Relative frequency of each locale in a large generated pipeline."""
