"""A real `proveniens serve` process, started and stopped by the tests that need one."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from proveniens.build import BuildReport

CLI = Path(sys.executable).with_name("proveniens")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(store: Path | str, **env: str) -> Iterator[str]:
    """Start the service on a free port with `PROVENIENS_*` settings; yield its base URL."""
    port = free_port()
    environ = {**os.environ, **{f"PROVENIENS_{k.upper()}": v for k, v in env.items()}}
    process = subprocess.Popen(
        [str(CLI), "serve", "--store", str(store), "--port", str(port)],
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"server exited: {process.stdout.read().decode() if process.stdout else ''}")
            try:
                if httpx.get(base + "/sparql", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not answer within 30 s")
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def server(bundled_build: tuple[Path, BuildReport]) -> Iterator[str]:
    """The bundled build served with a short time limit, two workers and a small queue."""
    with running_server(bundled_build[0], query_timeout="3", query_workers="2", query_queue="4") as base:
        yield base


@pytest.fixture
def store_copy(bundled_build: tuple[Path, BuildReport], tmp_path: Path) -> Path:
    """A private copy of the bundled store, for tests that change it."""
    target = tmp_path / "store"
    shutil.copytree(bundled_build[0], target, symlinks=True)
    return target


@pytest.fixture
def serve() -> Callable[..., object]:
    return running_server
