"""The application factory: one backend (a pool of query workers over the store) shared by every request."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from proveniens import __version__
from proveniens.service import caching, error_responses
from proveniens.service.answers import api
from proveniens.service.answers.named import NamedQueries
from proveniens.service.linked_data import dataset, vocabulary
from proveniens.service.linked_data import dereference as linked_data
from proveniens.service.openapi_errors import publish_unprocessable
from proveniens.service.pages import routes as pages
from proveniens.service.security_headers import SecurityHeaders
from proveniens.service.sparql import endpoint as sparql
from proveniens.service.sparql import update
from proveniens.service.sparql.backend.executor import WorkerPool
from proveniens.service.sparql.backend.remote import RemoteBackend
from proveniens.service.sparql.backend.virtuoso import VirtuosoDialect
from proveniens.service.sparql.fairness import ClientSlots
from proveniens.settings import Settings, load_settings
from proveniens.storage.store import open_read_only


def create_app(settings: Settings) -> FastAPI:
    """Build the service over `settings.store`: the current on-disk build, or a remote SPARQL server."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        backend: WorkerPool | RemoteBackend
        if settings.remote is not None:
            backend = RemoteBackend(
                settings.remote,
                concurrency=settings.query_workers,
                queue=settings.query_queue,
                timeout=settings.query_timeout,
                dialect=VirtuosoDialect(settings.remote, settings.query_timeout)
                if settings.remote.dialect == "virtuoso"
                else None,
            )
        else:
            open_read_only(settings.store_path)  # fail at start, with a clear message, if there is no build
            backend = WorkerPool(
                settings.store_path,
                size=settings.query_workers,
                timeout=settings.query_timeout,
                queue=settings.query_queue,
                max_size=settings.query_workers_max,
                memory_bytes=int(settings.query_memory),
            )
            await backend.start()
        app.state.backend = backend
        app.state.named_queries = NamedQueries(backend, lambda: caching.served_version(app.state))
        try:
            yield
        finally:
            await backend.aclose()

    app = FastAPI(title="Proveniens", version=__version__, lifespan=lifespan)
    publish_unprocessable(app)
    error_responses.install(app)
    app.add_middleware(SecurityHeaders, docs_paths=(app.docs_url, app.redoc_url))
    app.state.settings = settings
    app.state.client_slots = ClientSlots(settings.client_queries)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=["Content-Type", "Vary", "Retry-After", "ETag", "Link"],
    )
    app.router.routes.extend(sparql.routes)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(vocabulary.router)
    app.include_router(dataset.router)
    app.include_router(linked_data.router)  # last resort: a path no other route answers names an IRI
    if settings.update_token:
        app.include_router(update.router)
    return app


def app_from_environment() -> FastAPI:
    """The app for one HTTP worker process, from `PROVENIENS_*` variables (what `proveniens serve` starts)."""
    return create_app(load_settings())
