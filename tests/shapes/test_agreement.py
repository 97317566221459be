"""The build's validator (shapes compiled to SPARQL, run on pyoxigraph) against pyshacl, the reference.

Every snippet of the other shape tests is compared in `conftest.run_validation`; here the whole
corpus build (as the build validates it: the loaded graphs with the ontology) and the corpus
with faults put in, so that the two validators are compared on thousands of focus nodes, on
every kind of result the corpus can give, and on what a finding says (file, line, messages).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from proveniens.build import load_sources
from proveniens.checks.validation import Finding, Origin, ValidationReport, verify_graph
from proveniens.checks.validation_reference import reference_validate
from proveniens.loaders.sources import find_sources
from proveniens.namespaces import PV
from proveniens.resources import ontology_files, read_turtle, shapes_files

SOURCES = Path(__file__).resolve().parents[2] / "sources"


@cache
def corpus() -> tuple[Graph, dict]:
    loaded, origins, _ = load_sources(find_sources(SOURCES))
    union = Graph()
    for item in loaded:
        union += item.graph
        if item.source is not None:
            for node in set(item.graph.subjects()):
                origins.setdefault(node, Origin(str(item.source.path)))
    return union, origins


def key(finding: Finding) -> tuple:
    return (finding.focus, finding.path, finding.shape, finding.constraint, finding.severity, finding.origin)


def both(data: Graph, origins: dict) -> tuple[ValidationReport, ValidationReport]:
    shapes, ontology = read_turtle(shapes_files()), read_turtle(ontology_files())
    return verify_graph(data, shapes, ontology, origins), reference_validate(data, shapes, ontology, origins)


def assert_same(ours: ValidationReport, reference: ValidationReport) -> None:
    mine, theirs = {key(f) for f in ours.findings}, {key(f) for f in reference.findings}
    assert mine == theirs, f"only SPARQL: {sorted(mine - theirs)[:5]}\nonly pyshacl: {sorted(theirs - mine)[:5]}"


def test_the_corpus_build_gets_the_same_report_from_both_validators() -> None:
    data, origins = corpus()
    ours, reference = both(data, origins)
    assert_same(ours, reference)
    assert ours.conforms


def test_faults_in_the_corpus_are_found_alike_with_file_line_and_both_messages() -> None:
    data, origins = corpus()
    broken = Graph()
    broken += data
    meeting = next(broken.subjects(RDF.type, PV.Meeting))
    broken.remove((meeting, PV.body, None))  # a meeting held by no body
    position = next(broken.subjects(RDF.type, PV.Position))
    broken.set((position, PV.stance, PV.Maybe))  # a stance outside sh:in
    broken.add((URIRef("https://w3id.org/proveniens/x"), RDF.type, PV.Position))  # an empty position
    ours, reference = both(broken, origins)
    assert_same(ours, reference)
    rules = {f.shape.rsplit("#", 1)[-1] for f in ours.violations if f.shape}
    assert {"Meeting-body", "Position-stance", "Position-response", "Position-proposal"} <= rules
    for finding in ours.violations:
        assert finding.message_sv and finding.message_en and finding.message_sv != finding.message_en
    where = {f.shape.rsplit("#", 1)[-1]: f.origin for f in ours.violations if f.shape}
    assert where["Meeting-body"] is not None and where["Meeting-body"].file.endswith((".txt", ".yaml"))
    assert where["Meeting-body"] == origins[meeting]
