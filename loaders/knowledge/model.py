"""What the knowledge files describe, as the loaders use it: bodies, people, events and regional plans."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from rdflib import URIRef

from proveniens.namespaces import INST, ORG, PV


class BodyKind(Enum):
    """The class a body is typed with."""

    FORMAL = ORG.FormalOrganization  # a legal entity: agency, association
    REGION = PV.Region  # one of the 21 regions
    MUNICIPALITY = PV.Municipality  # one of the 290 municipalities
    COLLABORATION = PV.CollaborationBody  # a samverkansorgan such as SRO or VVG
    COMMITTEE = PV.Committee  # a nämnd, styrelse, utskott, fullmäktige: a political organ or board
    AGENCY = PV.Agency  # a government agency (myndighet): Skolverket, Inspektionen för vård och omsorg
    ASSOCIATION = PV.Association  # an association, union or federation: Vårdförbundet, a pensioners' organisation
    UNIT = ORG.OrganizationalUnit  # a unit of a larger organisation (needs `parent`)
    ORGANIZATION = ORG.Organization  # anything else


@dataclass(frozen=True)
class Body:
    slug: str  # org/{slug}
    kind: BodyKind
    name: str  # skos:prefLabel@sv
    variants: tuple[str, ...] = ()  # abbreviations and spellings as sources write them (skos:altLabel)
    parent: str | None = None  # slug of the organisation a unit is part of
    region: str | None = None  # slug of the region it works in (a region is its own)

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
    organisations: tuple[str, ...] = ()  # slugs of the bodies they belong to (org:memberOf)
    note: str = ""  # why the variants are this person (the curator's note in the evidence)

    @property
    def iri(self) -> URIRef:
        return INST["person/" + self.slug]


@dataclass(frozen=True)
class Event:
    """An event with a known (earliest) date; mentioning it dates a text after it."""

    iri: URIRef
    date: dt.date
    sv: str
    en: str
    subject: URIRef | None  # the document the event is about: recognised where it is cited
    spellings: tuple[str, ...]  # names that mention it in running text (without a subject)


@dataclass(frozen=True)
class Plan:
    """A plan or agreement of one region that documents name by a short form."""

    iri: URIRef
    region: str  # slug of the region
    applies_from: dt.date | None
    titles: tuple[str, ...]  # titles and names (skos:altLabel): a mention names it outright
    short: tuple[str, ...]  # phrases that refer to it (skos:hiddenLabel): a mention is a reading

    def applies(self, region: str | None, latest: dt.date | None) -> bool:
        """Whether a document of `region`, written no later than `latest`, means this plan by its names."""
        if region != self.region:
            return False
        return self.applies_from is None or (latest is not None and latest >= self.applies_from)


@dataclass(frozen=True)
class KnownProposal:
    """A proposal of an SOU that the curated files describe, and the phrases documents name it by."""

    iri: URIRef
    sou: str  # the SOU's identifier, "SOU 2020:19"
    names: tuple[str, ...]  # skos:hiddenLabel: a phrase that, opening a word, names this proposal

    @property
    def slug(self) -> str:
        return str(self.iri).rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Law:
    """A law that documents name by its name or abbreviation, and its SFS number."""

    sfs: str  # "2017:30"
    names: tuple[str, ...]  # skos:hiddenLabel: "hälso- och sjukvårdslag", without the definite ending
    abbreviation: str | None  # skos:altLabel: "HSL"


@dataclass(frozen=True)
class AgreementTitle:
    """A government–SKR agreement, or a series of them, by the names running text gives it."""

    slug: str  # agreement/{slug}-{year} for a series, agreement/{slug} for a one-off agreement
    label: str  # the title (skos:prefLabel; a one-off's dcterms:title)
    outright: tuple[str, ...]  # skos:altLabel: a mention names it
    reading: tuple[str, ...]  # skos:hiddenLabel: only after "överenskommelse" or with a year
    yearly: bool  # a series: each year's agreement is its own
