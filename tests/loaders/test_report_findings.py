"""Findings of reports about named regions and municipalities: the sentence, the places, the figures it states.

A sentence that names a known region or municipality is a pv:Finding with its quote and pv:concerns links (with
evidence); a number is a figure only when the sentence says what it counts — never a year, a day, a note number
or a number inside a citation.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF

from proveniens.build import LoadedGraph, load_sources, verify_sources
from proveniens.loaders.citations.find import find_citations
from proveniens.loaders.documents import load_document
from proveniens.loaders.knowledge import SOURCES_DIR, knowledge
from proveniens.loaders.registry import LOADERS, choose_loader
from proveniens.loaders.reports.findings import figures
from proveniens.loaders.sources import SourceKind, find_sources, read_source
from proveniens.loaders.text.prose import Span
from proveniens.namespaces import INST, PV
from proveniens.resources import ontology_files, read_turtle

REPORT_004 = SOURCES_DIR / "corpus" / "004_77c63d0e7f875d18.txt"
PLACES = ["Region Halland", "Region Skåne", "Västra Götalandsregionen", "Örebro kommun", "Region Jämtland Härjedalen"]


def load(path: Path) -> tuple[Graph, LoadedGraph]:
    source = read_source(path, SourceKind.DOCUMENT)
    loader = choose_loader(source, LOADERS)
    assert loader is not None and loader.name == "authority-report", path.name
    graph = loader.load(source).graph
    return graph, LoadedGraph(source.graph_iri, load_document(source) + graph, loader.name, source)


def findings_of(g: Graph) -> dict[str, set[URIRef]]:
    """Quote -> the places the finding concerns."""
    return {str(g.value(f, PV.quote)): set(g.objects(f, PV.concerns)) for f in g.subjects(RDF.type, PV.Finding)}


def figures_of(g: Graph, finding: URIRef) -> set[tuple[Decimal, str, int | None, bool]]:
    return {(g.value(x, RDF.value).toPython(), str(g.value(x, PV.counts)),  # type: ignore[union-attr]
             g.value(x, PV.outOf).toPython() if g.value(x, PV.outOf) is not None else None,  # type: ignore[union-attr]
             g.value(x, PV.unit) is not None) for x in g.objects(finding, PV.figure)}  # fmt: skip


def test_the_follow_up_report_says_what_it_found_in_each_region() -> None:
    g, _ = load(REPORT_004)
    found = findings_of(g)
    dalarna = next(q for q in found if q.startswith("I Region Dalarna är en strategi under utveckling"))
    assert found[dalarna] == {INST["org/region-dalarna"], INST["org/region-gotland"]}  # one sentence, both places
    assert sum(q.startswith(("I Region Dalarna är", "Dalarna är")) for q in found) == 1
    for finding in g.subjects(RDF.type, PV.Finding):
        for place in g.objects(finding, PV.concerns):
            evidence = [e for e in g.objects(finding, PROV.qualifiedInfluence) if (e, PROV.influencer, place) in g]
            assert evidence and all(g.value(e, PV.linkProperty) == PV.concerns for e in evidence)
        assert (None, PV.finding, finding) in g


def test_the_follow_up_reports_graph_passes_the_shapes() -> None:
    """With the places it names (their regions are in places.yaml), as a build validates it."""
    wanted = frozenset({REPORT_004.name, "places.yaml", "sverige-lan-regioner-kommuner.txt"})
    loaded, origins, _ = load_sources(find_sources(SOURCES_DIR), wanted)
    assert any((None, PV.finding, None) in item.graph for item in loaded)
    report = verify_sources(loaded, dict(origins), read_turtle(ontology_files()))
    violations = [f.render() for f in report.findings if f.severity.value == "Violation"]
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("I Region Skåne har 14 av 33 kommuner infört patientkontrakt.", {(Decimal(14), "kommuner", 33, False)}),
        ("45 procent av invånarna i Region Halland har en fast läkarkontakt.",
         {(Decimal(45), "invånarna", None, True)}),
        ("Region Dalarna har 3 500 patienter och 20% av befolkningen är äldre.",
         {(Decimal(3500), "patienter", None, False), (Decimal(20), "befolkningen", None, True)}),
        ("Region Kalmar län avsätter 2,5 miljoner kronor.", {(Decimal("2.5"), "miljoner kronor", None, False)}),
        ("Region Gotland inledde arbetet den 4 juni 2020 enligt SOU 2020:19, se not 12.", set()),
        ("År 2020 infördes i Region Halland ett nytt arbetssätt i ordinärt boende10.", set()),
        ("Region Skåne har 1 200 invå-\nnare per vårdcentral.", {(Decimal(1200), "invånare", None, False)}),
    ],
)
def test_a_figure_is_a_number_and_what_it_counts(sentence: str, expected: set[tuple]) -> None:
    found = figures(sentence, Span(0, len(sentence)), list(find_citations(sentence)))
    assert {(f.value, f.counts, f.whole, f.percent) for f in found} == expected


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(PLACES), st.integers(1, 40), st.integers(0, 60), st.integers(1, 99),
       st.sampled_from(["kommuner", "vårdcentraler", "mottagningar"]), st.integers(2015, 2030))  # fmt: skip
def test_a_report_sentence_about_a_region_is_a_finding_with_its_figures(
    tmp_path: Path, place: str, part: int, more: int, percent: int, noun: str, year: int
) -> None:
    said = (f"I {place} har {part} av {part + more} {noun} infört patientkontrakt år {year}, "
            f"och {percent} procent av invånarna har en fast vårdkontakt.")  # fmt: skip
    text = (f"Rapport 2024:2 Uppföljning\n\nRiksrevisionen har granskat primärvården. Den här rapporten visar.\n"
            f"{said}\nTotalt har 12 regioner svarat på enkäten.\n")  # fmt: skip
    path = tmp_path / "rapport.txt"
    path.write_text(f"Source: https://example.org/x (stored public page)\n\n{text}", encoding="utf-8")
    g, _ = load(path)
    known = knowledge().body(place)
    assert known is not None
    assert findings_of(g) == {said: {known.iri}}  # the sentence naming no place is no finding
    (finding,) = g.subjects(RDF.type, PV.Finding)
    assert figures_of(g, finding) == {(Decimal(part), noun, part + more, False),
                                      (Decimal(percent), "invånarna", None, True)}  # fmt: skip
