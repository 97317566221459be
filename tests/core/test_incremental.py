"""Rebuilds by the change: an incremental build reloads only what changed and equals a full build."""

from __future__ import annotations

import gzip
import hashlib
import shutil
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from proveniens import __version__
from proveniens.build import build
from proveniens.incremental import GraphRecord, plan_rebuild
from proveniens.loaders.sources import find_sources
from proveniens.namespaces import GRAPH, ONTOLOGY_GRAPH
from proveniens.shacl_sparql.run import to_rdflib
from proveniens.storage.dumps import dump_files, dump_slug, read_sums
from proveniens.storage.store import StoreLayout, open_read_only

SOURCES = Path(__file__).resolve().parents[2] / "sources"
EX = "https://example.org/"
GENERATED_AT = "http://www.w3.org/ns/prov#generatedAtTime"
PART_OF = "http://purl.org/dc/terms/isPartOf"
REFERENCES = "http://purl.org/dc/terms/references"
FORMATS = {"nq.gz": ox.RdfFormat.N_QUADS, "trig.gz": ox.RdfFormat.TRIG}


def graphs(root: Path) -> dict[str, Graph]:
    """Every named graph of the current build as an rdflib graph, without build times."""
    out: dict[str, Graph] = defaultdict(Graph)
    for q in open_read_only(root):
        if q.predicate.value != GENERATED_AT and isinstance(q.graph_name, ox.NamedNode):
            out[q.graph_name.value].add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return dict(out)


def rdf(folder: Path, name: str, says: str) -> None:
    """A small RDF source; what it says is also a lineage link (part of) and an impact link (referenced by)."""
    (folder / name).write_text(
        f'<{EX}{name}> <{EX}says> "{says}" .\n_:b <{EX}says> "{says}, anonymously" .\n'
        f"<{EX}{name}> <{PART_OF}> <{EX}{says}> .\n<{EX}{says}> <{REFERENCES}> <{EX}{name}> .\n"
    )


