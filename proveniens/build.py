"""Sources → loaders → validation → a new store → atomic switch.

Nothing becomes visible unless every source loads and the whole candidate graph passes the
shapes; then the new build replaces the old in one rename.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD
from rdflib.term import Node

from proveniens import __version__
from proveniens.dataset_description import VOID_GRAPH, describe_dataset
from proveniens.errors import ValidationFailed
from proveniens.links import LINKS_GRAPH, links_graph
from proveniens.loaders.curated import LOADER as CURATED_LOADER
from proveniens.loaders.curated import load_curated
from proveniens.loaders.documents import load_document
from proveniens.loaders.registry import choose_loader
from proveniens.loaders.sources import SourceFile, SourceKind, SourceSet, find_sources
from proveniens.namespaces import BUILD_GRAPH, ONTOLOGY_GRAPH, PV
from proveniens.remote import RemoteTarget
from proveniens.resources import ontology_files, read_turtle, shapes_files
from proveniens.settings import Settings
from proveniens.store import EmbeddedTarget, skolemize
from proveniens.validation import Finding, Origin, ValidationReport, verify_graph

DOCUMENT_LOADER = "source-document"


@dataclass(frozen=True)
class LoadedGraph:
    """One named graph ready for the store, and where it came from."""

    iri: URIRef
    graph: Graph
    loader: str
    source: SourceFile | None
    version: str = __version__


class GraphTarget(Protocol):
    """Where a validated build goes: an on-disk store or a remote SPARQL server."""

    def publish(self, graphs: list[tuple[URIRef, Graph]]) -> dict[str, int]: ...


def target_for(settings: Settings) -> GraphTarget:
    """The remote server when the store setting is a URL, else the on-disk store directory."""
    if settings.remote is not None:
        return RemoteTarget(settings.remote)
    return EmbeddedTarget(settings.store_path, settings.keep_builds)


@dataclass(frozen=True)
class BuildReport:
    """What a successful build published."""

    target: str
    triples: dict[str, int]
    warnings: tuple[Finding, ...]
    skipped: tuple[Path, ...]
    unrecognised: tuple[Path, ...]
    seconds: float


def load_sources(sources: SourceSet) -> tuple[list[LoadedGraph], dict[Node, Origin], list[Path]]:
    """Run the loader for each source; raise at the first source that cannot be read.

    Returns the graphs, where each subject came from, and the documents no kind loader recognised.
    """
    loaded: list[LoadedGraph] = []
    origins: dict[Node, Origin] = {}
    unrecognised: list[Path] = []
    for source in sources.files:
        where = str(source.path)
        if source.kind is SourceKind.CURATED:
            curated = load_curated(source, sources)
            item = LoadedGraph(source.graph_iri, curated.graph, CURATED_LOADER, source)
            origins.update({node: Origin(where, line) for node, line in curated.origins.items()})
        else:
            graph = load_document(source)
            loader = choose_loader(source)
            if loader is None:
                unrecognised.append(source.path)
                item = LoadedGraph(source.graph_iri, graph, DOCUMENT_LOADER, source)
            else:
                document = loader.load(source)
                graph += document.graph
                origins.update({node: Origin(where, line) for node, line in document.origins.items()})
                item = LoadedGraph(source.graph_iri, graph, loader.name, source, loader.version)
        origins.setdefault(source.iri, Origin(where))
        loaded.append(item)
    return loaded, origins, unrecognised


def verify_sources(loaded: list[LoadedGraph], origins: dict[Node, Origin], ontology: Graph) -> ValidationReport:
    """Validate the union of all loaded graphs against the shapes."""
    union = Graph()
    for item in loaded:
        union += item.graph
    for item in loaded:  # subjects a loader gave no line for still name their file
        if item.source is not None:
            for node in set(item.graph.subjects()):
                origins.setdefault(node, Origin(str(item.source.path)))
    return verify_graph(union, read_turtle(shapes_files()), ontology, origins)


def describe_graphs(loaded: list[LoadedGraph], built_at: datetime) -> Graph:
    """The build graph: for every named graph, its source, loader and version, size and build time."""
    g = Graph()
    stamp = Literal(built_at.isoformat(timespec="seconds"), datatype=XSD.dateTime)
    for item in loaded:
        g.add((item.iri, RDF.type, PV.SourceGraph))
        if item.source is not None:
            g.add((item.iri, PROV.wasDerivedFrom, item.source.iri))
        g.add((item.iri, PV.loader, Literal(item.loader)))
        g.add((item.iri, PV.loaderVersion, Literal(item.version)))
        g.add((item.iri, PV.tripleCount, Literal(len(item.graph), datatype=XSD.nonNegativeInteger)))
        g.add((item.iri, PROV.generatedAtTime, stamp))
    return g


def build(
    sources_dir: Path,
    store: Path | GraphTarget,
    keep: int = 3,
    step: Callable[[str], None] = lambda _: None,
) -> BuildReport:
    """Build the graph from `sources_dir`, validate it, and publish it to `store` in one switch."""
    started = time.perf_counter()
    target = EmbeddedTarget(store, keep) if isinstance(store, Path) else store
    step("reading sources")
    sources = find_sources(sources_dir)
    step("loading sources")
    loaded, origins, unrecognised = load_sources(sources)
    ontology = read_turtle(ontology_files())
    step("validating")
    report = verify_sources(loaded, origins, ontology)
    if not report.conforms:
        raise ValidationFailed(report)
    loaded.append(LoadedGraph(ONTOLOGY_GRAPH, ontology, "ontology", None))
    loaded.append(LoadedGraph(LINKS_GRAPH, links_graph([(i.iri, i.graph) for i in loaded]), "links", None))
    built_at = datetime.now(UTC)
    loaded.append(LoadedGraph(BUILD_GRAPH, describe_graphs(loaded, built_at), "build", None))
    description = describe_dataset([(i.iri, i.graph) for i in loaded], built_at)
    loaded.append(LoadedGraph(VOID_GRAPH, description, "void", None))
    step("publishing")
    triples = target.publish([(item.iri, skolemize(item.graph)) for item in loaded])
    seconds = time.perf_counter() - started
    return BuildReport(str(target), triples, report.warnings, sources.skipped, tuple(unrecognised), seconds)
