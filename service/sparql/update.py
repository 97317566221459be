"""The authenticated SPARQL 1.1 Update route, off unless `PROVENIENS_UPDATE_TOKEN` is set.

The public endpoint is read-only; this route exists for tests, migrations and conformance runs.
An update is applied copy-on-write: the current build is checkpointed into a new build
directory, the update runs there in one transaction, and `current` is switched only if it
succeeded — the same all-or-nothing switch a build uses, so query workers never see half an update.
"""

from __future__ import annotations

import hmac
from urllib.parse import parse_qs

import httpx
import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from proveniens.derived.union_graph import write_union
from proveniens.errors import StoreError
from proveniens.service.errors import BadRequest, ServiceError, Unauthorized
from proveniens.service.sparql.backend.bindings import with_base
from proveniens.service.sparql.backend.portable import ascii_escaped
from proveniens.service.sparql.protocol import read_body, single
from proveniens.service.sparql.syntax import update_shape
from proveniens.storage.dumps import FOLDER as DUMPS
from proveniens.storage.dumps import write_dumps
from proveniens.storage.remote import UNION_DEFAULT_GRAPH
from proveniens.storage.remote_virtuoso import VirtuosoTarget
from proveniens.storage.store import StoreLayout

router = APIRouter()


def add_using(update: str, where_offsets: tuple[int, ...], graphs: list[str], named: list[str]) -> str:
    """Put the protocol's using-graph-uri / using-named-graph-uri before each DELETE/INSERT … WHERE's WHERE.

    The IRIs were checked by pyoxigraph (an IRI cannot contain `>`), so the clause is well-formed.
    """
    clause = "".join(f"USING <{g}> " for g in graphs) + "".join(f"USING NAMED <{g}> " for g in named)
    for i in reversed(where_offsets):
        update = update[:i] + clause + update[i:]
    return update


def _apply(root: StoreLayout, update: str, keep: int, base_iri: str, union: bool) -> None:
    """Apply `update` to a copy of the current build and switch to it; with `union`, the default graph is then
    written again as the union of the named graphs (proveniens/derived/union_graph.py): what the update wrote into the
    default graph itself is replaced, as a union default graph hides it on other servers (Fuseki)."""
    with root.lock():
        current = root.current_build()
        if current is None:
            raise StoreError(f"{root.root}: no build to update.")
        target = root.new_build_dir()
        target.rmdir()  # a checkpoint must create its directory itself
        try:
            ox.Store.read_only(str(current)).backup(str(target))
            store = ox.Store(str(target))
            store.update(update, base_iri=base_iri)
            if union:
                write_union(store)
            write_dumps(store, target / DUMPS, default_graph=not union)
            store.flush()
            del store
        except BaseException:
            root.discard(target)
            raise
        root.publish(target, keep)


async def _forward(url: str, update: str, timeout: float, union: bool) -> None:
    """Send the update to the remote server and relay its verdict; with `union`, then write the default graph
    again as the union of the named graphs, in a second request (the update is sent as it came)."""
    requests = [update, " ;\n".join(UNION_DEFAULT_GRAPH)] if union else [update]
    try:
        async with httpx.AsyncClient(timeout=timeout) as client:
            for text in requests:
                response = await client.post(url, data={"update": text})
                if response.status_code >= 400:
                    status = 400 if response.status_code == 400 else 502
                    raise ServiceError(f"The remote store answered {response.status_code}: {response.text}", status)
    except httpx.HTTPError as err:
        raise ServiceError(f"The remote store cannot be reached: {err}.", 503) from None


def authorised(header: str, token: str) -> bool:
    """Whether `header` is `Bearer <token>`: the scheme in any case (RFC 7235), the token compared in constant time."""
    scheme, _, credentials = header.strip().partition(" ")
    token_matches = hmac.compare_digest(credentials.strip().encode(), token.encode())
    return scheme.lower() == "bearer" and token_matches


@router.post("/update")
async def sparql_update(request: Request) -> Response:
    """SPARQL 1.1 Update by POST (form `update=` or direct `application/sparql-update`); needs the bearer token."""
    settings = request.app.state.settings
    if not authorised(request.headers.get("authorization", ""), settings.update_token):
        raise Unauthorized("Updates need 'Authorization: Bearer <PROVENIENS_UPDATE_TOKEN>'.")
    params = parse_qs(request.url.query, keep_blank_values=True)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await read_body(request, settings.max_body_bytes)
    if media == "application/x-www-form-urlencoded":
        form = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
        update = single(form, "update")
        for key in ("using-graph-uri", "using-named-graph-uri"):
            params.setdefault(key, []).extend(form.get(key, []))
    elif media == "application/sparql-update":
        try:
            update = body.decode("utf-8")
        except UnicodeDecodeError:
            raise BadRequest("The update body is not UTF-8.") from None
    else:
        message = f"Unsupported Content-Type {media or '(none)'!r}; use a form or application/sparql-update."
        raise BadRequest(message, 415)
    if update is None:
        raise BadRequest("The request carries no 'update'.")
    shape = update_shape(update)  # Refused is a BadRequest (400 or 403)
    graphs, named = params.get("using-graph-uri", []), params.get("using-named-graph-uri", [])
    if graphs or named:
        if shape.dataset_clause is not None:
            raise BadRequest(
                f"using-graph-uri/using-named-graph-uri conflict with the {shape.dataset_clause.text} "
                "in the update; give the graphs one way."
            )
        try:
            for iri in graphs + named:
                ox.NamedNode(iri)
        except ValueError as err:
            raise BadRequest(f"Not an IRI in using-graph-uri/using-named-graph-uri: {err}.") from None
        update = add_using(update, shape.where_offsets, graphs, named)
    base = str(request.url.replace(query=""))
    if settings.remote is not None:  # relative IRIs resolve against /update as here; non-ASCII escaped (portable.py)
        update = ascii_escaped(with_base(update, base))
    if settings.remote is not None and settings.remote.dialect == "virtuoso":
        try:  # the union is written by the switch to a new build (proveniens/storage/remote_virtuoso.py)
            await run_in_threadpool(VirtuosoTarget(settings.remote, settings.query_timeout).apply_update, update)
        except StoreError as err:
            raise ServiceError(str(err), 502) from None
        return Response(status_code=204)
    if settings.remote is not None:
        await _forward(settings.remote.update, update, settings.query_timeout, settings.union_default_graph)
        return Response(status_code=204)
    try:
        layout = StoreLayout(settings.store_path)
        await run_in_threadpool(_apply, layout, update, settings.keep_builds, base, settings.union_default_graph)
    except SyntaxError as err:
        raise BadRequest(f"SPARQL update syntax error: {err}") from None
    return Response(status_code=204)
