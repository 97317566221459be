"""A `dokumentstatus` record as RDF: the document, its activities and its references to other documents.

Every fact is written through `Facts` with the record's own characters as its evidence (stated):
the document's identity and title by the span from `rm` to `titel`, an activity by its
`aktivitet`, a link by its `referens`. A betänkande's decision points are written by `points.py`.
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from proveniens.errors import SourceError
from proveniens.loaders.facts import Facts
from proveniens.loaders.riksdagen.fulltext import write_cited_reports
from proveniens.loaders.riksdagen.identity import DocumentId, Kind, document_id
from proveniens.loaders.riksdagen.points import write_points
from proveniens.loaders.riksdagen.record import Element
from proveniens.loaders.riksdagen.text import clean, record_date
from proveniens.namespaces import ELI_DL, PV, RPUBL

_DONE = "inträffat"  # an activity's status once it has happened (the other is "planerat")


def write_dokumentstatus(f: Facts, record: Element) -> URIRef:
    """Write the document `record` describes and what it says about its neighbours; return its IRI."""
    doc = record.one("dokument")
    if doc is None:
        raise SourceError(f.source.path, 1, "is a dokumentstatus record without a 'dokument' section.")
    me = document_id(doc.text("doktyp") or doc.text("typ"), doc.text("subtyp"), doc.text("rm"), doc.text("beteckning"))
    if me is None:
        what = doc.text("typrubrik") or "no typrubrik"
        raise SourceError(
            f.source.path, 1, f"describes a document Proveniens does not read ({what}).",
            "Only propositions, skrivelser, betänkanden, motions and riksdagsskrivelser are read.",
        )  # fmt: skip
    iri = me.iri
    first, last = doc.field("rm"), doc.field("titel") or doc.field("beteckning")
    ev = f.evidence(first.start if first else doc.start, last.end if last else doc.end)
    _identity(f, me)
    if title := clean(doc.text("titel")):
        f.add(iri, DCTERMS.title, Literal(title, lang="sv"))
    if issued := record_date(doc.text("datum")):  # rpubl's own ⊑ dcterms:issued: a curator's dcterms:issued is compared
        f.add(iri, RPUBL.utkomFranTryck, Literal(issued, datatype=XSD.date))
    if dok_id := doc.text("dok_id"):
        f.add(iri, RDFS.seeAlso, URIRef(f"https://data.riksdagen.se/dokument/{dok_id}"))
    f.attest(iri, ev)
    decided = _activities(f, iri, record)
    _references(f, me, record)
    if me.kind is Kind.BET:
        write_points(f, me, record, decided)
    if me.kind in (Kind.PROP, Kind.SKR):
        write_cited_reports(f, iri, doc)
    return iri


def _identity(f: Facts, doc: DocumentId) -> None:
    f.add(doc.iri, RDF.type, doc.kind.cls)
    f.add(doc.iri, DCTERMS.identifier, Literal(doc.identifier))
    f.add(doc.iri, RPUBL.arsutgava, Literal(doc.session))
    f.add(doc.iri, RPUBL.lopnummer, Literal(doc.beteckning))
    if doc.kind in (Kind.BET, Kind.RSKR):  # lagen.nu's form (ferenda: bet/2009/10:SfU8); rinfo mints none for them
        f.add(doc.iri, RDFS.seeAlso, URIRef(f"https://lagen.nu/{doc.kind.path}/{doc.session}:{doc.beteckning}"))


def _activities(f: Facts, iri: URIRef, record: Element) -> tuple[str, Element] | None:
    """The steps that have happened, each with its date; returns the decision (`BES`) with its date."""
    decided = None
    for n, step in enumerate(record.all("dokaktivitet", "aktivitet"), start=1):
        day = record_date(step.text("datum"))
        if step.text("status") != _DONE or day is None:
            continue
        node = URIRef(f"{iri}/aktivitet/{n}")
        f.add(iri, PV.processStep, node)
        f.add(node, RDF.type, ELI_DL.Activity)
        f.add(node, DCTERMS.identifier, Literal(step.text("kod")))
        f.add(node, RDFS.label, Literal(clean(step.text("namn")), lang="sv"))
        f.add(node, DCTERMS.date, Literal(day, datatype=XSD.date))
        f.attest(node, f.evidence(step.start, step.end))
        if step.text("kod") == "BES":
            decided = (day, step)
    return decided


def _references(f: Facts, me: DocumentId, record: Element) -> None:
    """The links the record states: handled in / handles, follow-up motions, the riksdagsskrivelse."""
    for ref in record.all("dokreferens", "referens"):
        other = document_id(
            ref.text("ref_dok_typ"), ref.text("ref_dok_subtyp") or _subtyp(ref), ref.text("ref_dok_rm"),
            ref.text("ref_dok_bet"),
        )  # fmt: skip
        kind = ref.text("referenstyp")
        if other is None:
            continue
        link = {
            "behandlas_i": (other.iri, PV.handles, me.iri),
            "behandlar": (me.iri, PV.handles, other.iri),
            "följdmotion": (other.iri, DCTERMS.references, me.iri),
            "rskr": (me.iri, PV.riksdagLetter, other.iri),
        }.get(kind)
        if link is None:
            continue
        ev = f.evidence(ref.start, ref.end)
        _identity(f, other)
        if (title := clean(ref.text("ref_dok_titel"))) and other.kind is not Kind.RSKR:
            f.add(other.iri, DCTERMS.title, Literal(title, lang="sv"))
        f.attest(other.iri, ev)
        f.link(*link, ev)


def _subtyp(ref: Element) -> str:
    """A skrivelse referred to as `prop` says so only in its description ("Skrivelse 2018/19:113 …")."""
    return "skr" if ref.text("uppgift").lower().startswith("skrivelse") else ""
