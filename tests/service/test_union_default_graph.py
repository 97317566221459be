"""The union default graph has set semantics (an RDF merge): a triple two named graphs hold is answered once,
over the on-disk store and over a real Oxigraph server, after a full build, an incremental one and an update;
FROM, FROM NAMED and the protocol's dataset parameters still choose their graphs."""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from proveniens.build import BuildReport, build
from proveniens.namespaces import ONTOLOGY_GRAPH
from proveniens.storage.remote import RemoteEndpoints, RemoteTarget
from proveniens.storage.store import open_read_only

SOURCES = Path(__file__).resolve().parents[2] / "sources"
JSON = {"Accept": "application/sparql-results+json"}
COUNTS = """SELECT ?all ?distinct WHERE {
  { SELECT (COUNT(*) AS ?all) WHERE { ?s ?p ?o } }
  { SELECT (COUNT(*) AS ?distinct) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } } }
}"""
# Each triple once per named graph that holds it: what a bag union answers.
PER_GRAPH = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
NAMED_DISTINCT = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
EX = "https://example.org/"


def ask(base: str, query: str, **params: str) -> dict[str, int]:
    response = httpx.post(base + "/sparql", data={"query": query, **params}, headers=JSON, timeout=60)
    assert response.status_code == 200, response.text
    row = response.json()["results"]["bindings"][0]
    return {name: int(cell["value"]) for name, cell in row.items()}


def assert_set_semantics(base: str) -> None:
    counts = ask(base, COUNTS)
    per_graph, distinct = ask(base, PER_GRAPH)["n"], ask(base, NAMED_DISTINCT)["n"]
    assert per_graph > distinct, "the corpus no longer has a triple in two named graphs: this test shows nothing"
    assert counts["all"] == counts["distinct"], f"COUNT(*) {counts['all']} but {counts['distinct']} distinct triples"
    assert counts["all"] == distinct, f"the default graph has {counts['all']} triples, the named graphs {distinct}"


def test_embedded_union_default_graph_gives_each_triple_once(server: str) -> None:
    assert_set_semantics(server)


def test_remote_union_default_graph_gives_each_triple_once(tmp_path: Path, start_oxigraph, serve) -> None:
    with start_oxigraph(tmp_path / "oxi") as oxigraph:
        build(SOURCES, RemoteTarget(RemoteEndpoints(oxigraph)))
        with serve(oxigraph, query_timeout="10") as base:
            assert_set_semantics(base)


def test_from_and_the_dataset_parameters_still_choose_the_graphs(
    server: str, bundled_build: tuple[Path, BuildReport]
) -> None:
    ontology = bundled_build[1].triples[str(ONTOLOGY_GRAPH)]
    named = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{ONTOLOGY_GRAPH}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert ask(server, f"SELECT (COUNT(*) AS ?n) FROM <{ONTOLOGY_GRAPH}> WHERE {{ ?s ?p ?o }}")["n"] == ontology
    assert ask(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", **{"default-graph-uri": str(ONTOLOGY_GRAPH)}) == {
        "n": ontology
    }
    assert ask(server, named)["n"] == ontology
    only = {"named-graph-uri": str(ONTOLOGY_GRAPH)}
    assert ask(server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", **only)["n"] == ontology


def default_and_named(root: Path) -> tuple[set[tuple], set[tuple]]:
    """The triples of the default graph and the distinct triples of the named graphs of the current build."""
    default, named = set(), set()
    for quad in open_read_only(root):
        triple = (quad.subject, quad.predicate, quad.object)
        (default if quad.graph_name == ox.DefaultGraph() else named).add(triple)
    return default, named


def test_an_incremental_build_keeps_the_union(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder)
    shared = f"<{EX}a> <{EX}says> <{EX}b> .\n"
    (folder / "kept.nt").write_text(shared)
    (folder / "changed.nt").write_text(shared + f"<{EX}a> <{EX}says> <{EX}old> .\n")
    (folder / "removed.nt").write_text(f"<{EX}a> <{EX}says> <{EX}gone> .\n")
    root = tmp_path / "store"
    build(folder, root)
    (folder / "changed.nt").write_text(f"<{EX}a> <{EX}says> <{EX}new> .\n")
    (folder / "removed.nt").unlink()
    again = build(folder, root)
    assert again.reloaded == ("changed.nt",), "not an incremental build: this test shows nothing"
    default, named = default_and_named(root)
    assert default == named
    says = {o.value for s, p, o in default if p.value == EX + "says"}
    assert says == {EX + "b", EX + "new"}


@pytest.mark.parametrize("where", ["GRAPH <urn:x-test:g> { <urn:x:s> <urn:x:p> 'new' }", "<urn:x:s> <urn:x:p> 'new'"])
def test_an_update_keeps_the_union(store_copy: Path, serve, where: str) -> None:
    """A triple inserted into a named graph is in the union; one inserted into the default graph is not kept."""
    with serve(store_copy, update_token="s3cret") as base:
        response = httpx.post(
            base + "/update", data={"update": f"INSERT DATA {{ {where} }}"}, headers={"Authorization": "Bearer s3cret"}
        )
        assert response.status_code == 204, response.text
        found = ask(base, "SELECT (COUNT(*) AS ?n) WHERE { <urn:x:s> <urn:x:p> 'new' }")["n"]
        assert found == (1 if where.startswith("GRAPH") else 0)
        assert_set_semantics(base)
