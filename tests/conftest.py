"""Shared fixtures: the bundled corpus built once per session, and real server processes
(`proveniens serve`, `oxigraph serve`, Virtuoso's `virtuoso-t`) started and stopped by the tests that need them.

`PROVENIENS_TEST_BACKEND` (`oxigraph` or `virtuoso`; `make test-remote BACKEND=…` sets it) chooses the kind of
remote store the remote tests start (Oxigraph server when unset), and makes the fixtures that serve the bundled
build (`served`) publish it into such a store and serve from there, so that the protocol, linked-data, API and
page tests run against it. Unset, those fixtures serve the embedded store."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

from proveniens.build import BuildReport, build
from proveniens.storage.remote import RemoteEndpoints, RemoteTarget
from proveniens.storage.remote_virtuoso import VirtuosoTarget, remote_target
from proveniens.storage.store import open_read_only

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


BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_up(
    process: subprocess.Popen[bytes], url: str, params: dict[str, str], what: str, seconds: float = 30
) -> None:
    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            output = process.stdout.read().decode() if process.stdout else ""
            raise RuntimeError(f"{what} exited: {output}")
        try:
            if httpx.get(url, params=params, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not answer within {seconds:g} s")
        time.sleep(0.1)


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


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
        _wait_until_up(process, base + "/sparql", {"query": "ASK {}"}, "proveniens serve")
        yield base
    finally:
        _stop(process)


@contextmanager
def oxigraph_process(location: Path) -> Iterator[str]:
    """A real `oxigraph serve` (from the `oxigraph` package) on a free port; yields its base URL."""
    port = free_port()
    bind = ["--bind", f"127.0.0.1:{port}", "--timeout-s", "60"]  # a query given up on stops at the server's limit
    process = subprocess.Popen(
        [str(BIN / "oxigraph"), "serve", "--location", str(location), *bind],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(process, base + "/query", {"query": "ASK {}"}, "oxigraph serve")
        yield base
    finally:
        _stop(process)


@pytest.fixture(scope="session")
def serve() -> Callable[..., AbstractContextManager[str]]:
    """Start `proveniens serve`: `with serve(store, query_timeout="3") as base: …`."""
    return proveniens_process


@pytest.fixture(scope="session")
def start_oxigraph() -> Callable[[Path], AbstractContextManager[str]]:
    """Start `oxigraph serve`: `with start_oxigraph(tmp_path / "oxi") as base: …`."""
    return oxigraph_process


# A Virtuoso database of its own: ports chosen free, every file inside `location`. `ResultSetMaxRows` above
# what the suite asks for, so that only the test of truncation (max_rows) meets it.
VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = {sql}
DisableUnixSocket = 1
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
DirsAllowed = ., {d}
[HTTPServer]
ServerPort = {http}
ServerRoot = {d}
ServerThreads = 10
[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = 600
"""
VIRTUOSO_CREDENTIALS = ("dba", "dba")  # a new database's own; the database lives as long as the test


@contextmanager
def virtuoso_process(location: Path, max_rows: int = 1_000_000) -> Iterator[str]:
    """A real Virtuoso (`virtuoso-t`, Debian's virtuoso-opensource) with a new database in `location`."""
    location.mkdir(parents=True, exist_ok=True)
    ini = location / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=location, sql=free_port(), http=(port := free_port()), max_rows=max_rows))
    process = subprocess.Popen(
        ["virtuoso-t", "+configfile", str(ini), "+foreground"],
        cwd=location,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(process, base + "/sparql", {"query": "ASK {}"}, "virtuoso-t", seconds=90)
        yield base
    finally:
        _stop(process)


SUITE_BACKEND = os.environ.get("PROVENIENS_TEST_BACKEND")  # unset: the suite serves the embedded store
BACKEND = SUITE_BACKEND or "oxigraph"


@dataclass(frozen=True)
class RemoteServer:
    """A running remote store: where it is, what kind it is, and how to publish into it and serve from it."""

    base: str
    dialect: str
    credentials: tuple[str, str] | None = None

    @property
    def endpoints(self) -> RemoteEndpoints:
        return RemoteEndpoints.of(self.base, self.dialect, self.credentials)

    def target(self) -> RemoteTarget | VirtuosoTarget:
        return remote_target(self.endpoints)

    def options(self) -> dict[str, str]:
        """The `PROVENIENS_*` settings (lower case, without the prefix) beside the store's URL that this store needs."""
        found = {"remote_dialect": self.dialect}
        if self.credentials:
            found |= {"remote_user": self.credentials[0], "remote_password": self.credentials[1]}
        return found

    def settings(self) -> dict[str, str]:
        """The settings that build into and serve from this store."""
        return {"store": self.base} | self.options()


@contextmanager
def remote_process(location: Path, backend: str = BACKEND, max_rows: int = 1_000_000) -> Iterator[RemoteServer]:
    """A real remote store of kind `backend` (PROVENIENS_TEST_BACKEND by default); `max_rows` caps Virtuoso's results
    (Oxigraph server has no such cap)."""
    if backend == "virtuoso":
        with virtuoso_process(location, max_rows) as base:
            yield RemoteServer(base, "virtuoso", VIRTUOSO_CREDENTIALS)
    elif backend == "oxigraph":
        with oxigraph_process(location) as base:
            yield RemoteServer(base, "sparql11")
    else:
        raise ValueError(f"PROVENIENS_TEST_BACKEND={backend!r}: use oxigraph or virtuoso")


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
