"""VoID's numbers counted where the data is: aggregate queries on the build's candidate store.

Reading a million triples back into rdflib to count them cost minutes and gigabytes; the same
numbers are a few grouped scans of the store's own indexes (`queries/candidate/*_statistics.rq`,
`*_partitions.rq`). They equal `Counts.of` over the same graphs (tests/linked_data/test_store_description.py):
the store's graphs hold no blank node but what an RDF source brought, and such a node counts as the
entity its skolem IRI would be.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import URIRef

from proveniens.dataset_description import VOID_GRAPH, Counts, Statistics
from proveniens.namespaces import BASE
from proveniens.store import build_query

_EMPTY = Statistics(0, 0, 0, 0, 0, 0)


def _rows(store: ox.Store, name: str) -> ox.QuerySolutions:
    # The queries name the URI space as `<>`, the base IRI.
    return store.query(build_query(name), base_iri=BASE)  # type: ignore[return-value]  # all are SELECTs


def _number(row: ox.QuerySolution, column: str) -> int:
    value = row[column]
    return 0 if value is None else int(value.value)


def _statistics(row: ox.QuerySolution, triples: int, properties: int) -> Statistics:
    return Statistics(
        triples=triples,
        subjects=_number(row, "subjects"),
        objects=_number(row, "objects"),
        properties=properties,
        classes=_number(row, "classes"),
        entities=_number(row, "entities"),
    )


def store_counts(store: ox.Store, graphs: Iterable[URIRef]) -> Counts:
    """The description's numbers for `graphs` and for the union of every named graph in `store`.

    Call it with no `VOID_GRAPH` in the store: the description does not count itself. A graph the
    store holds no triple of counts zero, as an empty rdflib graph would."""
    per_graph = {
        URIRef(row["graph"].value): _statistics(row, _number(row, "triples"), _number(row, "properties"))
        for row in _rows(store, "graph_statistics.rq")
    }
    properties = {
        URIRef(row["property"].value): _number(row, "triples") for row in _rows(store, "property_partitions.rq")
    }
    classes = {URIRef(row["class"].value): _number(row, "entities") for row in _rows(store, "class_partitions.rq")}
    union = next(iter(_rows(store, "union_statistics.rq")))
    return Counts(
        _statistics(union, sum(properties.values()), len(properties)),
        {name: per_graph.get(name, _EMPTY) for name in sorted(set(graphs)) if name != VOID_GRAPH},
        classes,
        properties,
    )
