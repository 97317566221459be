"""Shared machinery for the shape tests: the shapes, an alignment ontology, a small valid world.

Every test validates the *context* (a small, valid slice of the corpus: SOU 2018:39 and 2020:19,
prop. 2019/20:164, the SRO meeting of 24 September 2021, the government–SKR agreements …) plus
one Turtle snippet, against all of ``shapes/*.ttl`` — as a build does: pyshacl with the ontology
mixed into the data graph, ``inference="none"``, SHACL-AF on, warnings allowed.

The ontology is the alignment below plus ``ontology/proveniens.ttl`` when it exists. It is mixed
into the context once, with pyshacl's own ``inoculate`` (what ``ont_graph=`` does on every call);
``test_catalogue.py`` checks that this gives the same report as passing ``ont_graph=``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from pyshacl import validate
from pyshacl.rdfutil.inoculate import inoculate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SH

from proveniens.checks.validation_reference import sparql_parsed_once
from proveniens.shacl_sparql.compile import Check, compile_shapes
from proveniens.shacl_sparql.run import memory_store, run_checks

ROOT = Path(__file__).resolve().parents[2]
SHAPES_DIR = ROOT / "shapes"
ONTOLOGY_FILE = ROOT / "ontology" / "proveniens.ttl"
TESTS_DIR = Path(__file__).resolve().parent

PVS = Namespace("https://w3id.org/proveniens/shapes#")

PREFIXES = """\
@base <https://w3id.org/proveniens/> .
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix eli-dl: <http://data.europa.eu/eli/eli-draft-legislation-ontology#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix pv: <https://w3id.org/proveniens/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix rpubl: <http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

# The subclass axioms the shapes rely on (sh:class and sh:targetClass follow rdfs:subClassOf in the
# data graph). The real ontology, when present, is merged on top of this.
ALIGNMENT = """\
pv:CollaborationBody rdfs:subClassOf org:OrganizationalCollaboration .
org:OrganizationalCollaboration rdfs:subClassOf org:Organization .
org:FormalOrganization rdfs:subClassOf org:Organization .
org:OrganizationalUnit rdfs:subClassOf org:Organization .
pv:Inquiry rdfs:subClassOf org:Organization, prov:Agent .
foaf:Person rdfs:subClassOf prov:Agent .
pv:Role rdfs:subClassOf org:Role, skos:Concept .
pv:MeetingParticipation rdfs:subClassOf org:Membership .
pv:GovernmentAgreement rdfs:subClassOf pv:Agreement .
pv:HealthCareAgreement rdfs:subClassOf pv:Agreement .
pv:Evidence rdfs:subClassOf prov:Influence .
pv:RiksdagDecision rdfs:subClassOf eli-dl:Decision .
pv:Provision rdfs:subClassOf eli:LegalResourceSubdivision .
eli:LegalResourceSubdivision rdfs:subClassOf eli:LegalResource .
eli:LegalResource rdfs:subClassOf prov:Entity .
rpubl:Lag rdfs:subClassOf eli:LegalResource .
rpubl:Utredningsbetankande rdfs:subClassOf prov:Entity .
rpubl:Proposition rdfs:subClassOf prov:Entity .
rpubl:Kommittedirektiv rdfs:subClassOf prov:Entity .
pv:Proposal rdfs:subClassOf prov:Entity .
pv:Agreement rdfs:subClassOf prov:Entity .
pv:AgreementPart rdfs:subClassOf prov:Entity .
pv:AgreementElement rdfs:subClassOf prov:Entity .
pv:Strategy rdfs:subClassOf prov:Entity .
pv:SourceDocument rdfs:subClassOf prov:Entity .
"""

SOURCE_001 = "<source/001_06d9e870a2ccb54a.txt>"
SOURCE_002 = "<source/002_ba0b3cc1446c0b9e.txt>"
SOURCE_003 = "<source/003_8f5bace6e5519086.txt>"
SOURCE_004 = "<source/004_77c63d0e7f875d18.txt>"

