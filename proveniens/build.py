"""Sources → loaders → a candidate store → validation → atomic switch.

Every source is written into a candidate store in a build directory nobody reads yet: loaders'
graphs as rdflib graphs, RDF files parsed straight in by pyoxigraph. Nothing becomes visible unless
every source loads and the candidate passes the shapes; then `current` is switched to it in one
rename. When a build is being served, the candidate starts as a checkpoint of it and only the
sources that changed are reloaded and revalidated (`proveniens.incremental`).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD
from rdflib.term import Node

from proveniens import __version__
from proveniens.checks.validation import Finding, Origin, ValidationReport, validate_store, verify_graph
from proveniens.derived.dataset_description import VOID_GRAPH, describe
from proveniens.derived.lineage_index import LINEAGE_GRAPH, index_quads, index_store, update_index
from proveniens.derived.lineage_index import LOADER as LINEAGE_LOADER
from proveniens.derived.links import LINKS_GRAPH, store_links, update_links
from proveniens.derived.statistics_delta import Described, described_dataset, updated_graph, updated_union
from proveniens.derived.store_statistics import described_statistics, store_counts
from proveniens.derived.union_graph import keep_union
from proveniens.errors import ValidationFailed
from proveniens.graph_delta import GraphDelta, Triple, delta, read_triples
from proveniens.incremental import GraphRecord, Plan, full_plan, plan_rebuild, previous_records
from proveniens.loaders.curated import LOADER as CURATED_LOADER
from proveniens.loaders.curated import load_curated
from proveniens.loaders.documents import load_document
from proveniens.loaders.knowledge import consulting, for_sources
from proveniens.loaders.rdf_sources import LOADER as RDF_LOADER
from proveniens.loaders.rdf_sources import describe_rdf_source, load_rdf_source
from proveniens.loaders.reference_texts import LOADER as REFERENCE_LOADER
from proveniens.loaders.reference_texts import mark_reference, reference_texts
from proveniens.loaders.registry import Unread, read_facts
from proveniens.loaders.riksdagen.loader import LOADER as RIKSDAGEN_LOADER
from proveniens.loaders.sources import SourceFile, SourceKind, SourceSet, find_sources
from proveniens.namespaces import BUILD_GRAPH, ONTOLOGY_GRAPH, PV, SOURCE
from proveniens.record_check import record_disagreements
from proveniens.resources import ontology_files, read_turtle, shapes_files
from proveniens.settings import Settings
from proveniens.shacl_sparql.compile import compile_shapes
from proveniens.shacl_sparql.reach import reach, remembered
from proveniens.shacl_sparql.run import memory_store, to_rdflib
from proveniens.storage.dumps import FOLDER as DUMPS
from proveniens.storage.dumps import write_dumps
from proveniens.storage.remote_virtuoso import remote_target
from proveniens.storage.store import Candidate, EmbeddedTarget, skolemize

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
        return remote_target(settings.remote)
    return EmbeddedTarget(settings.store_path, settings.keep_builds)


@dataclass(frozen=True)
class BuildReport:
    """What a successful build published."""

    target: str
    triples: dict[str, int]
    warnings: tuple[Finding, ...]
    skipped: tuple[Path, ...]
    unrecognised: tuple[Unread, ...]  # documents registered as sources whose facts were not read, and why
    seconds: float
    reloaded: tuple[str, ...] = ()  # the sources loaded by this build (all of them unless incremental)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step, for bench/
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds per step (this process's), for bench/


def load_sources(
    sources: SourceSet, names: frozenset[str] | None = None
) -> tuple[list[LoadedGraph], dict[Node, Origin], list[Unread]]:
    """Run the loader for each text and YAML source (those in `names`, when given); raise at the first curated
    file that fails. A document no kind loader reads (none recognises it, or the one that does fails on it) is
    registered as a source and returned among the unread with the reason.

    The loaders consult the knowledge of these sources (their curated/knowledge/, else the repository's). A
    reference text beside the curated files that cite it is registered as such, not read by a kind loader.
    Returns the graphs, where each subject came from, and the unread documents.
    """
    with consulting(for_sources(sources)):
        return _load_sources(sources, names, reference_texts(sources))


def _load_sources(
    sources: SourceSet, names: frozenset[str] | None, references: frozenset[str]
) -> tuple[list[LoadedGraph], dict[Node, Origin], list[Unread]]:
    loaded: list[LoadedGraph] = []
    origins: dict[Node, Origin] = {}
    unrecognised: list[Unread] = []
    for source in sources.files:
        if names is not None and source.name not in names:
            continue
        where = str(source.path)
        if source.kind is SourceKind.CURATED:
            curated = load_curated(source, sources)
            item = LoadedGraph(source.graph_iri, curated.graph, CURATED_LOADER, source)
            origins.update({node: Origin(where, line) for node, line in curated.origins.items()})
        elif source.name in references:
            graph = mark_reference(load_document(source), source)
            item = LoadedGraph(source.graph_iri, graph, REFERENCE_LOADER, source)
        else:
            graph = load_document(source)
            read = read_facts(source)
            if isinstance(read, Unread):
                unrecognised.append(read)
                item = LoadedGraph(source.graph_iri, graph, DOCUMENT_LOADER, source)
            else:
                loader, document = read
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
    report = verify_graph(union, read_turtle(shapes_files()), ontology, origins)
    return ValidationReport((*report.findings, *_loaded_disagreements(loaded)))


def _loaded_disagreements(loaded: list[LoadedGraph]) -> tuple[Finding, ...]:
    """`_disagreements` for sources loaded but not stored: `validate` warns of them as `build` does."""
    checked = [item for item in loaded if item.loader in (CURATED_LOADER, RIKSDAGEN_LOADER) and item.source]
    if {item.loader for item in checked} != {CURATED_LOADER, RIKSDAGEN_LOADER}:
        return ()
    return record_disagreements(
        memory_store((item.iri, item.graph) for item in checked),
        [str(item.iri) for item in checked if item.loader == CURATED_LOADER],
        [str(item.iri) for item in checked if item.loader == RIKSDAGEN_LOADER],
        {str(item.iri): str(item.source.path) for item in checked if item.source},
    )


def describe_graphs(records: list[GraphRecord], built_at: datetime) -> Graph:
    """The build graph: for every named graph, its source (file and SHA-256), loader and version, size and time.

    Every graph gets this build's time, carried over or not, so an incremental build equals a full one."""
    g = Graph()
    stamp = Literal(built_at.isoformat(timespec="seconds"), datatype=XSD.dateTime)
    for record in records:
        g.add((record.graph, RDF.type, PV.SourceGraph))
        if record.source is not None:
            g.add((record.graph, PROV.wasDerivedFrom, record.source))
            if record.sha256 is not None:
                g.add((record.source, PV.sha256, Literal(record.sha256)))
        if record.original is not None:
            g.add((record.graph, PROV.alternateOf, record.original))
        g.add((record.graph, PV.loader, Literal(record.loader)))
        g.add((record.graph, PV.loaderVersion, Literal(record.version)))
        g.add((record.graph, PV.tripleCount, Literal(record.triples, datatype=XSD.nonNegativeInteger)))
        g.add((record.graph, PROV.generatedAtTime, stamp))
    return g


def _record(item: LoadedGraph) -> GraphRecord:
    source = item.source
    return GraphRecord(
        item.iri,
        source.iri if source else None,
        source.sha256 if source else None,
        item.loader,
        item.version,
        len(item.graph),
    )


class _Steps:
    """Names each step for the progress display and times it for the report, in wall and in CPU seconds
    (this process's: on shared cores the wall time of a step also counts other processes' work)."""

    def __init__(self, step: Callable[[str], None]) -> None:
        self.step = step
        self.timings: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        self.step(name)
        started, cpu = time.perf_counter(), time.process_time()
        yield
        self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - started
        self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - cpu


def _graph_of(store: ox.Store, name: URIRef) -> Graph:
    """A graph of the candidate as an rdflib graph, to upload it to a remote target."""
    graph = Graph()
    add = graph.add
    for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(str(name))):
        add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))  # type: ignore[arg-type]
    return graph


