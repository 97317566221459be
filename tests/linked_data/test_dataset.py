"""VoID, DCAT and SD computed from the build, valid against shapes/void.ttl; dumps served and reloadable."""

from __future__ import annotations

import gzip
import hashlib
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SH, XSD

from proveniens.build import BuildReport
from proveniens.derived.dataset_description import (
    CATALOG,
    DATASET,
    DCAT,
    ENDPOINT,
    SD,
    VOID,
    VOID_GRAPH,
)
from proveniens.derived.links import LINKS_GRAPH
from proveniens.service.app import create_app
from proveniens.settings import Settings
from proveniens.storage.dumps import GRAPH_DUMP_FORMATS, TRIG, dump_files, read_sums, write_dumps
from proveniens.storage.store import EmbeddedTarget, open_read_only

ROOT = Path(__file__).resolve().parents[2]
SHAPES_DIR = ROOT / "shapes"
B = "https://w3id.org/proveniens/"
PVS = "https://w3id.org/proveniens/shapes#"


@pytest.fixture(scope="module")
def description(client: TestClient) -> Graph:
    response = client.get("/.well-known/void", headers={"Accept": "text/turtle"})
    assert response.status_code == 200, response.text
    return Graph().parse(data=response.content, format="turtle")


def violated(graph: Graph) -> set[str]:
    """The rules of all shapes (shapes/*.ttl, void.ttl among them) that `graph` violates, as a build would check."""
    shapes = Graph()
    for path in sorted(SHAPES_DIR.glob("*.ttl")):
        shapes.parse(path, format="turtle")
    conforms, report, text = validate(graph, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True)
    results = [
        r for r in report.subjects(RDF.type, SH.ValidationResult) if report.value(r, SH.resultSeverity) == SH.Violation
    ]
    found = {str(report.value(r, SH.sourceShape)).removeprefix(PVS) for r in results}
    assert conforms == (not found), text
    return found


def served_dumps(root: Path) -> Path:
    """The dumps folder of the build a store root serves: the build writes it into its own folder."""
    return root / "current" / "dumps"


def count(store: ox.Store, query: str) -> int:
    return int(next(iter(store.query(query)))["n"].value)


def number(graph: Graph, node: URIRef, predicate: URIRef) -> int:
    values = list(graph.objects(node, predicate))
    assert len(values) == 1, f"{node} has {len(values)} {predicate}"
    return int(values[0])


def test_the_description_validates_against_the_void_shapes(description: Graph) -> None:
    assert violated(description) == set()


@pytest.mark.parametrize(
    ("damage", "rules"),
    [
        ("no download URL", {"Distribution-downloadURL"}),
        ("subset larger than the dataset", {"DescribedDataset-size"}),
        ("catalogue without an English title", {"Catalog-titleEn"}),
        ("catalogue without a Swedish title", {"Title-sv"}),
        ("fewer triples than subjects", {"VoidDataset-triples", "DescribedDataset-size"}),
        ("service without endpoint", {"Service-endpoint"}),
    ],
)
def test_the_void_shapes_reject_a_damaged_description(description: Graph, damage: str, rules: set[str]) -> None:
    broken = Graph()
    broken += description
    distribution = next(iter(sorted(broken.subjects(RDF.type, DCAT.Distribution))))
    if damage == "no download URL":
        broken.remove((distribution, DCAT.downloadURL, None))
    elif damage == "subset larger than the dataset":
        subset = next(iter(sorted(broken.objects(DATASET, VOID.subset))))
        broken.set((subset, VOID.triples, Literal(10**9, datatype=XSD.integer)))
    elif damage == "catalogue without an English title":
        broken.remove((CATALOG, DCTERMS.title, Literal("Proveniens data catalogue", lang="en")))
    elif damage == "catalogue without a Swedish title":
        broken.remove((CATALOG, DCTERMS.title, Literal("Proveniens datakatalog", lang="sv")))
    elif damage == "fewer triples than subjects":
        broken.set((DATASET, VOID.triples, Literal(1, datatype=XSD.integer)))
    elif damage == "service without endpoint":
        broken.remove((None, SD.endpoint, None))
    assert violated(broken) == rules


