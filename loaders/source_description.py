"""What a source document is, stated on the source itself: its title, issuer and date.

A kind loader reads a document into the resource the document is — a report, a remiss response,
the meeting whose minutes it holds. Evidence cites the *source* (the file), and a reader of the graph
or of a page wants that source by what it is, not by its file name. So the source document gets the
document's title (`dcterms:title`), issuer (`dcterms:publisher`: the report's or response's creator,
the meeting's body) and date (`dcterms:date`, or `pv:earliestDate`/`pv:latestDate` when only a
range is known) — copies of facts the loader attested in the same graph, so no evidence of their own.
A text whose kind loader finds none of them can be described by a curated file (the source's IRI
with the same properties, with evidence like any curated fact).
"""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from proveniens.namespaces import PV

_TITLES = (DCTERMS.title, RDFS.label)
_DAYS = (DCTERMS.date, DCTERMS.issued)
_RANGE = (PV.earliestDate, PV.latestDate, PV.dateReasoning)


def main_document(graph: Graph) -> URIRef | None:
    """The resource a kind loader read the document into: the report, the remiss response, or the meeting
    whose agenda items the minutes list (the first by IRI when there are several)."""
    for kind in (PV.RemissResponse, PV.Report):  # a response may name the report it answers
        if found := sorted(s for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef)):
            return found[0]
    meetings = {m for m in graph.objects(None, PV.meeting) if (m, RDF.type, PV.Meeting) in graph}
    return sorted(m for m in meetings if isinstance(m, URIRef))[0] if meetings else None


def describe_source(graph: Graph, source: URIRef) -> None:
    """Add to `graph` the title, issuer and date of the document it holds, on `source`."""
    document = main_document(graph)
    if document is None:
        return
    for prop in _TITLES:
        titles = list(graph.objects(document, prop))
        if titles:
            for title in titles:
                graph.add((source, DCTERMS.title, title))
            break
    issuer = graph.value(document, DCTERMS.creator) or graph.value(document, PV.body)
    if issuer is not None:
        graph.add((source, DCTERMS.publisher, issuer))
    day = next((d for d in (graph.value(document, p) for p in _DAYS) if d is not None), None)
    if day is not None:  # a day, or else the whole range with its reasoning (shapes: DatingShape)
        graph.add((source, DCTERMS.date, day))
    elif all(graph.value(document, p) is not None for p in _RANGE):
        for prop in _RANGE:
            graph.add((source, prop, graph.value(document, prop)))
