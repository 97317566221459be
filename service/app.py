"""The application factory: one store, opened read-only, shared by every request."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from proveniens import __version__
from proveniens.service import sparql
from proveniens.settings import Settings
from proveniens.store import open_read_only


def create_app(settings: Settings) -> FastAPI:
    """Build the service over the current build of `settings.store`."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = open_read_only(settings.store)
        yield

    app = FastAPI(title="Proveniens", version=__version__, lifespan=lifespan)
    app.include_router(sparql.router)
    return app
