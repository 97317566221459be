"""The linked-data layer over a remote store: a real server (PROVENIENS_TEST_BACKEND) holding the published graphs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from proveniens.derived.dataset_description import DATASET, VOID
from proveniens.service.app import create_app
from proveniens.settings import Settings
from tests.conftest import RemoteServer, store_graphs

B = "https://w3id.org/proveniens/"


@pytest.fixture(scope="module")
def remote(
    published: Path,
    tmp_path_factory: pytest.TempPathFactory,
    start_remote: Callable[..., AbstractContextManager[RemoteServer]],
) -> Iterator[RemoteServer]:
    """A real remote store on free ports, holding every named graph of the published store."""
    with start_remote(tmp_path_factory.mktemp("remote")) as server:
        server.target().publish(store_graphs(published))
        yield server


@pytest.fixture(scope="module")
def remote_client(remote: RemoteServer) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(**remote.settings()))) as client:
        yield client


def test_a_resource_dereferences_over_the_remote_store(remote_client: TestClient) -> None:
    response = remote_client.get("/sou/2020:19", headers={"Accept": "text/turtle"})
    assert response.status_code == 200, response.text
    graph = Graph().parse(data=response.content, format="turtle")
    assert (URIRef(B + "sou/2020:19"), DCTERMS.identifier, Literal("SOU 2020:19")) in graph
    assert remote_client.get("/sou/1999:999", headers={"Accept": "text/turtle"}).status_code == 404


def test_the_remote_etag_is_the_build_time_and_gives_304(remote_client: TestClient) -> None:
    tag = remote_client.get("/sou/2020:19", headers={"Accept": "text/turtle"}).headers["etag"]
    assert tag.startswith('"remote-')
    again = remote_client.get("/sou/2020:19", headers={"Accept": "text/turtle", "If-None-Match": tag})
    assert again.status_code == 304


def test_the_description_is_served_and_dumps_are_not(remote_client: TestClient) -> None:
    void = remote_client.get("/.well-known/void", headers={"Accept": "text/turtle"})
    assert void.status_code == 200
    assert (DATASET, VOID.sparqlEndpoint, URIRef(B + "sparql")) in Graph().parse(data=void.content, format="turtle")
    dumps = remote_client.get("/dumps/dataset.nq.gz")
    assert dumps.status_code == 404 and "remote" in dumps.text
