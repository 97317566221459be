"""RDF files as sources: every format and its gzip, graphs kept under the file's own name, errors at file:line."""

from __future__ import annotations

import gzip
import hashlib
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from proveniens.build import build
from proveniens.errors import SourceError, ValidationFailed
from proveniens.namespaces import BUILD_GRAPH, GRAPH, SOURCE
from proveniens.storage.store import StoreLayout, open_read_only

EX = "https://example.org/"
PROV = "http://www.w3.org/ns/prov#"
PV = "https://w3id.org/proveniens/ontology#"

TURTLE = f'@prefix ex: <{EX}> .\nex:ttl ex:says "turtle" ; ex:has [ ex:label "anonymous" ] .\n'
NTRIPLES = f'<{EX}nt> <{EX}says> "n-triples" .\n'
NQUADS = (
    f'<{EX}nq> <{EX}says> "default graph" .\n'
    f'<{EX}nq> <{EX}says> "own graph" <{EX}graph/a#part?x=1> .\n'
    f'<{EX}nq> <{EX}says> "tries to write into the build graph" <{BUILD_GRAPH}> .\n'
)
TRIG = f'@prefix ex: <{EX}> .\nex:trig ex:says "default" .\nex:g {{ ex:trig ex:says "named" . }}\n'
JSONLD = f'[{{"@id": "{EX}jsonld", "{EX}says": "json-ld"}}]'

FILES = {
    "a.ttl": TURTLE,
    "a.nt": NTRIPLES,
    "a.nq": NQUADS,
    "a.trig": TRIG,
    "a.jsonld": JSONLD,
}


def write_sources(folder: Path, gzipped: bool) -> dict[str, Path]:
    folder.mkdir()
    written = {}
    for name, text in FILES.items():
        path = folder / (name + ".gz" if gzipped else name)
        path.write_bytes(gzip.compress(text.encode()) if gzipped else text.encode())
        written[name] = path
    return written


def values(store: ox.Store, graph: str, subject: str) -> set[str]:
    pattern = store.quads_for_pattern(ox.NamedNode(EX + subject), ox.NamedNode(EX + "says"), None, ox.NamedNode(graph))
    return {q.object.value for q in pattern}


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzip"])
def test_every_format_becomes_graphs_of_its_file(tmp_path: Path, gzipped: bool) -> None:
    files = write_sources(tmp_path / "sources", gzipped)
    report = build(tmp_path / "sources", tmp_path / "store")
    store = open_read_only(tmp_path / "store")
    suffix = ".gz" if gzipped else ""
    assert values(store, str(GRAPH["a.ttl" + suffix]), "ttl") == {"turtle"}
    assert values(store, str(GRAPH["a.nt" + suffix]), "nt") == {"n-triples"}
    assert values(store, str(GRAPH["a.jsonld" + suffix]), "jsonld") == {"json-ld"}
    assert values(store, str(GRAPH["a.trig" + suffix]), "trig") == {"default"}
    assert values(store, f"{GRAPH['a.trig' + suffix]}/{EX}g", "trig") == {"named"}
    assert values(store, str(GRAPH["a.nq" + suffix]), "nq") == {"default graph"}
    # A quad file's graphs: kept under the file's graph, the name percent-encoded where an IRI needs it.
    assert values(store, f"{GRAPH['a.nq' + suffix]}/{EX}graph/a%23part%3Fx=1", "nq") == {"own graph"}
    assert values(store, f"{GRAPH['a.nq' + suffix]}/{BUILD_GRAPH}", "nq") == {"tries to write into the build graph"}
    assert not list(store.quads_for_pattern(ox.NamedNode(EX + "nq"), None, None, ox.NamedNode(str(BUILD_GRAPH))))
    assert str(GRAPH["a.nq" + suffix]) + f"/{BUILD_GRAPH}" in report.triples
    # Each file is described like any source: in the build graph and as a source document.
    for name, path in files.items():
        source = ox.NamedNode(str(SOURCE[path.name]))
        graph = ox.NamedNode(str(GRAPH[path.name]))
        build_graph = ox.NamedNode(str(BUILD_GRAPH))
        sha = {q.object.value for q in store.quads_for_pattern(source, ox.NamedNode(PV + "sha256"), None, build_graph)}
        assert sha == {hashlib.sha256(path.read_bytes()).hexdigest()}, name
        loader = {
            q.object.value for q in store.quads_for_pattern(graph, ox.NamedNode(PV + "loader"), None, build_graph)
        }
        assert loader == {"rdf"}, name
        count = store.quads_for_pattern(graph, ox.NamedNode(PV + "tripleCount"), None, build_graph)
        assert int(next(iter(count)).object.value) == report.triples[str(GRAPH[path.name])], name
        described = store.quads_for_pattern(source, ox.NamedNode(PV + "fileName"), None, graph)
        assert {q.object.value for q in described} == {path.name}, name


