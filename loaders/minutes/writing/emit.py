"""Writing facts with their evidence: every triple the minutes loader asserts is qualified.

A link S P O (an IRI object) gets `S prov:qualifiedInfluence E` with E naming P and O; a value
(a literal, such as a date or a title) gets `S pv:attestedBy E` with E naming P. Either way E gives
the source document, the lines and the quote, and the quote is checked against those lines before
anything is written.
"""

from __future__ import annotations

import hashlib
from functools import cached_property

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import FOAF, PROV, RDF, SKOS, XSD

from proveniens.loaders.evidence import Assertion, Evidence, evidence_to_rdf, mint_evidence_iri, verify_quote
from proveniens.loaders.evidence import normalise as normalise_ws
from proveniens.loaders.knowledge import knowledge
from proveniens.loaders.knowledge.entities import Body, BodyKind, PersonRef, spelling_variant
from proveniens.loaders.sources import SourceFile
from proveniens.namespaces import INST, ORG, PV

LOADER_TAG = "minutes"


class Emitter:
    """The graph of one document being filled, and where each subject came from."""

    def __init__(self, source: SourceFile) -> None:
        self.source = source
        self.graph = Graph(store="SimpleMemory")  # no contexts: cheaper adds
        self._asserted: set[tuple[URIRef, URIRef, URIRef | Literal]] = set()
        self.origins: dict[URIRef, int] = {}
        self._bodies: set[URIRef] = set()
        self._people: set[URIRef] = set()
        self._evidence_nodes: set[URIRef] = set()

    def add(self, triple: tuple[URIRef, URIRef, URIRef | Literal]) -> None:
        """Add a triple once: the same fact is often asserted again (a type, a repeated name), and a set
        answers that for a fraction of what rdflib's indexes cost per add."""
        if triple not in self._asserted:
            self._asserted.add(triple)
            self.graph.add(triple)

    # -- evidence -------------------------------------------------------------------------------

    def narrow(self, start: int, end: int, needle: str) -> tuple[int, int]:
        """The first line (or first two lines) in start..end whose text holds `needle`; start..end otherwise."""
        want = normalise_ws(needle)
        for no in range(start, end + 1):
            for last in (no, min(no + 1, end)):
                if want in self.text_of(no, last):
                    return no, last
        return start, end

    @cached_property
    def _collapsed(self) -> list[str]:
        """Each line of the source, whitespace collapsed: done once, as narrowing and checking quotes ask for
        the same lines again and again (4 MB of joined lines per MB of minutes)."""
        return [normalise_ws(line) for line in self.source.lines]

    def text_of(self, start: int, end: int) -> str:
        """normalise_ws(" ".join(lines start..end)): the collapsed lines joined, leaving out blank ones."""
        return " ".join(line for line in self._collapsed[start - 1 : end] if line)

    def quote_of(self, start: int, end: int, limit: int = 240) -> str:
        """The text of lines start..end, whitespace collapsed, cut at a word boundary after `limit` characters."""
        text = self.text_of(start, end)
        return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0]

    def _evidence(
        self, subject: URIRef, prop: URIRef | None, obj: URIRef | None, start: int, end: int, quote: str,
        assertion: Assertion, note: str | None,
    ) -> URIRef:  # fmt: skip
        ev = Evidence(self.source, start, end, quote, assertion, note)
        verify_quote(ev, str(self.source.path), start, self.text_of(start, end))
        base = mint_evidence_iri(subject, prop, obj, ev)
        key = f"{base}|{normalise_ws(quote)}|{LOADER_TAG}"
        node = INST["evidence/" + hashlib.sha256(key.encode()).hexdigest()[:16]]
        if node not in self._evidence_nodes:  # only here are evidence nodes typed: a set, not a graph look-up
            self._evidence_nodes.add(node)
            link = (prop, obj, False) if obj is not None and prop is not None else None
            evidence_to_rdf(self.graph, node, ev, self.source.iri, link)
            if link is None and prop is not None:
                self.graph.add((node, PV.linkProperty, prop))
        self.origins.setdefault(node, start)
        return node

    def link(
        self, s: URIRef, p: URIRef, o: URIRef, start: int, end: int, quote: str | None = None,
        stated: bool = True, note: str | None = None,
    ) -> None:  # fmt: skip
        """Assert S P O with evidence at lines start..end (the quote defaults to the lines' text)."""
        self.add((s, p, o))
        assertion = Assertion.STATED if stated else Assertion.INFERRED
        node = self._evidence(s, p, o, start, end, quote or self.quote_of(start, end), assertion, note)
        self.add((s, PROV.qualifiedInfluence, node))
        self.origins.setdefault(s, start)

    def attest(
        self, s: URIRef, p: URIRef, value: Literal, start: int, end: int, quote: str | None = None,
        stated: bool = True, note: str | None = None,
    ) -> None:  # fmt: skip
        """Assert S P "value" with evidence at lines start..end: a record of one fact, about P."""
        self.record(s, [(p, value)], start, end, quote, stated, note, about=p)

    def record(
        self, s: URIRef, facts: list[tuple[URIRef, URIRef | Literal]], start: int, end: int, quote: str | None = None,
        stated: bool = True, note: str | None = None, about: URIRef | None = None,
    ) -> None:  # fmt: skip
        """Assert several facts about S that the same lines support, with one piece of evidence.

        `about` is the property the evidence is mainly for (its pv:linkProperty), if any.
        """
        for p, o in facts:
            self.add((s, p, o))
        assertion = Assertion.STATED if stated else Assertion.INFERRED
        node = self._evidence(s, about, None, start, end, quote or self.quote_of(start, end), assertion, note)
        self.add((s, PV.attestedBy, node))
        self.origins.setdefault(s, start)

    def typed(self, s: URIRef, *classes: URIRef) -> None:
        for c in classes:
            self.add((s, RDF.type, c))

    # -- people and bodies ----------------------------------------------------------------------

    def body(self, body: Body, written: str, start: int, end: int) -> URIRef:
        """Describe a body named at lines start..end as `written`: type, preferred name, this spelling."""
        iri = body.iri
        start, end = self.narrow(start, end, written)
        if iri not in self._bodies:
            self._bodies.add(iri)
            self.typed(iri, body.kind.value)
            same = normalise_ws(written).casefold() == normalise_ws(body.name).casefold()
            known = knowledge().knows(body)
            note = None if same else f"Preferred name from {'the knowledge files' if known else 'the header'}; written"
            note = note and f"{note} '{written}' here."
            # A body the table does not know may be named differently by other documents: its name is a plain
            # literal then, so two documents never give it two Swedish preferred names (SKOS S14, the shapes).
            label = Literal(body.name, lang="sv") if known else Literal(body.name)
            self.attest(iri, SKOS.prefLabel, label, start, end, written, same, note)
            if body.kind is BodyKind.UNIT and body.parent:
                parent = INST["org/" + body.parent]
                self.link(iri, ORG.subOrganizationOf, parent, start, end, written, False, "From the knowledge files.")
        variant = spelling_variant(body, written)
        if variant and (iri, SKOS.altLabel, Literal(variant)) not in self._asserted:
            self.attest(iri, SKOS.altLabel, Literal(variant), start, end, written)
        return iri

    def person(self, ref: PersonRef, start: int, end: int, note: str | None) -> URIRef:
        """Describe a person written as `ref.written` at lines start..end."""
        iri = ref.iri
        start, end = self.narrow(start, end, ref.written)
        if iri not in self._people:
            self._people.add(iri)
            self.typed(iri, FOAF.Person)
            self.attest(iri, FOAF.name, Literal(ref.name), start, end, ref.written, not ref.is_variant, note)
        if ref.is_variant and (iri, SKOS.altLabel, Literal(ref.written)) not in self._asserted:
            self.attest(iri, SKOS.altLabel, Literal(ref.written), start, end, ref.written, True, note)
        return iri


def xsd_time(value: object) -> Literal:
    return Literal(f"{value:%H:%M:%S}", datatype=XSD.time)


def xsd_date(value: object) -> Literal:
    return Literal(f"{value:%Y-%m-%d}", datatype=XSD.date)