def test_void_numbers_are_what_the_store_holds(description: Graph, published_store: ox.Store) -> None:
    graphs = {g.value for g in published_store.named_graphs()}
    subsets = {str(s) for s in description.objects(DATASET, VOID.subset)}
    assert subsets == graphs - {str(VOID_GRAPH)}, "every named graph but the description is a subset"
    for graph in sorted(subsets):
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}"
        node = URIRef(graph)
        assert number(description, node, VOID.triples) == count(
            published_store, f"SELECT (COUNT(*) AS ?n) {{ {where} }}"
        )
        assert number(description, node, VOID.distinctSubjects) == count(
            published_store, f"SELECT (COUNT(DISTINCT ?s) AS ?n) {{ {where} }}"
        )
        assert number(description, node, VOID.properties) == count(
            published_store, f"SELECT (COUNT(DISTINCT ?p) AS ?n) {{ {where} }}"
        )
    union = f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != <{VOID_GRAPH}>) }}"
    assert number(description, DATASET, VOID.triples) == count(
        published_store, f"SELECT (COUNT(*) AS ?n) {{ {{ {union} }} }}"
    )
    souls = count(
        published_store,
        "SELECT (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?s a <http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#"
        f"Utredningsbetankande> }} FILTER (?g != <{VOID_GRAPH}>) }}",
    )
    partition = URIRef(B + "dataset/class/rpubl:Utredningsbetankande")
    assert (DATASET, VOID.classPartition, partition) in description
    assert number(description, partition, VOID.entities) == souls > 0


def test_void_names_the_endpoint_the_uri_space_and_the_dumps(description: Graph) -> None:
    assert (DATASET, VOID.sparqlEndpoint, ENDPOINT) in description
    assert (DATASET, VOID.uriSpace, Literal(B)) in description
    assert (DATASET, VOID.dataDump, URIRef(B + "dumps/dataset.nq.gz")) in description


def test_the_service_description_lists_every_named_graph(description: Graph, published_store: ox.Store) -> None:
    service = next(iter(description.subjects(RDF.type, SD.Service)))
    assert (service, SD.endpoint, ENDPOINT) in description
    dataset = description.value(service, SD.defaultDataset)
    names = {str(description.value(n, SD.name)) for n in description.objects(dataset, SD.namedGraph)}
    assert names == {g.value for g in published_store.named_graphs()}


def test_the_catalogue_advertises_exactly_the_files_export_writes(client: TestClient, published: Path) -> None:
    catalog = Graph().parse(data=client.get("/catalog", headers={"Accept": "text/turtle"}).content, format="turtle")
    assert (CATALOG, RDF.type, DCAT.Catalog) in catalog
    advertised = {str(u).removeprefix(B + "dumps/") for u in catalog.objects(None, DCAT.downloadURL)}
    written = {line.split("  ", 1)[1] for line in (served_dumps(published) / "SHA256SUMS").read_text().splitlines()}
    assert advertised == written
    graphs = {URIRef(g.value) for g in open_read_only(published).named_graphs()}
    assert {path for path, _, _ in dump_files(graphs)} == written


def test_each_named_graph_is_dumped_as_trig_too(published: Path) -> None:
    graphs = list(open_read_only(published).named_graphs())
    assert len(list((served_dumps(published) / "graphs").glob("*.trig.gz"))) == len(graphs)
    assert TRIG in GRAPH_DUMP_FORMATS


def test_every_dump_is_served_with_its_checksum_and_etag(disk_client: TestClient, published: Path) -> None:
    sums = (served_dumps(published) / "SHA256SUMS").read_text()
    assert disk_client.get("/dumps/SHA256SUMS").text == sums
    for line in sums.splitlines():
        digest, name = line.split("  ", 1)
        response = disk_client.get(f"/dumps/{name}")
        assert response.status_code == 200, name
        assert response.headers["content-type"] == "application/gzip"
        assert hashlib.sha256(response.content).hexdigest() == digest, name
        assert response.headers["etag"] == f'"{digest}"'
        assert disk_client.get(f"/dumps/{name}", headers={"If-None-Match": f'"{digest}"'}).status_code == 304


def quads(store: ox.Store, graph: str | None = None) -> set[str]:
    pattern = store.quads_for_pattern(None, None, None, ox.NamedNode(graph) if graph else None)
    return {str(q) for q in pattern}


@pytest.mark.parametrize(
    ("name", "fmt"), [("dataset.nq.gz", ox.RdfFormat.N_QUADS), ("dataset.trig.gz", ox.RdfFormat.TRIG)]
)
def test_a_served_dataset_dump_reloads_into_exactly_the_same_quads(
    disk_client: TestClient, published_store: ox.Store, name: str, fmt: ox.RdfFormat
) -> None:
    reloaded = ox.Store()
    reloaded.load(gzip.decompress(disk_client.get(f"/dumps/{name}").content), format=fmt)
    named = set().union(*(quads(published_store, g.value) for g in published_store.named_graphs()))
    assert quads(reloaded) == named  # the default graph, their union, is left out (proveniens/storage/dumps.py)
    assert len(reloaded) == len(named)


