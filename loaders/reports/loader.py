"""Follow-up reports by a government agency on a government assignment (regeringsuppdrag).

Such a report names its authority and title in the running page header, says which assignment it
answers (with the registration number and the day it was given) and how the assignment was changed,
and cites the inquiries, reports, bills, laws, provisions and agreements its subject rests on. Every
cited document becomes a dcterms:references link with the sentence that cites it; where a sentence
says how cited documents relate (an inquiry delivered an SOU, a bill amended a law, a provision
entered into force, an agreement was signed or merged others), that is read too.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

from proveniens import __version__
from proveniens.loaders.citations.find import Citation, CitationKind
from proveniens.loaders.evidence import Assertion
from proveniens.loaders.facts import Facts
from proveniens.loaders.knowledge import knowledge, slugify
from proveniens.loaders.knowledge.entities import body_named
from proveniens.loaders.knowledge.kinds import issuer_kind
from proveniens.loaders.remiss.loader import minutes_claim, remiss_form
from proveniens.loaders.remiss.parts import views_heading
from proveniens.loaders.reports import general as report_general
from proveniens.loaders.reports import parts
from proveniens.loaders.reports.write import GeneralReportWriter, write_places
from proveniens.loaders.signatures import write_signatures
from proveniens.loaders.sources import SourceFile
from proveniens.loaders.text.document_text import document_text
from proveniens.loaders.text.prose import Span, sentence_at
from proveniens.namespaces import ELI, INST, PV, RPUBL

if TYPE_CHECKING:
    from proveniens.loaders.registry import LoadedDocument

_REFERENCED = {
    CitationKind.SOU, CitationKind.PROP, CitationKind.DIR, CitationKind.KOMMITTE, CitationKind.SFS,
    CitationKind.LAW, CitationKind.PROVISION, CitationKind.AGREEMENT,
}  # fmt: skip
_EVIDENCE_PER_REFERENCE = 3


@dataclass
class ReportLoader:
    """Loader for an agency's report on a government assignment."""

    name: str = "authority-report"
    version: str = __version__

    def recognise(self, source: SourceFile) -> bool:
        return self.form(source) is not None

    def form(self, source: SourceFile) -> str | None:
        """'assignment' (an agency's report on a government assignment, with its registration number),
        'general' (a report of any issuer), or None. A remiss response is never a report."""
        return None if minutes_claim(source) else report_form(source.text)

    def load(self, source: SourceFile) -> LoadedDocument:
        if self.form(source) == "assignment":
            out = _Reader(source, self.name).read()
            if any(out.graph.subjects(RDF.type, PV.Report)):
                return out  # else: it tells of an assignment, but not as the assignee's report on it
        facts = Facts(source, self.name)
        read = document_text(source.text)
        GeneralReportWriter(facts, read.masked, list(read.citations)).write()
        return facts.out


def _parties(words: str) -> list[str]:
    """The parties a signing sentence names ("tecknade regeringen och SKR en överenskommelse"): the
    bodies the knowledge files know, by their preferred names, in the order written."""
    known = knowledge()
    found = (known.body(m[0]) for m in known.body_pattern.finditer(words))
    return list(dict.fromkeys(b.name for b in found if b is not None))


@lru_cache(maxsize=4)
def report_form(text: str) -> str | None:
    """The form of report `text` is (see ReportLoader.form); asked by the registry and the loader, read once."""
    if views_heading(text) is not None or remiss_form(text) is not None:
        return None
    read = document_text(text)
    masked, cits = read.masked, list(read.citations)
    if parts.SELF_REFERENCE.search(text) and any(
        c.kind is CitationKind.DIARIENUMMER and parts.ASSIGNMENT.search(text[max(0, c.start - 80) : c.start])
        for c in cits
    ):
        return "assignment"
    return "general" if report_general.recognise(masked, cits) else None


