"""The store's default graph as the union of its named graphs, each triple once (SPARQL's RDF merge).

The union default graph of pyoxigraph (`use_default_graph_as_union`) and of Oxigraph server
(`union-default-graph`) is a bag: a triple two named graphs hold is answered twice (the corpus:
`COUNT(*)` 17,238 against 16,966 distinct triples). So the union is written into the store's own
default graph when a build or an update is published: a query without FROM reads it as any SPARQL
1.1 server reads a default graph, with no option; FROM, FROM NAMED and GRAPH are untouched.

It costs a second copy of every distinct triple (on the 1M bench store 41 % more disk, written whole
in 30-47 s on disk, `bench/union_graph.py`); an incremental build updates only the triples that may
have entered or left the union, as VoID's numbers are updated (`statistics_delta`): 0.2 s at 1M.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from proveniens.graph_delta import Triple, read_triples

DEFAULT = ox.DefaultGraph()


def write_union(store: ox.Store) -> None:
    """Replace the default graph of `store` by the union of its named graphs.

    The terms are copied as the store holds them: a dump read back would give blank nodes new names."""
    store.clear_graph(DEFAULT)
    for graph in list(store.named_graphs()):
        store.bulk_extend(
            ox.Quad(q.subject, q.predicate, q.object, DEFAULT) for q in store.quads_for_pattern(None, None, None, graph)
        )


def update_union(store: ox.Store, candidates: Iterable[Triple]) -> None:
    """Bring the default graph up to date for `candidates`, triples that may have entered or left the union."""
    for subject, predicate, obj in set(candidates):
        held = any(isinstance(q.graph_name, ox.NamedNode) for q in store.quads_for_pattern(subject, predicate, obj))
        quad = ox.Quad(subject, predicate, obj, DEFAULT)
        if held:
            store.add(quad)
        else:
            store.remove(quad)


def _holds_union(store: ox.Store) -> bool:
    return any(True for _ in store.quads_for_pattern(None, None, None, DEFAULT))


def keep_union(
    store: ox.Store,
    previous: ox.Store | None = None,
    changed: Iterable[Triple] | None = None,
    rewritten: Iterable[str] = (),
) -> None:
    """The default graph of a build: updated when the build started from `previous` and knows what its named
    graphs gained or lost (`changed`, but the graphs it wrote whole, `rewritten`, which are compared here), else
    written whole; whole too when the build it started from had no union (one built before there was one)."""
    if previous is None or changed is None or not _holds_union(store):
        write_union(store)
        return
    before, after = read_triples(previous, rewritten), read_triples(store, rewritten)
    if before is None or after is None:
        write_union(store)
        return
    update_union(store, {*changed, *(before ^ after)})
