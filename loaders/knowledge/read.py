"""Reading the knowledge files: curated YAML under sources/curated/knowledge/, checked like every curated file.

The files are read with the curated loader, so a quote that is not at its cited lines, or a file that is not
valid, stops here with the file name and line, exactly as `proveniens build` would stop.
"""

from __future__ import annotations

import datetime as dt
import re

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, RDF, SKOS

from proveniens.loaders.curated import load_curated
from proveniens.loaders.knowledge.model import (
    AgreementTitle,
    Body,
    BodyKind,
    Event,
    KnownProposal,
    Law,
    Person,
    Plan,
)
from proveniens.loaders.sources import SourceKind, SourceSet
from proveniens.namespaces import INST, PV, RPUBL

_KINDS = (BodyKind.REGION, BodyKind.MUNICIPALITY, BodyKind.COLLABORATION, BodyKind.COMMITTEE, BodyKind.AGENCY,
          BodyKind.ASSOCIATION, BodyKind.UNIT, BodyKind.FORMAL)  # fmt: skip


def read_graph(sources: SourceSet) -> Graph:
    """The union of the curated files of a sources folder, each checked as `proveniens build` checks it.

    The knowledge files (curated/knowledge/) hold what only the loaders need; the other curated files
    describe some of the same bodies and plans (VGR, SKR, Färdplan nära vård) and are read too, so that
    nothing is written twice.
    """
    graph = Graph()
    for source in sources.files:
        if source.kind is SourceKind.CURATED:
            graph += load_curated(source, sources).graph
    return graph


def _path(iri: URIRef, prefix: str) -> str:
    return str(iri).removeprefix(str(INST) + prefix)


def _texts(g: Graph, s: URIRef, *props: URIRef) -> tuple[str, ...]:
    return tuple(sorted({str(o) for p in props for o in g.objects(s, p) if isinstance(o, Literal)}))


def _sv(g: Graph, s: URIRef, prop: URIRef) -> str | None:
    values = [o for o in g.objects(s, prop) if isinstance(o, Literal)]
    return next((str(o) for o in values if o.language == "sv"), str(values[0]) if values else None)


def _date(g: Graph, s: URIRef, prop: URIRef) -> dt.date | None:
    value = g.value(s, prop)
    return dt.date.fromisoformat(str(value)) if value is not None else None


def _note(g: Graph, s: URIRef) -> str:
    notes = sorted(str(n) for ev in g.objects(s, PV.attestedBy) for n in g.objects(ev, PV.curatorNote))
    return notes[0] if notes else ""


def bodies(g: Graph) -> tuple[Body, ...]:
    out = []
    for s in sorted({s for s in g.subjects(SKOS.prefLabel) if str(s).startswith(str(INST) + "org/")}):
        types = set(g.objects(s, RDF.type))
        kind = next((k for k in _KINDS if k.value in types), BodyKind.ORGANIZATION)
        parent = g.value(s, ORG.unitOf) or g.value(s, ORG.subOrganizationOf)
        region = g.value(s, PV.region) or (s if kind is BodyKind.REGION else None)
        out.append(Body(_path(s, "org/"), kind, _sv(g, s, SKOS.prefLabel) or "", _texts(g, s, SKOS.altLabel),
                        _path(parent, "org/") if parent else None, _path(region, "org/") if region else None))
    return tuple(out)


def people(g: Graph) -> tuple[Person, ...]:
    return tuple(
        Person(_path(s, "person/"), str(g.value(s, FOAF.name)), _texts(g, s, SKOS.altLabel),
               tuple(sorted(_path(o, "org/") for o in g.objects(s, ORG.memberOf))), _note(g, s))
        for s in sorted(g.subjects(RDF.type, FOAF.Person))
    )  # fmt: skip


