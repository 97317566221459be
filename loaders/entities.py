"""People and bodies: one IRI per real person or body, whatever spelling a source uses.

The two tables below are the curated knowledge the loaders share. A body's `name` becomes its
skos:prefLabel (Swedish) and must equal the label the curated YAML files give the same IRI; every
other spelling a source uses becomes a skos:altLabel, with evidence of where it was written. A
person's `name` is the correctly spelt foaf:name; `variants` are other spellings of the same person.

Add a row when a new document names a body or spells a person in a new way. Two people are never
merged automatically on a shared surname: only a variant listed here, or (within one document) a
name that drops a middle or double surname of a longer one with the same given name
("Lisbeth Löpare" / "Lisbeth Löpare Johansson"), resolves to the same person.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from functools import cache

from rdflib import URIRef

from proveniens.namespaces import INST, ORG, PV


class BodyKind(Enum):
    """The class a body is typed with."""

    FORMAL = ORG.FormalOrganization  # a legal entity: region, municipality, agency, association
    COLLABORATION = PV.CollaborationBody  # a samverkansorgan such as SRO or VVG
    UNIT = ORG.OrganizationalUnit  # a unit of a larger organisation (needs `parent`)
    ORGANIZATION = ORG.Organization  # anything else


@dataclass(frozen=True)
class Body:
    slug: str  # org/{slug}
    kind: BodyKind
    name: str  # skos:prefLabel@sv
    variants: tuple[str, ...] = ()  # abbreviations and spellings as sources write them (skos:altLabel)
    parent: str | None = None  # slug of the organisation a unit is part of

    @property
    def iri(self) -> URIRef:
        return INST["org/" + self.slug]

    @property
    def abbreviation(self) -> str | None:
        return next((v for v in self.variants if v.isupper() or (v.replace("/", "").isalnum() and len(v) <= 6)), None)


@dataclass(frozen=True)
class Person:
    slug: str  # person/{slug}
    name: str  # foaf:name, correctly spelt
    variants: tuple[str, ...] = ()  # misspellings and short forms (skos:altLabel)
    note: str = ""  # why the variants are this person

    @property
    def iri(self) -> URIRef:
        return INST["person/" + self.slug]


F, C, U = BodyKind.FORMAL, BodyKind.COLLABORATION, BodyKind.UNIT

# fmt: off
BODIES: tuple[Body, ...] = (
    #    slug               kind  prefLabel (sv)                        variants → skos:altLabel
    Body("vgr",             F,    "Västra Götalandsregionen",           ("VGR",)),
    Body("vastkom",         F,    "VästKom",                            ()),  # "Västkom" etc.: case does not matter
    Body("skr",             F,    "Sveriges Kommuner och Regioner",     ("SKR",)),
    Body("socialstyrelsen", F,    "Socialstyrelsen",                    ()),
    Body("regeringen",      F,    "Regeringen",                         ()),
    Body("riksdagen",       F,    "Riksdagen",                          ()),
    Body("sro",             C,    "Politiskt samrådsorgan mellan Västra Götalandsregionen och kommunerna i Västra "
                                  "Götaland",                           ("SRO", "Politiskt samrådsorgan",
                                                                         "det politiska samrådsorganet")),
    Body("vvg",             C,    "Vårdsamverkan Västra Götaland, ledningsgrupp", ("VVG",)),
    Body("narvardssamverkan-sodra-alvsborg", C, "Närvårdssamverkan Södra Älvsborg",
                                                                        ("vårdsamverkan Södra Älvsborg",)),
    Body("stockholms-stad", F,    "Stockholms stad",                    ()),
    Body("stockholms-stad-aldreforvaltningen", U, "Äldreförvaltningen", (), "stockholms-stad"),
)

PEOPLE: tuple[Person, ...] = (
    #      slug                        foaf:name                    variants → skos:altLabel
    Person("anna-nergardh",            "Anna Nergårdh"),
    Person("lisbeth-lopare-johansson", "Lisbeth Löpare Johansson", ("Lisbeth Löpare",),
           "SKR's coordinator for nära vård; 000 writes the full name (l. 1-2, 350) and 'Lisbeth Löpare' (l. 196)."),
    Person("anne-marie-svensson",      "Anne-Marie Svensson",      ("Ann-Marie Svensson",),
           "VGR; 001 writes 'Anne-Marie Svensson, VGR' (l. 67, 286, 314) and once 'Ann-Marie Svensson, VGR' (l. 94)."),
    Person("anneli-assmundson-bjerde", "Anneli Assmundson Bjerde", ("Anneli Bjerde",),
           "VästKom; 001 l. 65 'Anneli Assmundson Bjerde, beredning' and l. 286 'Anneli Bjerde, VästKom'; "
           "002 gives her address anneli.bjerde@vastkom.se."),
    Person("ulf-olsson",               "Ulf Olsson",               ("Ulf Olson",),
           "SRO member (S) for Boråsregionen: 001's member list writes 'Ulf Olsson (S)' (l. 51), its roll call "
           "'Ulf Olson' (l. 27); the only Ulf in the list."),
    # Named in the bundled minutes (presenters, guests, roll calls, signatures, SRO's member list), spelt as
    # there. Listed so that the same person written without an accent ("Jarnstrom") is still one person with
    # one foaf:name. Ami Svensson (VGR, 000) is kept apart from Anne-Marie Svensson: a shared surname is
    # not enough.
    Person("ami-svensson",             "Ami Svensson"),
    Person("ann-soderstrom",           "Ann Söderström"),
    Person("ann-charlotte-jarnstrom",  "Ann-Charlotte Järnström"),
    Person("ann-katrin-schutz",        "Ann-Katrin Schutz"),
    Person("angela-olausson",          "Angela Olausson"),
    Person("anna-karin-skatt",         "Anna-Karin Skatt"),
    Person("axel-josefsson",           "Axel Josefsson"),
    Person("bengt-hilmersson",         "Bengt Hilmersson"),
    Person("boel-morck",               "Boel Mörck"),
    Person("hakan-linnarsson",         "Håkan Linnarsson"),
    Person("helene-eliasson",          "Helene Eliasson"),
    Person("jan-kilhamn",              "Jan Kilhamn"),
    Person("jeanette-andersson",       "Jeanette Andersson"),
    Person("jeanette-lammel",          "Jeanette Lämmel"),
    Person("johanna-karlsson-deucher", "Johanna Karlsson Deucher"),
    Person("johnny-magnusson",         "Johnny Magnusson"),
    Person("jonas-andersson",          "Jonas Andersson"),
    Person("josefin-lantz",            "Josefin Lantz"),
    Person("kaarina-sundelin",         "Kaarina Sundelin"),
    Person("katarina-jonsson",         "Katarina Jonsson"),
    Person("kent-lagrell",             "Kent Lagrell"),
    Person("kristoffer-svensson",      "Kristoffer Svensson"),
    Person("lena-holmlund",            "Lena Holmlund"),
    Person("lena-hult",                "Lena Hult"),
    Person("magnus-haggren",           "Magnus Haggren"),
    Person("maria-jonsson",            "Maria Jonsson"),
    Person("martin-carling",           "Martin Carling"),
    Person("rose-marie-nyborg",        "Rose-Marie Nyborg"),
    Person("ulrika-soderlund",         "Ulrika Söderlund"),
)
# fmt: on

_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "Æ": "AE", "Ø": "O"})


def slugify(text: str) -> str:
    """ASCII, lower case, words joined by hyphens: "Ann-Charlotte Järnström" → "ann-charlotte-jarnstrom"."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