def test_each_named_graph_dump_reloads_into_exactly_that_graph(
    disk_client: TestClient, published_store: ox.Store
) -> None:
    graphs = {URIRef(g.value) for g in published_store.named_graphs()}
    for path, fmt, graph in dump_files(graphs):
        if graph is None:
            continue
        reloaded = ox.Store()
        data = gzip.decompress(disk_client.get(f"/dumps/{path}").content)
        reloaded.load(data, format=ox.RdfFormat.N_QUADS if fmt.suffix == "nq.gz" else ox.RdfFormat.TRIG)
        assert quads(reloaded) == quads(published_store, str(graph)), path


@pytest.mark.parametrize("path", ["/dumps/../current", "/dumps/graphs/../../SHA256SUMS", "/dumps/%2e%2e/current",
                                  "/dumps/nothing.nq.gz"])  # fmt: skip
def test_only_listed_dumps_are_served(disk_client: TestClient, path: str) -> None:
    assert disk_client.get(path).status_code == 404


def test_the_dumps_index_and_the_catalogue_page_list_the_files(disk_client: TestClient, published: Path) -> None:
    sums = (served_dumps(published) / "SHA256SUMS").read_text()
    assert disk_client.get("/dumps/", headers={"Accept": "text/plain"}).text == sums
    digest = sums.splitlines()[0].split("  ")[0]
    for path in ("/dumps/", "/catalog"):
        page = disk_client.get(path, headers={"Accept": "text/html"})
        assert page.headers["content-type"].startswith("text/html")
        assert digest in page.text and "dataset.nq.gz" in page.text


def test_description_etag_and_formats(client: TestClient) -> None:
    for path in ("/.well-known/void", "/catalog"):
        for media, fmt in (("application/ld+json", "json-ld"), ("application/n-triples", "nt"),
                           ("application/rdf+xml", "xml")):  # fmt: skip
            response = client.get(path, headers={"Accept": media})
            assert (DATASET, RDF.type, VOID.Dataset) in Graph().parse(data=response.content, format=fmt)
        tag = client.get(path, headers={"Accept": "text/turtle"}).headers["etag"]
        assert client.get(path, headers={"Accept": "text/turtle", "If-None-Match": tag}).status_code == 304
        assert client.get(path, headers={"Accept": "image/png"}).status_code == 406


def test_a_build_without_a_description_or_dumps_says_so(
    bundled_build: tuple[Path, BuildReport], tmp_path: Path
) -> None:
    store = open_read_only(bundled_build[0])
    graphs = [
        (URIRef(g.value), Graph().parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g), format="nt"))
        for g in store.named_graphs()
        if g.value != str(VOID_GRAPH)
    ]
    EmbeddedTarget(tmp_path / "bare").publish(graphs)
    shutil.rmtree(tmp_path / "bare" / "current" / "dumps")  # as a build written before builds wrote dumps
    with TestClient(create_app(Settings(store=tmp_path / "bare", query_workers=1))) as client:
        void = client.get("/.well-known/void", headers={"Accept": "text/turtle"})
        assert void.status_code == 404 and "graph/void" in void.text
        dumps = client.get("/dumps/dataset.nq.gz")
        assert dumps.status_code == 404 and "proveniens build" in dumps.text


def test_export_command_output_is_what_the_service_serves(published: Path, tmp_path: Path) -> None:
    """`proveniens export` writes the files the build wrote, with the same quads (in the store's order, which
    differs between the in-memory store a full build dumps from and the on-disk one export reads)."""
    again = tmp_path / "again"
    written = write_dumps(open_read_only(published), again)
    served = read_sums(served_dumps(published) / "SHA256SUMS")
    assert {str(p.relative_to(again)) for p in written} == {*served, "SHA256SUMS"}
    for name in served:
        fmt = ox.RdfFormat.N_QUADS if name.endswith(".nq.gz") else ox.RdfFormat.TRIG
        ours, theirs = ox.Store(), ox.Store()
        ours.load(gzip.decompress((again / name).read_bytes()), format=fmt)
        theirs.load(gzip.decompress((served_dumps(published) / name).read_bytes()), format=fmt)
        assert quads(ours) == quads(theirs) and len(ours) == len(theirs), name


def test_the_build_itself_writes_links_and_description(bundled_build: tuple[Path, BuildReport]) -> None:
    names = {g.value for g in open_read_only(bundled_build[0]).named_graphs()}
    assert str(VOID_GRAPH) in names
    assert str(LINKS_GRAPH) in names
    store = open_read_only(bundled_build[0])
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(str(VOID_GRAPH)))
    assert violated(Graph().parse(data=data, format="nt")) == set()