def test_a_quad_files_own_graph_names_are_recorded(tmp_path: Path) -> None:
    write_sources(tmp_path / "sources", gzipped=False)
    build(tmp_path / "sources", tmp_path / "store")
    store = open_read_only(tmp_path / "store")
    mapped = ox.NamedNode(f"{GRAPH['a.nq']}/{BUILD_GRAPH}")
    alternate = store.quads_for_pattern(
        mapped, ox.NamedNode(PROV + "alternateOf"), None, ox.NamedNode(str(BUILD_GRAPH))
    )
    assert {q.object.value for q in alternate} == {str(BUILD_GRAPH)}


def test_blank_nodes_of_two_files_stay_apart(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "one.nt").write_text(f'_:b1 <{EX}says> "one" .\n')
    (folder / "two.nt").write_text(f'_:b1 <{EX}says> "two" .\n')
    build(folder, tmp_path / "store")
    store = open_read_only(tmp_path / "store")
    subjects = {q.subject for q in store.quads_for_pattern(None, ox.NamedNode(EX + "says"), None, None)}
    assert len(subjects) == 2


@pytest.mark.parametrize(
    ("name", "data", "where"),
    [
        (
            "bad.ttl",
            f"@prefix ex: <{EX}> .\nex:a ex:b ex:c .\nex:a ex:b ex:c ex:d .\n",
            "bad.ttl:3: is not valid text/turtle at column",
        ),
        ("bad.nq.gz", gzip.compress(f'<{EX}a> <{EX}b> "c" .\n\n<a> <b> <c> .\n'.encode()), "bad.nq.gz:3: is not valid"),
        ("bad.jsonld", '{"@id": 3}', "bad.jsonld: is not valid application/ld+json"),
    ],
)
def test_a_parse_error_names_file_and_line_and_publishes_nothing(
    tmp_path: Path, name: str, data: str | bytes, where: str
) -> None:
    folder = tmp_path / "sources"
    write_sources(folder, gzipped=False)
    build(folder, tmp_path / "store")
    before = StoreLayout(tmp_path / "store").current_build()
    (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode())
    with pytest.raises(SourceError, match=re.escape(where)) as caught:
        build(folder, tmp_path / "store")
    assert "Traceback" not in str(caught.value)
    assert StoreLayout(tmp_path / "store").current_build() == before
    assert not list((tmp_path / "store" / "builds").glob(".partial-*"))


def test_rdf_sources_are_validated_by_the_shapes(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    sou = "https://w3id.org/proveniens/sou/2099:1"
    rpubl = "http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#"
    (folder / "dump.nt").write_text(
        f"<{sou}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{rpubl}Utredningsbetankande> .\n"
    )
    with pytest.raises(ValidationFailed) as caught:
        build(folder, tmp_path / "store")
    violations = caught.value.report.violations
    assert violations
    assert all(str(f.origin) == str(folder / "dump.nt") for f in violations if f.focus == sou)
    assert StoreLayout(tmp_path / "store").current_build() is None
