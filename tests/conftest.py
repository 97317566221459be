"""Shared fixtures: the bundled corpus built once per session, and real server processes
(`proveniens serve`, `oxigraph serve`) started and stopped by the tests that need them."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from proveniens.build import BuildReport, build
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


def _wait_until_up(process: subprocess.Popen[bytes], url: str, params: dict[str, str], what: str) -> None:
    deadline = time.monotonic() + 30
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
            raise RuntimeError(f"{what} did not answer within 30 s")
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
    process = subprocess.Popen(
        [str(BIN / "oxigraph"), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
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
