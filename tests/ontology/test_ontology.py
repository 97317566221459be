"""The ontology documents every pv: term and keeps the contract in docs/model.md.

Each test names the terms that break a rule, so a failure says which block in
ontology/proveniens.ttl to fix.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, BNode, Graph, Literal, Namespace, URIRef

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY_FILE = ROOT / "ontology" / "proveniens.ttl"
MODEL_FILE = ROOT / "docs" / "model.md"

ONTOLOGY_IRI = URIRef("https://w3id.org/proveniens/ontology")
PV = Namespace("https://w3id.org/proveniens/ontology#")
ROLE = Namespace("https://w3id.org/proveniens/role/")
ROLE_SCHEME = URIRef(str(ROLE))

BESLUIT = Namespace("http://data.vlaanderen.be/ns/besluit#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
RPUBL = Namespace("http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#")
# rdflib's own XSD is a closed DefinedNamespace that warns when pytest probes it.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

TERM_KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty)
CC_BY_4 = URIRef("https://creativecommons.org/licenses/by/4.0/")

# The brief's `pv:[A-Za-z]+` would cut `pv:sha256` to `pv:sha`; digits after the
# first letter are allowed so that every name in model.md is read whole.
PV_NAME_IN_MARKDOWN = re.compile(r"\bpv:([A-Za-z][A-Za-z0-9]*)")
ROLE_IN_MARKDOWN = re.compile(r"`role/([a-z][a-z-]*)`")
# "`pv:X` ⊑ `a:B`, `c:D`" and "`pv:X` (⊑ `a:B`)"
SUBSUMPTION_IN_MARKDOWN = re.compile(
    r"`([a-z-]+:\w+)`\s*\(?⊑\s*`([\w:-]+)`((?:,\s*`[\w:-]+`)*)"
)
# "`pv:inquiry` (SOU → `pv:Inquiry`, ⊑ `dcterms:creator`)"
TRAILING_SUBSUMPTION_IN_MARKDOWN = re.compile(r"`(pv:\w+)` \([^()]*?, ⊑ `([\w:-]+)`\)")


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


@pytest.fixture(scope="module")
def model_text() -> str:
    return MODEL_FILE.read_text(encoding="utf-8")


def _name(graph: Graph, term: URIRef) -> str:
    return graph.namespace_manager.normalizeUri(term)


def _pv_subjects(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects() if isinstance(s, URIRef) and s.startswith(PV)}


def _pv_terms_of_kind(graph: Graph, kinds: tuple[URIRef, ...]) -> set[URIRef]:
    return {t for t in _pv_subjects(graph) if any((t, RDF.type, k) in graph for k in kinds)}


def _expand(graph: Graph, curie: str) -> URIRef:
    prefix, local = curie.split(":", 1)
    namespace = dict(graph.namespaces()).get(prefix)
    assert namespace is not None, f"model.md uses prefix {prefix!r}, unknown to the ontology"
    return URIRef(str(namespace) + local)


def _fail_if(problems: list[str], what: str) -> None:
    assert not problems, f"{what}:\n  " + "\n  ".join(sorted(problems))


def test_ontology_parses_as_turtle(graph: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in graph
    assert _pv_subjects(graph), "the ontology defines no pv: terms"


def test_header_has_title_description_version_license_and_naming_convention(
    graph: Graph,
) -> None:
    problems = []
    for predicate in (DCTERMS.title, DCTERMS.description, SKOS.editorialNote):
        languages = sorted(o.language or "-" for o in graph.objects(ONTOLOGY_IRI, predicate))
        if languages != ["en", "sv"]:
            problems.append(f"{_name(graph, predicate)} has languages {languages}, want [en, sv]")
    if graph.value(ONTOLOGY_IRI, OWL.versionInfo) != Literal("1.0"):
        problems.append("owl:versionInfo is not \"1.0\"")
    if graph.value(ONTOLOGY_IRI, DCTERMS.license) != CC_BY_4:
        problems.append(f"dcterms:license is not <{CC_BY_4}>")
    for note in graph.objects(ONTOLOGY_IRI, SKOS.editorialNote):
        for word in ("UpperCamelCase", "lowerCamelCase", "PROV-O", "rpubl"):
            if word not in note:
                problems.append(f"editorial note @{note.language} does not mention {word}")
    _fail_if(problems, "the ontology header is incomplete")


def test_every_pv_term_has_exactly_one_kind(graph: Graph) -> None:
    problems = []
    for term in _pv_subjects(graph):
        kinds = [_name(graph, k) for k in TERM_KINDS if (term, RDF.type, k) in graph]
        if len(kinds) != 1:
            problems.append(f"{_name(graph, term)} is declared as {kinds or 'nothing'}")
    _fail_if(problems, "pv: terms must be exactly one of owl:Class, owl:ObjectProperty, "
             "owl:DatatypeProperty, owl:NamedIndividual")


def test_every_resource_is_written_in_one_subject_block() -> None:
    subjects = [
        line.split()[0]
        for line in ONTOLOGY_FILE.read_text(encoding="utf-8").splitlines()
        if line and not line[0].isspace() and not line.startswith(("#", "@prefix"))
    ]
    repeated = [f"{s} ({n} blocks)" for s, n in Counter(subjects).items() if n > 1]
    _fail_if(repeated, "these resources are split over several subject blocks")


@pytest.mark.parametrize("predicate", [RDFS.label, RDFS.comment], ids=["label", "comment"])
def test_every_pv_term_has_one_sv_and_one_en_text(graph: Graph, predicate: URIRef) -> None:
    problems = []
    for term in _pv_subjects(graph):
        values = list(graph.objects(term, predicate))
        languages = sorted(getattr(v, "language", None) or "untagged" for v in values)
        if languages != ["en", "sv"]:
            problems.append(f"{_name(graph, term)} has {_name(graph, predicate)} in {languages}")
    _fail_if(problems, "each pv: term needs exactly one @sv and one @en value")


def test_every_pv_comment_is_a_sentence(graph: Graph) -> None:
    problems = []
    for term in _pv_subjects(graph):
        for comment in graph.objects(term, RDFS.comment):
            text = str(comment).strip()
            if len(text) < 20 or not text.endswith("."):
                problems.append(f"{_name(graph, term)} @{comment.language}: {text!r}")
    _fail_if(problems, "rdfs:comment should be explanatory sentences ending with a full stop")


def test_every_pv_term_is_defined_by_the_ontology(graph: Graph) -> None:
    problems = [
        f"{_name(graph, term)} has rdfs:isDefinedBy {list(graph.objects(term, RDFS.isDefinedBy))}"
        for term in _pv_subjects(graph)
        if list(graph.objects(term, RDFS.isDefinedBy)) != [ONTOLOGY_IRI]
    ]
    _fail_if(problems, f"rdfs:isDefinedBy must be exactly <{ONTOLOGY_IRI}>")


def test_every_pv_term_named_in_model_md_is_defined(graph: Graph, model_text: str) -> None:
    named = {PV[name] for name in PV_NAME_IN_MARKDOWN.findall(model_text)}
    assert named, f"found no pv: names in {MODEL_FILE}"
    missing = [f"pv:{term.removeprefix(str(PV))}" for term in named - _pv_subjects(graph)]
    _fail_if(missing, "docs/model.md names these pv: terms but the ontology does not define them")


def test_every_pv_iri_used_in_the_ontology_is_defined(graph: Graph) -> None:
    defined = _pv_subjects(graph)
    used = {o for o in graph.objects() if isinstance(o, URIRef) and o.startswith(PV)}
    _fail_if([_name(graph, t) for t in used - defined], "these pv: terms are used but not defined")


def test_pv_domains_and_ranges_refer_to_defined_classes(graph: Graph) -> None:
    classes = _pv_terms_of_kind(graph, (OWL.Class,))
    problems = []
    for prop in _pv_terms_of_kind(graph, PROPERTY_KINDS):
        for predicate in (RDFS.domain, RDFS.range):
            for target in graph.objects(prop, predicate):
                if isinstance(target, BNode):
                    problems.append(f"{_name(graph, prop)} has a blank-node {_name(graph, predicate)}")
                elif target.startswith(PV) and target not in classes:
                    problems.append(
                        f"{_name(graph, prop)} {_name(graph, predicate)} "
                        f"{_name(graph, target)}, which is not a pv: class"
                    )
    _fail_if(problems, "domains and ranges must be defined classes")


def test_property_ranges_match_property_kind(graph: Graph) -> None:
    def is_datatype(target: URIRef) -> bool:
        return target.startswith(str(XSD)) or target in (RDF.langString, RDFS.Literal)

    problems = []
    for prop in _pv_terms_of_kind(graph, (OWL.DatatypeProperty,)):
        problems += [
            f"datatype property {_name(graph, prop)} has range {_name(graph, r)}"
            for r in graph.objects(prop, RDFS.range)
            if not is_datatype(r)
        ]
    for prop in _pv_terms_of_kind(graph, (OWL.ObjectProperty,)):
        problems += [
            f"object property {_name(graph, prop)} has range {_name(graph, r)}"
            for r in graph.objects(prop, RDFS.range)
            if is_datatype(r)
        ]
    _fail_if(problems, "ranges must fit the kind of property")


def test_pv_individuals_belong_to_a_defined_pv_class(graph: Graph) -> None:
    classes = _pv_terms_of_kind(graph, (OWL.Class,))
    problems = []
    for individual in _pv_terms_of_kind(graph, (OWL.NamedIndividual,)):
        types = set(graph.objects(individual, RDF.type)) - {OWL.NamedIndividual}
        if not types & classes:
            problems.append(f"{_name(graph, individual)} has types {sorted(map(str, types))}")
    _fail_if(problems, "each pv: individual must be typed with a pv: class")


@pytest.mark.parametrize(
    ("value_class", "individuals"),
    [
        (PV.AttendanceStatus, {PV.Present, PV.Absent, PV.LeftEarly}),
        (PV.AssertionMode, {PV.Stated, PV.Inferred}),
        (PV.Stance, {PV.Supports, PV.SupportsWithReservations, PV.Opposes, PV.NoOpinion}),
    ],
    ids=["AttendanceStatus", "AssertionMode", "Stance"],
)
def test_closed_value_sets_have_exactly_the_model_individuals(
    graph: Graph, value_class: URIRef, individuals: set[URIRef]
) -> None:
    found = set(graph.subjects(RDF.type, value_class))
    assert found == individuals, (
        f"{_name(graph, value_class)} has individuals {sorted(map(str, found))}, "
        f"model.md names {sorted(map(str, individuals))}"
    )


def test_model_md_subsumptions_hold_in_the_ontology(graph: Graph, model_text: str) -> None:
    claims: list[tuple[str, str]] = []
    for sub, first, rest in SUBSUMPTION_IN_MARKDOWN.findall(model_text):
        claims += [(sub, first)] + [(sub, sup) for sup in re.findall(r"`([\w:-]+)`", rest)]
    claims += TRAILING_SUBSUMPTION_IN_MARKDOWN.findall(model_text)
    assert len(claims) > 20, f"read only {len(claims)} ⊑ claims from {MODEL_FILE}"

    problems = []
    for sub, sup in claims:
        sub_iri, sup_iri = _expand(graph, sub), _expand(graph, sup)
        ancestors = set(graph.transitive_objects(sub_iri, RDFS.subClassOf))
        ancestors |= set(graph.transitive_objects(sub_iri, RDFS.subPropertyOf))
        if sup_iri not in ancestors:
            problems.append(f"{sub} ⊑ {sup}")
    _fail_if(problems, "docs/model.md states these subsumptions, the ontology does not")


def test_alignments_that_validation_relies_on(graph: Graph) -> None:
    required = [
        (ORG.FormalOrganization, RDFS.subClassOf, ORG.Organization),
        (ORG.OrganizationalUnit, RDFS.subClassOf, ORG.Organization),
        (ORG.OrganizationalCollaboration, RDFS.subClassOf, ORG.Organization),
        (ORG.Organization, RDFS.subClassOf, PROV.Agent),
        (FOAF.Person, RDFS.subClassOf, PROV.Agent),
        (RPUBL.Utredningsbetankande, RDFS.subClassOf, PROV.Entity),
        (RPUBL.Proposition, RDFS.subClassOf, PROV.Entity),
        (RPUBL.Kommittedirektiv, RDFS.subClassOf, PROV.Entity),
        (RPUBL.Lag, RDFS.subClassOf, PROV.Entity),
        (RPUBL.utgarFran, RDFS.subPropertyOf, PROV.wasDerivedFrom),
        (RPUBL.forarbete, RDFS.subPropertyOf, PROV.wasDerivedFrom),
        (PROV.Derivation, RDFS.subClassOf, PROV.Influence),
        (PV.Evidence, RDFS.subClassOf, PROV.Influence),
        (PV.Meeting, SKOS.closeMatch, BESLUIT.Zitting),
        (PV.AgendaItem, SKOS.closeMatch, BESLUIT.Agendapunt),
        (PV.Decision, SKOS.closeMatch, BESLUIT.Besluit),
    ]
    missing = [" ".join(_name(graph, t) for t in triple) for triple in required if triple not in graph]
    _fail_if(missing, "these alignment axioms are missing")


def test_every_role_in_model_md_is_a_concept_in_the_role_scheme(
    graph: Graph, model_text: str
) -> None:
    slugs = set(ROLE_IN_MARKDOWN.findall(model_text))
    assert slugs, f"found no role/… names in {MODEL_FILE}"
    assert (ROLE_SCHEME, RDF.type, SKOS.ConceptScheme) in graph
    problems = []
    for slug in sorted(slugs):
        role = ROLE[slug]
        for kind in (PV.Role, SKOS.Concept):
            if (role, RDF.type, kind) not in graph:
                problems.append(f"role/{slug} is not a {_name(graph, kind)}")
        if (role, SKOS.inScheme, ROLE_SCHEME) not in graph:
            problems.append(f"role/{slug} is not in the scheme <{ROLE_SCHEME}>")
        labels = sorted(o.language or "untagged" for o in graph.objects(role, SKOS.prefLabel))
        if labels != ["en", "sv"]:
            problems.append(f"role/{slug} has skos:prefLabel in {labels}")
    _fail_if(problems, "roles must be SKOS concepts with one sv and one en prefLabel")


def test_prefixes_are_sorted() -> None:
    prefixes = [
        line.split()[1].rstrip(":")
        for line in ONTOLOGY_FILE.read_text(encoding="utf-8").splitlines()
        if line.startswith("@prefix")
    ]
    assert prefixes == sorted(prefixes), f"@prefix lines are not sorted: {prefixes}"


def test_ontology_has_no_blank_nodes(graph: Graph) -> None:
    blank = [
        " ".join(_name(graph, t) if isinstance(t, URIRef) else repr(t) for t in triple)
        for triple in graph
        if any(isinstance(t, BNode) for t in triple)
    ]
    _fail_if(blank, "the ontology should not contain blank nodes")
