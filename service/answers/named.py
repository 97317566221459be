"""Run a named query through the service's backend (worker pool or remote server) and read its rows.

The parameters are bound as RDF terms (`NamedQuery.bind`), carried to the backend in N-Triples form
and substituted there; the SPARQL text of the query file is never changed by a value.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from proveniens.errors import QueryError
from proveniens.named_queries import NamedQuery, named_queries
from proveniens.service.sparql.backend.bindings import encode_terms
from proveniens.service.sparql.backend.jobs import Backend, QueryJob

JSON_RESULTS = "application/sparql-results+json"
CACHE_SIZE = 1024  # answers kept per service process; a build never changes, so they stay true until the next one


@dataclass(frozen=True)
class Term:
    """One value of a result row, as SPARQL JSON results give it."""

    value: str
    kind: str  # "uri", "literal" or "bnode"
    lang: str | None = None
    datatype: str | None = None

    @property
    def is_iri(self) -> bool:
        return self.kind == "uri"


Row = dict[str, Term]


def _term(binding: dict[str, Any]) -> Term:
    kind = "literal" if binding["type"] == "typed-literal" else binding["type"]
    return Term(binding["value"], kind, binding.get("xml:lang"), binding.get("datatype"))


def query_named(name: str) -> NamedQuery:
    query = named_queries().get(name)
    if query is None:
        raise QueryError(f"there is no named query {name!r}; known: {', '.join(sorted(named_queries()))}.")
    return query


def job_for(name: str, values: dict[str, str]) -> QueryJob:
    """The backend job for a named query with its parameters bound as terms (QueryError on a bad value)."""
    query = query_named(name)
    substitutions = encode_terms(query.bind(values))
    return QueryJob(query.text, results_media=JSON_RESULTS, substitutions=substitutions, named=True)


class NamedQueries:
    """The backend as the answers read it: rows of named SELECT queries, kept per build.

    The served build never changes (a new one has a new version), so an answer stays true until the next
    build and a page asked for again costs no query. `version` says which build is served (None: unknown,
    nothing is kept).
    """

    def __init__(self, backend: Backend, version: Callable[[], Awaitable[str | None]]) -> None:
        self.backend = backend
        self._version = version
        self._cache: OrderedDict[tuple[str, ...], list[Row]] = OrderedDict()

    async def select(self, name: str, **values: str) -> list[Row]:
        """Rows of the named SELECT query `name`, run by the backend. Raises QueryError or QueryFailed."""
        job = job_for(name, values)
        version = await self._version()
        key = (version or "", name, *sorted(f"{k}={v}" for k, v in job.substitutions.items()))
        if version is not None and key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        media, body = await self.backend.run(job)
        data = b"".join([chunk async for chunk in body])
        if media != JSON_RESULTS:
            raise QueryError(f"queries/{name}.rq must be a SELECT query (the backend answered {media}).")
        rows = [{k: _term(v) for k, v in b.items()} for b in json.loads(data)["results"]["bindings"]]
        if version is not None:
            self._cache[key] = rows
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return rows
