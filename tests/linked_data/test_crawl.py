"""Every IRI of the bundled graph below https://w3id.org/proveniens/ dereferences on the service.

The crawl asks for each IRI that occurs as a subject or an object — documents, proposals, people,
evidence nodes, named graphs, the dataset description's own nodes, ontology and shapes terms (hash
IRIs land on /ontology and /shapes), the dumps — by its path, as a linked-data client would.
"""

from __future__ import annotations

import pyoxigraph as ox
from fastapi.testclient import TestClient

B = "https://w3id.org/proveniens/"

# The reader's source viewer (service/pages/routes.py) answers /source/… for browsers, with the whole text:
# its HTML is its own business, and slow for long sources, so the HTML crawl leaves it out.
READER_PAGES = ("/source/",)
RDF_TYPES = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-quads": ox.RdfFormat.N_QUADS}


def iris_below_base(store: ox.Store) -> set[str]:
    query = f"""SELECT DISTINCT ?iri WHERE {{
      {{ GRAPH ?g {{ ?iri ?p ?o }} }} UNION {{ GRAPH ?g {{ ?s ?p ?iri }} }} UNION {{ GRAPH ?iri {{ }} }}
      FILTER (isIRI(?iri) && STRSTARTS(STR(?iri), "{B}"))
    }}"""
    return {row["iri"].value for row in store.query(query)}


def path_of(iri: str) -> str:
    return "/" + iri[len(B) :].split("#", 1)[0]


def test_the_crawl_covers_every_kind_of_iri(published_store: ox.Store) -> None:
    paths = {path_of(i) for i in iris_below_base(published_store)}
    expected_paths = (
        *("/sou/2020:19", "/prop/2019/20:164", "/sfs/2017:30/K7P2a", "/kommitte/S2017:01", "/ontology", "/role/"),
        *("/graph/build", "/graph/void", "/dataset", "/catalog", "/dumps/dataset.nq.gz"),
    )
    for expected in expected_paths:
        assert expected in paths, f"{expected} is not in the crawl"
    assert any(p.startswith("/evidence/") for p in paths)


def test_every_iri_of_the_graph_dereferences_to_rdf_that_mentions_it(
    client: TestClient, disk_client: TestClient, published_store: ox.Store
) -> None:
    """Dumps are asked of the on-disk store (a remote store has none); every other IRI of the backend under test."""
    iris = iris_below_base(published_store)
    failures, checked = [], 0
    for path in sorted({path_of(i) for i in iris}):
        dump = path.startswith("/dumps/")
        accept = "*/*" if dump else "text/turtle, application/n-quads;q=0.5"
        response = (disk_client if dump else client).get(path, headers={"Accept": accept})
        checked += 1
        if response.status_code != 200:
            failures.append(f"{path}: {response.status_code} {response.text[:200]}")
            continue
        media = response.headers["content-type"].split(";")[0]
        if path.startswith("/dumps/"):
            if media not in ("application/gzip", "text/plain", "text/html"):
                failures.append(f"{path}: a dump served as {media}")
            continue
        if media not in RDF_TYPES:
            failures.append(f"{path}: asked for Turtle, got {media}")
            continue
        try:  # pyoxigraph parses the crawl quickly; test_resources.py parses every format with rdflib
            parsed = list(ox.parse(response.content, format=RDF_TYPES[media]))
        except SyntaxError as err:
            failures.append(f"{path}: {media} that does not parse: {err}")
            continue
        named = ox.NamedNode(B + path[1:])
        mentioned = {t for q in parsed for t in (q.subject, q.object)}
        if (B + path[1:]) in iris and named not in mentioned and path != "/sparql":
            failures.append(f"{path}: the description does not mention {named}")
    assert checked > 300, f"only {checked} IRIs were crawled"
    assert not failures, f"{len(failures)} of {checked} IRIs failed:\n" + "\n".join(failures[:40])


def test_every_iri_of_the_graph_has_an_html_page(client: TestClient, published_store: ox.Store) -> None:
    paths = sorted({path_of(i) for i in iris_below_base(published_store)} - {"/sparql"})
    failures = []
    for path in paths:
        if path.startswith((*READER_PAGES, "/dumps/")):
            continue
        response = client.get(path, headers={"Accept": "text/html"})
        if response.status_code != 200 or not response.headers["content-type"].startswith("text/html"):
            failures.append(f"{path}: {response.status_code} {response.headers['content-type']}")
    assert not failures, "\n".join(failures[:40])