@dataclass
class _Loaded:
    """What this build loaded into the candidate, and how to describe and validate it."""

    text: list[LoadedGraph]
    origins: dict[Node, Origin]
    unrecognised: list[Unread]
    records: list[GraphRecord]
    rdf_origins: dict[URIRef, str]  # RDF graph -> its file, for findings about its subjects
    change: GraphDelta | None = None  # what an incremental build changed, triple by triple (when small)


def _load_into(candidate: Candidate, sources: SourceSet, plan: Plan, steps: _Steps) -> _Loaded:
    """Drop what the plan drops, then write the reloaded sources into the candidate.

    An incremental build first reads the triples of the graphs it drops, and after loading those of
    their new versions: the difference (`graph_delta`) is what the lineage index and the validation
    look at."""
    before = read_triples(candidate.store, [str(g) for g in plan.drop]) if plan.keep else None
    for graph in plan.drop:
        candidate.drop_graph(graph)
    with steps("loading sources"):
        text, origins, unrecognised = load_sources(sources, plan.text)
    written = {item.iri: skolemize(item.graph, item.iri) for item in text}
    with steps("writing text sources"):
        for name, graph in written.items():
            candidate.replace_graph(name, graph)
    records = [_record(item) for item in text]
    rdf_origins: dict[URIRef, str] = {}
    with steps("loading RDF sources"):
        for source in (r for r in sources.rdf if r.name in plan.rdf):
            loaded = load_rdf_source(source, candidate.store)
            candidate.add(source.graph_iri, describe_rdf_source(loaded))
            for graph, original in loaded.graphs.items():
                rdf_origins[graph] = str(source.path)
                records.append(
                    GraphRecord(
                        graph, source.iri, source.sha256, RDF_LOADER, __version__, candidate.size(graph), original
                    )
                )
    changed = {*map(str, plan.drop), *(str(r.graph) for r in records)}
    after = read_triples(candidate.store, changed) if before is not None else None
    return _Loaded(text, origins, unrecognised, records, rdf_origins, delta(before, after))


