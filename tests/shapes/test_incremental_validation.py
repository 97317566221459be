"""validate_store(change=…): validating only what a change can affect finds what a full run finds.

A clean bench graph is one named graph; a second graph, the "changed" one, breaks rules on its own
nodes (a meeting without a body), on a node the first graph describes (a remiss round of the first
graph now also consults an organisation: sh:class) and through a shape that reaches across graphs
(a collaboration body of the first graph also typed a formal organisation: sh:not). A new version
of a graph breaks rules whose reach only their queries show (`shacl_sparql.reach`), by triples it
adds and by triples it no longer has, one and two links away from the focus node.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pyoxigraph as ox

from proveniens.checks.validation import validate_store
from proveniens.graph_delta import GraphDelta, delta, read_triples
from proveniens.namespaces import ONTOLOGY_GRAPH
from proveniens.resources import ontology_files, read_turtle, shapes_files
from proveniens.shacl_sparql.compile import compile_shapes
from proveniens.shacl_sparql.reach import reach

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
    changed = validate_store(store, shapes, {}, change=GraphDelta(read_triples(store, [CHANGED]), frozenset()))
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
    before = read_triples(store, [CHANGED])
    store.remove_graph(ox.NamedNode(CHANGED))
    new = "<https://w3id.org/proveniens/thing/other> a <http://www.w3.org/ns/prov#Entity> ."
    store.bulk_load(input=new.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(CHANGED))
    full = validate_store(store, shapes, {})
    assert {(f.focus, (f.shape or "").rsplit("#")[-1]) for f in full.violations} == {
        ("https://w3id.org/proveniens/remiss/1981-1", "RemissRound-consults")
    }
    change = delta(before, read_triples(store, [CHANGED]))
    assert validate_store(store, shapes, {}, change=change).findings == full.findings
    added_only = GraphDelta(change.added, frozenset())  # what the removed type is needed for
    assert validate_store(store, shapes, {}, change=added_only).conforms


PV = "https://w3id.org/proveniens/ontology#"
PROV = "http://www.w3.org/ns/prov#"
EVIDENCE = f"""
PREFIX prov: <{PROV}>
PREFIX pv: <{PV}>
SELECT ?subject ?link ?evidence ?object WHERE {{
  ?subject prov:qualifiedInfluence ?evidence . ?evidence pv:linkProperty ?link ; prov:influencer ?object .
  ?subject ?link ?object .
}} ORDER BY ?evidence LIMIT 2
"""
PARTICIPATION = f"""
PREFIX pv: <{PV}>
SELECT ?part ?meeting WHERE {{ ?part a pv:MeetingParticipation ; pv:meeting ?meeting ; pv:attendance pv:Present }}
ORDER BY ?part LIMIT 1
"""


def _move(store: ox.Store, quads: list[ox.Quad], graph: str) -> list[ox.Quad]:
    """Move quads of the bench graph into `graph`; returns them as they are now."""
    moved = [ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(graph)) for q in quads]
    for old, new in zip(quads, moved, strict=True):
        store.remove(old)
        store.add(new)
    return moved


def test_faults_a_new_version_makes_beyond_its_own_nodes_are_found_by_the_reach_of_the_queries() -> None:
    """Its old version held an evidence's target and another evidence's link; its new version has
    neither (the link left without evidence, the evidence for a link no longer asserted: SPARQL
    rules two links from the focus node), and gives a participation present at a meeting a time of
    leaving (sh:or) and the meeting a second body (sh:equals on a sequence path)."""
    store = bench_store()
    bench = ox.NamedNode("https://w3id.org/proveniens/graph/bench")
    first, second = list(store.query(EVIDENCE, use_default_graph_as_union=True))  # type: ignore[union-attr]
    target = ox.Quad(first["evidence"], ox.NamedNode(PROV + "influencer"), first["object"], bench)
    link = ox.Quad(second["subject"], second["link"], second["object"], bench)
    moved = _move(store, [target, link], CHANGED)
    shapes = read_turtle(shapes_files())
    assert validate_store(store, shapes, {}).conforms
    before = read_triples(store, [CHANGED])
    for quad in moved:
        store.remove(quad)
    (part, meeting) = next(iter(store.query(PARTICIPATION, use_default_graph_as_union=True)))  # type: ignore[misc]
    changed = ox.NamedNode(CHANGED)
    store.add(
        ox.Quad(part, ox.NamedNode(PV + "leftAt"), ox.Literal("10:00:00", datatype=ox.NamedNode(XSD_TIME)), changed)
    )
    store.add(
        ox.Quad(meeting, ox.NamedNode(PV + "body"), ox.NamedNode("https://w3id.org/proveniens/org/elsewhere"), changed)
    )
    full = validate_store(store, shapes, {})
    rules = {(f.focus, (f.shape or "").rsplit("#")[-1]) for f in full.findings}
    assert {
        (first["subject"].value, "InterpretiveLinkShape"),
        (second["evidence"].value, "LinkEvidence-asserted"),
        (part.value, "MeetingParticipationShape"),
        (part.value, "MeetingParticipation-body"),
    } <= rules, rules
    incremental = validate_store(store, shapes, {}, change=delta(before, read_triples(store, [CHANGED])))
    assert incremental.findings == full.findings


XSD_TIME = "http://www.w3.org/2001/XMLSchema#time"


def test_the_rules_the_compiler_leaves_unbounded_are_bounded_by_their_queries() -> None:
    """The SPARQL rules read two links from the focus node, sh:or and sh:xone one or two; and on every
    check the compiler bounds, the query shows the same reach."""
    checks = compile_shapes(read_turtle(shapes_files()))
    hops = {str(c.shape).rsplit("#")[-1]: r.hops for c in checks if c.reach is None and (r := reach(c.query()))}
    assert hops["LinkEvidence-asserted"] == hops["InterpretiveLinkShape"] == 2
    assert hops["MeetingParticipationShape"] == hops["DatingShape"] == 1
    assert hops["MembershipShape"] == hops["MeetingParticipation-body"] == 2  # sh:class in sh:or; a sequence path
    assert all(reach(c.query()).hops == c.reach + 1 for c in checks if c.reach is not None)  # type: ignore[union-attr]


def test_a_query_whose_reach_its_patterns_do_not_bound_is_unbounded() -> None:
    """A sub-select's own ?this (not projected) is another variable; a join through a computed
    value or a property path of any length bounds nothing."""
    ex = "http://example.org/"
    assert (
        reach(f"SELECT ?this WHERE {{ ?this <{ex}p> ?x {{ SELECT (COUNT(*) AS ?n) WHERE {{ ?this <{ex}q> ?y }} }} }}")
        is None
    )
    assert reach(f"SELECT ?this WHERE {{ ?this <{ex}p> ?x BIND(IRI(STR(?x)) AS ?y) ?y <{ex}q> ?z }}") is None
    assert reach(f"SELECT ?this WHERE {{ ?this <{ex}p>+ ?x . ?x <{ex}q> ?z }}") is None
    projected = reach(f"SELECT ?this WHERE {{ {{ SELECT ?this WHERE {{ ?this <{ex}p> ?x . ?x <{ex}q> ?z }} }} }}")
    assert projected is not None and (projected.hops, projected.links) == (2, frozenset({ex + "p"}))


def test_a_check_runs_when_a_change_types_a_subclass_of_its_target_and_not_for_a_predicate_it_never_reads() -> None:
    from rdflib.namespace import RDF

    from proveniens.shacl_sparql.vocabulary import changed_terms, touches

    store = bench_store()
    checks = compile_shapes(read_turtle(shapes_files()))
    meeting_body = next(c for c in checks if str(c.shape).endswith("#Meeting-body") and "MinCount" in c.component)
    formal = next(c for c in checks if str(c.shape).endswith("#CollaborationBody-notFormal"))  # sh:path rdf:type
    node = ox.NamedNode("https://w3id.org/proveniens/meeting/new")
    options = {"use_default_graph_as_union": True}

    def change(p: str, o: ox.NamedNode | ox.Literal) -> object:
        return changed_terms(store, GraphDelta(frozenset({(node, ox.NamedNode(p), o)}), frozenset()), options)

    organisation = change(str(RDF.type), ox.NamedNode("http://www.w3.org/ns/org#FormalOrganization"))
    assert "http://www.w3.org/ns/org#Organization" in organisation.classes  # type: ignore[attr-defined]
    assert touches(meeting_body, change(str(RDF.type), ox.NamedNode(PV + "Meeting")))  # type: ignore[arg-type]
    assert not touches(meeting_body, change("https://example.org/unread", ox.Literal("x")))  # type: ignore[arg-type]
    assert not touches(meeting_body, organisation)  # type: ignore[arg-type]
    assert touches(formal, organisation)  # type: ignore[arg-type]


def test_reach_answers_are_kept_beside_the_builds_and_read_back(tmp_path: Path) -> None:
    import hashlib
    import json

    from proveniens.shacl_sparql import reach as module

    query = "SELECT ?this WHERE { ?this <http://example.org/kept> ?x . ?x <http://example.org/read> ?y }"
    memory = tmp_path / ".reach.json"
    with module.remembered(memory):
        found = module.reach(query)
    key = hashlib.sha256(query.encode()).hexdigest()
    assert found is not None and json.loads(memory.read_text())[key]["hops"] == found.hops == 2
    stored = json.loads(memory.read_text())
    stored[key]["hops"] = 7  # what the file says is what a later build takes
    memory.write_text(json.dumps(stored))
    module._KNOWN.clear()
    with module.remembered(memory):
        assert module.reach(query).hops == 7  # type: ignore[union-attr]
    module._KNOWN.clear()
    memory.write_text("not json")
    with module.remembered(memory):
        assert module.reach(query) == found
