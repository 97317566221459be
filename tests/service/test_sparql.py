"""The /sparql endpoint over a built store: the foundation's questions, formats and errors."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph

from proveniens.build import BuildReport
from proveniens.service.app import create_app
from proveniens.settings import Settings

B = "https://w3id.org/proveniens/"
PREFIXES = """PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX pv: <https://w3id.org/proveniens/ontology#>
PREFIX rpubl: <http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
HOP = """?from ?property ?to ; prov:qualifiedDerivation|prov:qualifiedInfluence ?e .
  ?e pv:linkProperty ?property ; prov:entity|prov:influencer ?to ; pv:quote ?quote ;
     prov:hadPrimarySource/pv:fileName ?file ; pv:lineStart ?start ; pv:lineEnd ?end ; pv:assertion ?assertion ."""


@pytest.fixture(scope="module")
def client(bundled_build: tuple[Path, BuildReport]) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(store=bundled_build[0]))) as c:
        yield c


def select(client: TestClient, query: str) -> list[dict[str, str]]:
    response = client.post("/sparql", data={"query": PREFIXES + query}, headers={"Accept": "text/csv"})
    assert response.status_code == 200, response.text
    return list(csv.DictReader(io.StringIO(response.text)))


def test_which_proposition_built_on_sou_2018_39(client: TestClient) -> None:
    rows = select(
        client,
        f"""SELECT ?from ?quote ?file ?start ?end ?assertion WHERE {{
          VALUES (?property ?to) {{ (rpubl:utgarFran <{B}sou/2018:39>) }} {HOP} }}""",
    )
    assert {r["from"] for r in rows} == {f"{B}prop/2019/20:164"}
    assert all(r["quote"] and r["file"].endswith(".txt") and int(r["start"]) <= int(r["end"]) for r in rows)


def test_chain_from_hsl_7_2a_back_to_inquiry_and_directive(client: TestClient) -> None:
    rows = select(
        client,
        f"""SELECT ?from ?property ?to ?quote ?file ?start ?end ?assertion WHERE {{
          <{B}sfs/2017:30/K7P2a> (rpubl:forarbete|rpubl:utgarFran|pv:inquiry|pv:directive)* ?from .
          VALUES ?property {{ rpubl:forarbete rpubl:utgarFran pv:inquiry pv:directive }} {HOP} }}""",
    )
    reached = {r["to"] for r in rows}
    for step in ("prop/2017/18:83", "sou/2017:53", "kommitte/S2017:01", "dir/2017:24"):
        assert B + step in reached, f"the chain does not reach {step}: {sorted(reached)}"
    assert all(r["quote"] and r["file"] and r["assertion"] for r in rows)
    directive = [r for r in rows if r["to"] == B + "dir/2017:24"]
    assert directive and all(r["assertion"].endswith("#Inferred") for r in directive)


def test_which_national_proposal_the_fast_vardkontakt_element_follows(client: TestClient) -> None:
    rows = select(
        client,
        """SELECT ?from ?to ?sou ?quote ?file ?start ?end ?assertion WHERE {
          ?from a pv:AgreementElement ; dcterms:subject/skos:prefLabel ?label .
          FILTER(lcase(str(?label)) = "fast vårdkontakt")
          VALUES ?property { pv:follows } """
        + HOP
        + """ OPTIONAL { ?to dcterms:isPartOf ?sou } }""",
    )
    assert rows, "no pv:follows link with evidence from the fast vårdkontakt element"
    assert any(r["sou"] == B + "sou/2020:19" for r in rows), rows
    assert all(r["quote"] and r["file"] for r in rows)


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/html;q=0.9, text/csv;q=0.5", "text/csv"),
    ],
)
def test_select_results_are_negotiated(client: TestClient, accept: str, media: str) -> None:
    response = client.get(
        "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"}, headers={"Accept": accept}
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == f"{media}; charset=utf-8"
    assert "Accept" in response.headers["vary"]


def test_construct_returns_turtle_that_parses(client: TestClient) -> None:
    query = PREFIXES + f"CONSTRUCT {{ <{B}sou/2020:19> ?p ?o }} WHERE {{ <{B}sou/2020:19> ?p ?o }}"
    response = client.get("/sparql", params={"query": query}, headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert len(Graph().parse(data=response.text, format="turtle")) > 3


def test_syntax_error_is_400_with_the_parser_message(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELEC ?s WHERE { ?s ?p ?o }"})
    assert response.status_code == 400
    assert "syntax" in response.text.lower()


def test_unacceptable_format_is_406_listing_the_offer(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.text
