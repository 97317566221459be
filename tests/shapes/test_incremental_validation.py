"""validate_store(changed=…): validating only what changed graphs can affect finds what a full run finds.

A clean bench graph is one named graph; a second graph, the "changed" one, breaks rules on its own
nodes (a meeting without a body), on a node the first graph describes (a remiss round of the first
graph now also consults an organisation: sh:class) and through a shape that reaches across graphs
(a collaboration body of the first graph also typed a formal organisation: sh:not).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pyoxigraph as ox

from proveniens.namespaces import ONTOLOGY_GRAPH
from proveniens.resources import ontology_files, read_turtle, shapes_files
from proveniens.shacl_sparql.run import to_rdflib, typed_nodes
from proveniens.validation import validate_store

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))
import generate  # noqa: E402

CHANGED = "https://w3id.org/proveniens/graph/changed"
BROKEN = """
@prefix pv: <https://w3id.org/proveniens/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
<https://w3id.org/proveniens/meeting/new> a pv:Meeting .
<https://w3id.org/proveniens/remiss/1981-1> pv:consults <https://w3id.org/proveniens/thing/unknown> .
<https://w3id.org/proveniens/thing/unknown> a org:Organization .
<https://w3id.org/proveniens/org/body-1> a org:FormalOrganization .
"""


def bench_store() -> ox.Store:
    """The 20k bench graph (clean) and the ontology in an in-memory store."""
    out = io.StringIO()
    generate.generate(out, 20_000)
    store = ox.Store()
    store.bulk_load(input=out.getvalue().encode(), format=ox.RdfFormat.N_QUADS)
    ontology = read_turtle(ontology_files()).serialize(format="nt").encode()
    store.bulk_load(input=ontology, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(ONTOLOGY_GRAPH)))
    return store


def test_a_changed_graph_alone_gives_the_findings_of_a_full_validation() -> None:
    store = bench_store()
    store.bulk_load(input=BROKEN.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(CHANGED))
    shapes = read_turtle(shapes_files())
    full = validate_store(store, shapes, {})
    changed = validate_store(store, shapes, {}, changed=[CHANGED])
    rules = {(f.focus.rsplit("/", 2)[-2:][0], (f.shape or "").rsplit("#")[-1]) for f in full.violations}
    assert ("meeting", "Meeting-body") in rules  # the new meeting has no body
    assert ("remiss", "RemissRound-consults") in rules
    assert ("org", "CollaborationBody-notFormal") in rules
    assert changed.findings == full.findings


KEPT = "https://w3id.org/proveniens/graph/kept"


def test_a_type_the_replaced_graph_took_away_is_found_through_the_nodes_it_typed() -> None:
    """The old version of a graph typed a document a kept graph's remiss round consults; the new
    version does not mention it. Only the nodes the old version typed lead to the remiss round."""
    store = bench_store()
    consults = (
        "<https://w3id.org/proveniens/remiss/1981-1> <https://w3id.org/proveniens/ontology#consults> "
        "<https://w3id.org/proveniens/thing/draft> ."
    )
    store.bulk_load(input=consults.encode(), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(KEPT))
    old = "<https://w3id.org/proveniens/thing/draft> a <http://www.w3.org/ns/prov#Entity> ."
    store.bulk_load(input=old.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(CHANGED))
    shapes = read_turtle(shapes_files())
    assert validate_store(store, shapes, {}).conforms
    typed = [to_rdflib(n) for n in typed_nodes(store, [CHANGED])]
    store.remove_graph(ox.NamedNode(CHANGED))
    new = "<https://w3id.org/proveniens/thing/other> a <http://www.w3.org/ns/prov#Entity> ."
    store.bulk_load(input=new.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(CHANGED))
    full = validate_store(store, shapes, {})
    assert {(f.focus, (f.shape or "").rsplit("#")[-1]) for f in full.violations} == {
        ("https://w3id.org/proveniens/remiss/1981-1", "RemissRound-consults")
    }
    assert validate_store(store, shapes, {}, changed=[CHANGED], typed=typed).findings == full.findings
    assert validate_store(store, shapes, {}, changed=[CHANGED]).conforms  # what `typed` is for
