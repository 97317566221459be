"""The SPARQL 1.1 Protocol endpoint: parse the request once, negotiate, check, evaluate, stream.

Every error is decided before the first byte of a body: 400 bad request or syntax, 403 refused
(updates, SERVICE; decided by the query worker's parser), 406 no acceptable format, 413 too
large, 415 unsupported body, 429 too many queries from one client, 503 busy, 504 time limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs

from fastapi import Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Route

from proveniens.service.sparql.backend.jobs import GRAPH_FORMATS, RESULT_FORMATS, CompleteBody, QueryFailed, QueryJob
from proveniens.service.sparql.description import describe_service
from proveniens.service.sparql.negotiation import FORMAT_NAMES, negotiate
from proveniens.service.sparql.protocol import BadRequest, read_body, single

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
                raise BadRequest(403, "Updates are not accepted here: the endpoint is read-only.")
            if query is not None and "query" in form:
                raise BadRequest(400, "The query was given both in the URL and in the body; give it once.")
            query = query if query is not None else single(form, "query")
            for key in ("default-graph-uri", "named-graph-uri", "format"):
                params.setdefault(key, []).extend(form.get(key, []))
        elif media == _DIRECT:
            if query is not None:
                raise BadRequest(400, "A direct POST carries the query in its body; the URL must not have 'query'.")
            try:
                query = body.decode("utf-8")
            except UnicodeDecodeError:
                raise BadRequest(400, "The query body is not UTF-8.") from None
        elif media == "application/sparql-update":
            raise BadRequest(403, "Updates are not accepted here: the endpoint is read-only.")
        else:
            raise BadRequest(415, f"Unsupported Content-Type {media or '(none)'!r}; use {_FORM} or {_DIRECT}.")
        if query is None:
            raise BadRequest(400, "A POST must carry a 'query'.")
    elif "update" in params:
        raise BadRequest(403, "Updates are not accepted here: the endpoint is read-only.")
    accept = request.headers.get("accept")
    if fmt := single(params, "format"):
        accept = FORMAT_NAMES.get(fmt.lower(), fmt)
    return SparqlRequest(
        query, tuple(params.get("default-graph-uri", [])), tuple(params.get("named-graph-uri", [])), accept
    )


def _error(status: int, message: str, retry_after: int | None = None) -> Response:
    headers = {"Retry-After": str(retry_after)} if retry_after else None
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


async def _answer(request: Request) -> Response:
    settings = request.app.state.settings
    try:
        parsed = await parse_request(request, settings.max_body_bytes)
    except BadRequest as err:
        return _error(err.status, err.message)
    if parsed.query is None:
        return await describe_service(request, parsed.accept)
    results_media = negotiate(parsed.accept, list(RESULT_FORMATS))
    graph_media = negotiate(parsed.accept, list(GRAPH_FORMATS))
    if results_media is None and graph_media is None:
        offered = ", ".join([*RESULT_FORMATS, *GRAPH_FORMATS])
        return _error(406, f"None of the accepted types ({parsed.accept}) is offered. Offered: {offered}.")
    base = str(request.url.replace(query=""))
    job = QueryJob(parsed.query, parsed.default_graphs, parsed.named_graphs, results_media, graph_media, base)
    slots = request.app.state.client_slots
    client = request.client.host if request.client else "-"
    if not slots.take(client):
        message = (
            f"This client already has {slots.per_client} queries in flight (PROVENIENS_CLIENT_QUERIES); "
            "wait for one to finish."
        )
        return _error(429, message, 1)
    try:
        media, body = await request.app.state.backend.run(job)
    except QueryFailed as err:
        slots.give(client)
        return _error(err.status, err.message, err.retry_after)
    except BaseException:
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
