"""What passes between the HTTP side and a query backend: the job, its answer, its failure.

Shared by the worker pool, the worker processes and the remote backend, so that none of them
imports another.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Protocol

import pyoxigraph as ox

from proveniens.service.errors import ServiceError

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
    named: bool = False  # a query of queries/, whose LATERAL groups are only hints (portable.py)


class QueryFailed(ServiceError):
    """A query could not be answered; `status` is the HTTP status to send, `retry_after` when to try again."""

    def __init__(self, status: int, message: str, retry_after: int | None = None) -> None:
        super().__init__(message, status, {"Retry-After": str(retry_after)} if retry_after else None)
        self.retry_after = retry_after


class CompleteBody:
    """A result that arrived whole: answered as a plain response, iterable like a stream."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.data


class Backend(Protocol):
    """What evaluates a job: the worker pool over the on-disk store, or the remote server's client."""

    lateral: bool  # whether it reads Oxigraph's LATERAL, which the named queries use as a hint

    async def graph_names(self) -> list[str] | None:
        """The served build's named graphs where the backend knows them without asking the store, else None."""

    async def run(self, job: QueryJob) -> tuple[str, AsyncIterator[bytes]]: ...
