"""A canonical IRI answered by path: every format parses, q-values count, 404/406, Vary, Link, ETag and 304."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF

from proveniens.named_queries import named_queries, run_named_query
from proveniens.service.app import create_app
from proveniens.service.linked_data import dereference as linked_data
from proveniens.settings import Settings
from proveniens.storage.store import EmbeddedTarget, open_read_only

B = "https://w3id.org/proveniens/"
SOU = URIRef(B + "sou/2020:19")
CHAIN = URIRef(B + "graph/curated/national_chain.yaml")
ELEMENTS = URIRef(B + "graph/curated/agreement_elements.yaml")
PV_FOLLOWS = URIRef(B + "ontology#follows")
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"

TRIPLE_FORMATS = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}
QUAD_FORMATS = {"application/trig": "trig", "application/n-quads": "nquads"}


def fetch(client: TestClient, path: str, accept: str, **headers: str) -> tuple[str, bytes]:
    response = client.get(path, headers={"Accept": accept, **headers})
    assert response.status_code == 200, f"{path} as {accept}: {response.status_code} {response.text[:300]}"
    return response.headers["content-type"].split(";")[0], response.content


@pytest.mark.parametrize("media", sorted(TRIPLE_FORMATS))
def test_each_triple_format_parses_and_holds_links_out_and_in_and_their_graphs(client: TestClient, media: str) -> None:
    served, body = fetch(client, "/sou/2020:19", media)
    assert served == media
    graph = Graph().parse(data=body, format=TRIPLE_FORMATS[media])
    assert (SOU, DCTERMS.identifier, Literal("SOU 2020:19")) in graph
    assert (SOU, RDF.type, URIRef("http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#Utredningsbetankande")) in graph
    incoming = {s for s, p in graph.subject_predicates(SOU) if p == PV_FOLLOWS}
    assert incoming, "no incoming pv:follows link in the description"
    assert {CHAIN, ELEMENTS} <= set(graph.subjects(DCTERMS.references, SOU)), "the stating graphs are missing"


@pytest.mark.parametrize("media", sorted(QUAD_FORMATS))
def test_quad_formats_keep_each_triple_in_the_named_graph_that_states_it(client: TestClient, media: str) -> None:
    served, body = fetch(client, "/sou/2020:19", media)
    assert served == media
    dataset = Dataset().parse(data=body, format=QUAD_FORMATS[media])
    assert (SOU, DCTERMS.identifier, Literal("SOU 2020:19"), CHAIN) in dataset
    follows = [(s, g) for s, p, o, g in dataset.quads((None, PV_FOLLOWS, SOU, None))]
    assert follows and all(g == ELEMENTS for _, g in follows), follows


def test_every_format_says_the_same_triples(client: TestClient) -> None:
    graphs = {}
    for media, fmt in TRIPLE_FORMATS.items():
        graphs[media] = Graph().parse(data=fetch(client, "/prop/2019/20:164", media)[1], format=fmt)
    sizes = {media: len(g) for media, g in graphs.items()}
    assert len(set(sizes.values())) == 1, sizes
    nquads = Dataset().parse(data=fetch(client, "/prop/2019/20:164", "application/n-quads")[1], format="nquads")
    assert {(s, p, o) for s, p, o, _ in nquads.quads()} <= set(graphs["text/turtle"])


def test_a_browser_gets_html_with_the_statements_and_their_graphs(client: TestClient) -> None:
    media, body = fetch(client, "/sou/2020:19", BROWSER, **{"Accept-Language": "en-GB,en;q=0.9"})
    assert media == "text/html"
    html = body.decode()
    assert '<html lang="en">' in html and "SOU 2020:19" in html
    assert "graph/curated/national_chain.yaml" in html and "Links to it" in html
    assert 'href="/ui/resource?iri=https%3A%2F%2Fw3id.org%2Fproveniens%2Fsou%2F2020%3A19"' in html, "no reader link"
    swedish = fetch(client, "/sou/2020:19?lang=sv", BROWSER)[1].decode()
    assert '<html lang="sv">' in swedish and "Pekar hit" in swedish


def test_html_escapes_what_comes_from_the_data(client: TestClient) -> None:
    from proveniens.service.linked_data import rdf_html

    labels = rdf_html.Labels()
    labels.note(URIRef(B + "x"), DCTERMS.title, Literal("<script>alert(1)</script>", lang="sv"))
    html = rdf_html.term(URIRef(B + "x"), labels, "sv") + rdf_html.term(Literal('"><img src=x>'), labels, "sv")
    assert "<script>" not in html and "&lt;script&gt;" in html and "<img" not in html


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("text/turtle;q=0.5, application/ld+json;q=0.9", "application/ld+json"),
        ("text/html;q=0.1, application/n-triples", "application/n-triples"),
        ("application/rdf+xml;q=0.2, text/*;q=0.4", "text/turtle"),
        ("*/*", "text/turtle"),
        ("application/json", "application/ld+json"),
        ("text/plain", "application/n-triples"),
        ("application/n-quads;q=1, text/turtle;q=0", "application/n-quads"),
    ],
)
def test_q_values_choose_the_format(client: TestClient, accept: str, expected: str) -> None:
    assert fetch(client, "/sou/2020:19", accept)[0] == expected


def test_format_parameter_wins_over_accept(client: TestClient) -> None:
    assert fetch(client, "/sou/2020:19?format=rdfxml", "text/html")[0] == "application/rdf+xml"
    assert fetch(client, "/sou/2020:19?format=ttl", "text/html")[0] == "text/turtle"


@pytest.mark.parametrize("request_", [{"headers": {"Accept": "image/png"}}, {"params": {"format": "pdf"}}])
def test_nothing_acceptable_is_406_naming_what_is_offered(client: TestClient, request_: dict) -> None:
    response = client.get("/sou/2020:19", **request_)
    assert response.status_code == 406
    assert "text/turtle" in response.text and "application/ld+json" in response.text


@pytest.mark.parametrize("path", ["/sou/1999:999", "/person/nobody", "/sou/2020:19/proposal/none"])
def test_an_iri_the_graph_does_not_know_is_404(client: TestClient, path: str) -> None:
    response = client.get(path, headers={"Accept": "text/turtle"})
    assert response.status_code == 404
    assert B + path[1:] in response.text


@pytest.mark.parametrize(
    "path", ["/prop/2019/20:164", "/sfs/2017:30/K7P2a", "/kommitte/S2017:01", "/sou/2020%3A19", "/role/"]
)
def test_paths_with_colons_slashes_and_escapes_name_their_iri(client: TestClient, path: str) -> None:
    graph = Graph().parse(data=fetch(client, path, "text/turtle")[1], format="turtle")
    iri = URIRef(B + path[1:].replace("%3A", ":"))
    assert (iri, None, None) in graph or (None, None, iri) in graph


def test_vary_and_link_headers_name_every_alternate_and_the_canonical_iri(client: TestClient) -> None:
    response = client.get("/prop/2019/20:164", headers={"Accept": "text/turtle"})
    assert "Accept" in [v.strip() for v in response.headers["vary"].split(",")]
    link = response.headers["link"]
    assert f'<{B}prop/2019/20:164>; rel="canonical"' in link
    for media, key in [("text/turtle", "turtle"), ("text/html", "html"), ("application/ld+json", "jsonld"),
                       ("application/n-triples", "ntriples"), ("application/rdf+xml", "rdfxml"),
                       ("application/trig", "trig"), ("application/n-quads", "nquads")]:  # fmt: skip
        assert f'</prop/2019/20:164?format={key}>; rel="alternate"; type="{media}"' in link
        assert fetch(client, f"/prop/2019/20:164?format={key}", "*/*")[0] == media


def test_etag_gives_304_per_representation(client: TestClient) -> None:
    first = client.get("/sou/2020:19", headers={"Accept": "text/turtle"})
    tag = first.headers["etag"]
    again = client.get("/sou/2020:19", headers={"Accept": "text/turtle", "If-None-Match": tag})
    assert again.status_code == 304 and not again.content
    assert again.headers["etag"] == tag and "Accept" in again.headers["vary"]
    weak = client.get("/sou/2020:19", headers={"Accept": "text/turtle", "If-None-Match": f'"x", W/{tag}'})
    assert weak.status_code == 304
    other = client.get("/sou/2020:19", headers={"Accept": "application/ld+json", "If-None-Match": tag})
    assert other.status_code == 200 and other.headers["etag"] != tag
    html_sv = client.get("/sou/2020:19?lang=sv", headers={"Accept": "text/html"}).headers["etag"]
    html_en = client.get("/sou/2020:19?lang=en", headers={"Accept": "text/html"}).headers["etag"]
    assert html_sv != html_en


def test_etag_is_the_current_build_and_changes_with_it(published: Path, tmp_path: Path) -> None:
    root = tmp_path / "store"
    shutil.copytree(published, root, symlinks=True)
    with TestClient(create_app(Settings(store=root, query_workers=1))) as client:
        before = client.get("/sou/2020:19", headers={"Accept": "text/turtle"}).headers["etag"]
        assert (root / "current").resolve().name in before
        store = open_read_only(root)
        graphs = []
        for name in store.named_graphs():
            data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name)
            graphs.append((URIRef(name.value), Graph().parse(data=data, format="nt")))
        del store
        EmbeddedTarget(root).publish(graphs)  # a new build: `current` moves
        after = client.get("/sou/2020:19", headers={"Accept": "text/turtle", "If-None-Match": before})
        assert after.status_code == 200, "an ETag of the previous build must not give 304"
        assert after.headers["etag"] != before
        assert (root / "current").resolve().name in after.headers["etag"]


def test_head_answers_like_get_without_a_body(client: TestClient) -> None:
    response = client.head("/sou/2020:19", headers={"Accept": "application/ld+json"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/ld+json")
    assert not response.content


def test_other_routes_are_not_shadowed(client: TestClient) -> None:
    answer = client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": "application/sparql-results+json"})
    assert answer.json()["boolean"] is True
    assert client.get("/openapi.json").json()["info"]["title"] == "Proveniens"
    assert client.get("/docs").headers["content-type"].startswith("text/html")
    assert all("{path" not in p for p in client.get("/openapi.json").json()["paths"]), "the IRI route is in the API"


def test_the_iri_route_yields_to_routes_included_after_it() -> None:
    app = FastAPI()
    later = APIRouter()

    @later.get("/ui/x")
    def ui() -> dict[str, str]:
        return {"answered": "by the later route"}

    app.include_router(linked_data.router)
    app.include_router(later)
    assert TestClient(app).get("/ui/x").json() == {"answered": "by the later route"}


def test_links_out_are_in_the_description_with_their_graph(client: TestClient) -> None:
    dataset = Dataset().parse(data=fetch(client, "/sou/2020:19", "application/n-quads")[1], format="nquads")
    links = URIRef(B + "graph/links")
    assert (SOU, OWL.sameAs, URIRef("http://rinfo.lagrummet.se/publ/utr/sou/2020:19"), links) in dataset


def test_the_description_is_a_named_query_the_cli_can_run_too(published_store: ox.Store) -> None:
    query = named_queries()["describe_resource"]
    assert [p.name for p in query.parameters] == ["resource"]
    rows = run_named_query(published_store, "describe_resource", {"resource": str(SOU)})
    directions = {r["direction"] for r in rows}
    assert directions == {"out", "in", "label"}
    assert all(r["resource"] == str(SOU) for r in rows)
    assert {r["g"] for r in rows if r["direction"] == "out"} >= {str(CHAIN)}
