"""Run compiled checks on a pyoxigraph store and hand back their results as rdflib terms.

The store is read as one dataset: either the union of all its graphs or the graphs named. A
validation can be narrowed to what a change can affect (an incremental build, `graph_delta`):
a check that names none of the changed predicates and classes does not run (`vocabulary`);
checks that read only the focus node's own triples look only at the nodes of changed triples,
checks that also read the values' types (sh:class) also at the neighbours of the nodes whose
types changed, and the rest (sequence paths, nested shapes, SPARQL constraints) at the nodes
within the reach their queries show (`reach`), or at every focus node when they show none. Each
check is joined with its nodes as a VALUES block: a check whose scope is empty does not run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from proveniens.graph_delta import GraphDelta
from proveniens.shacl_sparql.compile import Check
from proveniens.shacl_sparql.reach import reach
from proveniens.shacl_sparql.shared import OxTerm, flagged, shareable
from proveniens.shacl_sparql.vocabulary import changed_terms, touches
from proveniens.storage.store import build_query

# Beyond this many retyped nodes (one neighbour look-up each), the sh:class checks run unscoped.
MOST_RETYPED = 20_000
# Beyond this many nodes near a change, a check the compiler leaves unbounded runs unscoped.
MOST_SCOPE = 20_000


@dataclass(frozen=True)
class RawResult:
    """One validation result as the check found it."""

    check: Check
    focus: Node
    path: Node | None
    value: Node | None
    # What tells apart results sharing focus, path and value: sh:lessThan's other value, the
    # language sh:uniqueLang found twice, the parents a nested property shape's focus came from.
    detail: tuple[Node | None, ...] = ()


def to_rdflib(t: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> Node | None:
    if t is None:
        return None
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        datatype = t.datatype.value
        return Literal(t.value) if datatype == str(XSD.string) else Literal(t.value, datatype=URIRef(datatype))
    raise TypeError(f"unexpected term {t!r}")


def to_oxigraph(node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype is not None:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    raise TypeError(f"unexpected term {node!r}")


def memory_store(graphs: Iterable[tuple[URIRef, Graph]]) -> ox.Store:
    """An in-memory store holding each rdflib graph as the named graph it is paired with."""
    store = ox.Store()
    for name, graph in graphs:
        g = ox.NamedNode(str(name))
        store.bulk_extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), g) for s, p, o in graph)
    return store


def near_nodes(
    store: ox.Store, starts: Iterable[OxTerm], links: Iterable[str], hops: int, graphs: Sequence[str] | None
) -> set[OxTerm] | None:
    """`starts` and the nodes within `hops` links of the given predicates from them, either way, in `graphs`.

    None past `MOST_SCOPE` nodes: the check then runs at every focus node."""
    inside = None if graphs is None else {ox.NamedNode(g) for g in graphs}
    predicates = [ox.NamedNode(p) for p in sorted(links)]
    found = set(starts)
    frontier = list(found)
    for _ in range(hops):
        reached: set[OxTerm] = set()
        for node in frontier:
            for p in predicates:
                quads = [] if isinstance(node, ox.Literal) else list(store.quads_for_pattern(node, p, None))
                quads += store.quads_for_pattern(None, p, node)
                reached.update(
                    other for q in quads if inside is None or q.graph_name in inside for other in (q.subject, q.object)
                )
        frontier = list(reached - found)
        found |= reached
        if len(found) > MOST_SCOPE:
            return None
    return found


def change_scopes(store: ox.Store, change: GraphDelta, options: dict[str, object]) -> dict[int, list[OxTerm]]:
    """The focus nodes a change can affect, for the checks the compiler bounds (reach 0 or 1).

    Reach 0: every node a changed triple (added or removed) has at either end. Reach 1 (sh:class,
    which reads the values' types): those, and the neighbours in any graph of the nodes a changed
    rdf:type triple types (a type given or taken away is what breaks sh:class).
    """
    touched = {term for triple in change.triples for term in (triple[0], triple[2])}
    retyped = {s for s, p, _ in change.triples if p.value == str(RDF.type)}
    if len(retyped) > MOST_RETYPED:
        return {0: list(touched)}  # a large change: its sh:class checks run at every focus node
    near = set(touched)
    neighbours = build_query("validation_neighbours.rq")
    for node in retyped:
        for row in store.query(neighbours, **options, substitutions={ox.Variable("typed"): node}):  # type: ignore[union-attr]
            near.add(row["this"])
    return {0: list(touched), 1: list(near)}


def reached_by(store: ox.Store, check: Check, change: GraphDelta, graphs: Sequence[str] | None) -> list[OxTerm] | None:
    """The focus nodes a change can affect for a check the compiler leaves unbounded (`reach.reach`).

    None: the check's reach cannot be bounded (or the change holds a link it reads under `*`): it
    runs at every focus node."""
    bound = reach(check.query())
    if bound is None or bound.unchanged & change.predicates():
        return None
    read = [t for t in change.triples if bound.predicates is None or t[1].value in bound.predicates]
    starts = {term for triple in read for term in (triple[0], triple[2])}
    found = near_nodes(store, starts, bound.links, bound.hops - 1, graphs) if starts else set()
    return None if found is None else list(found)


def values(nodes: Iterable[OxTerm]) -> str | None:
    """A VALUES pattern binding ?this to the nodes, or None when one is a blank node (VALUES cannot name it)."""
    nodes = list(nodes)
    if any(isinstance(n, ox.BlankNode) for n in nodes):
        return None
    return "VALUES ?this { " + " ".join(str(n) for n in nodes) + " }"


def written_otherwise(check: Check, source: Sequence[Graph]) -> list[OxTerm]:
    """The subjects a source graph wrote a value of the check's path for with another datatype than its own.

    Only their rows can pass `declared_otherwise`: narrowing the check to them spares a million-quad
    build the rows of every integer the RDF sources hold."""
    found = {
        s
        for g in source
        for s, o in g.subject_objects(check.path)
        if isinstance(o, Literal) and o.datatype != check.declared and not isinstance(s, BNode)
    }
    return [to_oxigraph(s) for s in found]


def declared_otherwise(check: Check, source: Sequence[Graph], focus: Node, value: Node) -> bool:
    """True when the source graph wrote this integer with another datatype than the check's.

    The store keeps xsd:positiveInteger and its kin as xsd:integer; the rdflib graph the value was
    loaded from still has the datatype it was written with.
    """
    number = value.value if isinstance(value, Literal) else None
    written = [o for g in source for o in g.objects(focus, check.path) if isinstance(o, Literal) and o.value == number]
    # No written value: it came from a graph the sources do not cover (an RDF file), nothing to say.
    return bool(written) and all(o.datatype != check.declared for o in written)


def most_values(
    store: ox.Store, checks: Sequence[Check], options: dict[str, object], scope: str = ""
) -> dict[str, int]:
    """For each predicate a sh:maxCount is on, at least the most values a subject has, where more than one.

    One grouped scan for all of them instead of one per check: at 1M, 1 s instead of 9. `scope`, a
    pattern binding ?this, narrows the subjects (an incremental validation): the checks' own
    grouped sub-selects would each scan the whole predicate.

    The triples are counted, not their distinct values: a value stated in two graphs counts twice,
    so the number may be too high, never too low. It only lets a check be skipped, and a check it
    does not skip finds its results itself, so they are the same; `COUNT(*)` took 0.9 s of CPU at
    1M against 1.4-1.7 s for `COUNT(DISTINCT ?o)`.
    """
    predicates = sorted({str(c.most[0]) for c in checks if c.most is not None})
    if not predicates:
        return {}
    names = [f"<{p}>" for p in predicates]
    # Unscoped, the engine joins best from a VALUES of the predicates; scoped, VALUES ?p beside
    # VALUES ?this took 17 s at 1M (the predicates' triples joined with the nodes), a FILTER 0.01 s.
    triples = (
        f"{scope} ?this ?p ?o FILTER(?p IN ({', '.join(names)}))"
        if scope
        else f"VALUES ?p {{ {' '.join(names)} }} ?this ?p ?o"
    )
    query = (
        f"SELECT ?p (MAX(?n) AS ?most) WHERE {{ {{ SELECT ?p ?this (COUNT(*) AS ?n) WHERE {{ {triples} }} "
        "GROUP BY ?p ?this HAVING (COUNT(*) > 1) } } GROUP BY ?p"
    )
    return {row["p"].value: int(row["most"].value) for row in store.query(query, **options)}


def run_checks(
    store: ox.Store,
    checks: Sequence[Check],
    graphs: Sequence[str] | None = None,
    change: GraphDelta | None = None,
    source: Graph | Sequence[Graph] | None = None,
) -> Iterator[RawResult]:
    """Every result of every check; see `proveniens.checks.validation.validate_store` for the arguments.

    `source`: the rdflib graph(s) the store was filled from, when there are; only they can tell
    an xsd:integer from an xsd:positiveInteger (see `Check.declared`). Without them those checks
    are left out.
    """
    sources = [source] if isinstance(source, Graph) else list(source or [])
    options: dict[str, object] = (
        {"default_graph": [ox.NamedNode(g) for g in graphs]}
        if graphs is not None
        else {"use_default_graph_as_union": True}
    )
    scopes = change_scopes(store, change, options) if change is not None else {}
    if change is not None:
        changed = changed_terms(store, change, options)
        checks = [check for check in checks if touches(check, changed)]
    most = most_values(store, checks, options, values(scopes[0]) or "" if scopes else "")
    planned: list[tuple[Check, str]] = []
    for check in checks:
        if check.declared is not None and not sources:
            continue
        counted = check.most is not None and (not scopes or check.reach == 0)  # `most` looked where the check does
        if counted and most.get(str(check.most[0]), 0) <= check.most[1]:  # type: ignore[index]
            continue
        narrowed = [scopes[check.reach]] if check.reach is not None and check.reach in scopes else []
        if change is not None and check.reach is None:
            near = reached_by(store, check, change, graphs)
            narrowed += [] if near is None else [near]
        if check.declared is not None:
            narrowed.append(written_otherwise(check, sources))
        if any(not nodes for nodes in narrowed):
            continue  # no focus node this check could fail at
        planned.append((check, " ".join(v for nodes in narrowed if (v := values(nodes)) is not None)))
    groups: dict[tuple[str, str], list[Check]] = defaultdict(list)
    for check, scope in planned:
        if shareable(check):
            groups[(check.focus, scope)].append(check)
    for (_, scope), group in groups.items():
        if len(group) < 2:
            continue
        for check, nodes in zip(group, flagged(store, group, scope, options), strict=True):
            if nodes:
                yield from results(store, check, f"{scope} {values(nodes) or ''}", options, sources)
    for check, scope in planned:
        if not (shareable(check) and len(groups[(check.focus, scope)]) >= 2):
            yield from results(store, check, scope, options, sources)


def results(
    store: ox.Store, check: Check, scope: str, options: dict[str, object], sources: Sequence[Graph]
) -> Iterator[RawResult]:
    """The results of one check, narrowed by `scope` (a pattern binding ?this, or empty)."""
    for row in store.query(check.query(scope), **options):  # type: ignore[union-attr]
        path = to_rdflib(row["path"]) if "path" in check.head else None
        value = to_rdflib(row["value"]) if "?value" in check.head else None
        names = (["other"] if "?other" in check.head else []) + [p.lstrip("?") for p in check.parents]
        detail = tuple(to_rdflib(row[n]) for n in names)
        if check.declared is not None and not declared_otherwise(check, sources, to_rdflib(row["this"]), value):
            continue
        yield RawResult(check, to_rdflib(row["this"]), path if path is not None else check.path, value, detail)
