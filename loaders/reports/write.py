"""Writing what report_general reads: the report, its issuer, number, date, citations, dated events and findings.

Every fact carries evidence at the lines it was read from. A report whose issuer the text does not
name is not typed pv:Report (a report must have a creator); its citations and events are then
stated by the source document itself, which is what the text supports.
"""

from __future__ import annotations

import datetime as dt
import re

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS, XSD

from proveniens.loaders.citations.find import Citation, CitationKind
from proveniens.loaders.evidence import Assertion, normalise
from proveniens.loaders.facts import Facts
from proveniens.loaders.knowledge import Body, knowledge, slugify
from proveniens.loaders.knowledge.kinds import issuer_kind
from proveniens.loaders.reports import general as parts
from proveniens.loaders.reports.findings import Finding, findings
from proveniens.loaders.signatures import write_signatures
from proveniens.loaders.text.dated import line_evidence, line_span, write_date
from proveniens.loaders.text.dates import DateMention
from proveniens.loaders.text.document_text import sentence_containing
from proveniens.loaders.text.prose import Span
from proveniens.namespaces import INST, PV

_EVIDENCE_PER_REFERENCE = 3
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


class GeneralReportWriter:
    def __init__(self, facts: Facts, text: str, cits: list[Citation]) -> None:
        self.facts = facts
        self.text = text  # layout-masked
        self.cits = cits

    def write(self) -> None:
        f = self.facts
        dated = parts.dating(self.text)
        own, cited = parts.numbers(self.text)
        named = parts.issuer(self.text)
        titled = parts.title(self.text, dated[1] if dated else None)
        key = (own[0] if own else None) or (titled[0] if titled else None) or f.source.path.stem
        if named is not None:
            report = INST[f"report/{slugify(named[0])}-{'-'.join(slugify(key).split('-')[:8])}"]
            f.add(report, RDF.type, PV.Report)
            creator = self.body(*named)
            f.link(report, DCTERMS.creator, creator, f.evidence(named[1].start, named[1].end))
            write_signatures(f, self.text, creator, named[0])
            if titled is not None:
                f.add(report, DCTERMS.title, Literal(titled[0], lang="sv"))
                f.attest(report, f.evidence(titled[1].start, titled[1].end))
            else:
                f.add(report, DCTERMS.title, Literal(key, lang="sv"))
        else:
            report = f.source.iri
        if own is not None and named is not None:
            f.add(report, DCTERMS.identifier, Literal(own[0]))
            f.attest(report, f.evidence(*self.sentence(own[1])))
        if dated is not None and named is not None:
            write_date(f, report, dated[0], line_evidence(f, self.text, dated[1]))
        elif own is not None and named is not None and (year := _YEAR.search(own[0])):
            self.year_of_number(report, own[0], int(year[0]), own[1])
        for number, span in cited:
            self.series_reference(report, number, span)
        self.references(report)
        self.events(report, line_span(self.text, dated[1]) if dated else None)
        self.places(report)

    def year_of_number(self, report: URIRef, number: str, year: int, where: Span) -> None:
        """A report that states no date of its own lies in the year its number holds ('RiR 2021:12'):
        a range, never a day."""
        f = self.facts
        mention = DateMention(
            dt.date(year, 1, 1), dt.date(year, 12, 31), number, where.start, where.end, inferred=True,
            reasoning_sv=f"Rapporten anger inget datum; dess nummer {number} anger året {year}.",
            reasoning_en=f"The report states no date; its number {number} gives the year {year}.",
        )  # fmt: skip
        note = f"The year in the report's number {number}."
        write_date(f, report, mention, f.evidence(where.start, where.end, Assertion.INFERRED, note))

    def body(self, name: str, where: Span) -> URIRef:
        """The issuer; a body the curated data knows keeps its IRI, any other is minted with evidence."""
        f = self.facts
        known = knowledge().body(name)
        iri = known.iri if known else INST[f"org/{slugify(name)}"]
        f.add(iri, RDF.type, (known.kind if known else issuer_kind(name)).value)
        f.add(iri, SKOS.prefLabel, Literal(known.name if known else name, lang="sv"))
        if known and known.name != name:
            f.add(iri, SKOS.altLabel, Literal(name, lang="sv"))
        f.attest(iri, f.evidence(where.start, where.end))
        return iri

    def sentence(self, span: Span) -> tuple[int, int]:
        s = sentence_containing(self.text, span.start, span.end)
        return s.start, max(s.end, span.end)

    def series_reference(self, report: URIRef, number: str, span: Span) -> None:
        """Another report of a series ('PM 2021:1') that this one cites."""
        f = self.facts
        iri = INST[f"publication/{slugify(number)}"]
        f.add(iri, RDF.type, PROV.Entity)
        f.add(iri, DCTERMS.identifier, Literal(number))
        ev = f.evidence(*self.sentence(span))
        f.attest(iri, ev)
        f.link(report, DCTERMS.references, iri, ev)

    def references(self, report: URIRef) -> None:
        f = self.facts
        seen: dict[URIRef, int] = {}
        for c in self.cits:
            if c.kind not in parts.REFERENCED or c.iri is None or seen.get(c.iri, 0) >= _EVIDENCE_PER_REFERENCE:
                continue
            seen[c.iri] = seen.get(c.iri, 0) + 1
            f.link(report, DCTERMS.references, c.iri, f.evidence(*self.sentence(Span(c.start, c.end))))
            if c.kind in (CitationKind.SOU, CitationKind.PROP, CitationKind.DIR, CitationKind.DS):
                f.add(c.iri, DCTERMS.identifier, Literal(c.identifier))

    def events(self, report: URIRef, skip: Span | None) -> None:
        """Dated sentences as pv:Event, each about the documents its sentence cites."""
        f = self.facts
        base = slugify(str(report).rsplit("/", 1)[-1])[:60]
        for n, event in enumerate(parts.dated_events(self.text, self.cits, skip), start=1):
            iri = INST[f"event/{base}-{n}"]
            sentence = event.span.words(self.text)
            when = event.mention
            f.add(iri, RDF.type, PV.Event)
            f.add(iri, SKOS.prefLabel, Literal(_label(sentence), lang="sv"))
            f.add(iri, DCTERMS.description, Literal(sentence, lang="sv"))
            f.add(iri, DCTERMS.description, Literal(f"An event the document dates “{when.text}”.", lang="en"))
            write_date(f, iri, when, f.evidence(event.span.start, event.span.end))
            for c in event.cited:
                f.add(iri, DCTERMS.subject, c.iri)  # type: ignore[arg-type]


    def places(self, report: URIRef) -> None:
        write_places(self.facts, report, self.text, self.cits)


