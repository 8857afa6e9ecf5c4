"""How one country's names are described: the `Locale` record and the table helpers.

The pools themselves are in the region modules beside this one (`western`,
`central`, `eastern`); `leadline.core.sample.names` gathers them.
"""

from __future__ import annotations

from dataclasses import dataclass

Name = tuple[str, str]
"""(native spelling, Latin spelling for e-mail)."""
Company = tuple[str, str, str]
"""(native name, domain stem, industry)."""
Sector = tuple[str, str, str]
"""(native word, Latin word, industry)."""


@dataclass(frozen=True)
class Locale:
    """One country's names, phone format and company naming style."""

    key: str
    region: str
    tld: str
    phone: str
    """Phone pattern; each `#` is a random digit."""
    male: tuple[Name, ...]
    female: tuple[Name, ...]
    surnames: tuple[Name, ...]
    surnames_female: tuple[Name, ...] = ()
    """Feminine surname forms aligned with `surnames` (empty when they do not inflect)."""
    family_first: bool = False
    joiner: str = " "
    companies: tuple[Company, ...] = ()
    stems: tuple[Name, ...] = ()
    sectors: tuple[Sector, ...] = ()
    company_format: str = "{stem} {sector}"
    cities: tuple[str, ...] = ()
    """Branch towns that tell apart generated companies of the same name."""
    city_format: str = "{name} ({city})"


def name_pairs(pairs: str) -> tuple[Name, ...]:
    """Parse "native/latin, native/latin" into name pairs (keeps the tables short)."""
    out: list[Name] = []
    for item in pairs.split(","):
        native, latin = item.strip().split("/")
        out.append((native, latin))
    return tuple(out)


# Industry words, short so the sector tables stay one line per entry.
SW, LOG, MFG, RET = "software", "logistics", "manufacturing", "retail"
AGR, HOS, PUB, CON = "agriculture", "hospitality", "public-sector", "construction"
