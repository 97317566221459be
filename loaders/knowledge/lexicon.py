"""What a reader of Swedish health-policy texts knows without being told: how a law's name is inflected,
the names of the recurring government–SKR agreements, and the department letters of inquiries and
registration numbers.

Patterns are written for flattened text (see flattext.py): single spaces, hyphenation undone, and
"hälso- och" possibly written "hälso-och". Which laws there are is data (sources/curated/knowledge/laws.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from proveniens.loaders.knowledge import knowledge, slugify, spelling_regex  # noqa: F401 (slugify: one function, also for code that imports it from here)

# Government department letters used in inquiry numbers ("S 2017:01") and registration numbers
# ("S2019/03056/FS"), longest first so "UD" wins over "U".
DEPARTMENTS = ("UD", "Fi", "Fö", "Ju", "Jo", "Ku", "Ko", "In", "A", "I", "L", "M", "N", "S", "U")

_HOS = r"hälso-\s?och\s?sjukvårds"  # "hälso- och sjukvårds" with the elision space optional


def law_regex(name: str) -> str:
    """A law's name (skos:hiddenLabel, "hälso- och sjukvårdslag", "lag om valfrihetssystem") as running text
    writes it: the first letter in either case, the head noun with or without its definite ending
    ("hälso- och sjukvårdslagen", "lagen om valfrihetssystem"), "hälso- och" also as "hälso-och"."""
    head, _, rest = name.partition(" ")
    if head == "lag" and rest:
        body = r"ag(?:en)?\s+" + spelling_regex(rest)
    else:
        body = spelling_regex(name)[1:] + ("(?:en)?" if re.search(r"(?:lag|balk)$", name) else "")
    return f"[{name[0].lower()}{name[0].upper()}]{body}"


@dataclass(frozen=True)
class AgreementTitle:
    """A recurring agreement between the government and SKR (or a regional agreement) by its title.

    `distinctive` titles are agreements wherever they occur; others ("God och nära vård" is also the
    reform's name) only after "överenskommelse(n) (om)" or with a year ("God och nära vård 2019").
    """

    slug: str  # IRI slug without year: agreement/{slug}-{year} or agreement/{slug}
    label: str  # the normalised title
    pattern: str
    distinctive: bool
    yearly: bool = True


AGREEMENTS: tuple[AgreementTitle, ...] = (
    AgreementTitle(
        "god-och-nara-vard",
        "God och nära vård",
        r"[Gg]od och nära vård(?: ?[–—-] ?[Ee]n omställning av "
        + _HOS.replace("sjukvårds", "sjukvården")
        + r" med fokus på primärvården)?",
        distinctive=False,
    ),
    AgreementTitle(
        "investering-vardens-medarbetare",
        "En investering för utvecklade förutsättningar för vårdens medarbetare",
        r"(?:[Ee]n )?investering för utvecklade förutsättningar för vårdens medarbetare",
        distinctive=True,
    ),
    AgreementTitle(
        "okad-tillganglighet-barnhalsovarden",
        "Ökad tillgänglighet för barnhälsovården",
        r"[Öö]kad tillgänglighet (?:för|i|inom) barnhälsovården",
        distinctive=True,
        yearly=False,
    ),
    AgreementTitle(
        "battre-resursutnyttjande",
        "Bättre resursutnyttjande i hälso- och sjukvården",
        r"(?:stöd till )?[Bb]ättre resursutnyttjande i " + _HOS.replace("sjukvårds", "sjukvården"),
        distinctive=False,
    ),
)


def agreement_regex() -> str:
    return "|".join(f"(?P<ag{i}>{a.pattern})" for i, a in enumerate(AGREEMENTS))


def inquiry_names() -> dict[str, str]:
    """The inquiries of the curated files by designation ("S 2017:01" → its name), for texts that name one."""
    return knowledge().inquiries


def inquiries_by_name() -> dict[str, tuple[str, str, str]]:
    """The same by lower-case name: (department, year, number), for texts that name an inquiry without its number."""
    return {n.lower(): (i.split()[0], *i.split()[1].split(":")) for i, n in inquiry_names().items()}


@dataclass(frozen=True)
class Municipality:
    slug: str
    name: str
    districts: tuple[str, ...]  # stadsdelsnämnder, whose mention places a text in the city


def municipalities() -> tuple[Municipality, ...]:
    """The municipalities whose district councils the knowledge files list (Stockholms stad's, for one)."""
    k = knowledge()
    out = []
    for body in k.bodies:
        units = [u.name.removesuffix(" stadsdelsnämnd") for u in k.units_of(body) if u.name.endswith("stadsdelsnämnd")]
        if units and k.municipality(body.name) is body:
            out.append(Municipality(body.slug, body.name, tuple(units)))
    return tuple(out)