def test_incremental_build_equals_a_full_build(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder)
    for name in ("kept.nt", "changed.nt", "removed.nt"):
        rdf(folder, name, "first")
    first = build(folder, tmp_path / "incremental")
    assert "kept.nt" in first.reloaded

    rdf(folder, "changed.nt", "second")
    (folder / "removed.nt").unlink()
    rdf(folder, "added.nt", "new")
    minutes = next(p for p in sorted((folder / "corpus").glob("*.txt")))
    minutes.write_text(minutes.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    before = StoreLayout(tmp_path / "incremental").current_build()
    again = build(folder, tmp_path / "incremental")
    full = build(folder, tmp_path / "full", incremental=False)

    assert StoreLayout(tmp_path / "incremental").current_build() != before  # published by the same switch
    assert "kept.nt" not in again.reloaded
    assert {"changed.nt", "added.nt", minutes.name} <= set(again.reloaded)
    assert set(again.reloaded) < set(full.reloaded)
    incremental_graphs, full_graphs = graphs(tmp_path / "incremental"), graphs(tmp_path / "full")
    assert str(GRAPH["removed.nt"]) not in incremental_graphs
    assert incremental_graphs.keys() == full_graphs.keys()
    for name, graph in full_graphs.items():
        assert isomorphic(incremental_graphs[name], graph), name
    for root in (tmp_path / "incremental", tmp_path / "full"):
        assert_dumps_hold_the_build(root)
    # The dumps of a graph the rebuild kept are the previous build's files; those of changed graphs are new.
    now = StoreLayout(tmp_path / "incremental").current_build()
    assert before is not None and now is not None
    kept, changed = (f"graphs/{dump_slug(str(GRAPH[n]))}.nq.gz" for n in ("kept.nt", "changed.nt"))
    assert (now / "dumps" / kept).stat().st_ino == (before / "dumps" / kept).stat().st_ino
    assert (now / "dumps" / changed).stat().st_ino != (before / "dumps" / changed).stat().st_ino
    assert not (now / "dumps" / f"graphs/{dump_slug(str(GRAPH['removed.nt']))}.nq.gz").exists()
    # The lineage index is written in pieces by subject: those no changed subject falls in are the previous ones.
    new, old = now / "dumps" / ".parts", before / "dumps" / ".parts"
    pieces = sorted(p.name for p in new.glob("lineage-*"))
    shared = [p for p in pieces if (new / p).stat().st_ino == (old / p).stat().st_ino]
    assert len(pieces) == 128 and 0 < len(shared) < len(pieces), len(shared)


def assert_dumps_hold_the_build(root: Path) -> None:
    """Every named graph's dump (N-Quads and TriG) holds that graph as served, and the dataset's all of them."""
    store, folder = open_read_only(root), StoreLayout(root).current_build() / "dumps"  # type: ignore[operator]
    sums = read_sums(folder / "SHA256SUMS")
    names = {URIRef(g.value) for g in store.named_graphs()}
    assert set(sums) == {path for path, _, _ in dump_files(names)}
    for path, fmt, graph in dump_files(names):
        assert hashlib.sha256((folder / path).read_bytes()).hexdigest() == sums[path], path
        dumped = ox.Store()
        dumped.load(gzip.decompress((folder / path).read_bytes()), format=FORMATS[fmt.suffix])
        pattern = ox.NamedNode(str(graph)) if graph is not None else None
        held = [q for q in store.quads_for_pattern(None, None, None, pattern) if isinstance(q.graph_name, ox.NamedNode)]
        ours, theirs = by_graph(dumped), by_graph(held)
        assert ours.keys() == theirs.keys(), path
        assert all(isomorphic(ours[g], theirs[g]) for g in ours), path  # blank nodes are named anew when read


def by_graph(quads: Iterable[ox.Quad]) -> dict[str, Graph]:
    out: dict[str, Graph] = defaultdict(Graph)
    for q in quads:
        out[q.graph_name.value].add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return dict(out)


def test_a_changed_curated_file_reloads_every_text_source(tmp_path: Path) -> None:
    shutil.copytree(SOURCES, tmp_path / "sources")
    (tmp_path / "sources" / "dump.nt").write_text(f'<{EX}a> <{EX}says> "a" .\n')
    sources = find_sources(tmp_path / "sources")
    previous = [GraphRecord(ONTOLOGY_GRAPH, None, None, "ontology", __version__, 1)]
    previous += [GraphRecord(f.graph_iri, f.iri, f.sha256, "x", __version__, 1) for f in sources.files]
    previous += [GraphRecord(r.graph_iri, r.iri, r.sha256, "rdf", __version__, 1) for r in sources.rdf]
    present = {r.graph for r in previous}
    assert plan_rebuild(previous, present, sources).reloaded == frozenset()

    curated = next(f for f in sources.files if f.name.endswith(".yaml"))
    changed = [
        r if r.source != curated.iri else GraphRecord(r.graph, r.source, "0" * 64, "curated-yaml", __version__, 1)
        for r in previous
    ]
    plan = plan_rebuild(changed, present, sources)
    assert plan.text == {f.name for f in sources.files}
    assert plan.rdf == frozenset()
    assert GRAPH["dump.nt"] not in plan.drop


LEFT_EARLY_NOT = """
PREFIX pv: <https://w3id.org/proveniens/ontology#>
SELECT ?part WHERE {
  GRAPH ?g { ?part a pv:MeetingParticipation } FILTER NOT EXISTS { ?part pv:attendance pv:LeftEarly }
} ORDER BY ?part LIMIT 1
"""


def test_an_incremental_build_refuses_a_fault_its_change_makes_at_a_node_of_a_kept_graph(tmp_path: Path) -> None:
    """A participation the minutes do not report as left early gets a time of leaving from a new RDF file: the
    sh:or of pv:MeetingParticipationShape, whose reach only its query shows, refuses it."""
    import pytest

    from proveniens.errors import ValidationFailed

    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder)
    build(folder, tmp_path / "store")
    rows = open_read_only(tmp_path / "store").query(LEFT_EARLY_NOT)
    part = next(iter(rows))["part"].value  # type: ignore[call-overload, index]
    xsd_time = "http://www.w3.org/2001/XMLSchema#time"
    (folder / "left.nt").write_text(
        f'<{part}> <https://w3id.org/proveniens/ontology#leftAt> "10:15:00"^^<{xsd_time}> .\n'
    )
    with pytest.raises(ValidationFailed) as refused:
        build(folder, tmp_path / "store")
    assert {(str(f.focus), (f.shape or "").rsplit("#")[-1]) for f in refused.value.report.violations} == {
        (part, "MeetingParticipationShape")
    }
