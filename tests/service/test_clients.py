"""Researchers' own tools against a real server: SPARQLWrapper and rdflib's SPARQLStore."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

SOU = "https://w3id.org/proveniens/sou/2018:39"
QUESTION = f"""PREFIX rpubl: <http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#>
SELECT ?prop WHERE {{ ?prop rpubl:utgarFran <{SOU}> }}"""


def test_sparqlwrapper_select_and_construct(server: str) -> None:
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(QUESTION)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]  # type: ignore[index]
    assert [r["prop"]["value"] for r in rows] == ["https://w3id.org/proveniens/prop/2019/20:164"]
    client.setQuery(f"CONSTRUCT {{ <{SOU}> ?p ?o }} WHERE {{ <{SOU}> ?p ?o }}")
    client.setReturnFormat(TURTLE)
    graph = Graph().parse(data=client.query().convert(), format="turtle")  # type: ignore[arg-type]
    assert (URIRef(SOU), None, None) in graph


def test_sparqlwrapper_post(server: str) -> None:
    client = SPARQLWrapper(server + "/sparql")
    client.setMethod("POST")
    client.setQuery("ASK { ?s ?p ?o }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True  # type: ignore[index]


def test_rdflib_sparqlstore(server: str) -> None:
    store = SPARQLStore(server + "/sparql", returnFormat="json")
    graph = Graph(store=store)
    rows = list(graph.query(QUESTION))
    assert [str(r[0]) for r in rows] == ["https://w3id.org/proveniens/prop/2019/20:164"]
    assert len(store) > 1000
