"""People and companies for the sample pipeline: names, roles, e-mail, phone, birthdays."""

from __future__ import annotations

import random
from datetime import date, timedelta

from leadline.core.config.model import Config, IcpCriterion
from leadline.core.models import Contact, IcpValue, Role
from leadline.core.sample.names import LOCALES, Company, Locale, Sector
from leadline.core.sample.phrases import TITLES

POOR_INDUSTRIES = ("agriculture", "hospitality", "public-sector", "construction")
_CHANNELS = ("email", "email", "phone", "phone", "meeting")
_OTHER_ROLES = (Role.INFLUENCER, Role.COACH, Role.GATEKEEPER)
_PHONE_TEMPLATES: dict[str, str] = {}
_BIRTH_BASE = tuple(date(year, 1, 1) for year in range(1960, 1997))
_ANNIVERSARY_BASE = tuple(date(year, 1, 1) for year in range(1995, 2021))
_DAYS = tuple(timedelta(days=n) for n in range(365))


class People:
    """Draws companies and contacts from the locale pools with one shared rng."""

    def __init__(self, rng: random.Random, config: Config, today: date) -> None:
        self.rng = rng
        self.today = today
        self.criteria = config.ideal_customer_profile.criteria
        self.industry = next((c for c in self.criteria if c.attribute == "industry"), None)
        self.used_names: set[str] = set()
        self._fits: dict[str, bool] = {}
        self._sectors: dict[tuple[str, bool], list[Sector]] = {}
        self._curated_left = {(lc.key, fit) for lc in LOCALES for fit in (True, False)}

    def industry_fits(self, industry: str) -> bool:
        fits = self._fits.get(industry)
        if fits is None:
            fits = self.industry is None or self.industry.accepts(industry)
            self._fits[industry] = fits
        return fits

    def company(self, locale: Locale, fit: bool) -> Company:
        """A curated company first (in order), then generated names in the local style."""
        if (locale.key, fit) in self._curated_left:
            for company in locale.companies:
                if company[0] not in self.used_names and self.industry_fits(company[2]) == fit:
                    self.used_names.add(company[0])
                    return company
            self._curated_left.discard((locale.key, fit))
        return self._generated(locale, fit)

    def _generated(self, locale: Locale, fit: bool) -> Company:
        sectors = self._sectors.get((locale.key, fit))
        if sectors is None:
            matching = [s for s in locale.sectors if self.industry_fits(s[2]) == fit]
            sectors = self._sectors[(locale.key, fit)] = matching or list(locale.sectors)
        rng = self.rng
        name, domain, industry = "", "", ""
        for _ in range(2):
            stem, stem_latin = rng.choice(locale.stems)
            word, word_latin, industry = rng.choice(sectors)
            name = locale.company_format.format(stem=stem, sector=word)
            if locale.cities and rng.random() < 0.6:
                name = locale.city_format.format(name=name, city=rng.choice(locale.cities))
            domain = f"{stem_latin}{locale.joiner and '-'}{word_latin}"
            if name not in self.used_names:
                break
        self.used_names.add(name)
        return name, domain, industry

    def contacts(
        self, locale: Locale, domain: str, roles: list[Role], dates: dict[int, tuple[str, int]]
    ) -> tuple[Contact, ...]:
        """One contact per role; `dates` maps a contact index to (kind, days from today)."""
        return tuple(
            self._contact(locale, domain, role, dates.get(i)) for i, role in enumerate(roles)
        )

    def renamed(
        self, contacts: tuple[Contact, ...], locale: Locale, domain: str
    ) -> tuple[Contact, ...]:
        """New people in the same roles, titles and birthdays (for cloned prospects)."""
        people = []
        for c in contacts:
            name, email = self._identity(locale, domain, c.role)
            phone = self._phone(locale.phone)
            people.append(
                Contact(name, c.role, c.title, email, phone, c.birthday, c.anniversary,
                        c.preferred_channel)
            )  # fmt: skip
        return tuple(people)

    def _identity(self, locale: Locale, domain: str, role: Role) -> tuple[str, str]:
        """A person's name in the local script and their e-mail address."""
        rand = self.rng.random
        female = rand() < 0.45
        names = locale.female if female else locale.male
        given, given_latin = names[int(rand() * len(names))]
        forms = locale.surnames_female if female and locale.surnames_female else locale.surnames
        family, family_latin = forms[int(rand() * len(forms))]
        parts = (family, given) if locale.family_first else (given, family)
        local = f"{given_latin}.{family_latin}".replace("'", "")
        if role is Role.GATEKEEPER and rand() < 0.4:
            local = ("office", "info", "assistant")[int(rand() * 3)]
        return locale.joiner.join(parts), f"{local}@{domain}.{locale.tld}"

    def _contact(
        self, locale: Locale, domain: str, role: Role, special: tuple[str, int] | None
    ) -> Contact:
        rng = self.rng
        name, email = self._identity(locale, domain, role)
        birthday = anniversary = None
        if special is not None:
            kind, offset = special
            day = _with_year(self.today + timedelta(days=offset), rng.randint(1962, 1994))
            birthday, anniversary = (day, None) if kind == "birthday" else (None, day)
        else:
            if rng.random() < 0.35:
                birthday = _BIRTH_BASE[rng.randint(0, 36)] + _DAYS[rng.randint(0, 364)]
            if rng.random() < 0.05:  # a work or wedding anniversary worth a card
                anniversary = rng.choice(_ANNIVERSARY_BASE) + _DAYS[rng.randint(0, 364)]
        return Contact(
            name=name,
            role=role,
            title=rng.choice(TITLES[role]),
            email=email,
            phone=self._phone(locale.phone),
            birthday=birthday,
            anniversary=anniversary,
            preferred_channel=rng.choice(_CHANNELS),
        )

    def _phone(self, pattern: str) -> str:
        template = _PHONE_TEMPLATES.get(pattern)
        if template is None:
            template = _PHONE_TEMPLATES[pattern] = pattern.replace("{", "").replace("#", "{}")
        count = pattern.count("#")
        low = 10 ** (count - 1)  # no leading zero after the country code
        digits = str(low + int(self.rng.random() * 9 * low))
        return template.format(*digits)

    def roles(self, depth: int, flags: frozenset[str]) -> list[Role]:
        """Buying influences reached: more people the deeper the deal."""
        rng = self.rng
        if "gatekeepers-only" in flags:
            return [Role.GATEKEEPER] * rng.randint(1, 2)
        count = min(4, 1 + (depth >= 2) + (depth >= 4) + rng.randint(0, 1))
        first = Role.DECISION_MAKER if depth >= 1 or rng.random() < 0.8 else Role.INFLUENCER
        if "no-dm" in flags:
            return [Role.INFLUENCER, Role.COACH, Role.GATEKEEPER][: max(2, count)]
        others = rng.sample(_OTHER_ROLES, k=count - 1)
        return [first, *others]

    def icp(self, industry: str, region: str, fit: bool) -> dict[str, IcpValue]:
        """ICP attributes meeting every criterion when `fit`, else failing all but region."""
        attrs: dict[str, IcpValue] = {
            "industry": industry,
            "employees": int(min(20000, 8 + self.rng.lognormvariate(5.3, 1.1))),
            "region": region,
        }
        for criterion in self.criteria:
            want = fit or criterion.attribute == "region"
            if criterion.met_by(attrs) != want:  # as the profile score reads it
                attrs[criterion.attribute] = self._icp_value(criterion, want)
        return attrs

    def _icp_value(self, c: IcpCriterion, want: bool) -> IcpValue:
        rng = self.rng
        if c.equals is not None:
            if want or not isinstance(c.equals, bool):
                return c.equals if want else "other"
            return not c.equals
        if c.one_of:
            misses = [v for v in POOR_INDUSTRIES if not c.accepts(v)] or ["other"]
            return rng.choice(c.one_of) if want else rng.choice(misses)
        low, high = c.min or 1.0, c.max or (c.min or 1.0) * 100
        if want:
            return int(low * (high / low) ** (rng.random() ** 1.8))
        return int(rng.uniform(1, low - 1)) if low > 2 else int(high * 2 + 1)


def _with_year(day: date, year: int) -> date:
    """`day` moved to `year`; 29 February becomes the 28th in a common year."""
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)
