"""What a reader of Swedish health-policy texts knows without being told: how a law's name is inflected,
how an agreement's title is written, and the department letters of inquiries and registration numbers.

Patterns are written for flattened text (see flattext.py): single spaces, hyphenation undone, and
"hälso- och" possibly written "hälso-och". Which laws and agreements there are is data
(sources/curated/knowledge/laws.yaml, agreements.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from proveniens.loaders.knowledge import knowledge, slugify, spelling_regex  # noqa: F401 (slugify: one function, also for code that imports it from here)

# Government department letters used in inquiry numbers ("S 2017:01") and registration numbers
# ("S2019/03056/FS"), longest first so "UD" wins over "U".
DEPARTMENTS = ("UD", "Fi", "Fö", "Ju", "Jo", "Ku", "Ko", "In", "A", "I", "L", "M", "N", "S", "U")


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


def title_regex(name: str) -> str:
    """An agreement's name (knowledge data, "god och nära vård – en omställning av …") as running text writes
    it: each part's first letter in either case ("God och nära vård – En omställning …"), any dash between
    parts, "hälso- och" also as "hälso-och"."""
    parts = re.split(r"\s+[–—-]\s+", name)
    return r" ?[–—-] ?".join(f"[{p[0].lower()}{p[0].upper()}]{spelling_regex(p)[1:]}" for p in parts)


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
