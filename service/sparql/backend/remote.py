"""The query backend for a remote SPARQL 1.1 server: the same checks and limits, evaluation over HTTP.

The remote server does the work; this side keeps the public endpoint's promises: a bounded number
of queries in flight (503 beyond), the time limit (504), and errors mapped to statuses decided
before the first byte.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Protocol
from urllib.parse import urlencode

from proveniens.service.sparql.backend import http_client
from proveniens.service.sparql.backend.bindings import inlined, with_base, with_values
from proveniens.service.sparql.backend.jobs import QueryFailed, QueryJob
from proveniens.service.sparql.backend.portable import ascii_escaped, without_lateral
from proveniens.service.sparql.syntax import check_query
from proveniens.storage.remote import RemoteEndpoints


class Dialect(Protocol):
    """A server's departures from SPARQL 1.1: parameters beside the query, and answers it gives its own way."""

    lateral: bool  # whether it reads Oxigraph's LATERAL

    async def graph_names(self) -> list[str] | None: ...

    async def params(self, job: QueryJob) -> list[tuple[str, str]]: ...

    async def answer(
        self, job: QueryJob, kind: str, response: http_client.Response
    ) -> tuple[str, AsyncIterator[bytes]] | None:
        """None to stream `response` as it is, else the answer to send instead; raises QueryFailed to refuse it.
        `kind` is the query's form, as `check_query` found it."""


class RemoteBackend:
    """Forwards queries to `endpoints.query`, streaming the answer back."""

    def __init__(
        self, endpoints: RemoteEndpoints, concurrency: int, queue: int, timeout: float, dialect: Dialect | None = None
    ):
        self.endpoints = endpoints
        self.dialect = dialect  # what a server that departs from SPARQL 1.1 needs (Virtuoso: virtuoso.py)
        self.timeout = timeout
        self.queue = queue
        self._slots = asyncio.Semaphore(concurrency)
        self._waiting = 0
        self._client = http_client.Client(timeout, connect_timeout=5.0)  # keep-alive, lean: http_client.py

    @property
    def lateral(self) -> bool:
        return self.dialect is None or self.dialect.lateral

    async def graph_names(self) -> list[str] | None:
        return await self.dialect.graph_names() if self.dialect else None

    async def aclose(self) -> None:
        await self._client.aclose()

    def _form(self, job: QueryJob) -> list[tuple[str, str]]:
        """The query as the protocol carries it: no server option, the default graph is the union the build wrote
        (proveniens/storage/remote.py), each triple once, where Oxigraph's `union-default-graph` repeats a triple
        per graph. Parameters are written in (bindings.py); the text is ASCII, hints a server lacks unwrapped
        (portable.py)."""
        query = job.query
        if job.named and not self.lateral:
            query = without_lateral(query)
        query = with_values(inlined(query, job.substitutions), job.substitutions)
        form = [("query", ascii_escaped(with_base(query, job.base_iri)))]
        form += [("default-graph-uri", g) for g in job.default_graphs]
        form += [("named-graph-uri", g) for g in job.named_graphs]
        return form

    def _checked(self, job: QueryJob) -> tuple[str, list[tuple[str, str]]]:
        """The query's form (SELECT, CONSTRUCT, DESCRIBE, ASK) once it passed the checks, and the request's form."""
        return check_query(job.query), self._form(job)

    async def run(self, job: QueryJob) -> tuple[str, AsyncIterator[bytes]]:
        # On a thread: the check and the rewriting are linear, but a 1 MB query must not hold the event loop.
        # Refused is answered with its status (400, 403) like the worker pool's refusals.
        kind, form = await asyncio.to_thread(self._checked, job)
        if self._slots.locked() and self._waiting >= self.queue:
            raise QueryFailed(503, "All query slots are busy and the queue is full. Try again shortly.", 1)
        # Only the media type of the query's kind of result: offered both, Virtuoso answers a CONSTRUCT as bindings.
        wanted = job.results_media if kind in ("SELECT", "ASK") else job.graph_media
        accept = wanted or ", ".join(m for m in (job.results_media, job.graph_media) if m)
        form += await self.dialect.params(job) if self.dialect else []
        self._waiting += 1
        try:
            await asyncio.wait_for(self._slots.acquire(), self.timeout)
        except TimeoutError:
            raise QueryFailed(503, "No query slot became free within the time limit. Try again.", 1) from None
        finally:
            self._waiting -= 1
        try:
            response = await self._client.post(
                self.endpoints.query,
                content=urlencode(form).encode(),
                headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
            )
        except http_client.TimeoutException:
            self._slots.release()
            raise QueryFailed(504, f"The remote store passed the time limit of {self.timeout:g} s.") from None
        except http_client.HTTPError as err:
            self._slots.release()
            raise QueryFailed(503, f"The remote store cannot be reached: {err}.") from None
        if response.status_code >= 400:
            text = (await response.aread()).decode("utf-8", errors="replace").strip()
            await response.aclose()
            self._slots.release()
            if response.status_code == 400:  # the query passed the checks here, so the store's parser refused it
                raise QueryFailed(400, f"SPARQL syntax error (as the remote store reads it): {text[:1000]}")
            raise QueryFailed(502, f"The remote store answered {response.status_code}: {text[:1000]}")
        if self.dialect:
            try:
                answer = await self.dialect.answer(job, kind, response)
            except QueryFailed:
                await response.aclose()
                self._slots.release()
                raise
            if answer is not None:
                await response.aclose()
                self._slots.release()
                return answer
        media = response.headers.get("content-type", "application/octet-stream").split(";")[0].strip()
        return media, self._stream(response, time.monotonic() + self.timeout)

    async def _stream(self, response: http_client.Response, deadline: float) -> AsyncIterator[bytes]:
        """The answer as it comes, cut at the time limit like the embedded store's: a store that keeps sending (or
        ends its own stream cleanly at a later limit of its own) never has its partial answer look complete."""
        try:
            async for chunk in response.aiter_bytes():
                if time.monotonic() > deadline:
                    raise QueryFailed(504, f"The result was cut off at the time limit of {self.timeout:g} s.")
                yield chunk
        except http_client.TimeoutException:
            raise QueryFailed(504, f"The result was cut off at the time limit of {self.timeout:g} s.") from None
        except http_client.HTTPError as err:
            raise QueryFailed(502, f"The result was cut off: {err}.") from None
        finally:
            await response.aclose()
            self._slots.release()
