"""The same service over a real Oxigraph server process: build into it, serve from it."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from proveniens.build import build
from proveniens.cli import app
from proveniens.errors import ValidationFailed
from proveniens.storage.remote import RemoteEndpoints, RemoteTarget

SOURCES = Path(__file__).resolve().parents[2] / "sources"
ASK_CHAIN = """ASK { GRAPH <https://w3id.org/proveniens/graph/curated/national_chain.yaml> {
  <https://w3id.org/proveniens/prop/2019/20:164>
    <http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#utgarFran> <https://w3id.org/proveniens/sou/2018:39> } }"""
GRAPHS = "SELECT ?g WHERE { GRAPH ?g { } }"


@pytest.fixture
def oxigraph(tmp_path: Path, start_oxigraph: Callable[[Path], AbstractContextManager[str]]) -> Iterator[str]:
    """A real `oxigraph serve` on a free port with an on-disk location."""
    with start_oxigraph(tmp_path / "oxi") as base:
        yield base


def remote_graphs(base: str) -> set[str]:
    response = httpx.post(
        base + "/query", data={"query": GRAPHS}, headers={"Accept": "application/sparql-results+json"}
    )
    return {b["g"]["value"] for b in response.json()["results"]["bindings"]}


def test_cli_builds_into_the_remote_server(oxigraph: str) -> None:
    result = CliRunner().invoke(app, ["build", "--sources", str(SOURCES), "--store", oxigraph])
    assert result.exit_code == 0, result.output
    graphs = remote_graphs(oxigraph)
    assert "https://w3id.org/proveniens/graph/curated/national_chain.yaml" in graphs
    assert not any(g.startswith("urn:x-proveniens:staging") for g in graphs)


def test_rebuild_switches_graphs_and_a_bad_build_changes_nothing(oxigraph: str, tmp_path: Path) -> None:
    sources = tmp_path / "src"
    shutil.copytree(SOURCES, sources)
    extra = sources / "curated" / "extra.yaml"
    extra.write_text(
        "resources:\n  - iri: concept/forord\n    a: [skos:Concept]\n    skos:prefLabel: {sv: Förord, en: Preface}\n"
        "    evidence: [{source: 004_77c63d0e7f875d18.txt, lines: [1, 1], quote: Förord, assertion: stated}]\n",
        encoding="utf-8",
    )
    target = RemoteTarget(RemoteEndpoints(oxigraph))
    build(sources, target)
    first = remote_graphs(oxigraph)
    extra.unlink()
    build(sources, target)
    second = remote_graphs(oxigraph)
    assert first - second == {"https://w3id.org/proveniens/graph/curated/extra.yaml"}
    (sources / "curated" / "bad.yaml").write_text(
        "resources:\n  - iri: sou/1\n    a: [rpubl:Utredningsbetankande]\n    dcterms:identifier: SOU ett\n"
        "    evidence: [{source: 004_77c63d0e7f875d18.txt, lines: [1, 1], quote: Förord, assertion: stated}]\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationFailed):
        build(sources, target)
    assert remote_graphs(oxigraph) == second


def test_service_over_the_remote_store_answers_and_keeps_its_rules(oxigraph: str, serve) -> None:
    build(SOURCES, RemoteTarget(RemoteEndpoints(oxigraph)))
    with serve(oxigraph, query_timeout="5") as base:
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
