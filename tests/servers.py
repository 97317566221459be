"""Real server processes for the tests and the conformance runner: `oxigraph serve` and Virtuoso's `virtuoso-t`,
each on free ports with its data in a folder of its own, started, awaited and stopped.

Shared by tests/conftest.py (the remote fixtures) and tests/conformance/runner.py (`--backend oxigraph|virtuoso`),
so that both start a remote store the same way."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from proveniens.storage.remote import RemoteEndpoints, RemoteTarget
from proveniens.storage.remote_virtuoso import VirtuosoTarget, remote_target

BIN = Path(sys.executable).parent
BACKENDS = ("oxigraph", "virtuoso")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(
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


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


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
        wait_until_up(process, base + "/query", {"query": "ASK {}"}, "oxigraph serve")
        yield base
    finally:
        stop(process)


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
        wait_until_up(process, base + "/sparql", {"query": "ASK {}"}, "virtuoso-t", seconds=90)
        yield base
    finally:
        stop(process)


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
def remote_process(location: Path, backend: str, max_rows: int = 1_000_000) -> Iterator[RemoteServer]:
    """A real remote store of kind `backend` (oxigraph or virtuoso); `max_rows` caps Virtuoso's results (Oxigraph
    server has no such cap)."""
    if backend == "virtuoso":
        with virtuoso_process(location, max_rows) as base:
            yield RemoteServer(base, "virtuoso", VIRTUOSO_CREDENTIALS)
    elif backend == "oxigraph":
        with oxigraph_process(location) as base:
            yield RemoteServer(base, "sparql11")
    else:
        raise ValueError(f"backend {backend!r}: use one of {', '.join(BACKENDS)}")
