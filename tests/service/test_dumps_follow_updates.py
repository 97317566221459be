"""A SPARQL update publishes a new build, and that build has its own dumps: what `/dumps/` serves is
always the data the endpoint answers from, with or without a union default graph."""

from __future__ import annotations

import gzip
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from proveniens.storage.dumps import NQUADS, dump_path

AUTH = {"Authorization": "Bearer s3cret"}
NEW = ox.Quad(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.Literal("new"), ox.NamedNode("urn:x-test:g"))


def served(base: str, path: str) -> ox.Store:
    response = httpx.get(f"{base}/dumps/{path}", timeout=30)
    assert response.status_code == 200, response.text
    store = ox.Store()
    store.load(gzip.decompress(response.content), format=ox.RdfFormat.N_QUADS)
    return store


@pytest.mark.parametrize("union", ["true", "false"])
def test_an_update_writes_the_dumps_of_its_build(store_copy: Path, serve, union: str) -> None:
    update = "INSERT DATA { GRAPH <urn:x-test:g> { <urn:x:s> <urn:x:p> 'new' } <urn:x:d> <urn:x:p> 'default' }"
    with serve(store_copy, update_token="s3cret", union_default_graph=union) as base:
        before = len(served(base, "dataset.nq.gz"))
        response = httpx.post(base + "/update", data={"update": update}, headers=AUTH, timeout=60)
        assert response.status_code == 204, response.text
        dataset = served(base, "dataset.nq.gz")
        assert NEW in dataset
        assert list(served(base, dump_path(ox.NamedNode("urn:x-test:g").value, NQUADS))) == [NEW]  # type: ignore[arg-type]
        default = [q for q in dataset if isinstance(q.graph_name, ox.DefaultGraph)]
        if union == "true":  # the update's default-graph triple is replaced by the union, which the dumps leave out
            assert default == [] and len(dataset) == before + 1
        else:  # the default graph is data of its own, and the dataset's dump has it as the endpoint answers it
            assert "default" in {q.object.value for q in default}
            assert len(default) == count(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")


def count(base: str, query: str) -> int:
    json = {"Accept": "application/sparql-results+json"}
    response = httpx.post(base + "/sparql", data={"query": query}, headers=json, timeout=30)
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])