# A valid slice of the corpus that snippets refer to. Leaves (provisions, decisions, positions,
# memberships …) are not here: each test brings its own.
CONTEXT = f"""\
{SOURCE_001} a pv:SourceDocument ;
    pv:fileName "001_06d9e870a2ccb54a.txt" ;
    pv:sha256 "0c9d0be3b6cb9f5763da748ee9993cf98830d3cc02146194204259f3da194c0d" ;
    pv:lineCount "364"^^xsd:positiveInteger .
{SOURCE_002} a pv:SourceDocument ;
    pv:fileName "002_ba0b3cc1446c0b9e.txt" ;
    pv:sha256 "bd89e97dc00ad46563af2bd47dc60cfad0f15dab28c53fa44e1afbfd22210ae7" ;
    pv:lineCount "395"^^xsd:positiveInteger .
{SOURCE_003} a pv:SourceDocument ;
    pv:fileName "003_8f5bace6e5519086.txt" ;
    pv:sha256 "6c3e29f19b7c9776ee7bfdaf5080564335be0cd633fdfe472a4cf8fc993d9fac" ;
    pv:lineCount "550"^^xsd:positiveInteger .
{SOURCE_004} a pv:SourceDocument ;
    pv:fileName "004_77c63d0e7f875d18.txt" ;
    pv:sha256 "3c14d8c30f75377532244b3c0b87ec1fc838ecde740ec4db31550ecd5d3049dd" ;
    pv:lineCount "3347"^^xsd:positiveInteger .

<org/regeringen> a org:FormalOrganization ; skos:prefLabel "Regeringen"@sv, "Government of Sweden"@en .
<org/skr> a org:FormalOrganization ;
    skos:prefLabel "Sveriges Kommuner och Regioner"@sv ; skos:altLabel "SKR" .
<org/socialstyrelsen> a org:FormalOrganization ; skos:prefLabel "Socialstyrelsen"@sv .
<org/vgr> a org:FormalOrganization ; skos:prefLabel "Västra Götalandsregionen"@sv ; skos:altLabel "VGR" .
<org/vastkom> a org:FormalOrganization ; skos:prefLabel "VästKom"@sv ; skos:altLabel "Västkom" .
<org/goteborgs-stad> a org:FormalOrganization ; skos:prefLabel "Göteborgs Stad"@sv .
<org/stockholms-stad> a org:FormalOrganization ; skos:prefLabel "Stockholms stad"@sv .
<org/stockholms-stad-aldreforvaltningen> a org:OrganizationalUnit ;
    skos:prefLabel "Äldreförvaltningen"@sv ;
    org:subOrganizationOf <org/stockholms-stad> .
<org/sro> a pv:CollaborationBody ;
    skos:prefLabel "Politiskt samrådsorgan mellan Västra Götalandsregionen och kommunerna i Västra Götaland"@sv ;
    skos:altLabel "SRO" .
<org/vvg> a pv:CollaborationBody ;
    skos:prefLabel "Vårdsamverkan Västra Götaland, ledningsgrupp"@sv ;
    skos:altLabel "VVG" .

<person/anna-nergardh> a foaf:Person ; foaf:name "Anna Nergårdh" .
<person/ann-katrin-schutz> a foaf:Person ; foaf:name "Ann-Katrin Schutz" .
<person/johnny-magnusson> a foaf:Person ; foaf:name "Johnny Magnusson" .
<person/axel-josefsson> a foaf:Person ; foaf:name "Axel Josefsson" .
<person/ann-soderstrom> a foaf:Person ; foaf:name "Ann Söderström" .

<role/chair> a pv:Role ; skos:prefLabel "ordförande"@sv, "chair"@en ; skos:inScheme <role/> .
<role/presenter> a pv:Role ; skos:prefLabel "föredragande"@sv, "presenter"@en ; skos:inScheme <role/> .
<role/investigator> a pv:Role ; skos:prefLabel "utredare"@sv, "investigator"@en ; skos:inScheme <role/> .

<concept/fast-vardkontakt> a skos:Concept ;
    skos:prefLabel "fast vårdkontakt"@sv, "named care contact"@en ;
    skos:inScheme <concept/> .

<kommitte/S2017:01> a pv:Inquiry ;
    dcterms:identifier "S 2017:01" ;
    skos:prefLabel "Samordnad utveckling för god och nära vård"@sv ;
    skos:altLabel "S2017:01" .

<sou/2018:39> a rpubl:Utredningsbetankande ;
    dcterms:identifier "SOU 2018:39" ;
    dcterms:title "God och nära vård – En primärvårdsreform"@sv,
        "Good and close care – a primary care reform"@en ;
    rpubl:utrSerie <serie/sou> ;
    rpubl:arsutgava "2018" ;
    rpubl:lopnummer "39" ;
    pv:earliestDate "2018-06-01"^^xsd:date ;
    pv:latestDate "2018-06-30"^^xsd:date ;
    pv:dateReasoning "Rapporten skriver ”I juni 2018”; dagen anges inte."@sv ;
    pv:inquiry <kommitte/S2017:01> ;
    prov:qualifiedInfluence <evidence/sou-2018-39-inquiry> .
<evidence/sou-2018-39-inquiry> a pv:Evidence, prov:Influence ;
    prov:hadPrimarySource {SOURCE_004} ;
    pv:quote "utredningen Samordnad ut- veckling för god och nära vård (S2017:01) i SOU 2018:39" ;
    pv:lineStart "2811"^^xsd:positiveInteger ;
    pv:lineEnd "2812"^^xsd:positiveInteger ;
    pv:assertion pv:Stated ;
    pv:linkProperty pv:inquiry ;
    prov:influencer <kommitte/S2017:01> .

<sou/2020:19> a rpubl:Utredningsbetankande ;
    dcterms:identifier "SOU 2020:19" ;
    dcterms:title "God och nära vård – En reform för ett hållbart hälso- och sjukvårdssystem"@sv,
        "Good and close care – a reform for a sustainable health care system"@en ;
    rpubl:utrSerie <serie/sou> ;
    pv:inquiry <kommitte/S2017:01> ;
    prov:qualifiedInfluence <evidence/sou-2020-19-inquiry> .
<evidence/sou-2020-19-inquiry> a pv:Evidence, prov:Influence ;
    prov:hadPrimarySource {SOURCE_003} ;
    pv:quote "Delbetänkande av utredningen Samordnad utveckling för god och nära vård SOU 2020:19" ;
    pv:lineStart "548"^^xsd:positiveInteger ;
    pv:lineEnd "550"^^xsd:positiveInteger ;
    pv:assertion pv:Stated ;
    pv:linkProperty pv:inquiry ;
    prov:influencer <kommitte/S2017:01> .

<sou/2020:19/proposal/samverkansansvar> a pv:Proposal ;
    dcterms:isPartOf <sou/2020:19> ;
    dcterms:description "Regioners och kommuners samverkansansvar ska förtydligas."@sv .
<sou/2020:19/proposal/gemensam-plan> a pv:Proposal ;
    dcterms:isPartOf <sou/2020:19> ;
    dcterms:description "Kommuner och regioner ska upprätta en gemensam plan för hälso- och sjukvård."@sv .

<prop/2017/18:83> a rpubl:Proposition ;
    dcterms:identifier "Prop. 2017/18:83" ;
    dcterms:title "Styrande principer inom hälso- och sjukvården och en förstärkt vårdgaranti"@sv,
        "Governing principles in health care and a strengthened care guarantee"@en .
<prop/2019/20:164> a rpubl:Proposition ;
    dcterms:identifier "Prop. 2019/20:164" ;
    dcterms:title "Inriktningen för en nära och tillgänglig vård – en primärvårdsreform"@sv,
        "The direction for close and accessible care – a primary care reform"@en ;
    skos:altLabel "2019:20/164" .

<sfs/2017:30> a rpubl:Lag ;
    dcterms:identifier "SFS 2017:30" ;
    dcterms:title "Hälso- och sjukvårdslag"@sv, "Health and Medical Services Act"@en ;
    skos:altLabel "HSL" .

<meeting/sro/2021-09-24> a pv:Meeting ;
    pv:body <org/sro> ;
    dcterms:date "2021-09-24"^^xsd:date ;
    pv:startTime "13:00:00"^^xsd:time ;
    pv:endTime "14:40:00"^^xsd:time ;
    pv:meetingForm "Teamsmöte" ;
    pv:attestedBy <evidence/sro-2021-09-24-date> .
<evidence/sro-2021-09-24-date> a pv:Evidence ;
    prov:hadPrimarySource {SOURCE_001} ;
    pv:quote "Datum: 24 september 2021" ;
    pv:lineStart "10"^^xsd:positiveInteger ;
    pv:lineEnd "10"^^xsd:positiveInteger ;
    pv:assertion pv:Stated .
<meeting/sro/2021-09-24/item/6> a pv:AgendaItem ;
    pv:meeting <meeting/sro/2021-09-24> ;
    pv:itemNumber 6 ;
    dcterms:title "Nära Vård"@sv, "Close care"@en ;
    pv:presenter <person/ann-katrin-schutz> .

<agreement/god-och-nara-vard-2019> a pv:GovernmentAgreement ;
    dcterms:title "God och nära vård – En omställning av hälso- och sjukvården med fokus på primärvården 2019"@sv,
        "Good and close care – a transition of health care with a focus on primary care 2019"@en ;
    pv:party <org/regeringen>, <org/skr> ;
    dcterms:dateAccepted "2019-06-19"^^xsd:date .
<agreement/hos-avtal-vg-2021> a pv:HealthCareAgreement ;
    dcterms:title "Hälso- och sjukvårdsavtal med tillhörande överenskommelser"@sv,
        "Health-care agreement with associated agreements"@en ;
    pv:party <org/vgr>, <org/goteborgs-stad> .
"""


