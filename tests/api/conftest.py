"""Clients of the API and pages over real stores: the bundled corpus, the corpus plus a file whose labels
are markup, and a small made-up slice of minutes (tests/api/data/process.ttl)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, URIRef

from proveniens.build import BuildReport, build
from proveniens.service.app import create_app
from proveniens.settings import Settings
from proveniens.storage.store import EmbeddedTarget

REPO = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
B = "https://w3id.org/proveniens/"
ELEMENT = B + "agreement/hos-avtal-vg-2021/element/fast-vardkontakt"
MARKUP = B + "agreement/hos-avtal-vg-2021/element/markup-test"


@pytest.fixture(scope="module")
def client(bundled_build: tuple[Path, BuildReport], served: Callable[[Path], dict[str, str]]) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(**served(bundled_build[0]), sources=REPO / "sources"))) as c:
        yield c


@pytest.fixture(scope="session")
def markup_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(store, sources): the bundled sources plus a curated file whose title and note are HTML."""
    sources = tmp_path_factory.mktemp("markup-sources")
    shutil.copytree(REPO / "sources", sources, dirs_exist_ok=True)
    shutil.copy(DATA / "markup_test.yaml", sources / "curated" / "markup_test.yaml")
    store = tmp_path_factory.mktemp("markup-store")
    build(sources, store)
    return store, sources


@pytest.fixture(scope="module")
def markup_client(markup_build: tuple[Path, Path], served: Callable[[Path], dict[str, str]]) -> Iterator[TestClient]:
    store, sources = markup_build
    with TestClient(create_app(Settings(**served(store), sources=sources))) as c:
        yield c


@pytest.fixture(scope="module")
def process_client(
    tmp_path_factory: pytest.TempPathFactory, served: Callable[[Path], dict[str, str]]
) -> Iterator[TestClient]:
    """A store holding only tests/api/data/process.ttl, in one named graph."""
    graph = Graph().parse(DATA / "process.ttl")
    store = tmp_path_factory.mktemp("process-store")
    EmbeddedTarget(store).publish([(URIRef(B + "graph/test/process.ttl"), graph)])
    with TestClient(create_app(Settings(**served(store), sources=tmp_path_factory.mktemp("no-sources")))) as c:
        yield c
