"""The SPARQL 1.1 query endpoint over the store: parse the request, negotiate, evaluate, serialise."""

from __future__ import annotations

from typing import Annotated

import pyoxigraph as ox
from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import Response

router = APIRouter()

_RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPHS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


def _pick(accept: str, offered: dict[str, object]) -> str:
    """The first offered type the client accepts, by q-value; the first offered if it accepts anything."""
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, i, media.lower()))
    for _, _, media in sorted(ranked):
        if media in offered:
            return media
        if media in ("*/*", "application/*", "text/*"):
            return next(m for m in offered if media == "*/*" or m.startswith(media[:-1]))
    raise HTTPException(406, f"None of the accepted types ({accept}) is offered. Offered: {', '.join(offered)}.")


def _evaluate(request: Request, query: str) -> Response:
    store: ox.Store = request.app.state.store
    try:
        result = store.query(query, use_default_graph_as_union=True)
    except SyntaxError as err:
        raise HTTPException(400, f"SPARQL syntax error: {err}") from err
    accept = request.headers.get("accept") or "*/*"
    if isinstance(result, ox.QueryTriples):
        media = _pick(accept, _GRAPHS)
        body = result.serialize(format=_GRAPHS[media])
    else:
        media = _pick(accept, _RESULTS)
        body = result.serialize(format=_RESULTS[media])
    return Response(body, media_type=f"{media}; charset=utf-8", headers={"Vary": "Accept"})


@router.get("/sparql")
def sparql_get(request: Request, query: Annotated[str, Query()]) -> Response:
    """SPARQL query by GET (`?query=`)."""
    return _evaluate(request, query)


@router.post("/sparql")
def sparql_post_form(request: Request, query: Annotated[str, Form()]) -> Response:
    """SPARQL query by POST, form-encoded (`query=`)."""
    return _evaluate(request, query)
