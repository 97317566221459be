"""Dereferenceable IRIs: `GET /sou/2020:19` on any host describes `https://w3id.org/proveniens/sou/2020:19`.

Any path no other route answers is read as an IRI below `https://w3id.org/proveniens/` and answered
with its description: every triple with the resource as subject or object, each in the named graph
that states it (`queries/describe_resource.rq`, the IRI bound as a term), plus the names of what it
links to. HTML goes to browsers; Turtle, JSON-LD, N-Triples and RDF/XML carry the triples, with
`<graph> dcterms:references <resource>` for each named graph that says something about it; TriG and
N-Quads keep every triple in its named graph. 404 for an IRI the graph does not know, 406 when
nothing offered is acceptable, 304 when the client's ETag is the current build's.

The route matches every path but only as a last resort (`_LastResort`): any other route that
matches a request — /sparql, /docs, /api, /ui, /static, /source, /ontology … — wins, whichever
order the routers were included in.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import Response
from fastapi.routing import APIRoute
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS
from rdflib.term import Node
from starlette.routing import Match
from starlette.types import Scope

from proveniens.errors import QueryError
from proveniens.namespaces import BASE
from proveniens.service import caching
from proveniens.service.answers.named import Term
from proveniens.service.errors import NotFound
from proveniens.service.language import language
from proveniens.service.linked_data import rdf_html
from proveniens.service.linked_data.representations import (
    DESCRIPTION_FORMATS,
    HTML,
    choose,
    headers,
    not_acceptable,
    serialize,
)

QUERY = "describe_resource"
READER_ROUTE = "/ui/resource"


class _LastResort(APIRoute):
    """A route that yields to every other route: its full matches count only as partial ones.

    Starlette's router takes the first full match and falls back to the first partial match only
    when there is none, so a more specific route always wins over this one.
    """

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        match, child = super().matches(scope)
        return (Match.PARTIAL if match is Match.FULL else match), child


router = APIRouter(route_class=_LastResort, include_in_schema=False)


def _rdf(value: Term) -> Node:
    if value.kind == "uri":
        return URIRef(value.value)
    if value.kind == "bnode":
        return BNode(value.value)
    if value.lang:
        return Literal(value.value, lang=value.lang)
    datatype = URIRef(value.datatype) if value.datatype else None
    return Literal(value.value, datatype=datatype, normalize=False)


def iri_for(request: Request, path: str) -> str:
    """The IRI a request path names: the decoded path below the base, or the raw one if that is no IRI."""
    candidate = BASE + path
    try:
        ox.NamedNode(candidate)
    except ValueError:
        raw = request.scope.get("raw_path", b"").decode("latin-1").split("?", 1)[0]
        return BASE + raw.lstrip("/")
    return candidate


def _reader_url(request: Request, iri: str) -> str | None:
    """The reader's page for the resource, when the reader (service/pages/) is mounted."""
    state = request.app.state
    mounted: bool | None = getattr(state, "linked_data_reader", None)
    if mounted is None:
        probe = {"type": "http", "method": "GET", "path": READER_ROUTE, "root_path": "", "headers": []}
        mounted = any(route.matches(dict(probe))[0] is Match.FULL for route in request.app.router.routes)
        state.linked_data_reader = mounted
    return READER_ROUTE + "?" + urlencode({"iri": iri}) if mounted else None


async def describe(request: Request, iri: str) -> Response:
    """The description of `iri` in the negotiated format (other routes may call this for their own IRIs)."""
    fmt = choose(request, DESCRIPTION_FORMATS)
    if fmt is None:
        raise not_acceptable(request, DESCRIPTION_FORMATS)
    lang = language(request) if fmt is HTML else None
    version = await caching.build_version(request)
    tag = caching.etag(version, fmt.key, *([lang] if lang else [])) if version else None
    out = headers(request, DESCRIPTION_FORMATS, tag, iri)
    if tag and caching.matches(request, tag):
        return caching.not_modified(out)
    try:
        rows = await request.app.state.named_queries.select(QUERY, resource=iri)
    except QueryError:
        raise NotFound(f"{iri} is not an IRI, so the graph cannot know it.") from None
    statements: dict[str, list[rdf_html.Statement]] = {"out": [], "in": [], "label": []}
    for row in rows:
        direction = row["direction"].value
        statement = rdf_html.Statement(*(_rdf(row[k]) for k in ("g", "s", "p", "o")))
        statements.setdefault(direction, []).append(statement)
    if not statements["out"] and not statements["in"]:
        raise NotFound(f"The graph knows nothing about {iri}.")

    labels = rdf_html.Labels()
    for statement in (*statements["out"], *statements["label"]):
        labels.note(statement.subject, statement.predicate, statement.object)
    if fmt is HTML:
        assert lang is not None
        body = rdf_html.description_page(
            request,
            lang,
            iri,
            statements["out"],
            statements["in"],
            labels,
            DESCRIPTION_FORMATS,
            _reader_url(request, iri),
        )
        out["Content-Language"] = lang
    else:
        graph, dataset = Graph(), Dataset()
        resource = URIRef(iri)
        for statement in (*statements["out"], *statements["in"], *statements["label"]):
            triple = (statement.subject, statement.predicate, statement.object)
            graph.add(triple)
            dataset.graph(statement.graph).add(triple)  # type: ignore[arg-type]
        for statement in (*statements["out"], *statements["in"]):
            graph.add((statement.graph, DCTERMS.references, resource))
        body = serialize(fmt, graph, dataset)
    return Response(body, media_type=f"{fmt.media}; charset=utf-8", headers=out)


@router.api_route("/{path:path}", methods=["GET", "HEAD"])
async def dereference(request: Request, path: str) -> Response:
    """The description of `https://w3id.org/proveniens/{path}`, by content negotiation."""
    return await describe(request, iri_for(request, path))
