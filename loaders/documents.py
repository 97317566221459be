"""A verbatim source document becomes a `pv:SourceDocument` that evidence can point at."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, XSD

from proveniens.namespaces import PV

if TYPE_CHECKING:  # sources.py imports this module's describe_file (for RDF sources)
    from proveniens.loaders.sources import SourceFile


_MEDIA_TYPES = {".txt": "text/plain", ".json": "application/json", ".xml": "application/xml"}


def load_document(source: SourceFile) -> Graph:
    """Describe the file itself (name, checksum, size); reading facts out of it is the job of kind loaders."""
    media_type = _MEDIA_TYPES.get(source.path.suffix.lower(), "application/yaml")
    return describe_file(source.iri, source.name, source.sha256, len(source.lines), media_type)


def describe_file(node: URIRef, name: str, sha256: str, lines: int, media_type: str) -> Graph:
    """A source file as a `pv:SourceDocument` (RDF sources are described the same way)."""
    g = Graph()
    g.add((node, RDF.type, PV.SourceDocument))
    g.add((node, RDF.type, PROV.Entity))
    g.add((node, PV.fileName, Literal(name)))
    g.add((node, PV.sha256, Literal(sha256)))
    g.add((node, PV.lineCount, Literal(max(lines, 1), datatype=XSD.positiveInteger)))
    g.add((node, DCTERMS["format"], Literal(media_type)))
    return g
