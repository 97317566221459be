"""The shapes as a catalogue a curator reads: every rule named, described and explained in Swedish
and English, with a deliberate severity, and every rule exercised by a test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH

ROOT = Path(__file__).resolve().parents[2]
SHAPES_DIR = ROOT / "shapes"
ONTOLOGY_FILE = ROOT / "ontology" / "proveniens.ttl"
TEST_SOURCES = [p for p in Path(__file__).resolve().parent.glob("test_*.py") if p.name != Path(__file__).name]
PVS = "https://w3id.org/proveniens/shapes#"
PV = "https://w3id.org/proveniens/ontology#"
THEMES = ["agreements", "bodies", "documents", "evidence", "lineage", "process", "riksdagen", "void"]


def _languages(graph: Graph, node: URIRef, prop: URIRef) -> set[str | None]:
    return {o.language for o in graph.objects(node, prop) if isinstance(o, Literal)}


def _local(node: URIRef) -> str:
    return str(node).removeprefix(PVS)


def _node_shapes(graph: Graph) -> list[URIRef]:
    return sorted(s for s in graph.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef))


def _property_shapes(graph: Graph) -> list[URIRef]:
    return sorted(s for s in graph.subjects(RDF.type, SH.PropertyShape) if isinstance(s, URIRef))


def _targeted(graph: Graph, shape: URIRef) -> bool:
    targets = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode, SH.target)
    return any(graph.value(shape, t) is not None for t in targets)


def _tested_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in TEST_SOURCES)


def test_there_is_one_file_per_theme():
    assert sorted(p.stem for p in SHAPES_DIR.glob("*.ttl")) == THEMES


@pytest.mark.parametrize("theme", THEMES)
def test_each_file_describes_itself_in_swedish_and_english(theme):
    graph = Graph().parse(SHAPES_DIR / f"{theme}.ttl", format="turtle")
    header = URIRef(f"https://w3id.org/proveniens/shapes/{theme}")
    assert (header, RDF.type, OWL.Ontology) in graph
    assert {"sv", "en"} <= _languages(graph, header, RDFS.label)
    assert {"sv", "en"} <= _languages(graph, header, RDFS.comment)
    outside = {s for s in graph.subjects() if isinstance(s, URIRef) and s != header and not str(s).startswith(PVS)}
    assert not outside, f"{theme}.ttl describes resources outside the shapes namespace: {outside}"


def test_every_node_shape_is_named_and_described_in_swedish_and_english(shapes):
    for shape in _node_shapes(shapes):
        for prop in (RDFS.label, SH.name, SH.description):
            assert {"sv", "en"} <= _languages(shapes, shape, prop), f"pvs:{_local(shape)} lacks {prop} in sv or en"


def test_every_property_shape_is_named_described_and_explained_in_swedish_and_english(shapes):
    for shape in _property_shapes(shapes):
        for prop in (SH.name, SH.description, SH.message):
            assert {"sv", "en"} <= _languages(shapes, shape, prop), f"pvs:{_local(shape)} lacks {prop} in sv or en"


def test_every_rule_has_a_deliberate_severity(shapes):
    for shape in _property_shapes(shapes):
        assert shapes.value(shape, SH.severity) in (SH.Violation, SH.Warning), f"pvs:{_local(shape)}"


def test_node_level_rules_carry_their_own_message(shapes):
    """A NodeShape with constraints of its own (sh:xone, sh:or, sh:sparql) says what breaks them."""
    for shape in _node_shapes(shapes):
        if not _targeted(shapes, shape):
            continue
        if shapes.value(shape, SH.xone) is not None or shapes.value(shape, SH["or"]) is not None:
            assert {"sv", "en"} <= _languages(shapes, shape, SH.message), f"pvs:{_local(shape)}"
        for constraint in shapes.objects(shape, SH.sparql):
            assert {"sv", "en"} <= _languages(shapes, constraint, SH.message), f"pvs:{_local(shape)}"
            assert {"sv", "en"} <= _languages(shapes, constraint, RDFS.comment), f"pvs:{_local(shape)}"


def test_property_shapes_are_named_resources(shapes):
    """Rules are IRIs, so a validation report can name the rule a curator broke."""
    for shape in _node_shapes(shapes):
        if not _targeted(shapes, shape):
            continue
        for prop in shapes.objects(shape, SH.property):
            assert isinstance(prop, URIRef), f"pvs:{_local(shape)} has an anonymous property shape"
            assert (prop, RDF.type, SH.PropertyShape) in shapes, f"pvs:{_local(prop)} is not typed sh:PropertyShape"


def test_every_node_shape_has_a_target_or_is_part_of_one(shapes):
    used = set()
    for prop in (SH.xone, SH["or"], SH["and"]):
        for head in shapes.objects(None, prop):
            used.update(Collection(shapes, head))
    used.update(shapes.objects(None, SH.node))
    for shape in _node_shapes(shapes):
        assert _targeted(shapes, shape) or shape in used, f"pvs:{_local(shape)} has no target and is not used"


def test_every_class_shape_names_its_class(shapes):
    """One NodeShape per class: no class is the target of two class shapes."""
    seen: dict[URIRef, URIRef] = {}
    for shape in _node_shapes(shapes):
        for cls in shapes.objects(shape, SH.targetClass):
            if cls in seen and cls != URIRef("http://www.w3.org/2006/time#Interval"):
                pytest.fail(f"{cls} is the target of pvs:{_local(seen[cls])} and pvs:{_local(shape)}")
            seen[cls] = shape


def test_every_node_shape_has_a_test(shapes):
    text = _tested_text()
    untested = [_local(s) for s in _node_shapes(shapes) if not re.search(rf"\b{re.escape(_local(s))}\b", text)]
    assert not untested, f"no test names {untested}"


def test_every_rule_has_a_test(shapes):
    text = _tested_text()
    untested = [_local(s) for s in _property_shapes(shapes) if f'"{_local(s)}"' not in text]
    assert not untested, f"no test expects {untested} to fire"


def test_identifier_patterns_are_anchored(shapes):
    for shape in _property_shapes(shapes):
        for pattern in shapes.objects(shape, SH.pattern):
            if str(pattern) == "[^\\s]":  # "contains something other than white space"
                continue
            assert str(pattern).startswith("^") and str(pattern).endswith("$"), f"pvs:{_local(shape)}: {pattern}"


@pytest.mark.skipif(not ONTOLOGY_FILE.exists(), reason="ontology/proveniens.ttl is not written yet")
def test_every_pv_term_the_shapes_use_is_defined_in_the_ontology(shapes):
    ontology = Graph().parse(ONTOLOGY_FILE, format="turtle")
    used = {o for o in shapes.objects() if isinstance(o, URIRef) and str(o).startswith(PV)}
    for node in shapes.subjects():
        if isinstance(node, BNode):
            used.update(o for o in shapes.objects(node, None) if isinstance(o, URIRef) and str(o).startswith(PV))
    missing = sorted(str(t).removeprefix(PV) for t in used if (t, None, None) not in ontology)
    assert not missing, f"pv: terms used by the shapes but not defined in the ontology: {missing}"


def test_shapes_graph_is_valid_shacl(shapes):
    conforms, _, text = validate(Graph(), shacl_graph=shapes, meta_shacl=True, advanced=True)
    assert conforms, text


def test_context_world_is_valid(validation):
    outcome = validation("")
    assert outcome.conforms, outcome.text
    assert outcome.warned_shapes() == {"Agreement-signed"}, "the unsigned HoS-avtal is the only warning"


def test_ontology_mixed_in_once_reports_the_same_as_ont_graph(validation, validation_as_built):
    """The suite mixes the ontology into the context once; a build passes ont_graph= every time."""
    broken = """
<org/vvg> a org:FormalOrganization .
<meeting/vvg/x> a pv:Meeting ; pv:body <person/anna-nergardh> .
"""

    def summary(outcome):
        return sorted((r.shape_name, str(r.focus), str(r.severity)) for r in outcome.results)

    premixed = validation(broken)
    assert summary(premixed) == summary(validation_as_built(broken))
    assert {"CollaborationBody-notFormal", "Meeting-body", "Meeting-date"} <= premixed.violated_shapes()
