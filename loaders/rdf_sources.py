"""RDF files as sources: Turtle, N-Triples, N-Quads, TriG and JSON-LD (gzip too), parsed by pyoxigraph.

An RDF source is parsed straight into the candidate store (never into rdflib: at a million triples
rdflib is 4× slower and twice the memory). Its triples land in graphs of its own:

- the file's default graph becomes `graph/<file name>`, like any other source's graph;
- a named graph `<g>` inside a quad file (N-Quads, TriG, JSON-LD) becomes `graph/<file name>/<g>`,
  `<g>` written out with `%`, `#`, `?` and the characters an IRI may not hold percent-encoded, so the
  mapping is one to one and the original name can be read back. The build graph states it
  (`prov:alternateOf <g>`).

So no file can write into another source's graph, the ontology, the links or the build graph, and
dropping a source drops exactly its graphs. Blank nodes are renamed by the parser to fresh labels, so
two files that both say `_:b1` mean two different nodes. Relative IRIs resolve against the file's
source IRI (`source/<file name>`).
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import Graph, URIRef

from proveniens.errors import SourceError
from proveniens.loaders.documents import describe_file
from proveniens.namespaces import GRAPH, SOURCE

LOADER = "rdf"

# suffix -> (pyoxigraph format, media type)
FORMATS: dict[str, tuple[ox.RdfFormat, str]] = {
    ".ttl": (ox.RdfFormat.TURTLE, "text/turtle"),
    ".nt": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    ".nq": (ox.RdfFormat.N_QUADS, "application/n-quads"),
    ".trig": (ox.RdfFormat.TRIG, "application/trig"),
    ".jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json"),
}
_SAFE = "/:@!$&'()*+,;=-._~"  # kept as they are in the mapped name; everything else is percent-encoded
_CHUNK = 1 << 20


def rdf_suffix(path: Path) -> str | None:
    """The RDF suffix of a file name (`.nq` for both `x.nq` and `x.nq.gz`), or None."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes and suffixes[-1] in FORMATS else None


@dataclass(frozen=True)
class RdfSource:
    """One RDF file, fingerprinted (SHA-256 of its bytes as stored, compressed or not)."""

    path: Path
    sha256: str

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def iri(self) -> URIRef:
        return SOURCE[self.name]

    @property
    def graph_iri(self) -> URIRef:
        return GRAPH[self.name]

    @property
    def compressed(self) -> bool:
        return self.path.suffix.lower() == ".gz"

    @property
    def format(self) -> ox.RdfFormat:
        return FORMATS[rdf_suffix(self.path) or ""][0]

    @property
    def media_type(self) -> str:
        return FORMATS[rdf_suffix(self.path) or ""][1]

    def graph_for(self, name: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> URIRef:
        """The store graph that the file's graph `name` is kept in (see the module docstring)."""
        if isinstance(name, ox.DefaultGraph):
            return self.graph_iri
        written = name.value if isinstance(name, ox.NamedNode) else "_:" + name.value
        return URIRef(f"{self.graph_iri}/{quote(written, safe=_SAFE)}")


def read_rdf_source(path: Path) -> RdfSource:
    """Fingerprint an RDF file without holding it in memory."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return RdfSource(path, digest.hexdigest())


class _LineCounter:
    """Passes bytes to the parser and counts the lines it read (a file's size in the build graph)."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.lines = 0
        self.last = b"\n"

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        if data:
            self.lines += data.count(b"\n")
            self.last = data[-1:]
        return data

    @property
    def line_count(self) -> int:
        return self.lines + (self.last != b"\n")


@dataclass(frozen=True)
class LoadedRdf:
    """What parsing an RDF source put into the store."""

    source: RdfSource
    graphs: dict[URIRef, URIRef | None]  # store graph -> the file's own graph name (None: its default graph)
    lines: int


def load_rdf_source(source: RdfSource, store: ox.Store) -> LoadedRdf:
    """Parse `source` into `store`, each of its graphs mapped to a graph of the file's own.

    A syntax error is a SourceError at the file, line and column the parser names; the caller
    discards the candidate store, so a half-read file is never published.
    """
    opened: BinaryIO = gzip.open(source.path, "rb") if source.compressed else open(source.path, "rb")  # noqa: SIM115
    counter = _LineCounter(opened)
    mapped: dict[ox.NamedNode | ox.BlankNode | ox.DefaultGraph, ox.NamedNode] = {}

    def target(name: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> ox.NamedNode:
        graph = mapped.get(name)
        if graph is None:
            graph = mapped[name] = ox.NamedNode(str(source.graph_for(name)))
        return graph

    quads = ox.parse(counter, source.format, base_iri=str(source.iri), rename_blank_nodes=True)
    try:
        with opened:
            store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, target(q.graph_name)) for q in quads)
    except SyntaxError as err:
        raise _syntax_error(source, err) from err
    except (OSError, EOFError, gzip.BadGzipFile) as err:
        raise SourceError(source.path, None, f"cannot be read ({err}).", "Check that the file is whole.") from err
    graphs: dict[URIRef, URIRef | None] = {
        URIRef(graph.value): None if isinstance(name, ox.DefaultGraph) else URIRef(str(name.value))
        for name, graph in mapped.items()
    }
    graphs.setdefault(source.graph_iri, None)  # the file's description lives here even when it has no default graph
    return LoadedRdf(source, graphs, counter.line_count)


def _syntax_error(source: RdfSource, err: SyntaxError) -> SourceError:
    """The parser's words at the parser's position: line in SourceError, column in the message."""
    message = str(err.msg)
    where = f" at column {err.offset}" if err.offset else ""
    return SourceError(
        source.path,
        err.lineno,
        f"is not valid {source.media_type}{where}: {_plain(message)}.",
        "Fix the file or remove it from the sources folder.",
    )


def _plain(message: str) -> str:
    """pyoxigraph's message without the position it also carries as attributes."""
    head, sep, rest = message.partition(": ")
    return rest if sep and head.startswith("Parser error") else message


def describe_rdf_source(loaded: LoadedRdf) -> Graph:
    """The file itself as a `pv:SourceDocument`, like a text source, stored in the file's graph."""
    source = loaded.source
    return describe_file(source.iri, source.name, source.sha256, loaded.lines, source.media_type)
