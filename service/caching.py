"""Conditional GET for the linked-data documents: an ETag per build and representation, 304 on a match.

Everything a linked-data document says comes from one build, so the build is the version: for the
on-disk store the name of the build `<store>/current` points to (it changes with every build and
every `POST /update`); for a remote store the build time recorded in the build graph, looked up at
most every few seconds. A representation's ETag is that version plus what was negotiated (format,
page language), so Turtle and HTML of one IRI never share an ETag.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from proveniens.namespaces import BUILD_GRAPH
from proveniens.service.sparql.backend.jobs import Backend, QueryFailed, QueryJob

_REMOTE_VERSION_SECONDS = 5.0
_REMOTE_VERSION = f"""SELECT (MAX(STR(?at)) AS ?version) WHERE {{
  GRAPH <{BUILD_GRAPH}> {{ ?graph <http://www.w3.org/ns/prov#generatedAtTime> ?at }}
}}"""


async def build_version(request: Request) -> str | None:
    """The served build's identity, or None when it cannot be known (no build recorded)."""
    return await served_version(request.app.state)


async def served_version(state: Any) -> str | None:
    """`build_version` for the app whose state is `state` (its settings, its backend, the remote version kept)."""
    settings = state.settings
    if settings.remote is None:
        target = os.path.realpath(settings.store_path / "current")
        return os.path.basename(target) if os.path.isdir(target) else None
    cached: tuple[float, str | None] | None = getattr(state, "linked_data_version", None)
    now = time.monotonic()
    if cached is not None and cached[0] > now:
        return cached[1]
    version = await _remote_version(state.backend)
    state.linked_data_version = (now + _REMOTE_VERSION_SECONDS, version)
    return version


async def _remote_version(backend: Backend) -> str | None:
    job = QueryJob(_REMOTE_VERSION, results_media="application/sparql-results+json")
    try:
        _, body = await backend.run(job)
        data = json.loads(b"".join([chunk async for chunk in body]))
    except (QueryFailed, ValueError):
        return None
    rows = data.get("results", {}).get("bindings", [])
    stamp = rows[0].get("version", {}).get("value") if rows else None
    return "remote-" + hashlib.sha256(stamp.encode()).hexdigest()[:16] if stamp else None


def etag(*parts: str) -> str:
    """A strong entity tag from the version and the negotiated variant, e.g. `"20261125T161752Z-1.turtle"`."""
    text = ".".join(parts)
    if not all(0x21 <= ord(c) <= 0x7E and c != '"' for c in text):
        text = hashlib.sha256(text.encode()).hexdigest()[:32]
    return f'"{text}"'


def content_etag(content: bytes | str, *variant: str) -> str:
    """An entity tag for a document served from a file: a digest of its bytes plus the variant."""
    data = content.encode() if isinstance(content, str) else content
    return etag(hashlib.sha256(data).hexdigest()[:20], *variant)


def matches(request: Request, tag: str) -> bool:
    """Whether the request's If-None-Match names `tag` (weak comparison, as RFC 9110 asks for GET)."""
    header = request.headers.get("if-none-match")
    if not header:
        return False
    if header.strip() == "*":
        return True
    wanted = tag.removeprefix("W/")
    return any(candidate.strip().removeprefix("W/") == wanted for candidate in header.split(","))


def not_modified(headers: dict[str, str]) -> Response:
    """304 with the headers the 200 would have carried that a cache needs (ETag, Vary, Cache-Control, Link)."""
    keep = {k: v for k, v in headers.items() if k.lower() in ("etag", "vary", "cache-control", "link")}
    return Response(status_code=304, headers=keep)
