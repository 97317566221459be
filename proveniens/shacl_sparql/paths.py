"""SHACL property paths as SPARQL property paths, and RDF terms as SPARQL text.

SHACL defines its paths by SPARQL's (SHACL §2.3.1), so each path node maps to one SPARQL path
expression with the same value nodes, including the zero-length step of `*` and `?`.
"""

from __future__ import annotations

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from proveniens.namespaces import SH


class ShapeError(ValueError):
    """A shapes graph the compiler cannot read (an ill-formed path or list)."""


def term(node: Node) -> str:
    """A constant as SPARQL text; blank nodes of the shapes graph never reach a query."""
    if isinstance(node, URIRef | Literal):
        return node.n3()
    raise ShapeError(f"a blank node {node} where a constant is expected")


def items(shapes: Graph, head: Node) -> list[Node]:
    """The members of an RDF list in the shapes graph."""
    return list(Collection(shapes, head))


def sparql_path(shapes: Graph, path: Node) -> str:
    """The SPARQL path expression for a SHACL path node."""
    if isinstance(path, URIRef):
        return path.n3()
    if not isinstance(path, BNode):
        raise ShapeError(f"{path} is not a SHACL path")
    if shapes.value(path, RDF.first) is not None:
        steps = items(shapes, path)
        if len(steps) < 2:
            raise ShapeError("a sequence path needs at least two steps")
        return "(" + "/".join(sparql_path(shapes, s) for s in steps) + ")"
    for kind, mark in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
        inner = shapes.value(path, kind)
        if inner is not None:
            return "(" + sparql_path(shapes, inner) + ")" + mark
    inner = shapes.value(path, SH.inversePath)
    if inner is not None:
        return "^(" + sparql_path(shapes, inner) + ")"
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        options = items(shapes, alternatives)
        if len(options) < 2:
            raise ShapeError("an alternative path needs at least two members")
        return "(" + "|".join(sparql_path(shapes, o) for o in options) + ")"
    raise ShapeError(f"{path} is not a SHACL path")


def is_predicate(path: Node) -> bool:
    """A path of one forward step, whose values live in the focus node's own triples."""
    return isinstance(path, URIRef)
