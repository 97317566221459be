"""All configuration in one object, read from `PROVENIENS_*` environment variables.

Built by `load_settings()` at the edge (CLI, app factory), never at import, so tests pass
`Settings(...)` directly instead of mutating the environment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import ByteSize, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from proveniens.storage.remote import DIALECT_PATHS, RemoteEndpoints, is_remote


class Settings(BaseSettings):
    """Settings of every Proveniens command and of the service."""

    model_config = SettingsConfigDict(env_prefix="PROVENIENS_", extra="forbid")

    store: str = Field(
        default="var/store",
        description="Directory of the on-disk store (builds go to `<store>/builds/`, `<store>/current` is the "
        "one served), or the base URL of a remote SPARQL 1.1 server such as `http://127.0.0.1:7878`.",
    )
    remote_dialect: Literal["sparql11", "virtuoso"] = Field(
        default="sparql11",
        description="Kind of remote store: `sparql11` (Oxigraph server and other servers that follow SPARQL 1.1) or "
        "`virtuoso` (builds switched in by a pointer graph, partial results refused: "
        "proveniens/storage/remote_virtuoso.py).",
    )
    remote_query_path: str | None = Field(
        default=None, description="Query endpoint path on a remote store (unset: the dialect's, `/query` or `/sparql`)."
    )
    remote_update_path: str | None = Field(
        default=None,
        description="Update endpoint path on a remote store (unset: the dialect's, `/update` or `/sparql-auth`).",
    )
    remote_store_path: str | None = Field(
        default=None,
        description="Graph Store Protocol path on a remote store (unset: the dialect's, `/store` or "
        "`/sparql-graph-crud-auth`).",
    )
    remote_user: str | None = Field(
        default=None, description="User for the remote store's writes (HTTP digest authentication), e.g. Virtuoso's."
    )
    remote_password: str | None = Field(default=None, description="Password of `remote_user`.")
    sources: Path = Field(
        default=Path("sources"),
        description="Folder of source files to build from: `*.txt` documents and curated `*.yaml` files.",
    )
    host: str = Field(default="127.0.0.1", description="Address the service listens on.")
    port: int = Field(default=8000, description="Port the service listens on.")
    query_timeout: float = Field(
        default=30.0, gt=0, description="Seconds a query may run before it is stopped and answered with 504."
    )
    query_workers: int = Field(
        default=2, ge=1, description="Worker processes kept ready to run queries, per service process."
    )
    query_workers_max: int = Field(
        default=6,
        ge=1,
        description="Most worker processes per service process: one is added beside each query running longer "
        "than 0.5 s, so short queries are answered while long ones run to their limit.",
    )
    query_memory: ByteSize = Field(
        default=ByteSize(2 << 30),
        ge=512 << 20,
        description="Memory one query worker may use (e.g. `2GiB`; at least `512MiB`), counted as its private "
        "address space; a query beyond it is stopped with 500.",
    )
    client_queries: int = Field(
        default=4,
        ge=1,
        description="Queries one client address may have running or waiting at `/sparql`; beyond that 429.",
    )
    query_queue: int = Field(
        default=32, ge=0, description="Requests that may wait for a free worker; beyond that the answer is 503."
    )
    max_body_bytes: int = Field(default=1_000_000, ge=1024, description="Largest request body accepted (413 beyond).")
    max_header_bytes: int = Field(
        default=65_536, ge=1024, description="Largest total size of a request's header fields (431 beyond)."
    )
    max_headers: int = Field(default=100, ge=10, description="Most header fields in one request (431 beyond).")
    union_default_graph: bool = Field(
        default=True,
        description="Whether the default graph is kept as the union of all named graphs, each triple once: every "
        "build writes it, and with this on `POST /update` writes it again after each update (what an update put "
        "into the default graph itself is then replaced). Off, updates leave the default graph as they find it.",
    )
    update_token: str | None = Field(
        default=None,
        description="Bearer token that enables the authenticated `POST /update` route; unset, the route does not "
        "exist. Updates bypass the sources and their validation: meant for tests and migrations.",
    )
    http_workers: int = Field(
        default=1, ge=1, description="HTTP worker processes of `proveniens serve`; each has its own query workers."
    )
    keep_builds: int = Field(
        default=3, ge=1, description="How many builds to keep on disk; older ones are removed after a switch."
    )

    @field_validator("store", mode="before")
    @classmethod
    def _path_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, Path) else value

    @property
    def remote(self) -> RemoteEndpoints | None:
        """The remote server's endpoints when `store` is a URL, else None."""
        if not is_remote(self.store):
            return None
        query, update, store = DIALECT_PATHS[self.remote_dialect]
        return RemoteEndpoints(
            self.store,
            self.remote_query_path or query,
            self.remote_update_path or update,
            self.remote_store_path or store,
            dialect=self.remote_dialect,
            credentials=(self.remote_user, self.remote_password or "") if self.remote_user else None,
        )

    @property
    def store_path(self) -> Path:
        return Path(self.store)


def load_settings(**overrides: object) -> Settings:
    """Read the environment, then apply explicit overrides (CLI options) that are not None."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