class _Origins(Mapping[Node, Origin]):
    """Where a subject was written: the loaders' lines, else the file of the graph that holds it.

    RDF sources have no line per triple, and a dictionary of a million subjects would cost more
    than the few findings need, so their file is looked up in the candidate store on demand."""

    def __init__(self, known: dict[Node, Origin], store: ox.Store, files: dict[str, str]) -> None:
        self.known = known
        self.store = store
        self.files = files

    def __getitem__(self, node: Node) -> Origin:
        if node in self.known:
            return self.known[node]
        if isinstance(node, URIRef):
            for quad in self.store.quads_for_pattern(ox.NamedNode(str(node)), None, None, None):
                graph = quad.graph_name
                if isinstance(graph, ox.NamedNode) and graph.value in self.files:
                    return Origin(self.files[graph.value])
        raise KeyError(node)

    def __iter__(self) -> Iterator[Node]:
        return iter(self.known)

    def __len__(self) -> int:
        return len(self.known)


def _in_memory(store: ox.Store, graphs: list[str]) -> ox.Store:
    """The graphs of the candidate copied into memory, for a full validation.

    Every check looks nodes up one by one, and on disk a look-up costs 3-4x what it costs in memory
    (1M bench graph: about 45 s on disk against 10 s in memory, plus 15 s for the copy); an
    incremental validation looks up few nodes and stays on disk. The copy is dropped afterwards."""
    copy = ox.Store()
    for name in graphs:
        copy.bulk_extend(store.quads_for_pattern(None, None, None, ox.NamedNode(name)))
    return copy


