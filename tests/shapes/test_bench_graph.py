"""The bench graph (`bench/generate.py`) conforms to the shapes, and every injected fault is found.

A small graph (20,000 quads, some 60 clusters) is generated into an in-memory store with the
ontology beside it, as a build's candidate store holds them, and validated on the store. With
`--faults`, each fault the manifest lists must be reported at its focus node by its rule and
constraint, and nothing outside the faulty clusters may be reported.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from proveniens.checks.validation import ValidationReport, validate_store
from proveniens.namespaces import ONTOLOGY_GRAPH
from proveniens.resources import ontology_files, read_turtle, shapes_files

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))
import generate  # noqa: E402

QUADS = 20_000


def generated(faults: bool) -> tuple[ValidationReport, dict]:
    out = io.StringIO()
    manifest = generate.generate(out, QUADS, faults)
    store = ox.Store()
    store.bulk_load(input=out.getvalue().encode(), format=ox.RdfFormat.N_QUADS)
    ontology = read_turtle(ontology_files()).serialize(format="nt").encode()
    store.bulk_load(input=ontology, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(ONTOLOGY_GRAPH)))
    return validate_store(store, read_turtle(shapes_files()), {}), manifest


def test_the_bench_graph_conforms_without_a_single_warning() -> None:
    report, manifest = generated(faults=False)
    assert manifest["triples"] == QUADS
    assert not report.findings, report.summary()


@pytest.fixture(scope="module")
def faulty() -> tuple[ValidationReport, dict]:
    return generated(faults=True)


def test_every_injected_fault_is_found_by_its_rule_and_constraint(faulty: tuple[ValidationReport, dict]) -> None:
    report, manifest = faulty
    assert len(manifest["faults"]) == len(generate.FAULTS) >= 20
    found = {
        (f.focus, (f.shape or "").rsplit("#", 1)[-1], (f.constraint or "").rsplit("#", 1)[-1]) for f in report.findings
    }
    missed = [f for f in manifest["faults"] if (f["focus"], f["rule"], f["component"]) not in found]
    assert not missed, f"faults not found: {missed}"


def test_kinds_of_fault_cover_the_constraints_the_shapes_use(faulty: tuple[ValidationReport, dict]) -> None:
    _, manifest = faulty
    kinds = {f["component"] for f in manifest["faults"]}
    for component in (
        "MinCount",
        "MaxCount",
        "Class",
        "Datatype",
        "NodeKind",
        "Pattern",
        "In",
        "HasValue",
        "QualifiedMinCount",
        "UniqueLang",
        "LessThan",
        "LessThanOrEquals",
        "MinInclusive",
        "MinLength",
        "Equals",
        "Not",
        "Or",
        "Xone",
        "SPARQL",
    ):
        assert component + "ConstraintComponent" in kinds, component


def test_findings_stay_in_the_faulty_clusters(faulty: tuple[ValidationReport, dict]) -> None:
    """Nothing is reported about the clean clusters: every focus node is a node of a faulty cluster."""
    report, manifest = faulty
    quads: list[tuple[str, str, str]] = []
    for i in range(len(manifest["faults"])):
        generate.emit_cluster(lambda s, p, o: quads.append((s, p, o)), i, *generate.sizes(QUADS))
    nodes = {t.strip("<>") for s, _, o in quads for t in (s, o)} | {f["focus"] for f in manifest["faults"]}
    assert report.findings
    assert {f.focus for f in report.findings} <= nodes
