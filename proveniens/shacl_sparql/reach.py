"""How far from its focus node a check reads, found in its query: so a change is validated where it can matter.

The compiler bounds the reach of the simple checks (a focus node's own triples, its values' types).
Nested shapes (sh:or, sh:xone, qualified counts), sequence paths and SHACL-SPARQL constraints it
leaves unbounded, so an incremental build ran them at every focus node. Their queries are read here
instead: the triple patterns, joined by shared variables, form a graph around `?this`, and the
farthest link a solution can read lies `hops` links away. A result at focus node f can change only
if some solution at f (before or after) reads a changed triple; the first changed triple on the
chain of links that joins it to f has unchanged links before it, so f lies within `hops - 1` of
those links from an end of a changed triple. Those links are of the predicates in `links`
(read in either direction), and the changed triple is of one of `predicates`.

Links under `*` or `+` (the rdfs:subClassOf of `rdf:type/rdfs:subClassOf*`) do not count: the
runner checks that the change holds none of them (`unchanged`), else runs the check in full.
A check whose patterns do not all join ?this by such links, or joined through a variable predicate
when no other way exists, is unbounded (`None`), as before.
"""

from __future__ import annotations

import hashlib
import heapq
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from itertools import count
from pathlib import Path

from pyparsing import ParseResults
from rdflib.paths import AlternativePath, InvPath, MulPath, NegatedPath, SequencePath
from rdflib.plugins.sparql.algebra import translatePath, translatePName, translatePrologue, traverse, triples
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Node, URIRef, Variable

INF = float("inf")
THIS = Variable("this")


@dataclass(frozen=True)
class Reach:
    """What a check reads around its focus node; see the module docstring."""

    hops: int
    links: frozenset[str]  # predicates of the links between the focus node and what it reads
    predicates: frozenset[str] | None  # predicates of every triple it reads; None: any
    unchanged: frozenset[str]  # predicates under * or +, which the change must not hold


@dataclass(frozen=True)
class _Path:
    """A path's length (span) and how deep from either end it reads a triple that may change."""

    span: float
    start: float  # the farthest changeable link, counted from the subject end (0: none)
    end: float  # … from the object end
    predicates: frozenset[str] | None
    starred: frozenset[str]


def _path(path: object) -> _Path | None:
    if isinstance(path, URIRef):
        return _Path(1, 1, 1, frozenset({str(path)}), frozenset())
    if isinstance(path, Variable | NegatedPath):
        return _Path(1, 1, 1, None, frozenset())
    if isinstance(path, InvPath):
        inner = _path(path.arg)
        return None if inner is None else _Path(inner.span, inner.end, inner.start, inner.predicates, inner.starred)
    if isinstance(path, AlternativePath | SequencePath):
        parts = [_path(p) for p in path.args]
        if any(p is None for p in parts):
            return None
        return (_sequence if isinstance(path, SequencePath) else _alternative)(parts)  # type: ignore[arg-type]
    if isinstance(path, MulPath):
        inner = _path(path.path)
        if inner is None or (path.mod != "?" and inner.predicates is None):
            return None
        if path.mod == "?":
            return inner
        return _Path(INF, 0, 0, inner.predicates, inner.starred | inner.predicates)  # type: ignore[operator]
    return None


def _union(parts: list[_Path]) -> tuple[frozenset[str] | None, frozenset[str]]:
    predicates = None if any(p.predicates is None for p in parts) else frozenset().union(*(p.predicates for p in parts))  # type: ignore[misc]
    return predicates, frozenset().union(*(p.starred for p in parts))


def _alternative(parts: list[_Path]) -> _Path:
    return _Path(max(p.span for p in parts), max(p.start for p in parts), max(p.end for p in parts), *_union(parts))


def _sequence(parts: list[_Path]) -> _Path:
    span, start = 0.0, 0.0
    for p in parts:
        start = max(start, span + p.start if p.start else 0)
        span += p.span
    tail, end = 0.0, 0.0
    for p in reversed(parts):
        end = max(end, tail + p.end if p.end else 0)
        tail += p.span
    return _Path(span, start, end, *_union(parts))


def _walk(node: object) -> Iterator[tuple[str, object]]:
    """Every triple pattern ("triple", (s, p, o)) and every variable made equal to another ("same", (a, b)).

    Read from the parse tree, where every group keeps its own patterns and filters (EXISTS included).
    A sub-select's variables it does not project are its own: they are renamed apart."""
    if isinstance(node, CompValue):
        if node.name == "SubSelect" and node.get("projection"):
            projected = {v.get("var") for v in node["projection"]}
            own = next(_SUBSELECTS)
            for kind, item in _walk({k: v for k, v in node.items() if k != "projection"}):
                yield kind, tuple(_apart(t, projected, own) for t in item)  # type: ignore[union-attr]
            return
        if node.name == "TriplesBlock":
            for triple in triples(node["triples"]):
                yield "triple", triple
        if node.name == "Bind" and isinstance(bound := _plain(node["expr"]), Variable):
            yield "same", (node["var"], bound)
        if node.name == "Builtin_sameTerm":
            pair = _plain(node["arg1"]), _plain(node["arg2"])
            if all(isinstance(v, Variable) for v in pair):
                yield "same", pair
        for key, value in node.items():
            if key != "_vars":
                yield from _walk(value)
    elif isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list | tuple | ParseResults):
        for item in node:
            yield from _walk(item)


_SUBSELECTS = count()


def _apart(term: object, projected: set[object], own: int) -> object:
    return Variable(f"{term}_sub{own}") if isinstance(term, Variable) and term not in projected else term