def _holds_only(candidate: Candidate, graphs: list[str]) -> bool:
    """Whether a candidate in memory holds these named graphs and nothing else (a full build before its
    derived graphs are written): then validation reads the union of the store's graphs.

    A query over a list of graphs looks every pattern up in each of them: at 1M with seven graphs,
    validation took twice as long as over the union."""
    return (
        candidate.in_memory
        and candidate.graph_names() == {URIRef(g) for g in graphs}
        and not any(True for _ in candidate.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    )


def _verify_candidate(candidate: Candidate, loaded: _Loaded, plan: Plan) -> ValidationReport:
    """Validate the candidate: all of it in a full build (in memory, copied there when the candidate is on
    disk), else what the change can affect.

    An incremental build whose change was too large to keep (`graph_delta.MOST_TRIPLES`) validates in full."""
    origins = dict(loaded.origins)
    files = {str(g): where for g, where in loaded.rdf_origins.items()}
    for record in plan.keep:  # subjects of graphs carried over still name their file
        if record.loader == RDF_LOADER and record.source is not None:
            files[str(record.graph)] = record.source.removeprefix(str(SOURCE))
    for item in loaded.text:  # subjects a loader gave no line for still name their file
        if item.source is not None:
            for node in set(item.graph.subjects()):
                origins.setdefault(node, Origin(str(item.source.path)))
    content = sorted({str(r.graph) for r in [*plan.keep, *loaded.records]})
    graphs = [*content, str(ONTOLOGY_GRAPH)]
    in_place = loaded.change is not None or candidate.in_memory
    return validate_store(
        candidate.store if in_place else _in_memory(candidate.store, graphs),
        read_turtle(shapes_files()),
        _Origins(origins, candidate.store, files),
        graphs=None if _holds_only(candidate, graphs) else graphs,
        change=loaded.change,
        source=[item.graph for item in loaded.text],  # only they still know xsd:positiveInteger from xsd:integer
    )


def _disagreements(candidate: Candidate, loaded: _Loaded, plan: Plan) -> tuple[Finding, ...]:
    """Curated facts the Riksdag's records state otherwise (`proveniens.record_check`), as warnings."""
    graphs: dict[str, list[str]] = {CURATED_LOADER: [], RIKSDAGEN_LOADER: []}
    files: dict[str, str] = {}
    for item in loaded.text:
        if item.loader in graphs and item.source is not None:
            graphs[item.loader].append(str(item.iri))
            files[str(item.iri)] = str(item.source.path)
    for record in plan.keep:
        if record.loader in graphs:
            graphs[record.loader].append(str(record.graph))
    if not graphs[CURATED_LOADER] or not graphs[RIKSDAGEN_LOADER]:
        return ()
    return record_disagreements(candidate.store, graphs[CURATED_LOADER], graphs[RIKSDAGEN_LOADER], files)


def _learn_reach() -> None:
    """Find the reach of the checks the compiler leaves unbounded, so the next incremental build reads it.

    About a second of CPU in a full build (once per shapes version: then it is only compiling the shapes),
    spent after the dumps, while the build's writer is still writing the store (`store_writer`): on a
    free core it adds nothing to the build's time."""
    for check in compile_shapes(read_turtle(shapes_files())):
        if check.reach is None:
            reach(check.query())


DERIVED = frozenset({ONTOLOGY_GRAPH, LINKS_GRAPH, BUILD_GRAPH, VOID_GRAPH, LINEAGE_GRAPH})  # not source data


@dataclass
class _Updated:
    """What an incremental build changed besides the source graphs, for counting from the previous numbers."""

    previous: ox.Store  # the build the candidate started from, read-only
    lineage: set[Triple]  # index triples removed or written
    links: set[Triple] = field(default_factory=set)


def _kept(plan: Plan, updated: _Updated | None) -> set[URIRef]:
    """The graphs an incremental build left as they were in the build it started from."""
    kept = {record.graph for record in plan.keep}
    if updated is not None:
        kept |= {LINEAGE_GRAPH} if not updated.lineage else set()
        kept |= {LINKS_GRAPH} if not updated.links else set()
    return kept


def _finish(
    candidate: Candidate, loaded: _Loaded, plan: Plan, ontology: Graph, steps: _Steps, updated: _Updated | None
) -> dict[str, int]:
    """Write the derived graphs (ontology, links, build graph, VoID) over everything the candidate now holds.

    Links and VoID's numbers are found by queries on the candidate store: no source graph is read
    back into rdflib, whatever its size. An incremental build (`updated`) updates the links and
    counts from the previous description and the triples that changed (`statistics_delta`)."""
    with steps("links"):
        if loaded.change is not None:  # only the documents whose identity changed
            links = update_links(candidate.store, loaded.change, DERIVED)
            if updated is not None:
                updated.links = links
        else:
            candidate.replace_graph(LINKS_GRAPH, store_links(candidate.store, DERIVED))
    records = [*plan.keep, *loaded.records]
    records.append(GraphRecord(ONTOLOGY_GRAPH, None, None, "ontology", __version__, len(ontology)))
    records.append(GraphRecord(LINKS_GRAPH, None, None, "links", __version__, candidate.size(LINKS_GRAPH)))
    kept = {r.graph for r in plan.keep}  # their numbers are those of the previous description
    described = {g: stats for g, stats in described_statistics(candidate.store).items() if g in kept | {LINEAGE_GRAPH}}
    if updated is not None and LINEAGE_GRAPH in described:
        described[LINEAGE_GRAPH] = updated_graph(
            updated.previous, candidate.store, LINEAGE_GRAPH, described[LINEAGE_GRAPH], updated.lineage
        )
    else:
        described.pop(LINEAGE_GRAPH, None)
    lineage = described[LINEAGE_GRAPH].triples if LINEAGE_GRAPH in described else candidate.size(LINEAGE_GRAPH)
    records.append(GraphRecord(LINEAGE_GRAPH, None, None, LINEAGE_LOADER, __version__, lineage))
    built_at = datetime.now(UTC)
    candidate.replace_graph(BUILD_GRAPH, describe_graphs(records, built_at))
    with steps("describing"):
        union = _updated_union(candidate, loaded, updated)
        candidate.drop_graph(VOID_GRAPH)  # the previous one: the description does not count itself
        counts = store_counts(candidate.store, [*(r.graph for r in records), BUILD_GRAPH], described, union)
        description = describe(counts, built_at)
        candidate.replace_graph(VOID_GRAPH, description)
    sizes = {str(name): stats.triples for name, stats in counts.graphs.items()} | {str(VOID_GRAPH): len(description)}
    return {str(name): sizes.get(str(name)) or candidate.size(name) for name in sorted(candidate.graph_names())}


def _updated_union(candidate: Candidate, loaded: _Loaded, updated: _Updated | None) -> Described | None:
    """The union's numbers from the previous description and every triple that may have entered or left it."""
    if updated is None or loaded.change is None or (old := described_dataset(candidate.store)) is None:
        return None
    rewritten = [str(BUILD_GRAPH), str(ONTOLOGY_GRAPH)]  # written whole again: what differs
    before, after = read_triples(updated.previous, rewritten), read_triples(candidate.store, rewritten)
    if before is None or after is None:
        return None
    changed = loaded.change.triples | updated.lineage | updated.links | (before ^ after)
    return updated_union(updated.previous, candidate.store, old, changed)


@contextmanager
def _scratch_candidate() -> Iterator[tuple[Candidate, Path | None]]:
    """A candidate for a remote target: built and validated locally, then uploaded graph by graph."""
    with tempfile.TemporaryDirectory(prefix="proveniens-build-") as folder:
        candidate = Candidate(Path(folder) / "store", in_memory=True)
        yield candidate, None


def build(
    sources_dir: Path,
    store: Path | GraphTarget,
    keep: int = 3,
    step: Callable[[str], None] = lambda _: None,
    incremental: bool = True,
) -> BuildReport:
    """Build the graph from `sources_dir`, validate it, and publish it to `store` in one switch.

    With `incremental` (the default) and a build already served, only what changed is reloaded and
    revalidated; the result equals a full build of the same sources."""
    started = time.perf_counter()
    steps = _Steps(step)
    target = EmbeddedTarget(store, keep) if isinstance(store, Path) else store
    with steps("reading sources"):
        sources = find_sources(sources_dir)
    embedded = isinstance(target, EmbeddedTarget)
    opened = target.candidate(reuse_current=incremental) if embedded else _scratch_candidate()
    with opened as (candidate, previous):
        plan = (
            plan_rebuild(previous_records(candidate.store), candidate.graph_names(), sources)
            if previous
            else full_plan(sources)
        )
        loaded = _load_into(candidate, sources, plan, steps)
        candidate.compact = loaded.change is None
        ontology = read_turtle(ontology_files())
        candidate.replace_graph(ONTOLOGY_GRAPH, ontology)
        if embedded:  # a full build goes to disk while it is validated (proveniens/storage/store_writer.py)
            candidate.write_in_background(frozenset({LINEAGE_GRAPH}))
        # The reach of the checks' queries is kept beside the builds: it only changes with the shapes.
        known = remembered(target.layout.root / ".reach.json") if isinstance(target, EmbeddedTarget) else nullcontext()
        with steps("validating"), known:
            report = _verify_candidate(candidate, loaded, plan)
        if not report.conforms:
            raise ValidationFailed(report)
        report = ValidationReport((*report.findings, *_disagreements(candidate, loaded, plan)))
        # After validation, which reads the source graphs only: a refused build does not pay for it.
        with steps("lineage index"):  # closures for lineage/impact queries (proveniens/derived/lineage_index.py)
            lineage = update_index(candidate.store, loaded.change) if loaded.change is not None else None
            if lineage is None and candidate.writer is not None:  # the build's writer writes it too
                candidate.add_handed(index_quads(candidate.store))
            elif lineage is None:
                index_store(candidate.store)
        updated = _Updated(ox.Store.read_only(str(previous)), lineage) if previous and lineage is not None else None
        triples = _finish(candidate, loaded, plan, ontology, steps, updated)
        # A remote server writes its union itself when the graphs are switched (proveniens/storage/remote.py), and a
        # candidate in memory is written to disk with it (Candidate.persist).
        if embedded and not candidate.in_memory:
            with steps("union default graph"):
                if updated is not None and loaded.change is not None:
                    changed = loaded.change.triples | updated.lineage | updated.links
                    rewritten = [str(g) for g in (BUILD_GRAPH, ONTOLOGY_GRAPH, VOID_GRAPH)]
                    keep_union(candidate.store, updated.previous, changed, rewritten)
                else:
                    keep_union(candidate.store)
        if embedded:  # while the writer writes the store, when there is one
            with steps("dumps"):
                before = previous / DUMPS if previous else None
                moved = {t[0] for t in updated.lineage} if updated is not None else None
                pieces = {LINEAGE_GRAPH: moved}  # type: ignore[dict-item]
                write_dumps(candidate.store, candidate.path / DUMPS, before, _kept(plan, updated), pieces=pieces)
        if isinstance(target, EmbeddedTarget) and loaded.change is None:  # for the incremental builds to come
            with steps("learning the checks' reach"), remembered(target.layout.root / ".reach.json"):
                _learn_reach()
        del updated  # closes the previous build, which publishing may prune
        if embedded:
            with steps("writing the store"):
                candidate.persist()
        else:
            with steps("publishing"):
                target.publish([(URIRef(name), _graph_of(candidate.store, URIRef(name))) for name in triples])
        step("publishing")
    seconds = time.perf_counter() - started
    return BuildReport(
        str(target),
        triples,
        report.warnings,
        sources.skipped,
        tuple(loaded.unrecognised),
        seconds,
        tuple(sorted(plan.reloaded)),
        steps.timings,
        steps.cpu,
    )
