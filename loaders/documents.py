"""A verbatim source document becomes a `pv:SourceDocument` that evidence can point at."""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, PROV, RDF, XSD

from proveniens.loaders.sources import SourceFile
from proveniens.namespaces import PV


def load_document(source: SourceFile) -> Graph:
    """Describe the file itself (name, checksum, size); reading facts out of it is the job of kind loaders."""
    g = Graph()
    node = source.iri
    g.add((node, RDF.type, PV.SourceDocument))
    g.add((node, RDF.type, PROV.Entity))
    g.add((node, PV.fileName, Literal(source.name)))
    g.add((node, PV.sha256, Literal(source.sha256)))
    g.add((node, PV.lineCount, Literal(max(len(source.lines), 1), datatype=XSD.positiveInteger)))
    g.add((node, DCTERMS["format"], Literal("text/plain" if source.path.suffix == ".txt" else "application/yaml")))
    return g
