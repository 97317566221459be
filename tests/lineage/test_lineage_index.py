"""The lineage index gives exactly what the property-path queries gave, on the corpus and on a bench graph.

`paths/*.rq` are `queries/lineage.rq`, `lineage_context.rq` and `impact.rq` as they were before the
index (walking `(pv:follows|…)*` at query time); the named queries now read `graph/lineage`. For every
start that has a lineage, a context or an impact, both must return the same rows.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from proveniens.derived.lineage_index import (
    IMPACT_LINKS,
    LINEAGE_GRAPH,
    LINEAGE_LINKS,
    NOT_INDEXED,
    index_store,
    transitive,
    update_index,
)
from proveniens.derived.union_graph import write_union
from proveniens.graph_delta import GraphDelta
from proveniens.named_queries import named_queries
from proveniens.namespaces import PV

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
QUERIES = ("lineage", "lineage_context", "impact")
BENCH_QUADS = 6_000


def _rows(store: ox.Store, text: str, start: str | None = None) -> set[tuple[str | None, ...]]:
    """The rows of a query, for one start or (None) for every start at once."""
    bound = {ox.Variable("start"): ox.NamedNode(start)} if start else None
    solutions = store.query(text, substitutions=bound)  # the default graph is the union, as a build writes it
    names = [v.value for v in solutions.variables]
    return {tuple(None if row[n] is None else str(row[n]) for n in names) for row in solutions}


def _linked(store: ox.Store) -> set[str]:
    """Every IRI at either end of a link lineage or impact follows, in the data graphs (not the build's own)."""
    found = set()
    for link in {*LINEAGE_LINKS, *IMPACT_LINKS, PV.concerns}:
        for quad in store.quads_for_pattern(None, ox.NamedNode(str(link)), None):
            graph = quad.graph_name
            if not isinstance(graph, ox.NamedNode) or graph.value in NOT_INDEXED:
                continue  # the default graph repeats the named graphs, the build's own among them
            found.update(t.value for t in (quad.subject, quad.object) if isinstance(t, ox.NamedNode))
    return found


def _compare(store: ox.Store) -> dict[str, int]:
    """Per query, how many starts have rows; fails at the first start where index and paths differ.

    The path queries run once for every start at once (fast at this size); the named queries run per
    start, for every resource a link in the data graphs touches (one without links has no rows either way).
    Resources linked only by the build's own graphs (VoID makes each named graph `dcterms:isPartOf` the
    dataset) are left out: the index does not cover those graphs (docs/model.md, "Lineage index")."""
    linked = _linked(store)
    with_rows = {}
    for name in QUERIES:
        before: dict[str, set[tuple[str | None, ...]]] = {}
        for row in _rows(store, (HERE / "paths" / f"{name}.rq").read_text(encoding="utf-8")):
            before.setdefault(row[0].strip("<>"), set()).add(row)  # type: ignore[union-attr]
        for start in sorted(linked):
            now = _rows(store, named_queries()[name].text, start)
            expected = before.get(start, set())
            assert now == expected, f"{name} of <{start}>: {len(now)} rows with the index, {len(expected)} with paths"
        with_rows[name] = len(set(before) & linked)
    return with_rows


def test_the_corpus_lineage_impact_and_context_equal_the_path_queries(bundled_build) -> None:
    root, _ = bundled_build
    store = ox.Store.read_only(str((root / "current").resolve()))
    with_rows = _compare(store)
    # The corpus has agreement clauses with lineage, SOUs with impact and inquiries with context.
    assert all(count > 10 for count in with_rows.values()), with_rows


def test_the_build_publishes_the_index(bundled_store: ox.Store) -> None:
    name = ox.NamedNode(str(LINEAGE_GRAPH))
    assert bundled_store.contains_named_graph(name)
    assert next(iter(bundled_store.quads_for_pattern(None, None, None, name)), None) is not None


@pytest.fixture(scope="module")
def bench_store() -> ox.Store:
    """A small bench graph (bench/generate.py) bulk-loaded and indexed as the bench does it."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(REPO / "bench"))
    text = io.StringIO()
    generate(text, BENCH_QUADS)
    store = ox.Store()
    store.bulk_load(text.getvalue().encode(), format=ox.RdfFormat.N_QUADS)
    index_store(store)
    write_union(store)
    return store


def test_a_bench_graph_lineage_impact_and_context_equal_the_path_queries(bench_store: ox.Store) -> None:
    with_rows = _compare(bench_store)
    assert all(count > 10 for count in with_rows.values()), with_rows


def test_indexing_twice_replaces_the_index(bench_store: ox.Store) -> None:
    name = ox.NamedNode(str(LINEAGE_GRAPH))
    before = len(list(bench_store.quads_for_pattern(None, None, None, name)))
    assert index_store(bench_store) == before
    assert len(list(bench_store.quads_for_pattern(None, None, None, name))) == before


def test_closure_follows_cycles_and_every_depth() -> None:
    successors = {"a": ["b"], "b": ["c"], "c": ["a", "d"]}
    assert set(transitive(successors)) == {(s, o) for s in "abc" for o in "abcd"}
    assert set(transitive({"x": ["y"], "y": ["z"]})) == {("x", "y"), ("x", "z"), ("y", "z")}


def _index(store: ox.Store) -> set[ox.Quad]:
    return set(store.quads_for_pattern(None, None, None, ox.NamedNode(str(LINEAGE_GRAPH))))


def test_an_index_updated_with_a_change_equals_one_computed_afresh(bench_store: ox.Store) -> None:
    """Links removed (a chain cut in two) and added (a cycle, two chains joined, a new part): the same index."""
    store = ox.Store()
    store.bulk_extend(bench_store)
    data = ox.NamedNode("https://w3id.org/proveniens/graph/bench")
    links = [ox.NamedNode(str(link)) for link in (PV.follows, *LINEAGE_LINKS[1:3], "http://purl.org/dc/terms/isPartOf")]
    linked = [q for link in links for q in store.quads_for_pattern(None, link, None, data)]
    assert len(linked) > 20, "the bench graph has lineage links"
    removed = linked[::7]
    added = [
        ox.Quad(linked[1].object, linked[1].predicate, linked[1].subject, data),  # a cycle
        ox.Quad(linked[3].object, links[0], linked[12].subject, data),  # two chains joined
        ox.Quad(ox.NamedNode("https://example.org/new"), links[3], linked[5].subject, data),  # a new member
    ]
    for quad in removed:
        store.remove(quad)
    store.extend(added)
    change = GraphDelta(
        frozenset((q.subject, q.predicate, q.object) for q in added),  # type: ignore[misc]
        frozenset((q.subject, q.predicate, q.object) for q in removed),  # type: ignore[misc]
    )
    stale = _index(store)
    assert update_index(store, change) is not None
    updated = _index(store)
    index_store(store)
    assert updated == _index(store)
    assert updated != stale
