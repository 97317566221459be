"""The SPARQL 1.1 Protocol endpoint: parse the request once, negotiate, check, evaluate, stream.

Every error is decided before the first byte of a body: 400 bad request or syntax, 403 refused
(updates, SERVICE; decided by the query worker's parser), 406 no acceptable format, 413 too
large, 415 unsupported body, 429 too many queries from one client, 503 busy, 504 time limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs

from fastapi import Request
from fastapi.responses import RedirectResponse, Response, StreamingResponse
from starlette.routing import Route

from proveniens.service.errors import BadRequest, NotAcceptable, ServiceError
from proveniens.service.sparql.backend.jobs import GRAPH_FORMATS, RESULT_FORMATS, CompleteBody, QueryJob
from proveniens.service.sparql.description import describe_service
from proveniens.service.sparql.negotiation import FORMAT_NAMES, negotiate
from proveniens.service.sparql.protocol import read_body, single

_FORM = "application/x-www-form-urlencoded"
_DIRECT = "application/sparql-query"


@dataclass(frozen=True)
class SparqlRequest:
    """A protocol request reduced to what evaluation needs."""

    query: str | None
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]
    accept: str | None


async def parse_request(request: Request, limit: int) -> SparqlRequest:
    """Read query and dataset from the URL, a form body or a direct `application/sparql-query` body."""
    params = parse_qs(request.url.query, keep_blank_values=True)
    query = single(params, "query")
    if request.method == "POST":
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await read_body(request, limit)
        if media == _FORM:
            form = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
            if "update" in form or "update" in params:
                raise BadRequest("Updates are not accepted here: the endpoint is read-only.", 403)
            if query is not None and "query" in form:
                raise BadRequest("The query was given both in the URL and in the body; give it once.")
            query = query if query is not None else single(form, "query")
            for key in ("default-graph-uri", "named-graph-uri", "format"):
                params.setdefault(key, []).extend(form.get(key, []))
        elif media == _DIRECT:
            if query is not None:
                raise BadRequest("A direct POST carries the query in its body; the URL must not have 'query'.")
            try:
                query = body.decode("utf-8")
            except UnicodeDecodeError:
                raise BadRequest("The query body is not UTF-8.") from None
        elif media == "application/sparql-update":
            raise BadRequest("Updates are not accepted here: the endpoint is read-only.", 403)
        else:
            raise BadRequest(f"Unsupported Content-Type {media or '(none)'!r}; use {_FORM} or {_DIRECT}.", 415)
        if query is None:
            raise BadRequest("A POST must carry a 'query'.")
    elif "update" in params:
        raise BadRequest("Updates are not accepted here: the endpoint is read-only.", 403)
    accept = request.headers.get("accept")
    if fmt := single(params, "format"):
        accept = FORMAT_NAMES.get(fmt.lower(), fmt)
    return SparqlRequest(
        query, tuple(params.get("default-graph-uri", [])), tuple(params.get("named-graph-uri", [])), accept
    )


async def _answer(request: Request) -> Response:
    settings = request.app.state.settings
    parsed = await parse_request(request, settings.max_body_bytes)
    if parsed.query is None:
        return await describe_service(request, parsed.accept)
    results_media = negotiate(parsed.accept, list(RESULT_FORMATS))
    graph_media = negotiate(parsed.accept, list(GRAPH_FORMATS))
    if results_media is None and graph_media is None:
        offered = ", ".join([*RESULT_FORMATS, *GRAPH_FORMATS])
        raise NotAcceptable(f"None of the accepted types ({parsed.accept}) is offered. Offered: {offered}.")
    base = str(request.url.replace(query=""))
    job = QueryJob(parsed.query, parsed.default_graphs, parsed.named_graphs, results_media, graph_media, base)
    slots = request.app.state.client_slots
    client = request.client.host if request.client else "-"
    if not slots.take(client):
        message = (
            f"This client already has {slots.per_client} queries in flight (PROVENIENS_CLIENT_QUERIES); "
            "wait for one to finish."
        )
        raise ServiceError(message, 429, {"Retry-After": "1"})
    try:
        media, body = await request.app.state.backend.run(job)
    except BaseException:  # QueryFailed or a cancelled request: the slot is free again
        slots.give(client)
        raise
    if isinstance(body, CompleteBody):
        slots.give(client)
        return Response(body.data, media_type=f"{media}; charset=utf-8", headers={"Vary": "Accept"})
    stream = slots.held_while(client, body)
    return StreamingResponse(stream, media_type=f"{media}; charset=utf-8", headers={"Vary": "Accept"})


async def sparql_get(request: Request) -> Response:
    """SPARQL query by GET (`?query=`); without a query, the Service Description (a browser gets the editor)."""
    if not request.url.query and negotiate(request.headers.get("accept"), [*GRAPH_FORMATS, "text/html"]) == "text/html":
        return RedirectResponse("/sparql/editor", status_code=303, headers={"Vary": "Accept"})
    return await _answer(request)


async def sparql_post(request: Request) -> Response:
    """SPARQL query by POST: form-encoded (`query=`) or direct (`application/sparql-query`)."""
    return await _answer(request)


async def sparql_endpoint(request: Request) -> Response:
    return await (sparql_post if request.method == "POST" else sparql_get)(request)


# A plain Starlette route: the protocol needs no FastAPI validation, and skipping it saves time per query.
routes = [Route("/sparql", sparql_endpoint, methods=["GET", "POST"])]
