"""Writing facts read from a document, each with evidence at the lines it was read from.

Kind loaders find facts by character offsets in the text; `Facts` turns offsets into 1-based
line spans and an exact quote, checks the quote against those lines (as curated evidence is
checked), and writes the fact with its PROV-qualified evidence.
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV
from rdflib.term import Node

from proveniens.loaders.curated import DERIVATIONS
from proveniens.loaders.evidence import (
    Assertion,
    Evidence,
    evidence_to_rdf,
    mint_evidence_iri,
    normalise,
    verify_quote,
)
from proveniens.loaders.sources import SourceFile
from proveniens.namespaces import INST, PV

if TYPE_CHECKING:
    from proveniens.loaders.registry import LoadedDocument

_MAX_QUOTE = 600


class Facts:
    """The graph being filled for one source and where each subject came from."""

    def __init__(self, source: SourceFile, loader: str) -> None:
        self.source = source
        self.loader = loader
        from proveniens.loaders.registry import LoadedDocument  # the registry imports the kind loaders

        self.out: LoadedDocument = LoadedDocument(Graph(store="SimpleMemory"))  # no contexts: cheaper adds

    @property
    def graph(self) -> Graph:
        return self.out.graph

    def evidence(
        self, start: int, end: int, assertion: Assertion = Assertion.STATED, note: str | None = None
    ) -> Evidence:
        """Evidence for `text[start:end]`: its lines and its words as written (long spans are cut)."""
        text = self.source.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start > _MAX_QUOTE:
            cut = text.rfind(" ", start, start + _MAX_QUOTE)
            end = cut if cut > start else start + _MAX_QUOTE
        ev = Evidence(
            self.source,
            self.source.line_at(start),
            self.source.line_at(max(start, end - 1)),
            text[start:end],
            assertion,
            note,
        )
        verify_quote(ev, f"{self.loader} loader", ev.start)
        return ev

    def add(self, s: Node, p: URIRef, o: Node, line: int | None = None) -> None:
        self.graph.add((s, p, o))
        if isinstance(s, URIRef) and line is not None:
            self.out.origins.setdefault(s, line)

    def attest(self, subject: URIRef, ev: Evidence) -> None:
        """`subject` (its type, title, dates) is attested by `ev`."""
        node = self._mint(subject, None, None, ev)
        self.graph.add((subject, _ATTESTED_BY, node))
        evidence_to_rdf(self.graph, node, ev, self.source.iri)
        self.out.origins.setdefault(subject, ev.start)
        self.out.origins.setdefault(node, ev.start)

    def link(self, s: URIRef, p: URIRef, o: URIRef, ev: Evidence) -> None:
        """The interpretive link `s p o`, asserted and qualified by `ev`."""
        is_derivation = p in DERIVATIONS
        self.graph.add((s, p, o))
        if is_derivation:
            self.graph.add((s, PROV.wasDerivedFrom, o))
        node = self._mint(s, p, o, ev)
        self.graph.add((s, PROV.qualifiedDerivation if is_derivation else PROV.qualifiedInfluence, node))
        evidence_to_rdf(self.graph, node, ev, self.source.iri, (p, o, is_derivation))
        self.out.origins.setdefault(s, ev.start)
        self.out.origins.setdefault(node, ev.start)

    def _mint(self, s: URIRef, p: URIRef | None, o: URIRef | None, ev: Evidence) -> URIRef:
        """Like mint_evidence_iri, but the loader and quote are part of the key, so a loader's evidence
        never merges with a curator's evidence for the same link at the same lines."""
        base = mint_evidence_iri(s, p, o, ev)
        key = f"{base}|{self.loader}|{normalise(ev.quote)}|{ev.assertion.value}|{ev.note}"
        return INST["evidence/" + hashlib.sha256(key.encode()).hexdigest()[:16]]

    def literal(self, s: URIRef, p: URIRef, value: Literal) -> None:
        self.graph.add((s, p, value))


_ATTESTED_BY = PV.attestedBy
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9•–])|\n\s*\n\s*(?=[A-ZÅÄÖ•])")


def sentence_around(text: str, start: int, end: int, limit: int = 300) -> tuple[int, int]:
    """The sentence holding `text[start:end]` (cut to about `limit` characters around it)."""
    lo = max(0, start - limit)
    hi = min(len(text), end + limit)
    left = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        left = m.end()
    right = hi
    m = _SENTENCE_END.search(text, end, hi)
    if m:
        right = m.start()
    return left, right


def one_line(text: str) -> str:
    return normalise(text)
