"""The dataset's description, computed at build time from the graphs being published: VoID, DCAT and SD.

One named graph, `https://w3id.org/proveniens/graph/void`, says

- **VoID**: the dataset `https://w3id.org/proveniens/dataset` — its size (triples, subjects,
  objects, properties, classes, entities), its class and property partitions, its SPARQL endpoint,
  its URI space and its dumps — and, as `void:subset`s, every named graph with the same statistics;
- **DCAT**: the catalogue `https://w3id.org/proveniens/catalog` with that dataset, one dataset per
  named graph, their gzip-compressed distributions — exactly the files every build writes
  (`dump_files`; their SHA-256 sums are in `SHA256SUMS` beside them) — and the SPARQL endpoint as a
  data service;
- **SPARQL Service Description**: the endpoint as an `sd:Service` whose default dataset lists every
  named graph (`sd:NamedGraph`, `sd:name`).

The numbers (`Counts`) are counted by the build in its candidate store (`proveniens.derived.store_statistics`),
so they are what the store holds; `describe_dataset` counts them over rdflib graphs, after the same
skolemization the store applies, and is the reference the store path is tested against. The
description does not count itself: its statistics cover every named graph but `graph/void`, which is
listed (name, dumps) without numbers.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from proveniens.derived.links import LINKS_GRAPH
from proveniens.namespaces import BASE, BUILD_GRAPH, DCAT, GRAPH, INST, ONTOLOGY_GRAPH, PREFIXES
from proveniens.storage.dumps import CHECKSUMS, DATASET_DUMP_FORMATS, GRAPH_DUMP_FORMATS, dump_path, dump_slug
from proveniens.storage.store import skolemize

VOID = Namespace("http://rdfs.org/ns/void#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
IANA = Namespace("https://www.iana.org/assignments/media-types/")

VOID_GRAPH = GRAPH["void"]
LOADER = "void"

DATASET = INST["dataset"]
CATALOG = INST["catalog"]
ENDPOINT = INST["sparql"]
SERVICE = URIRef(ENDPOINT + "#service")
DUMPS = BASE + "dumps/"

_KNOWN_PREFIXES = {**PREFIXES, "void": str(VOID), "sd": str(SD)}


@dataclass(frozen=True)
class Statistics:
    """The VoID numbers of one graph."""

    triples: int
    subjects: int
    objects: int
    properties: int
    classes: int
    entities: int

    @staticmethod
    def of(graph: Graph) -> Statistics:
        subjects = set(graph.subjects())
        return Statistics(
            triples=len(graph),
            subjects=len(subjects),
            objects=len(set(graph.objects())),
            properties=len(set(graph.predicates())),
            classes=len(set(graph.objects(None, RDF.type))),
            entities=sum(1 for s in subjects if isinstance(s, URIRef) and s.startswith(BASE)),
        )


@dataclass(frozen=True)
class Counts:
    """Every number the description states: the dataset's, each named graph's, its class and property partitions."""

    dataset: Statistics
    graphs: Mapping[URIRef, Statistics]
    classes: Mapping[URIRef, int]  # an IRI class -> its distinct instances in the union
    properties: Mapping[URIRef, int]  # a property -> the distinct triples that use it in the union

    @staticmethod
    def of(graphs: list[tuple[URIRef, Graph]]) -> Counts:
        """Counted over rdflib graphs (each skolemized first, as the store holds it); `VOID_GRAPH` is left out."""
        content = [(name, skolemize(graph, name)) for name, graph in graphs if name != VOID_GRAPH]
        union = Graph()
        for _, graph in content:
            union += graph
        classes: Counter[URIRef] = Counter()
        for _, cls in set(union.subject_objects(RDF.type)):
            if isinstance(cls, URIRef):
                classes[cls] += 1
        properties = Counter(p for _, p, _ in union if isinstance(p, URIRef))
        stats = {name: Statistics.of(graph) for name, graph in content}
        return Counts(Statistics.of(union), stats, classes, properties)


def _count(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def _slug_for_term(term: URIRef) -> str:
    """`prefix:local` for a term of a known vocabulary, else a stable hash (an IRI-safe path segment)."""
    for prefix, namespace in sorted(_KNOWN_PREFIXES.items(), key=lambda kv: -len(kv[1])):
        local = str(term)[len(namespace) :]
        if term.startswith(namespace) and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*", local):
            return f"{prefix}:{local}"
    return "iri-" + hashlib.sha256(str(term).encode()).hexdigest()[:16]


def _graph_titles(iri: URIRef) -> tuple[str, str]:
    """(sv, en) title of a named graph."""
    name = str(iri).split("/graph/", 1)[-1]
    fixed = {
        ONTOLOGY_GRAPH: ("Ontologin", "The ontology"),
        BUILD_GRAPH: ("Byggrafen: hur varje namngiven graf byggdes", "The build graph: how each named graph was built"),
        LINKS_GRAPH: ("Länkar till rinfo och lagen.nu", "Links to rinfo and lagen.nu"),
        GRAPH["lineage"]: ("Härkomstindex: vad allt vilar på och ledde till", "Lineage index: rests on, led to"),
        VOID_GRAPH: (
            "Beskrivningen av datamängden (VoID, DCAT, SD)",
            "The description of the dataset (VoID, DCAT, SD)",
        ),
    }
    if iri in fixed:
        return fixed[iri]
    if name.startswith("curated/"):
        file = name.removeprefix("curated/")
        return f"Kurerad källa {file}", f"Curated source {file}"
    return f"Källdokument {name}", f"Source document {name}"


def _add_statistics(out: Graph, node: URIRef, stats: Statistics) -> None:
    out.add((node, VOID.triples, _count(stats.triples)))
    out.add((node, VOID.distinctSubjects, _count(stats.subjects)))
    out.add((node, VOID.distinctObjects, _count(stats.objects)))
    out.add((node, VOID.properties, _count(stats.properties)))
    out.add((node, VOID.classes, _count(stats.classes)))
    out.add((node, VOID.entities, _count(stats.entities)))


def _add_distributions(out: Graph, dataset: URIRef, graph: URIRef | None, title: tuple[str, str]) -> None:
    for fmt in DATASET_DUMP_FORMATS if graph is None else GRAPH_DUMP_FORMATS:
        path = dump_path(graph, fmt)
        download = URIRef(DUMPS + path)
        distribution = INST["distribution/" + path]
        out.add((dataset, DCAT.distribution, distribution))
        out.add((dataset, VOID.dataDump, download))
        out.add((distribution, RDF.type, DCAT.Distribution))
        out.add((distribution, DCTERMS.title, Literal(f"{title[0]} som {fmt.label}, gzip-komprimerad", lang="sv")))
        out.add((distribution, DCTERMS.title, Literal(f"{title[1]} as {fmt.label}, gzip-compressed", lang="en")))
        out.add((distribution, DCAT.downloadURL, download))
        out.add((distribution, DCAT.accessURL, URIRef(DUMPS)))
        out.add((distribution, DCAT.mediaType, IANA[fmt.media_type]))
        out.add((distribution, DCAT.compressFormat, IANA["application/gzip"]))
        out.add((distribution, DCTERMS["format"], fmt.format_iri))
        out.add((distribution, RDFS.seeAlso, URIRef(DUMPS + CHECKSUMS)))


def _add_named_graph(out: Graph, iri: URIRef) -> None:
    """The graph as a DCAT dataset with its dumps, and as a named graph of the SPARQL service's dataset."""
    sv, en = _graph_titles(iri)
    out.add((iri, RDF.type, DCAT.Dataset))
    out.add((iri, RDF.type, SD.Graph))
    out.add((iri, DCTERMS.title, Literal(sv, lang="sv")))
    out.add((iri, DCTERMS.title, Literal(en, lang="en")))
    out.add((iri, DCTERMS.isPartOf, DATASET))
    out.add((DATASET, DCTERMS.hasPart, iri))
    out.add((CATALOG, DCAT.dataset, iri))
    _add_distributions(out, iri, iri, (sv, en))
    named = INST["dataset/named-graph/" + dump_slug(str(iri))]
    out.add((DATASET, SD.namedGraph, named))
    out.add((named, RDF.type, SD.NamedGraph))
    out.add((named, SD.name, iri))
    out.add((named, SD.graph, iri))


