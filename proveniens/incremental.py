"""Rebuilds by the change: what the previous build says it was made of, and what must be reloaded now.

An incremental build starts from a checkpoint of the build being served (hard links, no copy) and
reloads only the sources whose SHA-256 differs from the one the build graph recorded, plus those
whose graph depends on them:

- a changed, added or removed **curated** file reloads every text and YAML source: the kind
  loaders consult curated knowledge, and curated files check their quotes against the documents;
- a changed, added or removed **document** (.txt) reloads itself and the curated files (their
  evidence quotes it);
- an **RDF** file is parsed verbatim and depends on nothing: only it is reloaded.

The graphs of removed and reloaded sources are dropped first. When the product version recorded for
the ontology graph differs from the running one (new loaders, ontology or shapes), everything is
reloaded.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import URIRef

from proveniens import __version__
from proveniens.loaders.curated import LOADER as CURATED_LOADER
from proveniens.loaders.rdf_sources import LOADER as RDF_LOADER
from proveniens.loaders.sources import SourceKind, SourceSet
from proveniens.namespaces import BUILD_GRAPH, ONTOLOGY_GRAPH
from proveniens.storage.store import build_query


@dataclass(frozen=True)
class GraphRecord:
    """One graph as the build graph describes it."""

    graph: URIRef
    source: URIRef | None
    sha256: str | None
    loader: str
    version: str
    triples: int
    original: URIRef | None = None  # a quad file's own name for the graph


def _term(value: ox.NamedNode | ox.Literal | None) -> str | None:
    return None if value is None else value.value


def previous_records(store: ox.Store) -> list[GraphRecord]:
    """What the build graph of `store` records, graph by graph."""
    rows = store.query(build_query("graph_records.rq"), default_graph=ox.NamedNode(str(BUILD_GRAPH)))
    records = []
    for row in rows:  # type: ignore[union-attr]
        source, original = _term(row["source"]), _term(row["original"])
        records.append(
            GraphRecord(
                URIRef(row["graph"].value),
                URIRef(source) if source else None,
                _term(row["sha256"]),
                row["loader"].value,
                row["version"].value,
                int(row["triples"].value),
                URIRef(original) if original else None,
            )
        )
    return records


@dataclass(frozen=True)
class Plan:
    """What an incremental build reloads, drops and keeps."""

    text: frozenset[str]  # names of the text and YAML sources to load
    rdf: frozenset[str]  # names of the RDF sources to parse
    drop: frozenset[URIRef]  # graphs of the previous build to remove before loading
    keep: tuple[GraphRecord, ...]  # source graphs carried over unchanged

    @property
    def reloaded(self) -> frozenset[str]:
        return self.text | self.rdf


def full_plan(sources: SourceSet, present: frozenset[URIRef] = frozenset()) -> Plan:
    """Load everything; drop every graph `present` in the store the build starts from."""
    return Plan(frozenset(f.name for f in sources.files), frozenset(r.name for r in sources.rdf), present, ())


def plan_rebuild(previous: list[GraphRecord], present: set[URIRef], sources: SourceSet) -> Plan:
    """Compare the sources with the previous build's records (see the module docstring for the rules).

    `present` are the graphs the checkpoint holds: a full reload drops them all."""
    ontology = next((r for r in previous if r.graph == ONTOLOGY_GRAPH), None)
    if ontology is None or ontology.version != __version__:
        return full_plan(sources, frozenset(present))
    recorded = {r.source: r.sha256 for r in previous if r.source is not None}
    current = {f.iri: f.sha256 for f in sources.files} | {r.iri: r.sha256 for r in sources.rdf}
    changed = {iri for iri in recorded.keys() | current.keys() if recorded.get(iri) != current.get(iri)}
    kinds = {f.iri: f.kind for f in sources.files}
    names = {f.iri: f.name for f in sources.files}
    text: set[str] = set()
    if any(kinds.get(iri) is SourceKind.CURATED or _was_curated(iri, previous) for iri in changed):
        text = set(names.values())
    elif any(kinds.get(iri) is SourceKind.DOCUMENT or _was_document(iri, previous) for iri in changed):
        text = {names[iri] for iri in changed if iri in names}
        text |= {f.name for f in sources.files if f.kind is SourceKind.CURATED}
    rdf = {r.name for r in sources.rdf if r.iri in changed}
    reloaded_iris = {iri for iri, name in names.items() if name in text} | {
        r.iri for r in sources.rdf if r.iri in changed
    }
    gone = changed - current.keys()
    drop = {r.graph for r in previous if r.source in reloaded_iris or r.source in gone}
    keep = tuple(r for r in previous if r.source is not None and r.graph not in drop)
    return Plan(frozenset(text), frozenset(rdf), frozenset(drop), keep)


def _was_curated(iri: URIRef, previous: list[GraphRecord]) -> bool:
    return any(r.source == iri and r.loader == CURATED_LOADER for r in previous)


def _was_document(iri: URIRef, previous: list[GraphRecord]) -> bool:
    return any(r.source == iri and r.loader not in (CURATED_LOADER, RDF_LOADER) for r in previous)