# ----------------------------------------------------------------------------------------------
# Bodies


def _spellings(body: Body) -> tuple[str, ...]:
    return (body.name, *body.variants)


@cache
def body_pattern() -> re.Pattern[str]:
    """Any known spelling of any body, as a whole word; an abbreviation may carry a genitive s ("SROs")."""
    spellings = sorted({s for b in BODIES for s in _spellings(b)}, key=len, reverse=True)
    alternatives = [re.escape(s) + ("s?" if s.isupper() else "") for s in spellings]
    return re.compile(rf"(?<![\w@.])(?:{'|'.join(alternatives)})(?![\w@])", re.IGNORECASE)


def body_named(written: str) -> Body | None:
    """The body a spelling stands for (case does not matter; a genitive s on an abbreviation is allowed)."""
    key = _key(written)
    for body in BODIES:
        for spelling in _spellings(body):
            s = _key(spelling)
            if key == s or (spelling.isupper() and key == s + "s"):
                return body
    slug = slugify(written)  # the same but for accents: "Vastkom", "Vastra Gotalandsregionen"
    return next((b for b in BODIES if len(slug) >= 5 and slug in {slugify(x) for x in _spellings(b)}), None)


def find_bodies(text: str) -> list[tuple[Body, str, int]]:
    """Every known body named in `text`: (body, the spelling as written, character offset)."""
    found = []
    for match in body_pattern().finditer(text):
        body = body_named(match[0])
        if body is not None:
            found.append((body, match[0], match.start()))
    return found