class _Reader:
    def __init__(self, source: SourceFile, loader: str) -> None:
        self.text = source.text
        self.layout = document_text(self.text).layout
        self.masked = self.layout.masked
        self.facts = Facts(source, loader)
        self.cits = list(document_text(self.text).citations)

    def read(self) -> LoadedDocument:
        f = self.facts
        title, authority_name, header = parts.running_header(self.text, self.layout)
        main = parts.assignment(self.masked, self.cits)
        if main is None:
            return f.out
        authority_name = authority_name or self.assignee(main[0])
        if authority_name is None:
            return f.out
        authority = self.body(authority_name, parts.authority_in_body(self.masked, authority_name))
        report = INST[f"report/{slugify(authority_name)}-{slugify(title or main[0].identifier)}"]
        f.add(report, RDF.type, PV.Report)
        f.add(report, DCTERMS.title, Literal(title or f"Redovisning av uppdrag {main[0].identifier}", lang="sv"))
        if header is not None:
            f.attest(report, f.evidence(header.start, header.end))
        f.link(report, DCTERMS.creator, authority, f.evidence(*self.sentence(main[0])))
        write_signatures(f, self.masked, authority, authority_name)
        assignment = self.assignment(main, authority)
        f.link(report, PV.reportsOn, assignment, f.evidence(*self.sentence(main[0])))
        self.references(report)
        self.relations()
        write_places(f, report, self.masked, self.cits)
        return f.out

    # ----------------------------------------------------------------------------------- bodies
    def assignee(self, dnr: Citation) -> str | None:
        words = self.masked[max(0, dnr.start - 200) : dnr.start]
        m = re.search(r"([A-ZÅÄÖ][a-zåäö]+(?:styrelsen|verket|myndigheten|inspektionen|rådet))\s+fick", words)
        return m.group(1) if m else None

    def body(self, name: str, where: Span | None) -> URIRef:
        """A body by name; a body the shared table knows keeps its IRI and preferred label."""
        f = self.facts
        known = body_named(name)
        iri = known.iri if known else INST[f"org/{slugify(name)}"]
        f.add(iri, RDF.type, (known.kind if known else issuer_kind(name)).value)
        f.add(iri, SKOS.prefLabel, Literal(known.name if known else name, lang="sv"))
        if where is not None:
            f.attest(iri, f.evidence(where.start, where.end))
        return iri

    def sentence(self, c: Citation) -> tuple[int, int]:
        s = sentence_at(self.masked, c.start, c.end)
        return s.start, max(s.end, c.end)

    # ----------------------------------------------------------------------------------- assignment
    def assignment(self, main: tuple[Citation, parts.Dated], authority: URIRef) -> URIRef:
        f = self.facts
        dnr, dated = main
        iri = INST[f"assignment/{dnr.identifier}"]
        f.add(iri, RDF.type, PV.GovernmentAssignment)
        f.add(iri, DCTERMS.identifier, Literal(dnr.identifier))
        first = dated.spans[0]
        f.link(iri, PV.assignedTo, authority, f.evidence(first.start, first.end))
        if re.search(r"[Rr]egeringen", self.masked[first.start : first.end] + self.span_text(dated.spans)):
            f.link(iri, PV.assignedBy, self.body("Regeringen", None), f.evidence(first.start, first.end))
        if not self.date(iri, dated, DCTERMS.date):  # an assignment must be dated: its number gives the year
            year = re.search(r"(?:19|20)\d{2}", dnr.identifier)
            if year is not None:
                f.add(iri, PV.earliestDate, Literal(f"{year.group(0)}-01-01", datatype=XSD.date))
                f.add(iri, PV.latestDate, Literal(f"{year.group(0)}-12-31", datatype=XSD.date))
                reason = f"The report gives no date; the registration number {dnr.identifier} is from {year.group(0)}."
                f.add(iri, PV.dateReasoning, Literal(reason, lang="en"))
                f.attest(iri, f.evidence(*self.sentence(dnr), Assertion.INFERRED, reason))
        for amendment, when in parts.amendments(self.masked, self.cits, dnr):
            if when.day is None and when.month is None:
                continue
            a_iri = INST[f"assignment/{amendment.identifier}"] if amendment else URIRef(f"{iri}/amendment/{when.day}")
            f.add(a_iri, RDF.type, PV.AssignmentAmendment)
            if amendment is not None:
                f.add(a_iri, DCTERMS.identifier, Literal(amendment.identifier))
            span = when.spans[0]
            f.link(iri, PV.amendment, a_iri, f.evidence(span.start, span.end))
            self.date(a_iri, when, DCTERMS.date)
        return iri

    def span_text(self, spans: tuple[Span, ...]) -> str:
        return " ".join(self.masked[s.start : s.end] for s in spans)

    def date(self, iri: URIRef, dated: parts.Dated, prop: URIRef) -> bool:
        """Date `iri` by a stated day, else by the stated month as a range; False if neither is stated."""
        f = self.facts
        if dated.day is not None:
            f.add(iri, prop, Literal(dated.day.isoformat(), datatype=XSD.date))
        elif dated.month is not None:
            f.add(iri, PV.earliestDate, Literal(dated.month[0].isoformat(), datatype=XSD.date))
            f.add(iri, PV.latestDate, Literal(dated.month[1].isoformat(), datatype=XSD.date))
            f.add(iri, PV.dateReasoning, Literal("The report gives the month but not the day.", lang="en"))
        else:
            return False
        for span in dated.spans:
            f.attest(iri, f.evidence(span.start, span.end))
        return True

    # ----------------------------------------------------------------------------------- citations
    def references(self, report: URIRef) -> None:
        f = self.facts
        seen: dict[URIRef, int] = defaultdict(int)
        for c in self.cits:
            if c.kind not in _REFERENCED or c.iri is None:
                continue
            targets = [c.iri]
            if c.kind is CitationKind.PROVISION:
                targets.append(URIRef(str(c.iri).rsplit("/", 1)[0]))
            for target in targets:
                if seen[target] < _EVIDENCE_PER_REFERENCE:
                    seen[target] += 1
                    f.link(report, DCTERMS.references, target, f.evidence(*self.sentence(c)))
            if c.kind is CitationKind.PROVISION:
                self.provision(c)

    def provision(self, c: Citation) -> None:
        m = re.match(r"(?:(?P<chapter>\d+(?: [a-z])?) kap\. )?(?P<section>\d+(?: [a-z])?) §", c.identifier)
        if m is None:
            return
        law = URIRef(str(c.iri).rsplit("/", 1)[0])
        self.facts.add(c.iri, ELI.is_part_of, law)
        if m["chapter"]:
            self.facts.add(c.iri, PV.chapter, Literal(m["chapter"]))
        self.facts.add(c.iri, PV.section, Literal(m["section"]))

    def relations(self) -> None:
        f = self.facts
        text, cits = self.masked, self.cits
        for sou, inquiry, s in parts.inquiry_reports(text, cits):
            f.link(sou.iri, PV.inquiry, inquiry.iri, f.evidence(s.start, s.end))
        for law, bill, s in parts.bills_behind_laws(text, cits):
            f.link(law.iri, RPUBL.forarbete, bill.iri, f.evidence(s.start, s.end))
        for provision, day, s in parts.in_force(text, cits):
            f.add(provision.iri, ELI.first_date_entry_in_force, Literal(day.isoformat(), datatype=XSD.date))
            f.attest(provision.iri, f.evidence(s.start, s.end))
        signed, merged = parts.agreement_events(text, cits)
        for agreement, day, words, s in signed:
            f.add(agreement.iri, DCTERMS.dateAccepted, Literal(day.isoformat(), datatype=XSD.date))
            f.attest(agreement.iri, f.evidence(s.start, s.end))
            for party in _parties(words):
                f.link(agreement.iri, PV.party, self.body(party, None), f.evidence(s.start, s.end))
        for new, old, s in merged:
            f.link(new.iri, DCTERMS.replaces, old.iri, f.evidence(s.start, s.end))
        for c in cits:  # "överenskommelsen … 2019 (S2019/02858/FS)": the agreement's registration number
            if c.kind is CitationKind.DIARIENUMMER:
                before = next(
                    (a for a in reversed(cits) if a.end <= c.start and a.kind is CitationKind.AGREEMENT), None
                )
                if before is not None and before.iri and re.fullmatch(r"\s*\(", text[before.end : c.start]):
                    f.add(before.iri, DCTERMS.identifier, Literal(c.identifier))
                    f.attest(before.iri, f.evidence(before.start, c.end + 1))
