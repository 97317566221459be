"""Pieces of the SPARQL 1.1 Protocol shared by the query and update routes."""

from __future__ import annotations

from fastapi import Request

from proveniens.service.errors import BadRequest


def single(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise BadRequest(f"The parameter '{name}' was given {len(values)} times; give it once.")
    return values[0] if values else None


async def read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise BadRequest(f"The request body is {declared} bytes; the limit is {limit}.", 413)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise BadRequest(f"The request body is larger than the limit of {limit} bytes.", 413)
    return bytes(body)
