"""Where the product's own RDF files live: the ontology, the shapes and the named queries.

They are installed as package data (`proveniens.ontology`, `proveniens.shapes`, `proveniens.queries`),
so the same code finds them in a clone, an editable install and a wheel.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

from rdflib import Graph


def _files(package: str, suffix: str) -> list[Traversable]:
    return sorted((f for f in resources.files(package).iterdir() if f.name.endswith(suffix)), key=lambda f: f.name)


def ontology_files() -> list[Traversable]:
    return _files("proveniens.ontology", ".ttl")


def shapes_files() -> list[Traversable]:
    return _files("proveniens.shapes", ".ttl")


def query_files() -> list[Traversable]:
    return _files("proveniens.queries", ".rq")


def read_turtle(files: list[Traversable]) -> Graph:
    """Parse and merge Turtle files into one graph."""
    graph = Graph()
    for f in files:
        graph.parse(data=f.read_text(encoding="utf-8"), format="turtle", publicID=None)
    return graph
