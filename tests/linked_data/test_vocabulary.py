"""The ontology and the shapes are published: Turtle as written, other formats converted, HTML docs in sv and en."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS, SH

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY = ROOT / "ontology" / "proveniens.ttl"
SHAPES = sorted((ROOT / "shapes").glob("*.ttl"))
PV = "https://w3id.org/proveniens/ontology#"
PVS = "https://w3id.org/proveniens/shapes#"
FORMATS = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}


def shapes_graph() -> Graph:
    graph = Graph()
    for path in SHAPES:
        graph.parse(path, format="turtle")
    return graph


def test_ontology_turtle_is_the_file_itself(client: TestClient) -> None:
    response = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    assert response.content == ONTOLOGY.read_bytes()


@pytest.mark.parametrize("media", sorted(FORMATS))
def test_ontology_in_every_rdf_format_is_the_same_graph(client: TestClient, media: str) -> None:
    response = client.get("/ontology", headers={"Accept": media})
    assert response.headers["content-type"].startswith(media)
    served = Graph().parse(data=response.content, format=FORMATS[media])
    assert isomorphic(served, Graph().parse(ONTOLOGY, format="turtle"))


@pytest.mark.parametrize("media", sorted(FORMATS))
def test_shapes_in_every_rdf_format_are_all_the_shapes_files(client: TestClient, media: str) -> None:
    response = client.get("/shapes", headers={"Accept": media})
    assert response.status_code == 200
    assert isomorphic(Graph().parse(data=response.content, format=FORMATS[media]), shapes_graph())


def test_each_shapes_file_has_its_own_page_at_its_iri(client: TestClient) -> None:
    for path in SHAPES:
        response = client.get(f"/shapes/{path.stem}", headers={"Accept": "text/turtle"})
        assert response.content == path.read_bytes(), path.name
        module = URIRef(f"https://w3id.org/proveniens/shapes/{path.stem}")
        assert (module, RDF.type, OWL.Ontology) in Graph().parse(path), f"{path.name} has no header <{module}>"
    assert client.get("/shapes/nope", headers={"Accept": "text/turtle"}).status_code == 404


def test_ontology_html_documents_every_term_with_an_anchor_in_both_languages(client: TestClient) -> None:
    graph = Graph().parse(ONTOLOGY, format="turtle")
    terms = {
        str(s)[len(PV) :]
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in graph.subjects(RDF.type, kind)
        if str(s).startswith(PV)
    }
    assert len(terms) > 40
    for lang in ("sv", "en"):
        response = client.get(f"/ontology?lang={lang}", headers={"Accept": "text/html"})
        assert response.headers["content-type"].startswith("text/html")
        html = response.text
        assert f'<html lang="{lang}">' in html
        anchors = set(re.findall(r'<section class=term id="([^"]+)"', html))
        assert terms <= anchors, f"no section for {sorted(terms - anchors)[:10]}"
        for term in ("Proposal", "follows"):
            label = next(o for o in graph.objects(URIRef(PV + term), RDFS.label) if o.language == lang)
            assert str(label) in html, f"the {lang} label of pv:{term} is missing"


def test_shapes_html_documents_every_shape_and_rule_with_its_message(client: TestClient) -> None:
    graph = shapes_graph()
    shapes = {str(s)[len(PVS) :] for s in graph.subjects(RDF.type, SH.NodeShape) if str(s).startswith(PVS)}
    rules = {str(s)[len(PVS) :] for s in graph.subjects(RDF.type, SH.PropertyShape) if str(s).startswith(PVS)}
    for lang in ("sv", "en"):
        html = client.get(f"/shapes?lang={lang}", headers={"Accept": "text/html"}).text
        ids = set(re.findall(r'id="([^"]+)"', html))
        assert shapes <= ids, f"no section for {sorted(shapes - ids)[:10]}"
        assert rules <= ids, f"no row for {sorted(rules - ids)[:10]}"
        rule = URIRef(PVS + "Distribution-downloadURL")
        message = next(o for o in graph.objects(rule, SH.message) if o.language == lang)
        assert escape(str(message), quote=True) in html


def test_hash_iris_of_terms_land_on_their_documents(client: TestClient) -> None:
    for path in ("/ontology", "/shapes"):
        response = client.get(path, headers={"Accept": "text/turtle"})
        assert response.status_code == 200
        link = response.headers["link"]
        assert f'<https://w3id.org/proveniens{path}>; rel="canonical"' in link
        assert f'<{path}?format=html>; rel="alternate"; type="text/html"' in link


def test_vocabulary_etag_304_and_406(client: TestClient) -> None:
    tag = client.get("/ontology", headers={"Accept": "text/turtle"}).headers["etag"]
    assert client.get("/ontology", headers={"Accept": "text/turtle", "If-None-Match": tag}).status_code == 304
    assert client.get("/ontology", headers={"Accept": "application/ld+json", "If-None-Match": tag}).status_code == 200
    assert client.get("/shapes", headers={"Accept": "image/png"}).status_code == 406
