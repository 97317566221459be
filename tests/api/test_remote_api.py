"""The API's named queries over a real remote store (PROVENIENS_TEST_BACKEND): parameters arrive as a VALUES block."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from proveniens.build import build
from proveniens.service.app import create_app
from proveniens.settings import Settings
from tests.conftest import RemoteServer

from .conftest import ELEMENT, REPO, B


@pytest.fixture(scope="module")
def remote_client(
    tmp_path_factory: pytest.TempPathFactory, start_remote: Callable[..., AbstractContextManager[RemoteServer]]
) -> Iterator[TestClient]:
    with start_remote(tmp_path_factory.mktemp("remote")) as server:
        build(REPO / "sources", server.target())
        with TestClient(create_app(Settings(**server.settings(), sources=REPO / "sources"))) as client:
            yield client


def test_search_lineage_and_evidence_over_a_remote_store(remote_client: TestClient) -> None:
    hits = remote_client.get("/api/search?q=vardkontakt").json()["hits"]
    assert ELEMENT in {h["resource"]["iri"] for h in hits}
    chain = remote_client.get(f"/api/lineage?iri={quote(ELEMENT)}&context=true").json()
    kinds = {r["iri"]: r["kind"] for r in chain["resources"]}
    assert kinds[B + "sou/2020:19"] == "sou" and kinds[B + "sfs/2017:30"] == "law"
    follows = quote("https://w3id.org/proveniens/ontology#follows")
    target = quote(B + "sou/2020:19/proposal/patientkontrakt")
    link = remote_client.get(f"/api/evidence?subject={quote(ELEMENT)}&property={follows}&object={target}").json()
    assert len(link["evidence"]) == 2


def test_unknown_iri_is_404_over_a_remote_store(remote_client: TestClient) -> None:
    assert remote_client.get(f"/api/impact?iri={quote(B + 'sou/1999:99')}").status_code == 404


def test_resource_page_over_a_remote_store(remote_client: TestClient) -> None:
    html = remote_client.get(f"/ui/resource?iri={quote(ELEMENT)}&lang=sv").text
    assert "Härkomst" in html and "/source/004_77c63d0e7f875d18.txt#L1261-L1262" in html