def _plain(expression: object) -> object:
    """A parsed expression with its one-operand wrappers taken off (`?x` parses as five of them)."""
    while (
        isinstance(expression, CompValue)
        and expression.name.endswith("Expression")
        and set(expression)
        <= {
            "expr",
            "_vars",
        }
    ):
        expression = expression["expr"]
    return expression


def _parsed(query: str) -> object:
    """The query's parse tree, its prefixed names and property paths resolved."""
    parsed = parseQuery(query)
    prologue = translatePrologue(parsed[0], None)
    tree = traverse(parsed[1], visitPost=partial(translatePName, prologue=prologue))
    return traverse(tree, visitPost=translatePath)


def _distances(edges: list[tuple[Node, Node, float]]) -> dict[Node, float]:
    """Shortest distance from ?this to each variable over the edges (both ways)."""
    near: dict[Node, list[tuple[Node, float]]] = {}
    for a, b, w in edges:
        near.setdefault(a, []).append((b, w))
        near.setdefault(b, []).append((a, w))
    dist: dict[Node, float] = {THIS: 0}
    queue: list[tuple[float, str, Node]] = [(0, str(THIS), THIS)]
    while queue:
        d, _, node = heapq.heappop(queue)
        if d > dist.get(node, INF):
            continue
        for other, w in near.get(node, []):
            if d + w < dist.get(other, INF):
                dist[other] = d + w
                heapq.heappush(queue, (d + w, str(other), other))
    return dist


# Reach by the SHA-256 of a query's text, as found in this process or read by `remembered`.
_KNOWN: dict[str, Reach | None] = {}


def reach(query: str) -> Reach | None:
    """The reach of the check whose query text this is, or None when it cannot be bounded.

    Reading a query with rdflib's parser takes 30-50 ms, and an incremental build asks it of about
    twenty queries that only change with the shapes: the answers are kept by the query's digest."""
    key = hashlib.sha256(query.encode()).hexdigest()
    if key not in _KNOWN:
        _KNOWN[key] = _reach(query)
    return _KNOWN[key]


@contextmanager
def remembered(path: Path) -> Iterator[None]:
    """Reach answers read from `path` (a JSON file beside the builds) before the block, written back after it.

    A file that cannot be read is ignored: every answer is found again."""
    try:
        for key, found in json.loads(path.read_text(encoding="utf-8")).items():
            _KNOWN.setdefault(key, None if found is None else _from_json(found))
    except (OSError, ValueError, TypeError, KeyError):
        pass
    yield
    stored = {key: None if found is None else _to_json(found) for key, found in _KNOWN.items()}
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(stored, sort_keys=True), encoding="utf-8")
    partial.replace(path)


def _to_json(found: Reach) -> dict[str, object]:
    return {
        "hops": found.hops,
        "links": sorted(found.links),
        "predicates": None if found.predicates is None else sorted(found.predicates),
        "unchanged": sorted(found.unchanged),
    }


def _from_json(found: dict[str, object]) -> Reach:
    predicates = found["predicates"]
    return Reach(
        int(found["hops"]),  # type: ignore[call-overload]
        frozenset(found["links"]),  # type: ignore[arg-type]
        None if predicates is None else frozenset(predicates),  # type: ignore[call-overload]
        frozenset(found["unchanged"]),  # type: ignore[arg-type]
    )


def _reach(query: str) -> Reach | None:
    patterns: list[tuple[Node, _Path, Node]] = []
    same: list[tuple[Node, Node, float]] = []
    for kind, item in _walk(_parsed(query)):
        if kind == "same":
            same.append((item[0], item[1], 0))  # type: ignore[index]
            continue
        s, p, o = item  # type: ignore[misc]
        path = _path(p)
        if path is None:
            return None
        patterns.append((s, path, o))
    # Only links of constant predicates join: through a variable one, any node would be near.
    dist = _distances([*same, *((s, o, path.span) for s, path, o in patterns if _joins(s, path, o))])
    hops, needed, inside = 0.0, set(), set()
    for s, path, o in patterns:
        if path.start or path.end:
            near, depth = min((dist.get(s, INF), path.start), (dist.get(o, INF), path.end), key=sum)
            hops = max(hops, near + depth)
            needed.add(s if near == dist.get(s, INF) else o)
            if depth > 1:  # a path of several links reads past its own first ones (a sequence path)
                inside |= (path.predicates or frozenset()) - path.starred
    if hops == INF:
        return None
    predicates, starred = _union([p for _, p, _ in patterns]) if patterns else (frozenset(), frozenset())
    joins = [(s, o, path.span, path.predicates) for s, path, o in patterns if _joins(s, path, o)]
    joins += [(a, b, 0, frozenset()) for a, b, _ in same]
    return Reach(int(hops), _chains(joins, dist, needed) | inside, predicates, starred)  # type: ignore[arg-type]


def _chains(
    joins: list[tuple[Node, Node, float, frozenset[str]]], dist: dict[Node, float], needed: set[Node]
) -> frozenset[str]:
    """The predicates of the links on the shortest ways from ?this to the variables reads start from."""
    links: set[str] = set()
    todo = [v for v in needed if dist.get(v, 0) > 0]
    seen = set(todo)
    while todo:
        node = todo.pop()
        for s, o, span, predicates in joins:
            for here, there in ((s, o), (o, s)):
                if there == node and dist.get(here, INF) + span == dist[node]:
                    links |= predicates
                    if here not in seen and dist[here] > 0:
                        seen.add(here)
                        todo.append(here)
    return frozenset(links)


def _joins(s: Node, path: _Path, o: Node) -> bool:
    """Links that can join the focus node with what it reads: between variables, of constant predicates, bounded."""
    return isinstance(s, Variable) and isinstance(o, Variable) and path.predicates is not None and path.span < INF
