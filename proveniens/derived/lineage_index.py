"""The lineage index: what a thing rests on and what came of it, at any depth, computed once per build.

A property path such as `(pv:follows|rpubl:utgarFran|…)*` is walked again by every query that uses
it; on the 1M-quad bench store one lineage took 3 s. The build walks the links once and writes their
transitive closures into the named graph `graph/lineage`, so a query reaches any depth with one index
lookup (`?start pv:restsOn ?x`). Each closure is one or more steps (`P+`); a query that also wants the
start itself (`P*`) writes `pv:restsOn?`.

| term | `a term b` holds when | used by |
|---|---|---|
| `pv:restsOn` | a reaches b along the lineage links (`LINEAGE_LINKS`) | `lineage`, `lineage_context` |
| `pv:containsPart` | b `dcterms:isPartOf` a, at any depth | `lineage`, `lineage_context` |
| `pv:ledTo` | b reaches a along the impact links (`IMPACT_LINKS`) | `impact` |
| `pv:continuedIn` | b reaches a along the legal chain (`LEGAL_CHAIN_LINKS`) | `lineage_context` |

So `?start pv:concerns?/pv:containsPart?/pv:restsOn? ?x` is exactly today's
`?start pv:concerns?/(^dcterms:isPartOf)*/(pv:follows|…)* ?x`. The index is computed from the
source graphs (not from the build's own ontology, links, build and VoID graphs, `NOT_INDEXED`): a
literal is never a member, blank nodes and IRIs are.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TypeVar

import pyoxigraph as ox
from rdflib import URIRef

from proveniens.derived.dataset_description import VOID_GRAPH
from proveniens.derived.links import LINKS_GRAPH
from proveniens.graph_delta import GraphDelta, Triple
from proveniens.namespaces import BUILD_GRAPH, GRAPH, ONTOLOGY_GRAPH, PV

LINEAGE_GRAPH = GRAPH["lineage"]
LOADER = "lineage"
# The build's own graphs are not data: VoID's `dcterms:isPartOf` would otherwise make every named
# graph part of the dataset, and they are rewritten after this step (so an incremental build, which
# starts from the previous build's, would index what a full build does not).
NOT_INDEXED = frozenset(str(g) for g in (ONTOLOGY_GRAPH, LINKS_GRAPH, BUILD_GRAPH, VOID_GRAPH, LINEAGE_GRAPH))

_DCT = "http://purl.org/dc/terms/"
_RPUBL = "http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#"
_PROV = "http://www.w3.org/ns/prov#"
_ELI = "http://data.europa.eu/eli/ontology#"
_ELI_DL = "http://data.europa.eu/eli/eli-draft-legislation-ontology#"

# The links queries/lineage.rq walks upward from a thing to what it rests on.
LINEAGE_LINKS = (
    PV.follows, _RPUBL + "forarbete", _RPUBL + "utgarFran", PV.inquiry, PV.directive, _DCT + "replaces",
    _PROV + "wasInfluencedBy", _ELI_DL + "decided_on_a_realization_of", PV.respondsTo, _DCT + "isPartOf",
    _ELI + "is_part_of",
)  # fmt: skip
# The links queries/impact.rq walks backwards from a thing to what came of it.
IMPACT_LINKS = (
    PV.follows, _RPUBL + "utgarFran", _RPUBL + "forarbete", PV.inquiry, PV.directive, _DCT + "replaces",
    _PROV + "wasInfluencedBy", _ELI_DL + "decided_on_a_realization_of", PV.respondsTo, PV.concerns,
    _DCT + "references", _DCT + "isPartOf", PV.onProposal, PV.position,
)  # fmt: skip
# The national legal chain queries/lineage_context.rq walks forward: reports, propositions, decisions, laws.
LEGAL_CHAIN_LINKS = (PV.inquiry, _RPUBL + "utgarFran", _ELI_DL + "decided_on_a_realization_of", _RPUBL + "forarbete")


@dataclass(frozen=True)
class Closure:
    """One index term: the transitive closure of `links`, read along them (`forward`) or against them."""

    term: URIRef
    links: tuple[str, ...]
    forward: bool


CLOSURES = (
    Closure(PV.restsOn, tuple(map(str, LINEAGE_LINKS)), forward=True),
    Closure(PV.containsPart, (_DCT + "isPartOf",), forward=False),
    Closure(PV.ledTo, tuple(map(str, IMPACT_LINKS)), forward=False),
    Closure(PV.continuedIn, tuple(map(str, LEGAL_CHAIN_LINKS)), forward=False),
)

N = TypeVar("N", bound=Hashable)


def transitive(successors: Mapping[N, Iterable[N]]) -> Iterator[tuple[N, N]]:
    """Every (a, b) with b reachable from a in one or more steps; a walk per start, so cycles are safe."""
    for start, first in successors.items():
        seen: set[N] = set(first)
        frontier = list(seen)
        while frontier:
            node = frontier.pop()
            for successor in successors.get(node, ()):
                if successor not in seen:
                    seen.add(successor)
                    frontier.append(successor)
        for reached in seen:
            yield start, reached


def _successors(pairs: Iterable[tuple[N, N]], forward: bool) -> dict[N, set[N]]:
    out: defaultdict[N, set[N]] = defaultdict(set)
    for subject, obj in pairs:
        if forward:
            out[subject].add(obj)
        else:
            out[obj].add(subject)
    return out


def _store_pairs(store: ox.Store, links: tuple[str, ...]) -> Iterator[tuple[ox.NamedNode | ox.BlankNode, ...]]:
    for link in links:
        for quad in store.quads_for_pattern(None, ox.NamedNode(link), None):
            if not _in_source_graph(quad):
                continue
            if isinstance(quad.object, ox.NamedNode | ox.BlankNode):
                yield quad.subject, quad.object


def store_index(store: ox.Store) -> Iterator[ox.Quad]:
    """The index quads (in `LINEAGE_GRAPH`) for everything in `store`, read once per closure."""
    graph = ox.NamedNode(str(LINEAGE_GRAPH))
    for closure in CLOSURES:
        term = ox.NamedNode(str(closure.term))
        for a, b in transitive(_successors(_store_pairs(store, closure.links), closure.forward)):
            yield ox.Quad(a, term, b, graph)


def index_quads(store: ox.Store) -> list[ox.Quad]:
    """The index quads of everything in `store`, to add to it (a full build's writer, `store_writer`)."""
    return list(store_index(store))


def index_store(store: ox.Store) -> int:
    """Add the lineage index of everything in `store` to it as `LINEAGE_GRAPH`; returns the quads added.

    The build calls it on its candidate store once every source is loaded, before validation; the
    bench calls it after `bulk_load`."""
    name = ox.NamedNode(str(LINEAGE_GRAPH))
    if store.contains_named_graph(name):  # a second call replaces the index
        store.remove_graph(name)
    quads = list(store_index(store))
    store.bulk_extend(quads)
    return len(quads)


# Beyond this many start nodes whose closures a change may alter, the index is computed afresh.
MOST_STARTS = 20_000
Member = ox.NamedNode | ox.BlankNode


def _in_source_graph(quad: ox.Quad) -> bool:
    """Whether a quad is in a source graph: a named graph but the build's own; not the default graph, which
    holds the union of the named graphs (`union_graph`), the previous build's while an incremental build runs."""
    graph = quad.graph_name
    return isinstance(graph, ox.NamedNode) and graph.value not in NOT_INDEXED


def _indexed(quads: Iterator[ox.Quad]) -> Iterator[ox.Quad]:
    """The quads of the source graphs (those `_store_pairs` reads)."""
    return (quad for quad in quads if _in_source_graph(quad))


def _steps(store: ox.Store, node: Member, links: list[ox.NamedNode], ahead: bool) -> set[Member]:
    """The nodes one link from `node` in the source graphs: along the links (`ahead`) or against them."""
    out: set[Member] = set()
    for link in links:
        if ahead:
            found = (q.object for q in _indexed(store.quads_for_pattern(node, link, None)))
            out.update(n for n in found if isinstance(n, ox.NamedNode | ox.BlankNode))
        else:
            out.update(q.subject for q in _indexed(store.quads_for_pattern(None, link, node)))  # type: ignore[misc]
    return out


def _walk(
    store: ox.Store, starts: Iterable[Member], links: list[ox.NamedNode], ahead: bool, limit: int | None = None
) -> set[Member] | None:
    """`starts` and every node reachable from them; None past `limit` nodes."""
    seen = set(starts)
    frontier = list(seen)
    while frontier:
        for found in _steps(store, frontier.pop(), links, ahead):
            if found not in seen:
                seen.add(found)
                frontier.append(found)
                if limit is not None and len(seen) > limit:
                    return None
    return seen


def update_index(store: ox.Store, changed: GraphDelta) -> set[Triple] | None:
    """Bring the index in `store` (the previous build's) up to date with a change of the source graphs.

    Only a start node that reaches the near end of a changed link, before or after the change,
    can reach anything else than it did: every other start's walks avoid the changed links. A start
    that reaches one after the change already reached the near end of the first changed link on
    its way before it, so the starts are the near ends and what the old index says reaches them;
    their closures are walked again on the store and replace their old index quads. The result
    equals `index_store` on the same store (tests/lineage/test_lineage_index.py). Returns the index
    triples that changed, removed or new (the description counts them, the dumps rewrite their
    subjects' parts), or None, changing nothing, when more than `MOST_STARTS` starts are touched:
    index afresh then.
    """
    graph = ox.NamedNode(str(LINEAGE_GRAPH))
    plans: list[tuple[ox.NamedNode, list[ox.NamedNode], bool, set[Member]]] = []
    for closure in CLOSURES:
        links = set(closure.links)
        starts: set[Member] = {
            (s if closure.forward else o)  # type: ignore[misc]
            for s, p, o in changed.triples
            if p.value in links and isinstance(o, ox.NamedNode | ox.BlankNode)
        }
        term = ox.NamedNode(str(closure.term))
        starts |= {q.subject for u in list(starts) for q in store.quads_for_pattern(None, term, u, graph)}  # type: ignore[misc]
        if len(starts) > MOST_STARTS:
            return None
        plans.append((term, [ox.NamedNode(link) for link in closure.links], closure.forward, starts))
    removed: set[Triple] = set()
    written: set[Triple] = set()
    for term, nodes, forward, starts in plans:
        for start in starts:
            for quad in list(store.quads_for_pattern(start, term, None, graph)):
                store.remove(quad)
                removed.add((start, term, quad.object))  # type: ignore[arg-type]
            reached = _walk(store, _steps(store, start, nodes, forward), nodes, forward) or set()
            store.extend(ox.Quad(start, term, b, graph) for b in reached)
            written.update((start, term, b) for b in reached)
    return removed ^ written  # a closure walked again to the same ends is no change
