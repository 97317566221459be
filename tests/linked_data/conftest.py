"""The bundled build as the service publishes it: a copy of the session's build (with graph/links,
graph/void and the dumps in its folder, which `proveniens build` writes).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from proveniens.build import BuildReport
from proveniens.service.app import create_app
from proveniens.settings import Settings
from proveniens.storage.store import open_read_only

B = "https://w3id.org/proveniens/"


@pytest.fixture(scope="session")
def published(bundled_build: tuple[Path, BuildReport], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Root of a store holding the bundled build + graph/links + graph/void, with dumps in `<root>/current/dumps`."""
    root = tmp_path_factory.mktemp("published") / "store"
    shutil.copytree(bundled_build[0], root, symlinks=True)
    return root


@pytest.fixture(scope="session")
def published_store(published: Path) -> ox.Store:
    return open_read_only(published)


@pytest.fixture(scope="module")
def client(published: Path, served: Callable[[Path], dict[str, str]]) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(**served(published)))) as c:
        yield c


@pytest.fixture(scope="module")
def disk_client(published: Path) -> Iterator[TestClient]:
    """The service over the on-disk store whatever PROVENIENS_TEST_BACKEND says: the dumps are files of an on-disk
    build, and a remote store has none (tests/linked_data/test_remote.py shows it says so)."""
    with TestClient(create_app(Settings(store=published))) as c:
        yield c
