"""Queries run in worker processes, so a runaway query can really be stopped.

pyoxigraph cannot interrupt a query from Python, so each worker is a process holding the current
build open read-only; a query that passes its time limit is ended by killing its worker, which is
replaced at once. Results stream back in chunks over a pipe. The first chunk is read before the
HTTP status is chosen, so an error found while evaluating the start of a result is still a clean
error response; a worker also reopens the store when `current` is switched to a new build.
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from proveniens.service.bindings import parse_terms

CHUNK = 64 * 1024

RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/trig": ox.RdfFormat.TRIG,
    "application/n-quads": ox.RdfFormat.N_QUADS,
}


@dataclass(frozen=True)
class QueryJob:
    """What a worker needs: the query, its dataset, and the formats negotiated for each result kind."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    results_media: str | None = None
    graph_media: str | None = None
    base_iri: str | None = None  # relative IRIs in the query resolve against the endpoint's URL
    substitutions: dict[str, str] = field(default_factory=dict)  # variable → N-Triples term (named queries)


class QueryFailed(Exception):
    """A query could not be answered; `status` is the HTTP status to send."""

    def __init__(self, status: int, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.retry_after = retry_after


class CompleteBody:
    """A result that arrived whole: answered as a plain response, iterable like a stream."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.data


class _PipeWriter:
    """A binary file-like object that sends what is written in chunks; the header goes with the first chunk."""

    def __init__(self, conn: Connection, media: str) -> None:
        self.conn = conn
        self.media = media
        self.buffer = bytearray()
        self.started = False

    def write(self, data: bytes) -> int:
        self.buffer += data
        if len(self.buffer) >= CHUNK:
            self.flush()
        return len(data)

    def finish(self) -> None:
        """End the result: a result that never filled a chunk goes whole, in one message."""
        if self.started:
            self.flush()
            self.conn.send(("end", None))
        else:
            self.conn.send(("whole", self.media, bytes(self.buffer)))

    def flush(self) -> None:
        if not self.started:
            self.conn.send(("ok", self.media))
            self.started = True
        if self.buffer:
            self.conn.send(("data", bytes(self.buffer)))
            self.buffer.clear()


def _open(link: str) -> tuple[str, ox.Store]:
    target = os.readlink(link)
    return target, ox.Store.read_only(os.path.join(os.path.dirname(link), target))


def _evaluate(store: ox.Store, job: QueryJob, union_default: bool, conn: Connection) -> None:
    options: dict[str, Any] = {"base_iri": job.base_iri} if job.base_iri else {}
    if job.default_graphs:
        options["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
    elif union_default:
        options["use_default_graph_as_union"] = True
    if job.named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    writer: _PipeWriter | None = None
    try:
        if job.substitutions:
            options["substitutions"] = parse_terms(job.substitutions)
        result = store.query(job.query, **options)
        if isinstance(result, ox.QueryTriples):
            media, fmt = job.graph_media, GRAPH_FORMATS.get(job.graph_media or "")
            offered = GRAPH_FORMATS
        else:
            media, fmt = job.results_media, RESULT_FORMATS.get(job.results_media or "")
            offered = RESULT_FORMATS
        if media is None or fmt is None:
            conn.send(("error", 406, "No acceptable format for this result. Offered: " + ", ".join(offered)))
            return
        writer = _PipeWriter(conn, media)
        result.serialize(writer, format=fmt)  # type: ignore[arg-type]
        writer.finish()
    except SyntaxError as err:
        conn.send(("error", 400, f"SPARQL syntax error: {err}"))
    except Exception as err:  # the worker's boundary: report every failure to the parent, never die silently
        if writer is not None and writer.started:
            conn.send(("abort", f"Query failed: {err}"))
        else:
            conn.send(("error", 500, f"Query failed: {err}"))


def _worker_main(conn: Connection, root: str, union_default: bool) -> None:
    """Answer jobs until told to stop (None); reopen the store whenever `current` moves."""
    link = os.path.join(root, "current")
    target, store = _open(link)
    while True:
        job = conn.recv()
        if job is None:
            return
        if os.readlink(link) != target:  # a new build was switched in
            target, store = _open(link)
        _evaluate(store, job, union_default, conn)


class _Worker:
    def __init__(self, ctx: Any, root: Path, union_default: bool) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, str(root), union_default), daemon=True)
        self.process.start()
        child.close()

    async def receive(self, timeout: float) -> Any:
        """The next message, or TimeoutError; waits on the pipe without blocking the event loop.

        The event loop may switch the pipe to non-blocking while it watches it; a message is read
        in blocking mode once it has started to arrive, so a large chunk is never cut.
        """
        fd = self.conn.fileno()
        if not self.conn.poll():
            loop = asyncio.get_running_loop()
            future: asyncio.Future[None] = loop.create_future()
            loop.add_reader(fd, lambda: future.done() or future.set_result(None))
            try:
                async with asyncio.timeout(timeout):  # no extra task per message, unlike wait_for
                    await future
            finally:
                loop.remove_reader(fd)
        os.set_blocking(fd, True)
        return self.conn.recv()

    def kill(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class WorkerPool:
    """A fixed number of query workers, a bounded queue in front of them, and a time limit per query."""

    def __init__(self, root: Path, size: int, timeout: float, queue: int, union_default: bool) -> None:
        self.root = root
        self.timeout = timeout
        self.queue = queue
        self.union_default = union_default
        self._ctx = mp.get_context("spawn")
        self._idle: asyncio.LifoQueue[_Worker] = asyncio.LifoQueue()  # the last worker used is the warmest
        self._waiting = 0
        self._all: set[_Worker] = set()
        for _ in range(size):
            self._add()

    def _add(self) -> None:
        worker = _Worker(self._ctx, self.root, self.union_default)
        self._all.add(worker)
        self._idle.put_nowait(worker)

    def _replace(self, worker: _Worker) -> None:
        self._all.discard(worker)
        worker.kill()
        self._add()

    async def aclose(self) -> None:
        for worker in list(self._all):
            worker.kill()
        self._all.clear()

    async def _acquire(self, deadline: float) -> _Worker:
        if self._idle.empty() and self._waiting >= self.queue:
            raise QueryFailed(503, "All query workers are busy and the queue is full. Try again shortly.", 1)
        self._waiting += 1
        try:
            if not self._idle.empty():
                return self._idle.get_nowait()
            async with asyncio.timeout_at(deadline):
                return await self._idle.get()
        except TimeoutError:
            raise QueryFailed(503, "No query worker became free within the time limit. Try again.", 1) from None
        finally:
            self._waiting -= 1

    async def run(self, job: QueryJob) -> tuple[str, AsyncIterator[bytes]]:
        """Start `job`; return the media type and the body once the first chunk (or the end) has arrived."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        worker = await self._acquire(deadline)
        worker.conn.send(job)
        try:
            kind, *rest = await worker.receive(max(deadline - loop.time(), 0))
        except TimeoutError:
            self._replace(worker)
            message = f"The query ran longer than the limit of {self.timeout:g} s and was stopped."
            raise QueryFailed(504, message) from None
        except BaseException:
            self._replace(worker)
            raise
        if kind == "error":
            self._idle.put_nowait(worker)
            raise QueryFailed(rest[0], rest[1])
        if kind == "whole":
            self._idle.put_nowait(worker)
            return rest[0], CompleteBody(rest[1])
        return rest[0], self._stream(worker, deadline)

    async def _stream(self, worker: _Worker, deadline: float) -> AsyncIterator[bytes]:
        loop = asyncio.get_running_loop()
        finished = False
        try:
            while True:
                kind, payload, *_ = await worker.receive(max(deadline - loop.time(), 0))
                if kind == "data":
                    yield payload
                elif kind == "end":
                    finished = True
                    return
                else:
                    raise QueryFailed(500, f"The result was cut off: {payload}")
        except TimeoutError:
            raise QueryFailed(504, f"The result was cut off at the time limit of {self.timeout:g} s.") from None
        finally:
            if finished:
                self._idle.put_nowait(worker)
            else:  # timed out, failed, or the client went away: the worker may still be writing
                self._replace(worker)
