"""Shared fixtures: the bundled corpus built once per session, and real server processes
(`proveniens serve`, `oxigraph serve`, Virtuoso's `virtuoso-t`) started and stopped by the tests that need them.

`PROVENIENS_TEST_BACKEND` (`oxigraph` or `virtuoso`; `make test-remote BACKEND=…` sets it) chooses the kind of
remote store the remote tests start (Oxigraph server when unset), and makes the fixtures that serve the bundled
build (`served`) publish it into such a store and serve from there, so that the protocol, linked-data, API and
page tests run against it. Unset, those fixtures serve the embedded store."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

from proveniens.build import BuildReport, build
from proveniens.storage.store import open_read_only
from tests import servers
from tests.servers import BIN, RemoteServer, free_port, oxigraph_process, stop, wait_until_up

REPO = Path(__file__).resolve().parents[1]
BUNDLED_SOURCES = REPO / "sources"


@pytest.fixture(scope="session")
def bundled_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    """(store root, report) of a build of the bundled sources."""
    root = tmp_path_factory.mktemp("store")
    return root, build(BUNDLED_SOURCES, root)


@pytest.fixture(scope="session")
def bundled_store(bundled_build: tuple[Path, BuildReport]) -> ox.Store:
    return open_read_only(bundled_build[0])


@contextmanager
def proveniens_process(store: Path | str, **env: str) -> Iterator[str]:
    """`proveniens serve` on a free port with `PROVENIENS_*` settings; yields its base URL."""
    port = free_port()
    environ = {**os.environ, **{f"PROVENIENS_{k.upper()}": str(v) for k, v in env.items()}}
    process = subprocess.Popen(
        [str(BIN / "proveniens"), "serve", "--store", str(store), "--host", "127.0.0.1", "--port", str(port)],
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(process, base + "/sparql", {"query": "ASK {}"}, "proveniens serve")
        yield base
    finally:
        stop(process)


@pytest.fixture(scope="session")
def serve() -> Callable[..., AbstractContextManager[str]]:
    """Start `proveniens serve`: `with serve(store, query_timeout="3") as base: …`."""
    return proveniens_process


@pytest.fixture(scope="session")
def start_oxigraph() -> Callable[[Path], AbstractContextManager[str]]:
    """Start `oxigraph serve`: `with start_oxigraph(tmp_path / "oxi") as base: …`."""
    return oxigraph_process


SUITE_BACKEND = os.environ.get("PROVENIENS_TEST_BACKEND")  # unset: the suite serves the embedded store
BACKEND = SUITE_BACKEND or "oxigraph"


def remote_process(
    location: Path, backend: str = BACKEND, max_rows: int = 1_000_000
) -> AbstractContextManager[RemoteServer]:
    """A real remote store of kind `backend` (PROVENIENS_TEST_BACKEND by default): tests/servers.py."""
    return servers.remote_process(location, backend, max_rows)


@pytest.fixture(scope="session")
def start_remote() -> Callable[..., AbstractContextManager[RemoteServer]]:
    """Start the remote store under test: `with start_remote(tmp_path / "db") as server: …`."""
    return remote_process


def store_graphs(root: Path) -> list[tuple[URIRef, Graph]]:
    """The named graphs of the build served at store `root`, to publish them elsewhere."""
    store = open_read_only(root)
    return [
        (URIRef(g.value), Graph().parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g), format="nt"))
        for g in store.named_graphs()
    ]


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[Path], dict[str, str]]]:
    """`served(root)`: the settings (lower case, no prefix) that serve the build at store `root` — the store itself,
    or under PROVENIENS_TEST_BACKEND a remote store of that kind holding its graphs (one per root and session)."""
    with ExitStack() as stack:
        known: dict[Path, dict[str, str]] = {}

        def settings(root: Path) -> dict[str, str]:
            if SUITE_BACKEND is None:
                return {"store": str(root)}
            if root not in known:
                server = stack.enter_context(remote_process(tmp_path_factory.mktemp(SUITE_BACKEND), SUITE_BACKEND))
                server.target().publish(store_graphs(root))
                known[root] = server.settings()
            return known[root]

        yield settings
