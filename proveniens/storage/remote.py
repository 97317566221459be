"""A remote SPARQL 1.1 server (Oxigraph server, Virtuoso, …) as the store behind Proveniens.

A build is published to it the way an embedded build is switched: every named graph is first
uploaded under a staging name with the Graph Store Protocol, then one SPARQL update moves all
staging graphs into place, drops graphs the build no longer has and writes their union into the
default graph. The server applies that one update as a single request, so readers see the old
graphs or the new ones.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import httpx
from rdflib import Graph, URIRef

from proveniens.errors import StoreError

STAGING = "urn:x-proveniens:staging:"
# The default graph made the union of the named graphs, each triple once (proveniens/derived/union_graph.py), in the
# update that switches the graphs: readers see the old union with the old graphs or the new with the new.
UNION_DEFAULT_GRAPH = [
    "DROP SILENT DEFAULT",
    f'INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (!STRSTARTS(STR(?g), "{STAGING}")) }}',
]


def is_remote(store: str) -> bool:
    return store.startswith(("http://", "https://"))


# Each kind of server's own paths for the query, update and Graph Store endpoints. Virtuoso's anonymous `/sparql`
# is read-only; its writes go to the endpoints behind HTTP digest authentication.
DIALECT_PATHS = {
    "sparql11": ("/query", "/update", "/store"),
    "virtuoso": ("/sparql", "/sparql-auth", "/sparql-graph-crud-auth"),
}


@dataclass(frozen=True)
class RemoteEndpoints:
    """Where the server answers queries, updates and Graph Store requests (Oxigraph's paths by default).

    `dialect` names the server's kind where it departs from SPARQL 1.1 (`virtuoso`:
    proveniens/storage/remote_virtuoso.py); `credentials` (user, password) are sent with HTTP digest
    authentication on writes."""

    base: str
    query_path: str = "/query"
    update_path: str = "/update"
    store_path: str = "/store"
    dialect: str = "sparql11"
    credentials: tuple[str, str] | None = None

    @classmethod
    def of(cls, base: str, dialect: str = "sparql11", credentials: tuple[str, str] | None = None) -> RemoteEndpoints:
        """The endpoints at the dialect's usual paths."""
        return cls(base, *DIALECT_PATHS[dialect], dialect=dialect, credentials=credentials)

    @property
    def auth(self) -> httpx.DigestAuth | None:
        return httpx.DigestAuth(*self.credentials) if self.credentials else None

    @property
    def query(self) -> str:
        return self.base.rstrip("/") + self.query_path

    @property
    def update(self) -> str:
        return self.base.rstrip("/") + self.update_path

    @property
    def store(self) -> str:
        return self.base.rstrip("/") + self.store_path


def _check(response: httpx.Response, what: str) -> httpx.Response:
    if response.status_code >= 400:
        raise StoreError(
            f"{what} failed at {response.request.url}: {response.status_code} {response.text.strip()[:500]}"
        )
    return response


class RemoteTarget:
    """Publishes a build's named graphs to a remote server."""

    def __init__(self, endpoints: RemoteEndpoints, timeout: float = 120.0) -> None:
        self.endpoints = endpoints
        self.timeout = timeout

    def __str__(self) -> str:
        return self.endpoints.base

    def existing_graphs(self, client: httpx.Client) -> set[str]:
        response = _check(
            client.post(
                self.endpoints.query,
                data={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"},
                headers={"Accept": "application/sparql-results+json"},
            ),
            "Listing the remote graphs",
        )
        return {b["g"]["value"] for b in response.json()["results"]["bindings"]}

    def publish(self, graphs: list[tuple[URIRef, Graph]]) -> dict[str, int]:
        run = uuid.uuid4().hex
        counts: dict[str, int] = {}
        try:
            with httpx.Client(timeout=self.timeout, auth=self.endpoints.auth) as client:
                before = self.existing_graphs(client)
                staged = []
                for name, graph in graphs:
                    staging = f"{STAGING}{run}:{name}"
                    body = graph.serialize(format="nt", encoding="utf-8")
                    _check(
                        client.put(
                            self.endpoints.store,
                            params={"graph": staging},
                            content=body,
                            headers={"Content-Type": "application/n-triples"},
                        ),
                        f"Uploading {name}",
                    )
                    staged.append((staging, str(name)))
                    counts[str(name)] = len(graph)
                operations = [f"MOVE SILENT GRAPH <{s}> TO GRAPH <{g}>" for s, g in staged]
                keep = {g for _, g in staged}
                operations += [f"DROP SILENT GRAPH <{g}>" for g in sorted(before - keep) if not g.startswith(STAGING)]
                operations += UNION_DEFAULT_GRAPH
                _check(client.post(self.endpoints.update, data={"update": " ;\n".join(operations)}), "Switching graphs")
        except httpx.HTTPError as err:
            raise StoreError(f"{self.endpoints.base}: the remote store cannot be reached ({err}).") from err
        return counts
