"""A betänkande's decision points (`utskottsforslag`) and reservations (`motforslag`).

A point is `bet/{rm}:{bet}/punkt/{n}`: its heading, the committee's proposal, how the chamber
decided (acklamation or röstning), who won, the vote and the reservations against it, and the day
of the decision (the betänkande's `BES` activity). The documents a point decides on are read from
the proposal's own words ("Därmed bifaller riksdagen proposition 2019/20:8", "avslår motionerna
2019/20:609 … och 2019/20:3409"), each with those words as evidence.
"""

from __future__ import annotations

import re

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from proveniens.loaders.facts import Facts
from proveniens.loaders.riksdagen.identity import DocumentId, document_id
from proveniens.loaders.riksdagen.parties import parties, party
from proveniens.loaders.riksdagen.record import Element
from proveniens.loaders.riksdagen.text import clean
from proveniens.namespaces import ELI_DL, INST, PV

_METHODS = {"acklamation": PV.Acclamation, "röstning": PV.Division}
# A document kind named in a proposal, then the numbers that follow it until the next kind.
_NAMED = re.compile(
    r"(?P<kind>proposition|skrivelse|motion)(?:en|erna)?\b"
    r"|(?P<session>(?:19|20)[0-9]{2}/(?:[0-9]{2}|(?:19|20)[0-9]{2})):(?P<number>[1-9][0-9]*)",
    re.IGNORECASE,
)
_DOKTYP = {"proposition": ("prop", "prop"), "skrivelse": ("prop", "skr"), "motion": ("mot", "mot")}


def point_iri(report: URIRef, number: str) -> URIRef:
    return URIRef(f"{report}/punkt/{number}")


def vote_iri(votering_id: str) -> URIRef:
    return INST[f"votering/{votering_id.lower()}"]


def write_point(f: Facts, bet: DocumentId, number: str) -> URIRef:
    """Decision point `number` of report `bet`, named as people cite it ("Bet. 2019/20:CU5, punkt 1")."""
    iri = point_iri(bet.iri, number)
    f.add(iri, RDF.type, PV.DecisionPoint)
    f.add(iri, DCTERMS.isPartOf, bet.iri)
    f.add(iri, PV.pointNumber, Literal(int(number), datatype=XSD.integer))
    f.add(iri, DCTERMS.identifier, Literal(f"{bet.identifier}, punkt {int(number)}"))
    return iri


def write_points(f: Facts, bet: DocumentId, record: Element, decided: tuple[object, Element] | None) -> None:
    """Every decision point of `bet` and the reservations against it; `decided` is the decision day and its activity."""
    for proposal in record.all("dokutskottsforslag", "utskottsforslag"):
        number = proposal.text("punkt")
        if not number.isdigit():
            continue
        iri = write_point(f, bet, number)
        if heading := clean(proposal.text("rubrik")):
            f.add(iri, DCTERMS.title, Literal(heading, lang="sv"))
        if text := clean(proposal.text("forslag")):
            f.add(iri, PV.committeeProposal, Literal(text, lang="sv"))
        if method := _METHODS.get(proposal.text("beslutstyp").lower()):
            f.add(iri, PV.decisionMethod, method)
        if winner := proposal.text("vinnare"):
            f.add(iri, PV.winner, Literal(winner, lang="sv"))
        if votering := proposal.text("votering_id"):
            f.add(iri, PV.vote, vote_iri(votering))
            f.add(vote_iri(votering), RDF.type, PV.Vote)
        f.attest(iri, f.evidence(proposal.start, proposal.end))
        if decided is not None and method is not None:
            day, step = decided
            f.add(iri, DCTERMS.date, Literal(day, datatype=XSD.date))
            f.attest(iri, f.evidence(step.start, step.end))
        _decided_on(f, iri, proposal)
    for reservation in record.all("dokmotforslag", "motforslag"):
        _reservation(f, bet, reservation)


def _decided_on(f: Facts, point: URIRef, proposal: Element) -> None:
    """The propositions, skrivelser and motions the proposal names, each linked with its words as evidence."""
    field = proposal.field("forslag")
    if field is None:
        return
    raw = f.source.text[field.start : field.end]  # matched in the file's own characters, so spans are the file's
    kind: re.Match[str] | None = None
    for m in _NAMED.finditer(raw):
        if m["kind"]:
            kind = m
            continue
        if kind is None:
            continue
        doktyp, subtyp = _DOKTYP[kind["kind"].lower()]
        doc = document_id(doktyp, subtyp, m["session"], m["number"])
        if doc is None:
            continue
        f.add(doc.iri, RDF.type, doc.kind.cls)
        f.add(doc.iri, DCTERMS.identifier, Literal(doc.identifier))
        ev = f.evidence(field.start + kind.start(), field.start + m.end())
        f.link(point, ELI_DL.decided_on_a_realization_of, doc.iri, ev)


def _reservation(f: Facts, bet: DocumentId, reservation: Element) -> None:
    number, point = reservation.text("nummer"), reservation.text("utskottsforslag_punkt")
    if reservation.text("typ") != "reservation" or not number.isdigit() or not point.isdigit():
        return
    iri = URIRef(f"{bet.iri}/reservation/{number}")
    f.add(iri, RDF.type, PV.Reservation)
    f.add(iri, DCTERMS.identifier, Literal(f"Reservation {number}"))
    f.add(iri, PV.reservationTo, point_iri(bet.iri, point))
    for abbreviation in parties(reservation.text("partier")):
        if (by := party(f, abbreviation)) is not None:
            f.add(iri, DCTERMS.creator, by)
    f.attest(iri, f.evidence(reservation.start, reservation.end))
