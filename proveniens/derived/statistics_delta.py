"""VoID's numbers of an incremental build: the previous description's, changed by what changed.

The union's distinct counts (subjects, objects, classes, entities) and its partitions need a scan of
every graph when counted afresh (4-8 s at 1M quads). An incremental build knows every triple that
may have entered or left the union: those of the changed source graphs (`graph_delta`), the lineage
index and links it updated, and the build's own graphs it rewrote. Each is looked up in the
previous build's store and in the candidate; a term whose presence changed moves its count by one.
The numbers equal `store_counts` on the same store (tests/linked_data/test_store_description.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import RDF

from proveniens.derived.dataset_description import VOID_GRAPH, Statistics
from proveniens.graph_delta import Term, Triple
from proveniens.namespaces import BASE
from proveniens.storage.store import build_query

_TYPE = ox.NamedNode(str(RDF.type))
_VOID = ox.NamedNode(str(VOID_GRAPH))
_PRESENCE = build_query("named_presence.rq")


@dataclass(frozen=True)
class Described:
    """The union's numbers and partitions as a description states them."""

    dataset: Statistics
    classes: dict[URIRef, int]
    properties: dict[URIRef, int]


def described_dataset(store: ox.Store) -> Described | None:
    """The numbers the description in `store` states of the whole dataset (None when it has none)."""
    rows = store.query(build_query("described_dataset.rq"), base_iri=BASE, default_graph=_VOID)
    dataset, classes, properties = None, {}, {}
    for row in rows:  # type: ignore[union-attr]
        if row["class"] is not None:
            classes[URIRef(row["class"].value)] = int(row["instances"].value)
        elif row["property"] is not None:
            properties[URIRef(row["property"].value)] = int(row["uses"].value)
        else:
            names = ("triples", "subjects", "objects", "properties", "classes", "entities")
            dataset = Statistics(*(int(row[name].value) for name in names))
    return None if dataset is None else Described(dataset, classes, properties)


class _Presence:
    """What the named graphs of a store hold, the description left out (or what one graph holds)."""

    def __init__(self, store: ox.Store, graph: ox.NamedNode | None = None) -> None:
        self.store = store
        self.graph = graph

    def _holds(self, s: Term | None = None, p: ox.NamedNode | None = None, o: Term | None = None) -> bool:
        if self.graph is not None:
            return any(q.graph_name != _VOID for q in self.store.quads_for_pattern(s, p, o, self.graph))  # type: ignore[arg-type]
        terms = {"s": s, "p": p, "o": o, "void": _VOID}
        bound = {ox.Variable(name): term for name, term in terms.items() if term is not None}
        return any(True for _ in self.store.query(_PRESENCE, substitutions=bound))  # type: ignore[union-attr]

    def triple(self, triple: Triple) -> bool:
        return self._holds(*triple)

    def subject(self, term: Term) -> bool:
        return not isinstance(term, ox.Literal) and self._holds(s=term)

    def object(self, term: Term) -> bool:
        return self._holds(o=term)

    def predicate(self, term: ox.NamedNode) -> bool:
        return self._holds(p=term)

    def instance_of(self, term: Term) -> bool:
        return self._holds(p=_TYPE, o=term)


def _entity(term: Term) -> bool:
    return isinstance(term, ox.BlankNode) or (isinstance(term, ox.NamedNode) and term.value.startswith(BASE))


@dataclass(frozen=True)
class _Moved:
    """The triples that entered and left, and by how much each distinct count moved."""

    gained: set[Triple]
    lost: set[Triple]
    counts: Counter[str]


def _moved(before: _Presence, after: _Presence, candidates: Iterable[Triple]) -> _Moved:
    gained: set[Triple] = set()
    lost: set[Triple] = set()
    for triple in set(candidates):
        was, now = before.triple(triple), after.triple(triple)
        if now and not was:
            gained.add(triple)
        elif was and not now:
            lost.add(triple)
    changed = gained | lost
    counts: Counter[str] = Counter()
    for kind, terms, present in (
        ("subjects", {s for s, _, _ in changed}, _Presence.subject),
        ("objects", {o for _, _, o in changed}, _Presence.object),
        ("properties", {p for _, p, _ in changed}, _Presence.predicate),
        ("classes", {o for _, p, o in changed if p == _TYPE}, _Presence.instance_of),
    ):
        for term in terms:
            move = int(present(after, term)) - int(present(before, term))  # type: ignore[arg-type]
            counts[kind] += move
            if kind == "subjects" and _entity(term):
                counts["entities"] += move
    counts["triples"] = len(gained) - len(lost)
    return _Moved(gained, lost, counts)


def _moved_statistics(old: Statistics, counts: Counter[str]) -> Statistics:
    return Statistics(
        triples=old.triples + counts["triples"],
        subjects=old.subjects + counts["subjects"],
        objects=old.objects + counts["objects"],
        properties=old.properties + counts["properties"],
        classes=old.classes + counts["classes"],
        entities=old.entities + counts["entities"],
    )


def updated_union(previous: ox.Store, store: ox.Store, old: Described, candidates: Iterable[Triple]) -> Described:
    """The union's numbers in `store`, from those of `previous` (`old`) and every triple that may differ."""
    moved = _moved(_Presence(previous), _Presence(store), candidates)
    classes, properties = Counter(old.classes), Counter(old.properties)
    for triples, sign in ((moved.gained, 1), (moved.lost, -1)):
        for _, p, o in triples:
            properties[URIRef(p.value)] += sign
            if p == _TYPE and isinstance(o, ox.NamedNode):
                classes[URIRef(o.value)] += sign
    properties = +properties  # a property no triple uses any longer is gone
    dataset = replace(
        _moved_statistics(old.dataset, moved.counts), triples=sum(properties.values()), properties=len(properties)
    )
    return Described(dataset, dict(+classes), dict(properties))


def updated_graph(
    previous: ox.Store, store: ox.Store, graph: URIRef, old: Statistics, candidates: Iterable[Triple]
) -> Statistics:
    """The numbers of one graph in `store`, from its numbers in `previous` and every triple that may differ."""
    name = ox.NamedNode(str(graph))
    return _moved_statistics(old, _moved(_Presence(previous, name), _Presence(store, name), candidates).counts)
