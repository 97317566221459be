"""The same service over a real remote store (PROVENIENS_TEST_BACKEND: Oxigraph server or Virtuoso): build into it,
serve from it."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from proveniens.build import build
from proveniens.cli import app
from proveniens.errors import ValidationFailed
from proveniens.service.app import create_app
from proveniens.service.sparql.backend.virtuoso import POINTER_SECONDS
from proveniens.settings import Settings
from tests.conftest import RemoteServer

SOURCES = Path(__file__).resolve().parents[2] / "sources"
ASK_CHAIN = """ASK { GRAPH <https://w3id.org/proveniens/graph/curated/national_chain.yaml> {
  <https://w3id.org/proveniens/prop/2019/20:164>
    <http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#utgarFran> <https://w3id.org/proveniens/sou/2018:39> } }"""
# Each graph once, by its triples: Virtuoso answers `GRAPH ?g { }` with no rows (docs/remote-stores.md).
GRAPHS = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
RESULTS = "application/sparql-results+json"


@pytest.fixture
def remote(tmp_path: Path, start_remote: Callable[..., AbstractContextManager[RemoteServer]]) -> Iterator[RemoteServer]:
    """A real remote store on free ports with its data in `tmp_path`."""
    with start_remote(tmp_path / "db") as server:
        yield server


def remote_graphs(remote: RemoteServer) -> set[str]:
    """The graphs the store holds, as the service shows them (the build's named graphs only)."""
    with TestClient(create_app(Settings(**remote.settings()))) as client:
        response = client.get("/sparql", params={"query": GRAPHS}, headers={"Accept": RESULTS})
    return {b["g"]["value"] for b in response.json()["results"]["bindings"]}


def test_cli_builds_into_the_remote_server(remote: RemoteServer, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in remote.settings().items():
        monkeypatch.setenv(f"PROVENIENS_{name.upper()}", value)
    result = CliRunner().invoke(app, ["build", "--sources", str(SOURCES)])
    assert result.exit_code == 0, result.output
    graphs = remote_graphs(remote)
    assert "https://w3id.org/proveniens/graph/curated/national_chain.yaml" in graphs
    assert not any(g.startswith("urn:x-proveniens:staging") for g in graphs)


def test_rebuild_switches_graphs_and_a_bad_build_changes_nothing(remote: RemoteServer, tmp_path: Path) -> None:
    sources = tmp_path / "src"
    shutil.copytree(SOURCES, sources)
    extra = sources / "curated" / "extra.yaml"
    extra.write_text(
        "resources:\n  - iri: concept/forord\n    a: [skos:Concept]\n    skos:prefLabel: {sv: Förord, en: Preface}\n"
        "    evidence: [{source: 004_77c63d0e7f875d18.txt, lines: [1, 1], quote: Förord, assertion: stated}]\n",
        encoding="utf-8",
    )
    target = remote.target()
    build(sources, target)
    first = remote_graphs(remote)
    extra.unlink()
    build(sources, target)
    second = remote_graphs(remote)
    assert first - second == {"https://w3id.org/proveniens/graph/curated/extra.yaml"}
    (sources / "curated" / "bad.yaml").write_text(
        "resources:\n  - iri: sou/1\n    a: [rpubl:Utredningsbetankande]\n    dcterms:identifier: SOU ett\n"
        "    evidence: [{source: 004_77c63d0e7f875d18.txt, lines: [1, 1], quote: Förord, assertion: stated}]\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationFailed):
        build(sources, target)
    assert remote_graphs(remote) == second


def test_service_over_the_remote_store_answers_and_keeps_its_rules(remote: RemoteServer, serve) -> None:
    build(SOURCES, remote.target())
    with serve(remote.base, query_timeout="5", **remote.options()) as base:
        answer = httpx.get(
            base + "/sparql", params={"query": ASK_CHAIN}, headers={"Accept": "application/sparql-results+json"}
        )
        assert answer.status_code == 200 and answer.json()["boolean"] is True
        union = httpx.get(
            base + "/sparql",
            params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
            headers={"Accept": "application/sparql-results+json"},
        )
        assert int(union.json()["results"]["bindings"][0]["n"]["value"]) > 1000
        refused = httpx.get(base + "/sparql", params={"query": "SELECT * { SERVICE <http://x/> { ?s ?p ?o } }"})
        assert refused.status_code == 403
        syntax = httpx.get(base + "/sparql", params={"query": "SELECT WHERE"})
        assert syntax.status_code == 400


def test_a_result_the_store_cut_at_its_row_limit_is_refused(
    tmp_path: Path, start_remote: Callable[..., AbstractContextManager[RemoteServer]]
) -> None:
    """A store that caps a result's rows (Virtuoso's ResultSetMaxRows, here 100) must not have the cut result served
    as complete: the service answers every row or an error."""
    with start_remote(tmp_path / "capped", max_rows=100) as remote:
        build(SOURCES, remote.target())
        with TestClient(create_app(Settings(**remote.settings()))) as client:
            ask = {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 500", "format": "csv"}
            capped = client.get("/sparql", params=ask)
            small = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 50", "format": "csv"})
    assert capped.status_code == 502 or len(capped.text.splitlines()) == 501, capped.text[:300]
    assert small.status_code == 200 and len(small.text.splitlines()) == 51


def test_an_update_through_the_remote_store_keeps_its_text_and_its_base(remote: RemoteServer, serve) -> None:
    build(SOURCES, remote.target())
    update = "INSERT DATA { GRAPH <urn:x-test:g> { <thing> <urn:x:p> 'vård, Åre, ÄÖ — ü' } }"
    with serve(remote.base, update_token="s3cret", **remote.options()) as base:
        # Virtuoso applies an update by switching in a new build (union rewritten): seconds, more under load
        done = httpx.post(
            base + "/update", data={"update": update}, headers={"Authorization": "Bearer s3cret"}, timeout=60
        )
        assert done.status_code == 204, done.text
        # A replica reads Virtuoso's build pointer at most every 2 s (docs/remote-stores.md): ask until then
        deadline = time.monotonic() + 2 * POINTER_SECONDS + 1
        while True:
            rows = httpx.get(
                base + "/sparql",
                params={"query": "SELECT ?s ?o WHERE { GRAPH <urn:x-test:g> { ?s <urn:x:p> ?o } }"},
                headers={"Accept": RESULTS},
            ).json()["results"]["bindings"]
            if rows or time.monotonic() > deadline:
                break
            time.sleep(0.2)
    # Virtuoso misread non-ASCII written as such and kept <thing> relative
    assert [(r["s"]["value"], r["o"]["value"]) for r in rows] == [(base + "/thing", "vård, Åre, ÄÖ — ü")]
