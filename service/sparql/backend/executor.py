"""A pool of query worker processes that heals itself and grows around runaway queries.

pyoxigraph cannot interrupt a query from Python, so each query runs in a worker process
(query_worker.py) and one that passes its time limit is ended by killing its worker.
The pool keeps its promises whatever happens to a worker:
- a worker that dies (kill -9, out of memory, a crash) is replaced: between queries before the
  next query needs it, during a query with a clear 5xx naming the cause;
- the pool never ends smaller than configured: a supervisor checks every `_TICK` seconds;
- long queries do not starve short ones: for every query running longer than `LONG_QUERY`
  seconds one more worker is started, up to `max_size`, and retired when it is no longer needed.
Results stream back in chunks over a pipe; the first chunk is read before the HTTP status is
chosen, so an error found while evaluating the start of a result is still a clean error response.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing as mp
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from proveniens.errors import ProveniensError
from proveniens.service.sparql.backend.jobs import CompleteBody, QueryFailed, QueryJob
from proveniens.service.sparql.backend.query_worker import WorkerConfig, worker_main

LONG_QUERY = 0.5  # seconds after which a running query counts as long and a worker is added beside it
_TICK = 0.1  # seconds between supervisor rounds
_START_LIMIT = 60.0  # seconds the first workers may take to start
_SIGNALS = {signal.SIGKILL: "killed", signal.SIGABRT: "aborted", signal.SIGSEGV: "crashed (segmentation fault)"}


class WorkersCannotStart(ProveniensError):
    """The pool's first workers died or hung while starting; the message says why."""


