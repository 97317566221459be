"""Reference texts: public knowledge a curator wrote out beside the curated files that cite it.

A curated fact that no document of the corpus states (SCB's list of municipalities, the day covid-19 was named)
cites a text the curator transcribed from a named public source and keeps beside the YAML files. Such a text is a
source document — evidence points at its lines — but not a document of any kind a loader reads: it is
registered as a `pv:ReferenceText`, not reported as unrecognised. What makes a text one is where it lies and who
cites it: a `.txt` in the same folder as curated files whose evidence cites it by name. A corpus document that
the curated files cite lies elsewhere and is still read by its kind loader (and reported if none recognises it).
"""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import RDF

from proveniens.loaders.curated import cited_files
from proveniens.loaders.sources import SourceFile, SourceKind, SourceSet
from proveniens.namespaces import PV

LOADER = "reference-text"


def reference_texts(sources: SourceSet) -> frozenset[str]:
    """The names of the texts that are reference texts of the curated files beside them."""
    folders = {f.path.parent for f in sources.files if f.kind is SourceKind.DOCUMENT}
    cited: set[str] = set()
    for curated in (f for f in sources.files if f.kind is SourceKind.CURATED and f.path.parent in folders):
        cited |= {name for name in cited_files(curated) if _beside(sources, name, curated)}
    return frozenset(cited)


def _beside(sources: SourceSet, name: str, curated: SourceFile) -> bool:
    text = sources.by_name(name)
    return text is not None and text.kind is SourceKind.DOCUMENT and text.path.parent == curated.path.parent


def mark_reference(graph: Graph, source: SourceFile) -> Graph:
    """Type the described file as a reference text (it stays a pv:SourceDocument that evidence points at)."""
    graph.add((source.iri, RDF.type, PV.ReferenceText))
    return graph