def events(g: Graph) -> tuple[Event, ...]:
    out = []
    for s in sorted(g.subjects(RDF.type, PV.Event)):
        when = _date(g, s, DCTERMS.date) or _date(g, s, PV.earliestDate)
        descriptions = {o.language: str(o) for o in g.objects(s, DCTERMS.description) if isinstance(o, Literal)}
        subject = g.value(s, DCTERMS.subject)
        spellings = () if subject is not None else _texts(g, s, SKOS.altLabel)
        if when is not None:
            out.append(Event(s, when, descriptions.get("sv", ""), descriptions.get("en", ""), subject, spellings))
    return tuple(out)


def plans(g: Graph) -> tuple[Plan, ...]:
    out = []
    for s in sorted(g.subjects(PV.region, None)):
        if str(s).startswith(str(INST) + "org/"):
            continue  # a body's region, not a plan
        titles = _texts(g, s, DCTERMS.title, SKOS.prefLabel, SKOS.altLabel)
        short = _texts(g, s, SKOS.hiddenLabel)
        out.append(Plan(s, _path(g.value(s, PV.region), "org/"), _date(g, s, PV.appliesFrom), titles, short))
    return tuple(out)


def inquiries(g: Graph) -> dict[str, str]:
    """Government inquiries by designation ("S 2017:01") and their Swedish name, for texts naming one by name."""
    return {
        str(ident): name
        for s in g.subjects(RDF.type, PV.Inquiry)
        if (ident := g.value(s, DCTERMS.identifier)) is not None and (name := _sv(g, s, SKOS.prefLabel))
    }


def sou_titles(g: Graph) -> dict[str, str]:
    """SOU identifier -> Swedish title, for remiss responses that name the report by title only."""
    out = {}
    for s in g.subjects(RDF.type, RPUBL.Utredningsbetankande):
        ident, title = g.value(s, DCTERMS.identifier), _sv(g, s, DCTERMS.title)
        if ident is not None and str(ident).startswith("SOU ") and title:
            out[str(ident)] = title
    return out


def proposals(g: Graph) -> tuple[KnownProposal, ...]:
    """Proposals with the phrases that name them (skos:hiddenLabel), each under the SOU it is part of."""
    out = []
    for s in sorted(g.subjects(RDF.type, PV.Proposal)):
        names = _texts(g, s, SKOS.hiddenLabel)
        sou = g.value(g.value(s, DCTERMS.isPartOf), DCTERMS.identifier)
        if names and sou is not None:
            out.append(KnownProposal(s, str(sou), names))
    return tuple(out)


def laws(g: Graph) -> tuple[Law, ...]:
    """Laws with the names running text gives them (skos:hiddenLabel) and their abbreviation (skos:altLabel)."""
    out = []
    for s in sorted(g.subjects(RDF.type, RPUBL.Lag)):
        names = _texts(g, s, SKOS.hiddenLabel)
        ident = str(g.value(s, DCTERMS.identifier) or "")
        if names and ident.startswith("SFS "):
            out.append(Law(ident.removeprefix("SFS "), names, next(iter(_texts(g, s, SKOS.altLabel)), None)))
    return tuple(out)


def agreement_titles(g: Graph) -> tuple[AgreementTitle, ...]:
    """Agreement series and one-off government–SKR agreements with the names running text gives them; an
    agreement whose names all end in a year ("God och nära vård 2019") is one of a series, named through it."""
    out = []
    for kind, yearly in ((PV.AgreementSeries, True), (PV.GovernmentAgreement, False)):
        for s in sorted(g.subjects(RDF.type, kind)):
            outright = tuple(n for n in _texts(g, s, SKOS.altLabel) if yearly or not _YEAR_END.search(n))
            reading = _texts(g, s, SKOS.hiddenLabel)
            if outright or reading:
                label = _sv(g, s, SKOS.prefLabel) or _sv(g, s, DCTERMS.title) or outright[0]
                out.append(AgreementTitle(str(s).rsplit("/", 1)[-1], label, outright, reading, yearly))
    return tuple(out)


_YEAR_END = re.compile(r"\s(?:19|20)\d{2}$")
