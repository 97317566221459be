"""The one place an error becomes a response: every `ProveniensError` a route raises, whichever room it is in.

The status is the error kind's (errors.py), except for proveniens' own errors, whose status the service
decides here. The body is what the client can read: the API's JSON (`{"detail": …}`, as its OpenAPI
schema says), else an HTML error page or plain text by the request's `Accept`; when the client does not
say, a page's error is a page and any other route's is plain text.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from proveniens.errors import ProveniensError, QueryError, StoreError
from proveniens.service.pages.render import render
from proveniens.service.sparql.negotiation import negotiate

# proveniens' errors as the service answers them: a named query's parameter that is not a term is a request
# the service understands but cannot process; a store that cannot be opened or switched is unavailable.
_STATUS: dict[type[ProveniensError], int] = {QueryError: 422, StoreError: 503}


def status_of(err: ProveniensError) -> int:
    return next((status for kind, status in _STATUS.items() if isinstance(err, kind)), err.status)


async def respond(request: Request, err: Exception) -> Response:
    """`err` (a ProveniensError) as the answer to `request`."""
    assert isinstance(err, ProveniensError)
    status, message = status_of(err), str(err)
    headers = dict(getattr(err, "headers", {}))
    tags = getattr(request.scope.get("route"), "tags", None) or []
    if "api" in tags:
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    offered = ["text/html", "text/plain"] if "pages" in tags else ["text/plain", "text/html"]
    media = negotiate(request.headers.get("accept"), offered, aliases={}) or offered[0]
    headers["Vary"] = "Accept, Accept-Language"
    if media == "text/html":
        page = render(request, "error.html", status=status, message=message)
        page.headers.update(headers)
        return page
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    app.add_exception_handler(ProveniensError, respond)