@dataclass(frozen=True)
class Result:
    """One SHACL result, reduced to what a test asserts on."""

    severity: URIRef
    source_shape: URIRef | None
    component: URIRef
    path: object
    focus: object
    messages: tuple[Literal, ...]

    @property
    def shape_name(self) -> str:
        """The shape's local name (``Sou-inquiry``), or its blank-node id for anonymous shapes."""
        return str(self.source_shape).rsplit("#", 1)[-1]


@dataclass(frozen=True)
class Outcome:
    conforms: bool
    results: tuple[Result, ...]
    text: str

    @property
    def violations(self) -> tuple[Result, ...]:
        return tuple(r for r in self.results if r.severity == SH.Violation)

    @property
    def warnings(self) -> tuple[Result, ...]:
        return tuple(r for r in self.results if r.severity == SH.Warning)

    def violated_shapes(self) -> set[str]:
        return {r.shape_name for r in self.violations}

    def warned_shapes(self) -> set[str]:
        return {r.shape_name for r in self.warnings}


@cache
def shapes_graph() -> Graph:
    graph = Graph()
    for path in sorted(SHAPES_DIR.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


@cache
def ontology_graph() -> Graph:
    graph = Graph().parse(data=PREFIXES + ALIGNMENT, format="turtle")
    if ONTOLOGY_FILE.exists():
        graph.parse(ONTOLOGY_FILE, format="turtle")
    return graph


@cache
def context_graph() -> Graph:
    """The context with the ontology mixed in."""
    graph = Graph().parse(data=PREFIXES + CONTEXT, format="turtle")
    return inoculate(graph, ontology_graph())


def _results(report: Graph) -> tuple[Result, ...]:
    found = []
    for node in report.subjects(RDF.type, SH.ValidationResult):
        shape = report.value(node, SH.sourceShape)
        found.append(
            Result(
                severity=report.value(node, SH.resultSeverity),
                source_shape=shape if isinstance(shape, URIRef) else None,
                component=report.value(node, SH.sourceConstraintComponent),
                path=report.value(node, SH.resultPath),
                focus=report.value(node, SH.focusNode),
                messages=tuple(m for m in report.objects(node, SH.resultMessage) if isinstance(m, Literal)),
            )
        )
    return tuple(found)


@cache
def compiled_shapes() -> tuple[Check, ...]:
    return tuple(compile_shapes(shapes_graph()))


def agreement_key(result: Result) -> tuple:
    """What both validators must agree on: focus node, path, rule, constraint and severity."""
    return (result.focus, result.path, result.source_shape, result.component, result.severity)


def assert_agrees(data: Graph, reference: tuple[Result, ...]) -> None:
    """The build's validator (the shapes as SPARQL on pyoxigraph) finds what pyshacl found."""
    store = memory_store([(URIRef("urn:proveniens:test"), data)])
    found = {
        (
            r.focus,
            r.path,
            r.check.shape if isinstance(r.check.shape, URIRef) else None,
            r.check.component,
            r.check.severity,
        )
        for r in run_checks(store, compiled_shapes(), source=data)
    }
    expected = {agreement_key(r) for r in reference}
    assert found == expected, (
        f"the SPARQL path and pyshacl disagree:\n only SPARQL: {sorted(map(str, found - expected))}"
        f"\n only pyshacl: {sorted(map(str, expected - found))}"
    )


def run_validation(snippet: str = "", *, with_context: bool = True) -> Outcome:
    """Validate context + snippet against all shapes, the way a build does.

    pyshacl is the reference; the build's own validator must report the same results (`assert_agrees`),
    so every shape test is also an agreement test on a small, often broken, graph.
    """
    added = Graph().parse(data=PREFIXES + snippet, format="turtle")
    if with_context:
        # Validate in the shared context graph and take the snippet out again: copying the context
        # (with the ontology mixed in) for every test would cost more than the validation itself.
        data = context_graph()
        added -= data
    else:
        data = inoculate(Graph(), ontology_graph())
    data += added
    try:
        with sparql_parsed_once():
            conforms, report, text = validate(
                data,
                shacl_graph=shapes_graph(),
                inference="none",
                advanced=True,
                allow_warnings=True,
                inplace=True,  # nothing to infer and no sh:rule, so pyshacl need not clone the data first
            )
        assert_agrees(data, _results(report))
    finally:
        if with_context:
            data -= added
    return Outcome(bool(conforms), _results(report), text)


def run_validation_as_built(snippet: str = "") -> Outcome:
    """Validate context + snippet with ``ont_graph=``, as proveniens.checks.validation does (mixes per call)."""
    data = Graph().parse(data=PREFIXES + CONTEXT + snippet, format="turtle")
    conforms, report, text = validate(
        data,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    return Outcome(bool(conforms), _results(report), text)


def shape_members(shape: str) -> set[str]:
    """The local names of a NodeShape and of its property shapes."""
    node = PVS[shape]
    graph = shapes_graph()
    members = {shape}
    members.update(str(p).rsplit("#", 1)[-1] for p in graph.objects(node, SH.property))
    return members


def assert_accepts(shape: str, data: str) -> Outcome:
    """Context + data must load: no violation (warnings are allowed)."""
    outcome = run_validation(data)
    assert outcome.conforms, f"pvs:{shape} should accept the data, but:\n{outcome.text}"
    assert not outcome.violations
    return outcome


def assert_rejects(shape: str, rules: tuple[str, ...], data: str) -> Outcome:
    """Context + data must be refused, by exactly the named rules of the named NodeShape.

    ``rules`` are local names: the NodeShape itself for a node-level rule, else its property shapes.
    Every result must carry its message in Swedish and English.
    """
    assert rules, f"no rule of pvs:{shape} is named"
    unknown = set(rules) - shape_members(shape)
    assert not unknown, f"{sorted(unknown)} are not rules of pvs:{shape}"
    outcome = run_validation(data)
    assert not outcome.conforms, f"pvs:{shape} should reject the data by {list(rules)}, but it conforms"
    assert outcome.violated_shapes() == set(rules), (
        f"expected violations of {sorted(rules)}, got {sorted(outcome.violated_shapes())}\n{outcome.text}"
    )
    for result in outcome.violations:
        assert_bilingual(result)
    return outcome


def assert_bilingual(result: Result) -> None:
    """A result carries the rule's message in Swedish and in English.

    pyshacl 0.40 fills in SPARQL message templates ({?path}, {?value}) and re-creates the message
    literals without their language tags, so for SPARQL-based results both texts are there but
    untagged.
    """
    if result.component == SH.SPARQLConstraintComponent:
        assert len(set(result.messages)) >= 2, f"{result.shape_name} reported without both messages"
    else:
        languages = {m.language for m in result.messages}
        assert {"sv", "en"} <= languages, f"{result.shape_name} reported without sv and en messages"


def assert_warns(shape: str, rules: tuple[str, ...], data: str) -> Outcome:
    """Context + data loads (no violation), but the named rules of the NodeShape report warnings."""
    unknown = set(rules) - shape_members(shape)
    assert not unknown, f"{sorted(unknown)} are not rules of pvs:{shape}"
    outcome = run_validation(data)
    assert outcome.conforms, f"pvs:{shape} should only warn, but:\n{outcome.text}"
    assert set(rules) <= outcome.warned_shapes(), (
        f"expected warnings from {sorted(rules)}, got {sorted(outcome.warned_shapes())}"
    )
    return outcome


@pytest.fixture
def accepts() -> Callable[[str, str], Outcome]:
    return assert_accepts


@pytest.fixture
def rejects() -> Callable[[str, tuple[str, ...], str], Outcome]:
    return assert_rejects


@pytest.fixture
def warns() -> Callable[[str, tuple[str, ...], str], Outcome]:
    return assert_warns


@pytest.fixture
def validation() -> Callable[..., Outcome]:
    return run_validation


@pytest.fixture
def validation_as_built() -> Callable[[str], Outcome]:
    return run_validation_as_built


@pytest.fixture
def shapes() -> Graph:
    return shapes_graph()
