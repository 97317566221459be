"""The build's links and VoID/DCAT/SD description, found by queries on its store, equal the rdflib reference.

The reference is the earlier path, kept for this: every named graph the build published read into
rdflib, then `links_graph` over the source graphs and `describe_dataset` over all but graph/void.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import PROV

from proveniens.build import DERIVED, BuildReport, build
from proveniens.derived.dataset_description import (
    DATASET,
    VOID,
    VOID_GRAPH,
    Counts,
    Statistics,
    describe,
    describe_dataset,
)
from proveniens.derived.links import LINKS_GRAPH, links_graph
from proveniens.derived.store_statistics import described_statistics, store_counts
from proveniens.shacl_sparql.run import to_rdflib
from proveniens.storage.store import open_read_only

SOURCES = Path(__file__).resolve().parents[2] / "sources"
EX = "https://example.org/"
B = "https://w3id.org/proveniens/"


def published(root: Path) -> dict[URIRef, Graph]:
    """Every named graph of the build being served, as rdflib graphs."""
    out: dict[URIRef, Graph] = defaultdict(Graph)
    for q in open_read_only(root):
        if isinstance(q.graph_name, ox.NamedNode):
            out[URIRef(q.graph_name.value)].add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return dict(out)


def difference(ours: Graph, reference: Graph) -> str:
    only_ours = sorted(f"+ {t}" for t in set(ours) - set(reference))
    only_reference = sorted(f"- {t}" for t in set(reference) - set(ours))
    return "\n".join([*only_ours[:20], *only_reference[:20]])


def assert_equals_the_reference(root: Path) -> None:
    graphs = published(root)
    content = [(name, graph) for name, graph in sorted(graphs.items()) if name not in DERIVED]
    assert len(content) > 5, "the build published no source graphs"

    links = links_graph(content)
    assert len(links) > 0
    assert set(graphs[LINKS_GRAPH]) == set(links), difference(graphs[LINKS_GRAPH], links)

    void = graphs[VOID_GRAPH]
    built_at = datetime.fromisoformat(str(void.value(DATASET, PROV.generatedAtTime)))
    reference = describe_dataset([(name, graph) for name, graph in graphs.items() if name != VOID_GRAPH], built_at)
    assert int(void.value(DATASET, VOID.triples)) > 10_000  # type: ignore[arg-type]
    assert set(void) == set(reference), difference(void, reference)


def test_a_full_build_of_the_corpus_describes_itself_as_the_reference_does(
    bundled_build: tuple[Path, BuildReport],
) -> None:
    assert_equals_the_reference(bundled_build[0])


def rdf(folder: Path, name: str, says: str, anonymously: bool = False) -> None:
    """An RDF source; `anonymously` adds a blank node (VoID counts it as the entity its skolem IRI would be)."""
    text = f'<{EX}{name}> <{EX}says> "{says}" .\n'
    if anonymously:
        text += f'_:b <{EX}says> "{says}, anonymously" .\n'
    (folder / name).write_text(text)


def test_an_incremental_build_with_rdf_sources_describes_itself_as_the_reference_does(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder)
    for name in ("kept.nt", "changed.nt"):
        rdf(folder, name, name)
    build(folder, tmp_path / "store")
    rdf(folder, "changed.nt", "changed again")
    again = build(folder, tmp_path / "store")
    assert again.reloaded == ("changed.nt",)
    assert_equals_the_reference(tmp_path / "store")
    # Counted from the previous numbers: blank nodes, a lineage link (the index changes) and a
    # minutes file (its evidence minted anew, the curated files reloaded) change the union.
    rdf(folder, "changed.nt", "changed a third time", anonymously=True)
    with (folder / "changed.nt").open("a") as out:
        out.write(f"<{EX}changed.nt> <http://purl.org/dc/terms/isPartOf> <{EX}kept.nt> .\n")
    minutes = sorted((folder / "corpus").glob("*.txt"))[0]
    minutes.write_text(minutes.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    third = build(folder, tmp_path / "store")
    assert {"changed.nt", minutes.name} <= set(third.reloaded)
    assert_equals_the_reference(tmp_path / "store")


def test_blank_nodes_of_two_sources_count_as_two_subjects(tmp_path: Path) -> None:
    """As the store holds them (the skolem IRIs of the rdflib reference once collided across graphs and counted one)."""
    for name in ("one.nt", "two.nt"):
        rdf(tmp_path, name, name, anonymously=True)
    build(tmp_path, tmp_path / "store")
    graphs = published(tmp_path / "store")
    void = graphs.pop(VOID_GRAPH)
    union = Graph()
    for graph in graphs.values():
        union += graph
    subjects = set(union.subjects())
    assert sum(isinstance(s, BNode) for s in subjects) == 2
    assert int(void.value(DATASET, VOID.distinctSubjects)) == len(subjects)  # type: ignore[arg-type]
    entities = {s for s in subjects if isinstance(s, BNode) or s.startswith(B)}
    assert int(void.value(DATASET, VOID.entities)) == len(entities)  # type: ignore[arg-type]


def test_kept_graphs_keep_their_described_numbers_and_the_rest_is_counted() -> None:
    """How an incremental build carries the numbers of the graphs it kept over from the previous description."""
    graphs = {
        URIRef(f"{B}graph/{name}"): Graph().parse(
            data=f'<{B}{name}> a <{EX}Thing> ; <{EX}says> "{name}" .', format="turtle"
        )
        for name in ("kept", "changed")
    }
    store = ox.Store()
    for name, graph in graphs.items():
        store.load(graph.serialize(format="nt"), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(name)))
    kept, changed = graphs
    stale = Statistics(7, 7, 7, 7, 7, 7)
    counts = store_counts(store, graphs, {kept: stale})
    reference = Counts.of(list(graphs.items()))
    assert counts.graphs == {kept: stale, changed: reference.graphs[changed]}
    assert (counts.dataset, counts.classes, counts.properties) == (
        reference.dataset,
        reference.classes,
        reference.properties,
    )
    description = describe(reference, datetime.now(UTC))
    store.load(
        description.serialize(format="nt"), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(VOID_GRAPH))
    )
    assert described_statistics(store) == reference.graphs