def _add_partitions(out: Graph, counts: Counts) -> None:
    for cls, entities in sorted(counts.classes.items()):
        node = INST["dataset/class/" + _slug_for_term(cls)]
        out.add((DATASET, VOID.classPartition, node))
        out.add((node, VOID["class"], cls))
        out.add((node, VOID.entities, _count(entities)))
    for prop, triples in sorted(counts.properties.items()):
        node = INST["dataset/property/" + _slug_for_term(prop)]
        out.add((DATASET, VOID.propertyPartition, node))
        out.add((node, VOID.property, prop))
        out.add((node, VOID.triples, _count(triples)))


def _add_vocabularies(out: Graph, counts: Counts) -> None:
    used = set(counts.properties) | set(counts.classes)
    for namespace in sorted(set(_KNOWN_PREFIXES.values())):
        if any(str(term).startswith(namespace) for term in used):
            out.add((DATASET, VOID.vocabulary, URIRef(namespace)))


def _add_service(out: Graph) -> None:
    out.add((SERVICE, RDF.type, SD.Service))
    out.add((SERVICE, RDF.type, DCAT.DataService))
    _texts(out, SERVICE, DCTERMS.title, "Proveniens SPARQL-ändpunkt", "Proveniens SPARQL endpoint")
    out.add((SERVICE, SD.endpoint, ENDPOINT))
    out.add((SERVICE, SD.supportedLanguage, SD.SPARQL11Query))
    out.add((SERVICE, SD.defaultDataset, DATASET))
    out.add((SERVICE, DCAT.endpointURL, ENDPOINT))
    out.add((SERVICE, DCAT.endpointDescription, ENDPOINT))
    out.add((SERVICE, DCAT.servesDataset, DATASET))
    out.add((CATALOG, DCAT.service, SERVICE))


