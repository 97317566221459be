"""Blank nodes of the loaders' graphs become IRIs in the store: stable across builds, and never shared
between two graphs (the canonical labels start afresh in each graph)."""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDFS

from proveniens.storage.store import skolemize

A, B = URIRef("https://w3id.org/proveniens/graph/a"), URIRef("https://w3id.org/proveniens/graph/b")


def _graph() -> Graph:
    g = Graph()
    node = BNode()
    g.add((URIRef("https://w3id.org/proveniens/x"), RDFS.seeAlso, node))
    g.add((node, RDFS.label, Literal("a blank node")))
    return g


def _skolem_iris(g: Graph) -> set[URIRef]:
    return {t for triple in g for t in triple if isinstance(t, URIRef) and "/.well-known/genid/" in t}


def test_the_same_graph_gets_the_same_iris_in_every_build() -> None:
    assert set(skolemize(_graph(), A)) == set(skolemize(_graph(), A))
    assert len(_skolem_iris(skolemize(_graph(), A))) == 1


def test_two_graphs_never_share_a_skolem_iri() -> None:
    assert not _skolem_iris(skolemize(_graph(), A)) & _skolem_iris(skolemize(_graph(), B))
