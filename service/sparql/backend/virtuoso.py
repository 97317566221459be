"""What the remote backend does differently in front of Virtuoso: the build's dataset, the time limit, partial results.

- The dataset: Virtuoso has no default graph of its own (a query without a dataset reads every graph, its
  system graphs included, a triple once per graph), and a build is switched in by a pointer, not by
  renaming graphs (proveniens/storage/remote_virtuoso.py). So a query that names no dataset is sent with the
  switched build's union graph as `default-graph-uri` and its graphs as `named-graph-uri`: the union
  each triple once, `GRAPH ?g` over the build's graphs only. The pointer is read again after a few seconds.
- The time limit goes along as Virtuoso's `timeout` (milliseconds). Virtuoso then answers an "anytime"
  query at the limit with 200 and what it found so far, marked only by headers (`X-SQL-State`,
  `X-SQL-Message`, `X-Exec-Milliseconds`); a result cut at its `ResultSetMaxRows` is marked by
  `X-SPARQL-MaxRows`. Both are refused before the first byte, never served as if complete.
- ASK: Virtuoso 7.2 answers it as a SELECT of one variable (`__ASK_RETVAL`, one row for true) in every
  results format; the service reads that and answers the boolean result the protocol defines.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator

import httpx
import pyoxigraph as ox

from proveniens.service.sparql.backend import http_client
from proveniens.service.sparql.backend.jobs import RESULT_FORMATS, CompleteBody, QueryFailed, QueryJob
from proveniens.service.sparql.lexer import LexError, tokenize
from proveniens.storage.remote import RemoteEndpoints
from proveniens.storage.remote_virtuoso import HAS_GRAPH, HAS_UNION, POINTER, SWITCHED

POINTER_SECONDS = 2.0
_CURRENT = f"""SELECT ?union ?graph WHERE {{
  {{ SELECT ?record WHERE {{ GRAPH <{POINTER}> {{ ?record <{SWITCHED}> ?at }} }} ORDER BY DESC(STR(?at)) LIMIT 1 }}
  GRAPH <{POINTER}> {{ ?record <{HAS_UNION}> ?union . OPTIONAL {{ ?record <{HAS_GRAPH}> ?graph }} }}
}}"""
PARTIAL = ("x-sql-state", "x-sql-message", "x-exec-milliseconds")
TRUNCATED = "x-sparql-maxrows"


def names_dataset(query: str) -> bool:
    """Whether the query has a FROM or FROM NAMED clause (FROM is a keyword nowhere else)."""
    try:
        return any(t.kind == "WORD" and t.text == "FROM" for t in tokenize(query))
    except LexError:
        return False


class VirtuosoDialect:
    """The build's dataset and the time limit added to each query; partial answers turned into failures."""

    lateral = False  # Virtuoso 7.2 refuses LATERAL (SP030): named queries go without their hints

    def __init__(self, endpoints: RemoteEndpoints, timeout: float) -> None:
        self.endpoints = endpoints
        self.timeout = timeout
        self._current: tuple[float, list[tuple[str, str]]] | None = None
        self._reading = asyncio.Lock()

    async def _dataset(self) -> list[tuple[str, str]]:
        """The switched build's union and graphs as protocol parameters, read at most every POINTER_SECONDS."""
        async with self._reading:
            now = time.monotonic()
            if self._current is not None and self._current[0] > now:
                return self._current[1]
            try:
                async with httpx.AsyncClient(timeout=httpx.Timeout(self.timeout, connect=5.0)) as client:
                    response = await client.post(
                        self.endpoints.query,
                        data={"query": _CURRENT},
                        headers={"Accept": "application/sparql-results+json"},
                    )
                response.raise_for_status()
                rows = response.json()["results"]["bindings"]
            except (httpx.HTTPError, ValueError, KeyError) as err:
                raise QueryFailed(503, f"The remote store's current build cannot be read: {err}.", 1) from None
            if not rows:
                raise QueryFailed(503, "The remote store holds no build yet: run `proveniens build` into it.", 5)
            dataset = [("default-graph-uri", rows[0]["union"]["value"])]
            dataset += [("named-graph-uri", r["graph"]["value"]) for r in rows if "graph" in r]
            self._current = (now + POINTER_SECONDS, dataset)
            return dataset

    async def graph_names(self) -> list[str]:
        """The switched build's graphs: Virtuoso answers `GRAPH ?g { }` with no rows."""
        return [value for name, value in await self._dataset() if name == "named-graph-uri"]

    async def params(self, job: QueryJob) -> list[tuple[str, str]]:
        """What goes beside the query: the build's dataset unless the request or the query names one, the limit."""
        limit = [("timeout", str(int(self.timeout * 1000)))]
        if job.default_graphs or job.named_graphs or names_dataset(job.query):
            return limit
        return await self._dataset() + limit

    async def answer(
        self, job: QueryJob, kind: str, response: http_client.Response
    ) -> tuple[str, AsyncIterator[bytes]] | None:
        """Refuse a result Virtuoso marked as incomplete; give an ASK's answer (`kind`, the query's form) as a boolean
        result. Else None."""
        if any(h in response.headers for h in PARTIAL):
            state = f"{response.headers.get('x-sql-state', '')} {response.headers.get('x-sql-message', '')[:200]}"
            raise QueryFailed(
                504,
                f"The remote store stopped the query at the time limit of {self.timeout:g} s with a partial result "
                f"({state.strip()}); it is not served.",
            )
        if TRUNCATED in response.headers:
            raise QueryFailed(
                502,
                f"The remote store cut the result at its limit of {response.headers[TRUNCATED]} rows (Virtuoso's "
                "ResultSetMaxRows); add a LIMIT, or ask the server's operator to raise it.",
            )
        if job.results_media is None or kind != "ASK":
            return None
        try:
            body = await response.aread()
        except http_client.HTTPError as err:
            raise QueryFailed(502, f"The remote store's answer broke off: {err}.") from None
        media = response.headers.get("content-type", "").split(";")[0].strip()
        return job.results_media, CompleteBody(boolean_result(ask_answer(media, body), job.results_media))


def ask_answer(media: str, body: bytes) -> bool:
    """Virtuoso 7.2 answers ASK as a SELECT of one variable, `__ASK_RETVAL`: one row for true, none for false."""
    if media in ("application/sparql-results+json", "application/json"):
        data = json.loads(body)
        return bool(data["boolean"]) if "boolean" in data else bool(data["results"]["bindings"])
    if media == "application/sparql-results+xml":
        return b"<result>" in body or b"<boolean>true</boolean>" in body
    lines = [line for line in body.decode("utf-8", errors="replace").splitlines() if line.strip()]
    return len(lines) > 1 or lines == ["true"]


def boolean_result(value: bool, media: str) -> bytes:
    """A boolean result in `media`, written the way the embedded store writes it."""
    return ox.Store().query("ASK {}" if value else "ASK { FILTER(false) }").serialize(format=RESULT_FORMATS[media])
