"""VoID's numbers counted where the data is: aggregate queries on the build's candidate store.

Reading a million triples back into rdflib to count them cost minutes and gigabytes; the same
numbers are a few grouped scans of the store's own indexes (`queries/candidate/*_statistics.rq`,
`*_partitions.rq`). They equal `Counts.of` over the same graphs (tests/linked_data/test_store_description.py)
but for blank nodes, which only RDF sources bring: each counts as one node, the entity its skolem IRI
would be, where `Counts.of` merges the first blank node of every graph into one (`skolemize` names
them `genid/cb0`, `cb1` … graph by graph). An incremental build takes the numbers of the graphs it kept from the
previous description (`described_statistics`) and counts only the others and the union.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pyoxigraph as ox
from rdflib import URIRef

from proveniens.derived.dataset_description import VOID_GRAPH, Counts, Statistics
from proveniens.derived.statistics_delta import Described
from proveniens.namespaces import BASE
from proveniens.storage.store import build_query

_EMPTY = Statistics(0, 0, 0, 0, 0, 0)


def _rows(store: ox.Store, name: str, graphs: list[ox.NamedNode] | None = None) -> ox.QuerySolutions:
    """The rows of a SELECT query of queries/candidate/ over `graphs` (all when None); it names the URI space `<>`."""
    return store.query(build_query(name), base_iri=BASE, named_graphs=graphs)  # type: ignore[return-value]


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


def _per_graph(rows: ox.QuerySolutions) -> dict[URIRef, Statistics]:
    """Rows with graph_statistics.rq's columns, by graph."""
    return {
        URIRef(row["graph"].value): _statistics(row, _number(row, "triples"), _number(row, "properties"))
        for row in rows
    }


def described_statistics(store: ox.Store) -> dict[URIRef, Statistics]:
    """Each named graph's numbers as the description in `store` states them (none when it has none)."""
    rows = store.query(build_query("described_statistics.rq"), default_graph=ox.NamedNode(str(VOID_GRAPH)))
    return _per_graph(rows)  # type: ignore[arg-type]


def store_counts(
    store: ox.Store,
    graphs: Iterable[URIRef],
    known: Mapping[URIRef, Statistics] | None = None,
    union: Described | None = None,
) -> Counts:
    """The description's numbers for `graphs` and for the union of every named graph in `store`.

    The numbers of a graph in `known` are taken as they are (an incremental build's kept graphs,
    from the previous description), so only the others are counted; the union's distinct counts
    need every graph, unless `union` gives them (an incremental build's, `statistics_delta`). Call
    it with no `VOID_GRAPH` in the store: the description does not count itself. A graph the store
    holds no triple of counts zero, as an empty rdflib graph would."""
    known = known or {}
    wanted = sorted(set(graphs) - {VOID_GRAPH})
    unknown = [ox.NamedNode(str(name)) for name in wanted if name not in known]
    counted = _per_graph(_rows(store, "graph_statistics.rq", unknown if known else None))
    if union is not None:
        return Counts(
            union.dataset,
            {name: known[name] if name in known else counted.get(name, _EMPTY) for name in wanted},
            union.classes,
            union.properties,
        )
    properties = {
        URIRef(row["property"].value): _number(row, "triples") for row in _rows(store, "property_partitions.rq")
    }
    classes = {URIRef(row["class"].value): _number(row, "entities") for row in _rows(store, "class_partitions.rq")}
    union = next(iter(_rows(store, "union_statistics.rq")))
    return Counts(
        _statistics(union, sum(properties.values()), len(properties)),
        {name: known[name] if name in known else counted.get(name, _EMPTY) for name in wanted},
        classes,
        properties,
    )