def write_places(f: Facts, report: URIRef, text: str, cits: list[Citation]) -> None:
    """The regions and municipalities a report speaks of: each as its subject (with a few of the sentences that
    name it), and every sentence about them as a pv:Finding with its quote, places and figures."""
    found = findings(text, cits)
    said: dict[URIRef, int] = {}
    for finding in found:
        for body in finding.places:
            _describe_place(f, body)
            if said.get(body.iri, 0) < _EVIDENCE_PER_REFERENCE:
                said[body.iri] = said.get(body.iri, 0) + 1
                f.link(report, DCTERMS.subject, body.iri, f.evidence(finding.span.start, finding.span.end))
    base = slugify(str(report).rsplit("/", 1)[-1])[:60]
    for n, finding in enumerate(found, start=1):
        _write_finding(f, report, INST[f"finding/{base}/{n}"], finding)


def _describe_place(f: Facts, body: Body) -> None:
    """A known region or municipality as the knowledge files describe it (a municipality with its region), so
    that the report's graph holds what the shapes ask of it in a build whose sources lack those files."""
    region = knowledge().region_of(body)
    for place in (body, region) if region is not None and region != body else (body,):
        f.add(place.iri, RDF.type, place.kind.value)
        f.add(place.iri, SKOS.prefLabel, Literal(place.name, lang="sv"))
    if region is not None and region != body:
        f.add(body.iri, PV.region, region.iri)


def _write_finding(f: Facts, report: URIRef, iri: URIRef, finding: Finding) -> None:
    ev = f.evidence(finding.span.start, finding.span.end)
    f.add(iri, RDF.type, PV.Finding)
    f.add(report, PV.finding, iri)
    f.add(iri, PV.quote, Literal(normalise(ev.quote)))
    for body in finding.places:  # the sentence's evidence, once per place it names (no second copy for the quote)
        f.link(iri, PV.concerns, body.iri, ev)
    for k, figure in enumerate(finding.figures, start=1):
        node = URIRef(f"{iri}/figure/{k}")
        at = f.evidence(figure.span.start, figure.span.end)
        f.add(iri, PV.figure, node)
        f.add(node, RDF.type, PV.Figure)
        f.add(node, RDF.value, Literal(figure.value, datatype=XSD.decimal))
        f.add(node, PV.counts, Literal(figure.counts, lang="sv"))
        f.add(node, PV.quote, Literal(normalise(at.quote)))
        if figure.whole is not None:
            f.add(node, PV.outOf, Literal(figure.whole, datatype=XSD.integer))
        if figure.percent:
            f.add(node, PV.unit, Literal("procent", lang="sv"))
        f.attest(node, at)


def _label(sentence: str) -> str:
    words = sentence.split()
    return " ".join(words[:14]) + (" …" if len(words) > 14 else "")
