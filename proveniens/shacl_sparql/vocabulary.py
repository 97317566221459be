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


@dataclass(frozen=True)
class ChangedTerms:
    """What a change names: the predicates of its triples but rdf:type, and the classes it types nodes with."""

    predicates: frozenset[str]
    typed: bool  # it has rdf:type triples
    classes: frozenset[str]  # their classes' superclasses, themselves included
    untyped: bool  # a type triple's object is no IRI: no class pattern can be ruled out


def changed_terms(store: ox.Store, change: GraphDelta, options: dict[str, object]) -> ChangedTerms:
    """The terms of `change`, each class with its superclasses in the data graph."""
    objects = {o for _, p, o in change.triples if p.value == str(RDF.type)}
    query = f"SELECT ?class ?super WHERE {{ ?class <{RDFS.subClassOf}>* ?super }}"
    classes: set[str] = set()
    for cls in (o for o in objects if isinstance(o, ox.NamedNode)):
        classes.add(cls.value)
        rows = store.query(query, **options, substitutions={ox.Variable("class"): cls})  # type: ignore[union-attr]
        classes.update(row["super"].value for row in rows if isinstance(row["super"], ox.NamedNode))
    return ChangedTerms(
        frozenset(p.value for _, p, _ in change.triples if p.value != str(RDF.type)),
        bool(objects),
        frozenset(classes),
        any(not isinstance(o, ox.NamedNode) for o in objects),
    )


def touches(check: Check, changed: ChangedTerms) -> bool:
    """Whether a changed triple is one the check can read (always, for the checks in `OPEN`)."""
    if check.component in OPEN:
        return True
    words = vocabulary(check.query())
    if words.iris & changed.predicates:
        return True
    return changed.typed and (words.any_type or changed.untyped or bool(words.iris & changed.classes))