_CATALOG_SV = (
    "Datamängden Proveniens, en datamängd per namngiven graf, deras nedladdningsbara dumpar och SPARQL-ändpunkten."
)
_CATALOG_EN = "The Proveniens dataset, one dataset per named graph, their downloadable dumps and the SPARQL endpoint."
_DATASET_TITLE = (
    "Proveniens – den svenska offentliga politikens ursprung",
    "Proveniens – the provenance of Swedish public policy",
)
_DATASET_SV = (
    "Kunskapsgraf över varifrån svensk offentlig politik kommer – utredningar, propositioner, lagar, "
    "överenskommelser och möten – där varje tolkande länk bär sitt belägg: källfil, rader och citat. "
    "Statistiken omfattar alla namngivna grafer utom beskrivningen själv (graph/void)."
)
_DATASET_EN = (
    "A knowledge graph of where Swedish public policy comes from – inquiries, propositions, laws, agreements "
    "and meetings – in which every interpretive link carries its evidence: source file, lines and quote. "
    "The statistics cover every named graph except this description itself (graph/void)."
)


def _texts(out: Graph, node: URIRef, predicate: URIRef, sv: str, en: str) -> None:
    out.add((node, predicate, Literal(sv, lang="sv")))
    out.add((node, predicate, Literal(en, lang="en")))


def describe_dataset(graphs: list[tuple[URIRef, Graph]], built_at: datetime) -> Graph:
    """The description of a build whose named graphs are `graphs` (name, content), counted over rdflib graphs.

    The reference for the build's own path (`describe`, with the counts from the candidate store).
    A `VOID_GRAPH` among `graphs` is ignored (the description does not count itself)."""
    return describe(Counts.of(graphs), built_at)


def describe(counts: Counts, built_at: datetime) -> Graph:
    """The VoID + DCAT + SD description of a build whose named graphs (but `VOID_GRAPH`) are `counts.graphs`.

    The build calls this last, with the numbers of every other graph it publishes, and publishes
    the result as `VOID_GRAPH`."""
    out = Graph()
    for prefix, namespace in {"void": VOID, "sd": SD, "dcat": DCAT, "dcterms": DCTERMS, "prov": PROV}.items():
        out.bind(prefix, namespace)
    stamp = Literal(built_at.isoformat(timespec="seconds"), datatype=XSD.dateTime)

    out.add((CATALOG, RDF.type, DCAT.Catalog))
    _texts(out, CATALOG, DCTERMS.title, "Proveniens datakatalog", "Proveniens data catalogue")
    _texts(out, CATALOG, DCTERMS.description, _CATALOG_SV, _CATALOG_EN)
    out.add((CATALOG, DCAT.dataset, DATASET))

    for kind in (VOID.Dataset, DCAT.Dataset, SD.Dataset):
        out.add((DATASET, RDF.type, kind))
    _texts(out, DATASET, DCTERMS.title, *_DATASET_TITLE)
    _texts(out, DATASET, DCTERMS.description, _DATASET_SV, _DATASET_EN)
    out.add((DATASET, PROV.generatedAtTime, stamp))
    out.add((DATASET, VOID.uriSpace, Literal(BASE)))
    out.add((DATASET, VOID.sparqlEndpoint, ENDPOINT))
    for fmt in DATASET_DUMP_FORMATS:
        out.add((DATASET, VOID.feature, fmt.format_iri))
    _add_statistics(out, DATASET, counts.dataset)
    _add_distributions(out, DATASET, None, ("Hela datamängden", "The whole dataset"))
    _add_partitions(out, counts)
    _add_vocabularies(out, counts)
    _add_service(out)

    for name, stats in counts.graphs.items():
        if name == VOID_GRAPH:
            continue
        _add_named_graph(out, name)
        out.add((name, RDF.type, VOID.Dataset))
        out.add((DATASET, VOID.subset, name))
        _add_statistics(out, name, stats)
    _add_named_graph(out, VOID_GRAPH)
    return out
