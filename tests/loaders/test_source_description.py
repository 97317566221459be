"""Each source a kind loader reads says what it is: the title, issuer and date of the document it holds.

Checked on every document of the corpus and of tests/fixtures/documents (other bodies' minutes, other
responders' remiss answers, other reports): the values on the source are those the loader gave the
report, response or meeting it read the text into, and a date is a day or a whole range, never half."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDFS

from proveniens.loaders.registry import read_facts
from proveniens.loaders.source_description import main_document
from proveniens.loaders.sources import SourceFile, find_sources
from proveniens.namespaces import PV

REPO = Path(__file__).resolve().parents[2]
FILES = [f for folder in ("sources", "tests/fixtures/documents") for f in find_sources(REPO / folder).files
         if f.path.suffix == ".txt"]  # fmt: skip


def loaded(source: SourceFile) -> Graph:
    found = read_facts(source)
    assert isinstance(found, tuple), f"{source.name}: {found.reason}"  # type: ignore[union-attr]
    return found[1].graph


def with_a_document() -> list[SourceFile]:
    """The texts a kind loader read into a report, a response or a meeting (not every reading finds one)."""
    return [f for f in FILES if isinstance(found := read_facts(f), tuple) and main_document(found[1].graph)]


@pytest.mark.parametrize("source", with_a_document(), ids=lambda f: f.name)
def test_the_source_states_what_its_document_is(source: SourceFile) -> None:
    graph = loaded(source)
    document = main_document(graph)
    assert document is not None
    own = URIRef(source.iri)
    titles = set(graph.objects(document, DCTERMS.title)) or set(graph.objects(document, RDFS.label))
    assert set(graph.objects(own, DCTERMS.title)) == titles
    issuers = {graph.value(document, DCTERMS.creator) or graph.value(document, PV.body)} - {None}
    assert set(graph.objects(own, DCTERMS.publisher)) == issuers
    assert issuers or titles, f"{source.name}: neither a title nor an issuer to name the source by"
    day, earliest, latest = (graph.value(own, p) for p in (DCTERMS.date, PV.earliestDate, PV.latestDate))
    assert day is None or earliest is None, "a day or a range, not both"
    assert (earliest is None) == (latest is None) == (graph.value(own, PV.dateReasoning) is None)
    if day is not None:
        assert day in {graph.value(document, DCTERMS.date), graph.value(document, DCTERMS.issued)}


def test_most_documents_are_named_and_dated() -> None:
    """Not every text states a date or a title; most do, and a loader change that drops them shows here."""
    named = dated = read = 0
    for source in FILES:
        found = read_facts(source)
        if not isinstance(found, tuple):
            continue
        graph, own = found[1].graph, URIRef(source.iri)
        read += 1
        named += any(graph.objects(own, DCTERMS.title)) or any(graph.objects(own, DCTERMS.publisher))
        dated += any(graph.objects(own, DCTERMS.date)) or any(graph.objects(own, PV.earliestDate))
    assert read >= 15 and named >= read * 0.9 and dated >= read * 0.75, (read, named, dated)