class _Worker:
    def __init__(self, ctx: Any, config: WorkerConfig) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=worker_main, args=(child, config), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.busy_since: float | None = None

    def alive(self) -> bool:
        return self.process.is_alive()

    def death(self, memory_bytes: int) -> str:
        """Why the worker is gone, in words for the client."""
        self.process.join(timeout=1)
        code = self.process.exitcode
        if code is not None and code < 0 and -code == signal.SIGABRT:
            limit = memory_bytes // (1024 * 1024)
            return f"its worker ran out of memory (the limit per query is {limit} MiB, PROVENIENS_QUERY_MEMORY)"
        if code is not None and code < 0:
            return f"its worker was {_SIGNALS.get(signal.Signals(-code), f'stopped by signal {-code}')}"
        return f"its worker ended unexpectedly (exit code {code})"

    async def receive(self, timeout: float) -> Any:
        """The next message, or TimeoutError; EOFError if the worker died. The event loop is never blocked.

        The event loop may switch the pipe to non-blocking while it watches it; a message is read
        in blocking mode once it has started to arrive, so a large chunk is never cut.
        """
        while True:
            if not self.conn.poll():
                await self._readable(timeout)
            os.set_blocking(self.conn.fileno(), True)
            message = self.conn.recv()
            if message[0] != "ready":
                return message
            self._note_ready(message[1])

    async def _readable(self, timeout: float) -> None:
        fd = self.conn.fileno()
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        loop.add_reader(fd, lambda: future.done() or future.set_result(None))
        try:
            async with asyncio.timeout(timeout):  # no extra task per message, unlike wait_for
                await future
        finally:
            loop.remove_reader(fd)

    def take_ready(self) -> None:
        """Read the worker's start message if it has arrived, without waiting."""
        with contextlib.suppress(OSError, EOFError):
            if not self.ready and self.conn.poll():
                message = self.conn.recv()
                if message[0] == "ready":
                    self._note_ready(message[1])

    def _note_ready(self, confinement: str | None) -> None:
        self.ready = True
        if confinement:
            print(f"proveniens: warning: {confinement}", file=sys.stderr, flush=True)

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class WorkerPool:
    """At least `size` query workers (at most `max_size`), a bounded queue, and a time limit per query."""

    lateral = True  # pyoxigraph reads LATERAL (backend/portable.py)

    async def graph_names(self) -> None:
        return None  # the store lists them itself: `GRAPH ?g { }`

    def __init__(
        self,
        root: Path,
        size: int,
        timeout: float,
        queue: int,
        max_size: int | None = None,
        memory_bytes: int = 2 << 30,
    ) -> None:
        self.size = size
        self.max_size = max(max_size or size, size)
        self.timeout = timeout
        self.queue = queue
        self.memory_bytes = memory_bytes
        self._config = WorkerConfig(str(root), memory_bytes, os.getpid())
        self._ctx = mp.get_context("spawn")
        self._idle: list[_Worker] = []  # the last worker used is the warmest: taken from the end
        self._free = asyncio.Condition()
        self._waiting = 0
        self._all: set[_Worker] = set()
        self._supervisor: asyncio.Task[None] | None = None
        for _ in range(size):
            self._add()

    def _add(self) -> None:
        """Start a worker; it waits at the cold end of the idle list until it is ready."""
        worker = _Worker(self._ctx, self._config)
        self._all.add(worker)
        self._idle.insert(0, worker)

    def _drop(self, worker: _Worker) -> None:
        self._all.discard(worker)
        if worker in self._idle:
            self._idle.remove(worker)
        worker.kill()

    def _target(self) -> int:
        """How many workers the pool should have now: `size` plus one per long-running query."""
        loop = asyncio.get_running_loop()
        now = loop.time()
        long = sum(1 for w in self._all if w.busy_since is not None and now - w.busy_since > LONG_QUERY)
        return min(self.size + long, self.max_size)

    async def start(self) -> None:
        """Wait until the first workers are ready; raise WorkersCannotStart, saying why, if they die first."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + _START_LIMIT
        for worker in list(self._all):
            while not worker.ready:
                worker.take_ready()
                if not worker.ready and not worker.alive():
                    await self.aclose()
                    raise WorkersCannotStart(
                        f"A query worker died while starting: {worker.death(self.memory_bytes)}. If "
                        f"PROVENIENS_QUERY_MEMORY ({self.memory_bytes >> 20} MiB) is small, raise it."
                    )
                if loop.time() > deadline:
                    await self.aclose()
                    raise WorkersCannotStart(f"No query worker was ready within {_START_LIMIT:g} s.")
                await asyncio.sleep(0.02)
        self._ensure_supervised()

    async def _supervise(self) -> None:
        """Replace dead idle workers and keep the pool at its target size, every `_TICK` seconds.

        A worker that died before it was ready delays the next start by a second, so a worker that
        cannot start (a broken build, too little memory) does not become a loop of process starts.
        """
        while True:
            stillborn = False
            for worker in list(self._idle):
                worker.take_ready()
                if not worker.alive():
                    stillborn = stillborn or not worker.ready
                    self._drop(worker)
            if stillborn:
                await asyncio.sleep(1)
            missing = self._target() - len(self._all)
            for _ in range(missing):
                self._add()
            if missing > 0:
                async with self._free:
                    self._free.notify(missing)
            await asyncio.sleep(_TICK)

    def _ensure_supervised(self) -> None:
        if self._supervisor is None or self._supervisor.done():
            self._supervisor = asyncio.get_running_loop().create_task(self._supervise())

    async def aclose(self) -> None:
        if self._supervisor is not None:
            self._supervisor.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._supervisor
        for worker in list(self._all):
            worker.kill()
        self._all.clear()
        self._idle.clear()

    def _take_idle(self) -> _Worker | None:
        """The warmest idle worker that is ready, else one still starting.

        A worker that died idle is found by the supervisor, or by `_dispatch` when the job cannot be
        sent; checking every idle worker's process here would cost system calls on every query.
        """
        for worker in reversed(self._idle):
            worker.take_ready()
            if worker.ready:
                self._idle.remove(worker)
                return worker
        return self._idle.pop() if self._idle else None

    def _add_if_short(self) -> None:
        if len(self._all) < self._target():
            self._add()

    async def _acquire(self, deadline: float) -> _Worker:
        self._ensure_supervised()
        if (worker := self._take_idle()) is not None:
            return worker
        if self._waiting >= self.queue:
            raise QueryFailed(503, "All query workers are busy and the queue is full. Try again shortly.", 1)
        self._waiting += 1
        try:
            async with asyncio.timeout_at(deadline), self._free:
                while (worker := self._take_idle()) is None:
                    await self._free.wait()
                return worker
        except TimeoutError:
            raise QueryFailed(503, "No query worker became free within the time limit. Try again.", 1) from None
        finally:
            self._waiting -= 1

    async def _release(self, worker: _Worker) -> None:
        """Back to the idle list, or retired if the pool has grown beyond what it needs now."""
        worker.busy_since = None
        if len(self._all) > self._target():
            self._drop(worker)
            self._add_if_short()
            return
        self._idle.append(worker)
        async with self._free:
            self._free.notify()

    async def _replace(self, worker: _Worker) -> None:
        self._drop(worker)
        self._add_if_short()
        async with self._free:
            self._free.notify()

    async def _dispatch(self, job: QueryJob, deadline: float) -> _Worker:
        """A worker that has accepted `job`; one that died while idle is replaced and the next one tried."""
        loop = asyncio.get_running_loop()
        while True:
            worker = await self._acquire(deadline)
            try:
                worker.conn.send(job)
            except OSError:
                await self._replace(worker)
                continue
            worker.busy_since = loop.time()
            return worker

    async def run(self, job: QueryJob) -> tuple[str, AsyncIterator[bytes]]:
        """Start `job`; return the media type and the body once the first chunk (or the end) has arrived."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        worker = await self._dispatch(job, deadline)
        try:
            kind, *rest = await worker.receive(max(deadline - loop.time(), 0))
        except TimeoutError:
            await self._replace(worker)
            message = f"The query ran longer than the limit of {self.timeout:g} s and was stopped."
            raise QueryFailed(504, message) from None
        except (EOFError, OSError):
            cause = worker.death(self.memory_bytes)
            await self._replace(worker)
            raise QueryFailed(500, f"The query was not answered: {cause}. Other queries are not affected.") from None
        except BaseException:
            await self._replace(worker)
            raise
        if kind == "error":
            await self._release(worker)
            raise QueryFailed(rest[0], rest[1])
        if kind == "whole":
            await self._release(worker)
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
        except (EOFError, OSError):
            raise QueryFailed(500, f"The result was cut off: {worker.death(self.memory_bytes)}.") from None
        finally:
            if finished:
                await self._release(worker)
            else:  # timed out, failed, or the client went away: the worker may still be writing
                await self._replace(worker)
