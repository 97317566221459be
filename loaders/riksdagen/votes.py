"""A `votering` record: every member's choice on one decision point, with party and constituency.

The vote is `votering/{votering_id}`, the point it decided `bet/{rm}:{bet}/punkt/{n}`. Each row
becomes a ballot (`votering/{id}/{intressent_id}`): the member (`person/{slug}`, foaf:Person), the
choice (Ja, Nej, Avstår, Frånvarande), the party and the constituency (valkrets) the member sat for
that day. The party membership is an org:Membership for that day only (the record shows it held
then, not when it began or ended); a member's memberships over time are the days of their votes.
Every row's own characters are its evidence.
"""

from __future__ import annotations

from datetime import date

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, XSD

from proveniens.day_words import day_in_words
from proveniens.errors import SourceError
from proveniens.loaders.evidence import Evidence
from proveniens.loaders.facts import Facts
from proveniens.loaders.knowledge import slugify
from proveniens.loaders.riksdagen.identity import Kind, document_id
from proveniens.loaders.riksdagen.parties import party
from proveniens.loaders.riksdagen.points import vote_iri, write_point
from proveniens.loaders.riksdagen.record import Element
from proveniens.loaders.riksdagen.text import clean, record_date
from proveniens.namespaces import DCAT, INST, ORG, PV, TIME

_CHOICES = {"ja": PV.Yes, "nej": PV.No, "avstår": PV.Abstain, "frånvarande": PV.AbsentFromVote}
_MEMBER = INST["role/member"]


def write_votering(f: Facts, record: Element) -> list[URIRef]:
    """Every ballot of every vote in the record; returns the votes."""
    votes: dict[URIRef, None] = {}
    rows = record.all("votering")
    if not rows:
        raise SourceError(f.source.path, 1, "is a votering record without rows ('votering').")
    for row in rows:
        vote = _vote(f, row)
        if vote is not None:
            votes[vote] = None
            _ballot(f, vote, row)
    return list(votes)


def _vote(f: Facts, row: Element) -> URIRef | None:
    votering, number = row.text("votering_id"), row.text("punkt")
    report = document_id("bet", "bet", row.text("rm"), row.text("beteckning"))
    if not votering or report is None or report.kind is not Kind.BET or not number.isdigit():
        return None
    vote, point = vote_iri(votering), write_point(f, report, number)
    f.add(vote, RDF.type, PV.Vote)
    f.add(point, PV.vote, vote)
    f.add(report.iri, RDF.type, Kind.BET.cls)
    f.add(report.iri, DCTERMS.identifier, Literal(report.identifier))
    if day := record_date(row.text("datum")):
        f.add(vote, DCTERMS.date, Literal(day, datatype=XSD.date))
    if about := row.text("avser"):
        f.add(vote, PV.voteConcerns, Literal(about, lang="sv"))
    return vote


def _ballot(f: Facts, vote: URIRef, row: Element) -> None:
    member_id, name = row.text("intressent_id"), clean(row.text("namn"))
    choice = _CHOICES.get(row.text("rost").lower())
    if not member_id.isalnum() or not name or choice is None:
        raise SourceError(
            f.source.path, f.source.line_at(row.start),
            f"has a vote row without a member id, a name or a known choice (rost {row.text('rost')!r}).",
            "Riksdagen's choices are Ja, Nej, Avstår and Frånvarande.",
        )  # fmt: skip
    ev = f.evidence(row.start, row.end)
    ballot = URIRef(f"{vote}/{member_id}")
    person = INST[f"person/{slugify(name)}"]
    f.add(ballot, RDF.type, PV.Ballot)
    f.add(vote, PV.ballot, ballot)
    f.add(ballot, PV.voter, person)
    f.add(ballot, PV.choice, choice)
    if constituency := clean(row.text("valkrets")):
        f.add(ballot, PV.constituency, Literal(constituency, lang="sv"))
    f.add(person, RDF.type, FOAF.Person)
    f.add(person, FOAF.name, Literal(name))
    f.add(person, RDFS.seeAlso, URIRef(f"https://data.riksdagen.se/personlista/?iid={member_id}&utformat=html"))
    member_of = party(f, row.text("parti"))
    if member_of is not None:
        f.add(ballot, PV.voterParty, member_of)
        day = record_date(row.text("datum"))
        if day is not None:
            _membership(f, person, member_of, day, ev, (name, clean(row.text("parti"))))
    f.attest(ballot, ev)


def _membership(
    f: Facts, person: URIRef, member_of: URIRef, day: date, ev: Evidence, names: tuple[str, str]
) -> None:
    """The person was a member of the party on `day` (the vote's), and the record is the evidence; named
    as pages show it ("Adnan Dibrani — S, 28 november 2019")."""
    iri = URIRef(f"{INST}membership/{member_of.rsplit('/', 1)[-1]}/{person.rsplit('/', 1)[-1]}/{day}")
    period = URIRef(f"{iri}/period")
    f.add(person, ORG.memberOf, member_of)
    f.add(iri, RDF.type, ORG.Membership)
    f.add(iri, ORG.member, person)
    f.add(iri, ORG.organization, member_of)
    f.add(iri, ORG.role, _MEMBER)
    f.add(iri, ORG.memberDuring, period)
    for lang in ("sv", "en"):
        f.add(iri, RDFS.label, Literal(f"{names[0]} — {names[1]}, {day_in_words(day, lang)}", lang=lang))
    f.add(period, RDF.type, TIME.Interval)
    f.add(period, RDF.type, DCTERMS.PeriodOfTime)
    f.add(period, DCAT.startDate, Literal(day, datatype=XSD.date))
    f.add(period, DCAT.endDate, Literal(day, datatype=XSD.date))
    f.attest(iri, ev)
