"""Which changed triples a compiled check can read at all: a check none of them touches keeps its results.

A compiled check's query names every predicate it reads as an IRI, and every class as the object of
`rdf:type/rdfs:subClassOf*` (only sh:closed and SHACL-SPARQL constraints, left out here, read
other predicates). A changed triple can change the check's results only if its predicate is one the
query names, or it types a node with a class whose superclasses (itself included) the query names,
or the query reads `rdf:type` values as they are (a shape on the path rdf:type). An incremental
validation skips the other checks before it looks for their focus nodes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox
from rdflib.namespace import RDF, RDFS

from proveniens.graph_delta import GraphDelta
from proveniens.namespaces import SH
from proveniens.shacl_sparql.compile import Check

_IRI = re.compile(r"<([^<>\"{}|^`\\\s]*)>")
_TYPE = f"<{RDF.type}>"
_TYPED = f"<{RDF.type}>/<{RDFS.subClassOf}>* <"  # the class pattern: a constant class follows
OPEN = frozenset({SH.ClosedConstraintComponent, SH.SPARQLConstraintComponent})  # read any predicate


@dataclass(frozen=True)
class Vocabulary:
    """The IRIs a check's query names, and whether it reads rdf:type values as they are."""

    iris: frozenset[str]
    any_type: bool


@cache
def vocabulary(query: str) -> Vocabulary:
    return Vocabulary(frozenset(_IRI.findall(query)), query.count(_TYPE) > query.count(_TYPED))


def superclasses(store: ox.Store, classes: Iterable[ox.NamedNode], options: dict[str, object]) -> dict[str, set[str]]:
    """Each class with its superclasses (itself included) in the data graph."""
    query = f"SELECT ?class ?super WHERE {{ ?class <{RDFS.subClassOf}>* ?super }}"
    found: dict[str, set[str]] = {}
    for cls in classes:
        rows = store.query(query, **options, substitutions={ox.Variable("class"): cls})  # type: ignore[union-attr]
        found[cls.value] = {cls.value} | {row["super"].value for row in rows if isinstance(row["super"], ox.NamedNode)}
    return found


def touches(check: Check, change: GraphDelta, supers: Mapping[str, set[str]]) -> bool:
    """Whether a changed triple is one the check can read (always, for the checks in `OPEN`)."""
    if check.component in OPEN:
        return True
    words = vocabulary(check.query())
    for _, p, o in change.triples:
        if p.value != str(RDF.type):
            if p.value in words.iris:
                return True
        elif words.any_type or not isinstance(o, ox.NamedNode) or supers.get(o.value, {o.value}) & words.iris:
            return True
    return False