def new_body(abbreviation: str, name: str | None = None) -> Body:
    """A collaboration body the table does not know yet, named by a source (e.g. a new minutes' header)."""
    known = body_named(abbreviation) or (body_named(name) if name else None)
    if known is not None:
        return known
    variants = (abbreviation,) if name and name != abbreviation else ()
    return Body(slugify(abbreviation), BodyKind.COLLABORATION, name or abbreviation, variants)


def spelling_variant(body: Body, written: str) -> str | None:
    """`written` if it is a spelling of `body` other than its preferred name (then it is a skos:altLabel)."""
    clean = re.sub(r"(?<=[A-ZÅÄÖ])s$", "", written) if written[:-1].isupper() else written
    return None if clean == body.name else clean


# ----------------------------------------------------------------------------------------------
# People


@dataclass(frozen=True)
class PersonRef:
    """A person as resolved from one spelling in one document."""

    slug: str
    name: str  # the foaf:name
    written: str  # the spelling in the document

    @property
    def iri(self) -> URIRef:
        return INST["person/" + self.slug]

    @property
    def is_variant(self) -> bool:
        return self.written != self.name


def person_named(written: str) -> Person | None:
    """The person of the table a spelling stands for: exactly, or the same but for case and accents."""
    key = _key(written)
    exact = next((p for p in PEOPLE if key in {_key(p.name), *(_key(v) for v in p.variants)}), None)
    if exact is not None:
        return exact
    slug = slugify(written)
    return next((p for p in PEOPLE if slug in {p.slug, *(slugify(v) for v in p.variants)}), None)


def _shortens(short: str, long: str) -> bool:
    """Whether `short` is `long` without some of its middle or double surnames, same given name."""
    s, lg = short.casefold().split(), long.casefold().split()
    if len(s) < 2 or len(s) >= len(lg) or s[0] != lg[0]:
        return False
    rest = iter(lg[1:])
    return all(token in rest for token in s[1:])


class PersonIndex:
    """Resolves the names written in one document to people: the table first, then same-document short forms."""

    def __init__(self, written: Iterable[str]) -> None:
        self._names = sorted({" ".join(w.split()) for w in written}, key=len, reverse=True)

    def resolve(self, written: str) -> PersonRef:
        written = " ".join(written.split())
        known = person_named(written)
        if known is not None:
            return PersonRef(known.slug, known.name, written)
        longer = [n for n in self._names if _shortens(written, n) and person_named(n) is None]
        if len(longer) == 1:
            return PersonRef(slugify(longer[0]), longer[0], written)
        if len(longer) > 1:  # two candidates: do not guess
            return PersonRef(slugify(written), written, written)
        return PersonRef(slugify(written), written, written)

    def note(self, ref: PersonRef) -> str | None:
        """Why a variant spelling was taken to be this person."""
        if not ref.is_variant:
            return None
        known = person_named(ref.name)
        if known is not None and known.note and _key(ref.written) in {_key(v) for v in known.variants}:
            return f"'{ref.written}' is a spelling of {ref.name} (entity table: {known.note})"
        if known is not None:
            return f"'{ref.written}' is {ref.name} of the entity table, written with other accents or capitals."
        return f"'{ref.written}' is taken to be {ref.name}, named in full in the same document."

