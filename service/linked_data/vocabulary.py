"""The ontology and the shapes, published: `/ontology`, `/shapes` and `/shapes/{file}`.

Turtle is the file itself, comments and all (the shapes files one after another for `/shapes`);
JSON-LD, N-Triples and RDF/XML are converted from it; HTML is documentation generated from the same
Turtle (every term, its labels and comments in Swedish or English, alignments, examples; every
shape with its targets, rules, severities and messages). Hash IRIs land on their term:
`https://w3id.org/proveniens/ontology#Proposal` is `/ontology#Proposal`, a shape
`https://w3id.org/proveniens/shapes#SouShape` is `/shapes#SouShape`. The ETag is a digest of the
Turtle plus the variant, so it changes exactly when the files do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from fastapi import APIRouter, Request
from fastapi.responses import Response
from rdflib import Graph
from rdflib.compare import isomorphic

from proveniens.namespaces import BASE
from proveniens.resources import ontology_files, shapes_files
from proveniens.service import caching
from proveniens.service.errors import NotFound
from proveniens.service.language import language
from proveniens.service.linked_data import rdf_html
from proveniens.service.linked_data.representations import (
    DOCUMENT_FORMATS,
    HTML,
    TURTLE,
    choose,
    headers,
    not_acceptable,
    respond,
    serialize,
)
from proveniens.service.words import t

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class Document:
    """A vocabulary document: its Turtle as served and the graph it parses to."""

    name: str
    turtle: str
    graph: Graph


def _parse(text: str) -> Graph:
    return Graph().parse(data=text, format="turtle")


def _joined(name: str, parts: list[tuple[str, str]]) -> Document:
    """Files joined into one Turtle document; re-serialized if joining the text would change the graph."""
    graph = Graph()
    for _, text in parts:
        graph += _parse(text)
    if len(parts) == 1:
        return Document(name, parts[0][1], graph)
    joined = "".join(f"# ---- {file} ----\n{text.rstrip()}\n\n" for file, text in parts)
    if not isomorphic(_parse(joined), graph):  # blank-node labels shared between files
        joined = graph.serialize(format="turtle")
    return Document(name, joined, graph)


@cache
def ontology() -> Document:
    return _joined("ontology", [(f.name, f.read_text(encoding="utf-8")) for f in ontology_files()])


@cache
def shapes_modules() -> dict[str, Document]:
    """Each shapes file by its stem (`documents`, `void` …), as `/shapes/{stem}` serves it."""
    files = shapes_files()
    return {
        f.name.removesuffix(".ttl"): _joined(f.name.removesuffix(".ttl"), [(f.name, f.read_text(encoding="utf-8"))])
        for f in files
    }


@cache
def all_shapes() -> Document:
    return _joined("shapes", [(f.name, f.read_text(encoding="utf-8")) for f in shapes_files()])


def _serve(request: Request, document: Document, canonical: str, html: Callable[[str], bytes]) -> Response:
    fmt = choose(request, DOCUMENT_FORMATS)
    if fmt is None:
        raise not_acceptable(request, DOCUMENT_FORMATS)
    lang = language(request) if fmt is HTML else None
    tag = caching.content_etag(document.turtle, fmt.key, *([lang] if lang else []))
    if caching.matches(request, tag):
        return caching.not_modified(headers(request, DOCUMENT_FORMATS, tag, canonical))
    if fmt is TURTLE:
        body = document.turtle.encode("utf-8")
    elif fmt is HTML:
        assert lang is not None
        body = html(lang)
    else:
        body = serialize(fmt, document.graph)
    return respond(request, fmt, body, DOCUMENT_FORMATS, tag, canonical, lang)


@router.api_route("/ontology", methods=["GET", "HEAD"])
async def get_ontology(request: Request) -> Response:
    """The Proveniens ontology (`pv:`): Turtle, JSON-LD, N-Triples, RDF/XML, or HTML documentation (sv/en)."""
    document = ontology()
    return _serve(
        request,
        document,
        BASE + "ontology",
        lambda lang: rdf_html.ontology_page(request, lang, document.graph, DOCUMENT_FORMATS),
    )


@router.api_route("/shapes", methods=["GET", "HEAD"])
async def get_shapes(request: Request) -> Response:
    """All SHACL shapes (`pvs:`): Turtle and the other formats, or HTML documentation (sv/en)."""
    modules = shapes_modules()
    return _serve(
        request,
        all_shapes(),
        BASE + "shapes",
        lambda lang: rdf_html.shapes_page(
            request,
            lang,
            [(name, doc.graph) for name, doc in modules.items()],
            DOCUMENT_FORMATS,
            t(lang, "rdf.shapes_title"),
        ),
    )


@router.api_route("/shapes/{name}", methods=["GET", "HEAD"])
async def get_shapes_module(request: Request, name: str) -> Response:
    """One shapes file, e.g. `/shapes/documents` for `https://w3id.org/proveniens/shapes/documents`."""
    document = shapes_modules().get(name)
    if document is None:
        known = ", ".join(sorted(shapes_modules()))
        raise NotFound(f"There is no shapes file {name!r}. Known: {known}.")
    return _serve(
        request,
        document,
        BASE + "shapes/" + name,
        lambda lang: rdf_html.shapes_page(request, lang, [(name, document.graph)], DOCUMENT_FORMATS, name),
    )
