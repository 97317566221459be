"""Evidence for a link: which source, which lines, the exact quote, stated or inferred.

A curated fact is only as good as its quote, so quotes are checked against the cited lines
(whitespace-normalised) before anything is emitted.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from proveniens.errors import EvidenceError
from proveniens.loaders.sources import SourceFile
from proveniens.namespaces import INST, PV


class Assertion(Enum):
    """Whether the source itself states the fact or a curator concluded it."""

    STATED = "stated"
    INFERRED = "inferred"

    @property
    def iri(self) -> URIRef:
        return PV["Stated"] if self is Assertion.STATED else PV["Inferred"]


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence: lines `start`..`end` (1-based, inclusive) of `source` contain `quote`."""

    source: SourceFile
    start: int
    end: int
    quote: str
    assertion: Assertion
    note: str | None = None


def normalise(text: str) -> str:
    """Collapse every run of whitespace to one space, so quotes survive PDF line breaks."""
    return " ".join(text.split())


def verify_quote(evidence: Evidence, cited_in: str, line: int, cited: str | None = None) -> None:
    """Raise EvidenceError (naming the curated file and line) unless the quote is at the cited lines.

    `cited`: the cited lines already normalised, from a caller that keeps its source's lines so."""
    src = evidence.source
    if not 1 <= evidence.start <= evidence.end <= len(src.lines):
        raise EvidenceError(
            cited_in,
            line,
            f"cites lines {evidence.start}-{evidence.end} of {src.name}, which has {len(src.lines)} lines.",
            "Give 1-based, inclusive line numbers within the file.",
        )
    if cited is None:
        cited = normalise(" ".join(src.lines[evidence.start - 1 : evidence.end]))
    quote = normalise(evidence.quote)
    if not quote:
        raise EvidenceError(cited_in, line, "has an empty quote.", "Quote the words that support the fact.")
    if quote not in cited:
        raise EvidenceError(
            cited_in,
            line,
            f"quote {evidence.quote!r} is not found in {src.name} lines {evidence.start}-{evidence.end}, "
            f"which read {cited!r}.",
            "Copy the quote verbatim (hyphenation as printed) or correct the line numbers.",
        )


def mint_evidence_iri(subject: URIRef, prop: URIRef | None, obj: URIRef | None, ev: Evidence) -> URIRef:
    """A stable IRI from what the evidence is about, so rebuilding gives the same triples."""
    key = "|".join(str(x) for x in (subject, prop, obj, ev.source.name, ev.start, ev.end))
    return INST["evidence/" + hashlib.sha256(key.encode()).hexdigest()[:16]]


def evidence_to_rdf(
    graph: Graph,
    node: URIRef,
    ev: Evidence,
    recorded_in: URIRef,
    link: tuple[URIRef, URIRef, bool] | None = None,
) -> None:
    """Describe one evidence node; `link` is (property, object, is_derivation) when it qualifies a link."""
    graph.add((node, RDF.type, _EVIDENCE))
    graph.add((node, PROV.hadPrimarySource, ev.source.iri))
    graph.add((node, _QUOTE, Literal(normalise(ev.quote))))
    graph.add((node, _LINE_START, line_number(ev.start)))
    graph.add((node, _LINE_END, line_number(ev.end)))
    graph.add((node, _ASSERTION, ev.assertion.iri))
    graph.add((node, _RECORDED_IN, recorded_in))
    if ev.note:
        graph.add((node, _CURATOR_NOTE, Literal(ev.note)))
    if link is not None:
        prop, obj, is_derivation = link
        graph.add((node, _LINK_PROPERTY, prop))
        if is_derivation:
            graph.add((node, RDF.type, PROV.Derivation))
            graph.add((node, PROV.entity, obj))
        else:
            graph.add((node, RDF.type, PROV.Influence))
            graph.add((node, PROV.influencer, obj))


# The terms every evidence node uses, made once: a namespace makes a new URIRef on every look-up.
_EVIDENCE, _QUOTE, _LINE_START, _LINE_END = PV.Evidence, PV.quote, PV.lineStart, PV.lineEnd
_ASSERTION, _RECORDED_IN, _CURATOR_NOTE, _LINK_PROPERTY = PV.assertion, PV.recordedIn, PV.curatorNote, PV.linkProperty


@lru_cache(maxsize=4096)
def line_number(n: int) -> Literal:
    """`n` as an xsd:positiveInteger literal, made once per number while it is in use (a literal checks its
    value when made; an evidence node's start and end are often the same line, and nearby nodes share lines)."""
    return Literal(n, datatype=XSD.positiveInteger)
