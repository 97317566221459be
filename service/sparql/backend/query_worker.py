"""The inside of a query worker process: confine it, then check and answer jobs until told to stop.

Everything a hostile query could turn against the service happens here, in a process the pool can
kill: the SPARQL syntax check (refuses SERVICE, updates and nesting beyond the limits), evaluation,
serialisation. The worker has no network (seccomp), a memory cap, and evaluates on a thread with a
large stack so that deep but allowed queries do not overflow it. A missing or unreadable `current`
build is answered as 503 and retried on the next job, so a worker never dies of a switch in progress.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

from proveniens.service.sparql.backend.bindings import parse_terms
from proveniens.service.sparql.backend.jobs import CHUNK, GRAPH_FORMATS, RESULT_FORMATS, QueryJob
from proveniens.service.sparql.backend.sandbox import SandboxUnavailable, cap_memory, deny_network, die_with_parent
from proveniens.service.sparql.syntax import Refused, check_query
from proveniens.storage import build_lock

STACK_BYTES = 64 * 1024 * 1024  # 8× the usual: evaluation recursion grows with query nesting


@dataclass(frozen=True)
class WorkerConfig:
    """What a worker is started with."""

    root: str  # the store root holding the `current` link
    memory_bytes: int  # RLIMIT_DATA of the worker
    parent: int  # the service process: the worker ends with it


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


class _Build:
    """The build `current` points at, reopened when the link moves; None while there is none.

    The worker holds a reader's lock on the build it has open (storage/build_lock.py), so a publish that
    prunes old builds leaves this one until the worker has moved on."""

    def __init__(self, root: str) -> None:
        self.link = os.path.join(root, "current")
        self.target: str | None = None
        self.store: ox.Store | None = None
        self.lock: int | None = None

    def store_for_job(self) -> ox.Store:
        """The current build's store; OSError if there is none right now."""
        target = os.readlink(self.link)
        if target != self.target or self.store is None:
            try:
                lock = build_lock.hold(os.path.join(os.path.dirname(self.link), target))
            except OSError:  # removed between reading the link and locking: the link has moved on since
                target = os.readlink(self.link)
                lock = build_lock.hold(os.path.join(os.path.dirname(self.link), target))
            try:
                store = ox.Store.read_only(os.path.join(os.path.dirname(self.link), target))
            except BaseException:
                build_lock.release(lock)
                raise
            build_lock.release(self.lock)
            self.store, self.target, self.lock = store, target, lock
        return self.store


def _evaluate(store: ox.Store, job: QueryJob, conn: Connection) -> None:
    """Answer `job` over the store's default graph (the union of the named graphs, each triple once, that the
    build wrote: proveniens/derived/union_graph.py) or over the graphs the protocol's dataset parameters name."""
    options: dict[str, Any] = {"base_iri": job.base_iri} if job.base_iri else {}
    writer: _PipeWriter | None = None
    try:
        if job.default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
        if job.named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
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
    except Exception as err:  # the worker's boundary: report every failure to the parent, never die silently
        if writer is not None and writer.started:
            conn.send(("abort", f"Query failed: {err}"))
        elif isinstance(err, SyntaxError):
            conn.send(("error", 400, f"SPARQL syntax error: {err}"))
        elif isinstance(err, ValueError):  # a bad graph IRI or substitution
            conn.send(("error", 400, f"Bad request: {err}"))
        else:
            conn.send(("error", 500, f"Query failed: {err}"))


def _answer(build: _Build, job: QueryJob, conn: Connection) -> None:
    try:
        check_query(job.query)
    except Refused as err:
        conn.send(("error", err.status, err.message))
        return
    try:
        store = build.store_for_job()
    except OSError as err:
        conn.send(("error", 503, f"No build can be served right now ({err.strerror}); try again shortly."))
        return
    _evaluate(store, job, conn)


def _serve(conn: Connection, config: WorkerConfig) -> None:
    build = _Build(config.root)
    while True:
        job = conn.recv()
        if job is None:
            return
        _answer(build, job, conn)


def worker_main(conn: Connection, config: WorkerConfig) -> None:
    """Confine this process, say so to the parent, then answer jobs on a large-stack thread."""
    die_with_parent(config.parent)
    try:
        deny_network()
        confinement = None
    except SandboxUnavailable as err:
        confinement = f"query workers are NOT cut off from the network: {err}"
    cap_memory(config.memory_bytes)
    conn.send(("ready", confinement))
    threading.stack_size(STACK_BYTES)
    thread = threading.Thread(target=_serve, args=(conn, config), name="query")
    thread.start()
    thread.join()
