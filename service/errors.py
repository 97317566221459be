"""What can go wrong while answering a request, as kinds of the product's one error root, `ProveniensError`.

Every error the service raises is a `ProveniensError`: these kinds, the backends' `QueryFailed`, the parser's
`Refused`, and proveniens.errors' own (`QueryError`, `StoreError`). Each says its HTTP status; the rooms raise
them and error_responses.py turns them into responses, in one place. This module imports nothing of the
service, so the query worker processes can use it.
"""

from __future__ import annotations

from proveniens.errors import ProveniensError


class ServiceError(ProveniensError):
    """An error answered with `status` (the kind's, unless given) and `headers` (Retry-After, WWW-Authenticate)."""

    status = 500

    def __init__(self, message: str, status: int | None = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status
        self.headers = headers or {}


class BadRequest(ServiceError):
    """The request is malformed (400), refused (403), too large (413) or of a media type not taken (415)."""

    status = 400


class Unauthorized(ServiceError):
    """The request needs credentials it does not carry (401)."""

    status = 401

    def __init__(self, message: str) -> None:
        super().__init__(message, headers={"WWW-Authenticate": "Bearer"})


class NotFound(ServiceError):
    """The graph (or the server) does not know what was asked for (404)."""

    status = 404


class NotAcceptable(ServiceError):
    """Nothing the client accepts is offered (406); the message lists what is."""

    status = 406


class Unprocessable(ServiceError):
    """A parameter is missing, malformed or inconsistent (422)."""

    status = 422
