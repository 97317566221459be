"""Serve the Proveniens app under uvicorn settings that `proveniens serve` does not expose (benchmark only).

`proveniens serve` calls `uvicorn.run(app, host, port, log_level="warning")`: one process, and
uvicorn's "auto" loop and HTTP parser, which are uvloop and httptools when they are installed (they
are, through `uvicorn[standard]`). This launcher lets the benchmark try the other choices on the
same app built by `create_app`:

    --loop asyncio --http h11   what a deployment without uvicorn[standard] gets
    --workers N                 N uvicorn processes sharing the socket, each with its own query pool
    --inline                    diagnostic: the same request path and the same serialisation
                                (`executor._evaluate`), but run in the server process instead of a
                                worker process: no pipe, no process hop, and no killable time limit.
                                It is not a configuration to ship; it measures what the hop costs.

Settings come from the environment as for the real service (PROVENIENS_STORE, PROVENIENS_QUERY_WORKERS, ...).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI

from proveniens.service.app import create_app
from proveniens.service.sparql.backend import executor, query_worker
from proveniens.settings import load_settings
from proveniens.storage.store import open_read_only


def make_app() -> FastAPI:
    """The service exactly as `proveniens serve` builds it."""
    return create_app(load_settings())


class _Collect:
    """Stands in for the worker's pipe: keeps the messages `_evaluate` sends."""

    def __init__(self) -> None:
        self.messages: list[tuple[Any, ...]] = []

    def send(self, message: tuple[Any, ...]) -> None:
        self.messages.append(message)


class InlineBackend:
    """Runs each query on the event loop, through the worker's own evaluation and serialisation code."""

    def __init__(self, store: Any) -> None:
        self.store = store

    async def run(self, job: executor.QueryJob) -> tuple[str, AsyncIterator[bytes]]:
        conn = _Collect()
        query_worker._evaluate(self.store, job, conn)  # type: ignore[arg-type]
        first = conn.messages[0]
        if first[0] == "error":
            raise executor.QueryFailed(first[1], first[2])
        chunks = [m[1] for m in conn.messages if m[0] == "data"]

        async def body() -> AsyncIterator[bytes]:
            for chunk in chunks:
                yield chunk

        return first[1], body()


def make_inline_app() -> FastAPI:
    settings = load_settings()
    app = make_app()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        root = Path(getattr(settings, "store_path", settings.store))
        app.state.backend = InlineBackend(open_read_only(root))
        yield

    app.router.lifespan_context = lifespan
    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--loop", default="auto", help="uvicorn loop: auto (uvloop if installed), asyncio, uvloop")
    parser.add_argument("--http", default="auto", help="uvicorn HTTP parser: auto (httptools if installed), h11")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn processes")
    parser.add_argument("--inline", action="store_true", help="run queries in the server process (diagnostic)")
    args = parser.parse_args(argv)
    factory = "serve_variant:make_inline_app" if args.inline else "serve_variant:make_app"
    uvicorn.run(
        factory,
        factory=True,
        app_dir=os.path.dirname(os.path.abspath(__file__)),
        host=args.host,
        port=args.port,
        loop=args.loop,
        http=args.http,
        workers=args.workers,
        log_level="warning",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
