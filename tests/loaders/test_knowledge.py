"""The knowledge files (sources/curated/knowledge/): what they hold, how the loaders use it, how a broken one fails.

People the data does not know are minted with evidence, a surname or a bare name never becomes a known person
without context, a plan's short name links only in a document of its region and time, and the files pass the
shapes — or fail with their file and line.
"""

from __future__ import annotations

import datetime as dt
import shutil
from functools import cache
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import FOAF, PROV
from rdflib.term import Node

from proveniens.build import LoadedGraph, verify_sources
from proveniens.checks.validation import Origin
from proveniens.errors import EvidenceError
from proveniens.loaders.citations.find import find_citations
from proveniens.loaders.curated import load_curated
from proveniens.loaders.documents import load_document
from proveniens.loaders.knowledge import SOURCES_DIR, Knowledge, consulting, knowledge
from proveniens.loaders.knowledge.entities import PersonIndex, body_named
from proveniens.loaders.minutes.loader import MinutesLoader
from proveniens.loaders.minutes.writing.refs import find_references
from proveniens.loaders.sources import SourceKind, find_sources, read_source
from proveniens.namespaces import INST, PV
from proveniens.resources import ontology_files, read_turtle

MINUTES = Path(__file__).resolve().parent / "minutes"
FARDPLAN = "strategy/fardplan-nara-vard"
HOS_AVTAL = "agreement/hos-avtal-vg-2021"


def minutes_graph(tmp_path: Path, name: str, text: str) -> tuple[Graph, URIRef]:
    """The real minutes loader's graph of `text`, saved as a source file, and the file's IRI."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    source = read_source(path, SourceKind.DOCUMENT)
    loader = MinutesLoader()
    assert loader.recognise(source), f"{name} is not recognised as minutes"
    return loader.load(source).graph, source.iri


def person_named(g: Graph, name: str) -> URIRef:
    people = [p for p in g.subjects(FOAF.name, None) if str(g.value(p, FOAF.name)) == name]
    assert len(people) == 1, f"{name}: {people}"
    return people[0]  # type: ignore[return-value]


def quotes(g: Graph, subject: URIRef, source: URIRef) -> list[str]:
    return [str(g.value(e, PV.quote)) for e in g.objects(subject, PV.attestedBy)
            if g.value(e, PROV.hadPrimarySource) == source]  # fmt: skip


# -- people -----------------------------------------------------------------------------------


def test_a_person_unknown_to_the_data_is_minted_with_evidence(tmp_path: Path) -> None:
    text = (MINUTES / "dvg_2022-03-14.txt").read_text(encoding="utf-8").replace("Sara Nilsson", "Greta Östlund")
    assert knowledge().namesake("Greta Östlund") is None
    g, source = minutes_graph(tmp_path, "dvg.txt", text)
    greta = person_named(g, "Greta Östlund")
    assert greta == INST["person/greta-ostlund"]
    assert any("Greta Östlund" in q for q in quotes(g, greta, source))


def test_a_namesake_of_a_known_person_in_another_body_is_minted_apart(tmp_path: Path) -> None:
    """Jonas Andersson of SRO (Västra Götaland) is not the Jonas Andersson of a body the data does not place."""
    text = (MINUTES / "dvg_2022-03-14.txt").read_text(encoding="utf-8").replace("Per Holm", "Jonas Andersson")
    g, source = minutes_graph(tmp_path, "dvg.txt", text)
    namesake = person_named(g, "Jonas Andersson")
    assert namesake != INST["person/jonas-andersson"]
    assert str(namesake).startswith(str(INST["person/jonas-andersson-"]))
    assert quotes(g, namesake, source)


def test_a_surname_alone_is_never_a_known_person() -> None:
    k, sro = knowledge(), body_named("SRO")
    assert k.person("Svensson") is None and k.person("Svensson", region=sro) is None
    index = PersonIndex(["Svensson", "Anne-Marie Svensson"], sro)
    assert index.resolve("Svensson").iri == INST["person/svensson"]
    assert index.resolve("Anne-Marie Svensson").iri == INST["person/anne-marie-svensson"]


def test_a_full_name_needs_context_that_fits() -> None:
    k = knowledge()
    vgr, jamtland = body_named("VGR"), body_named("Region Jämtland Härjedalen")
    assert k.person("Anne-Marie Svensson", [vgr]) is not None  # written with her organisation
    assert k.person("Anne-Marie Svensson", region=vgr) is not None  # in a document of her region
    assert k.person("Anne-Marie Svensson") is None  # the name alone, nowhere
    assert k.person("Anne-Marie Svensson", region=jamtland) is None  # another region
    assert k.person("Anne-Marie Svensson", [jamtland], region=vgr) is None  # written with another region's body
    assert k.person("Lisbeth Löpare Johansson", region=jamtland) is not None  # SKR works nationwide
    index = PersonIndex(["Anne-Marie Svensson"], jamtland, {"Anne-Marie Svensson": "Region Jämtland Härjedalen"})
    ref = index.resolve("Anne-Marie Svensson")
    assert ref.iri == INST["person/anne-marie-svensson-region-jamtland-harjedalen"] and ref.note


# -- plans and events -------------------------------------------------------------------------


def targets(text: str, region_name: str | None, latest: dt.date | None) -> set[str]:
    region = body_named(region_name) if region_name else None
    return {r.target for r in find_references(text, knowledge().region_of(region), latest)}


def test_a_plan_links_only_in_a_document_of_its_region() -> None:
    text = "Ställningstagande: Rådet ställer sig bakom den reviderade Färdplanen och den gemensamma färdplanen."
    assert targets(text, "SRO", dt.date(2021, 9, 24)) == {FARDPLAN}
    assert targets(text, "Region Jämtland Härjedalen", dt.date(2021, 9, 24)) == set()
    assert targets(text, "Östersunds kommun", dt.date(2021, 9, 24)) == set()
    assert targets(text, None, dt.date(2021, 9, 24)) == set()  # a body the data does not place


def test_a_plan_links_only_from_the_day_it_applies() -> None:
    text = "Uppföljning HoS-avtal och planering av revideringen av hälso- och sjukvårdsavtalet."
    assert targets(text, "VVG", dt.date(2021, 6, 30)) == {HOS_AVTAL}
    assert targets(text, "VVG", dt.date(2019, 12, 31)) == set()  # before the revision: an earlier agreement
    assert targets(text, "VVG", None) == set()  # undatable: nothing says it is this one
    assert targets("hälso- och sjukvårdsavtalet gäller", "VVG", dt.date(2021, 6, 30)) == set()


def test_fardplan_in_minutes_of_another_region_is_not_the_vg_roadmap(tmp_path: Path) -> None:
    """The same minutes as SRO's, moved to Jämtland: a body the data does not know, in a text naming Region JH."""
    text = (MINUTES / "sro_undated.txt").read_text(encoding="utf-8")
    vg, _ = minutes_graph(tmp_path, "sro.txt", text)
    moved = text.replace("SRO", "RSJ").replace("Västra Götalandsregionen", "Region Jämtland Härjedalen")
    moved = moved.replace("VGR", "Region JH").replace("VästKom", "Kommunförbundet").replace("Göteborgsregionen", "")
    other, _ = minutes_graph(tmp_path, "rsj.txt", moved)
    assert (None, None, INST[FARDPLAN]) in vg
    assert (None, None, INST[FARDPLAN]) not in other
    assert (None, PV.body, INST["org/rsj"]) in other  # minted, and placed in Jämtland by the text


def test_events_date_by_their_document_or_their_name() -> None:
    k = knowledge()
    assert [e.date for e in k.events_about([INST["sou/2020:19"]])] == [dt.date(2020, 4, 1)]
    assert [e.date for e, _ in k.events_named("under pandemin")] == [dt.date(2020, 2, 11)]
    assert k.events_named("en pandemi") == []


# -- places -----------------------------------------------------------------------------------


def test_every_municipality_has_one_of_the_21_regions() -> None:
    k = knowledge()
    regions = [b for b in k.bodies if b.kind.name == "REGION"]
    municipalities = [b for b in k.bodies if b.kind.name == "MUNICIPALITY"] + [body_named("Region Gotland")]
    assert len(regions) == 21 and len(municipalities) == 290
    assert all(k.region_of(m) in regions for m in municipalities)
    assert k.municipality("Kungälv") is body_named("Kungälvs kommun")
    assert k.region_of(k.municipality("Kungälv")) is body_named("VGR")
    assert k.region_of(k.municipality("Östersund")).name == "Region Jämtland Härjedalen"  # type: ignore[union-attr]


def test_the_region_of_a_text_is_the_one_its_known_bodies_settle() -> None:
    k = knowledge()
    jamtland = "Maria Höög (projektledare Region JH) föredrar. Region JH har ställt fråga till kommunerna."
    assert k.region_named(jamtland) is body_named("Region Jämtland Härjedalen")
    assert k.region_named("Kungälvs kommun och VGR beslutade, SKR informerade.") is body_named("VGR")
    assert k.region_named("VGR och Region Skåne jämförs.") is None  # two regions, once each: not settled
    assert k.region_named("Socialstyrelsen och SKR") is None  # national bodies only


def test_a_namesake_in_a_document_of_another_region_is_minted_apart() -> None:
    jamtland = body_named("Region Jämtland Härjedalen")
    index = PersonIndex(["Jonas Andersson"], body_named("Kommunstyrelsen"), region=jamtland)
    assert index.resolve("Jonas Andersson").iri != INST["person/jonas-andersson"]
    assert PersonIndex(["Jonas Andersson"], body_named("SRO")).resolve("Jonas Andersson").iri == INST[
        "person/jonas-andersson"]  # fmt: skip


# -- the files and the shapes -----------------------------------------------------------------


@cache
def curated_world(sources_dir: Path) -> tuple[list[LoadedGraph], dict[Node, Origin]]:
    """The curated graphs of a sources folder and the documents they cite, as a build loads them (the documents
    only registered, not read by a kind loader: the shapes of the curated facts are what is tested)."""
    sources = find_sources(sources_dir)
    loaded, origins = [], {}
    for f in sources.files:
        if f.kind is SourceKind.CURATED:
            curated = load_curated(f, sources)
            loaded.append(LoadedGraph(f.graph_iri, curated.graph, "curated-yaml", f))
            origins.update({node: Origin(str(f.path), line) for node, line in curated.origins.items()})
        else:
            loaded.append(LoadedGraph(f.graph_iri, load_document(f), "source-document", f))
    return loaded, origins


def copy_sources(tmp_path: Path) -> Path:
    target = tmp_path / "sources"
    shutil.copytree(SOURCES_DIR, target)
    return target


def test_the_knowledge_files_pass_the_shapes() -> None:
    loaded, origins = curated_world(SOURCES_DIR)
    report = verify_sources(loaded, dict(origins), read_turtle(ontology_files()))
    assert report.conforms, "\n".join(f.render() for f in report.findings)


def test_a_municipality_without_its_region_is_rejected_with_file_and_line(tmp_path: Path) -> None:
    sources = copy_sources(tmp_path)
    places = sources / "curated" / "knowledge" / "places.yaml"
    lines = places.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index("  - iri: org/kungalvs-kommun\n")
    assert lines[start + 3].startswith("    pv:region:")
    del lines[start + 3]
    places.write_text("".join(lines), encoding="utf-8")
    loaded, origins = curated_world(sources)
    report = verify_sources(loaded, dict(origins), read_turtle(ontology_files()))
    assert not report.conforms
    broken = [f for f in report.findings if f.focus == str(INST["org/kungalvs-kommun"])]
    assert broken and all(str(f.origin) == f"{places}:{start + 1}" for f in broken), [f.render() for f in broken]


def test_a_wrong_quote_stops_the_knowledge_with_file_and_line(tmp_path: Path) -> None:
    sources = copy_sources(tmp_path)
    people = sources / "curated" / "knowledge" / "people.yaml"
    text = people.read_text(encoding="utf-8")
    assert text.count('quote: "Ulf Olsson"') == 1
    people.write_text(text.replace('quote: "Ulf Olsson"', 'quote: "Ulf Olofsson"'), encoding="utf-8")
    line = next(n for n, x in enumerate(people.read_text(encoding="utf-8").splitlines(), 1) if "Ulf Olofsson" in x)
    with pytest.raises(EvidenceError) as caught:
        Knowledge.from_sources(sources)
    assert caught.value.file == str(people)
    assert caught.value.line is not None and line - 4 <= caught.value.line <= line


# -- proposals --------------------------------------------------------------------------------


def test_a_proposal_is_named_by_its_curated_phrases_earliest_first() -> None:
    known = knowledge()
    assert known.proposal_named("SOU 2020:19", "om patientkontraktet och en gemensam plan").slug == "patientkontrakt"
    assert known.proposal_named("SOU 2020:19", "en gemensam plan och patientkontrakt").slug == "gemensam-plan"
    taken = known.proposal_named("SOU 2020:19", "en gemensam plan och patientkontrakt", {"gemensam-plan"})
    assert taken is not None and taken.slug == "patientkontrakt"
    assert known.proposal_named("SOU 2020:19", "ett superpatientkontrakt") is None  # a name opens a word
    assert known.proposal_named("SOU 2018:39", "en gemensam plan") is None  # another SOU's proposals


def test_a_proposal_added_to_the_curated_files_is_named_without_code(tmp_path: Path) -> None:
    sources = copy_sources(tmp_path)
    chain = sources / "curated" / "national_chain.yaml"
    text = chain.read_text(encoding="utf-8")
    anchor = '    skos:hiddenLabel: ["valfrihetssystem"]\n'
    assert text.count(anchor) == 1
    chain.write_text(text.replace(anchor, '    skos:hiddenLabel: ["valfrihetssystem", "vårdval i psykiatrin"]\n'))
    found = Knowledge.from_sources(sources).proposal_named("SOU 2020:19", "Förslaget om vårdval i psykiatrin")
    assert found is not None and found.iri == INST["sou/2020:19/proposal/valfrihetssystem"]
    assert knowledge().proposal_named("SOU 2020:19", "Förslaget om vårdval i psykiatrin") is None


# -- laws -------------------------------------------------------------------------------------


def test_a_law_added_to_the_knowledge_files_is_cited_by_name_and_abbreviation(tmp_path: Path) -> None:
    """Which laws there are is data: a law the files do not list is cited only where its number is written."""
    sources = copy_sources(tmp_path)
    laws = sources / "curated" / "knowledge" / "laws.yaml"
    reference = sources / "curated" / "knowledge" / "sfs-lagar.txt"
    line = len(reference.read_text(encoding="utf-8").splitlines()) + 1
    with reference.open("a", encoding="utf-8") as out:
        out.write("Lag om vård av unga | SFS 1990:52 | LVU\n")
    with laws.open("a", encoding="utf-8") as out:
        out.write(
            '\n  - iri: sfs/1990:52\n    a: [rpubl:Lag]\n    dcterms:identifier: "SFS 1990:52"\n'
            '    dcterms:title: {sv: "Lag med särskilda bestämmelser om vård av unga (1990:52)"}\n'
            '    skos:hiddenLabel: ["lag om vård av unga"]\n    skos:altLabel: "LVU"\n    evidence:\n'
            f'      - source: sfs-lagar.txt\n        lines: [{line}, {line}]\n'
            '        quote: "Lag om vård av unga | SFS 1990:52"\n        assertion: stated\n'
        )
    text = "Enligt lagen om vård av unga ska nämnden agera. Se även 2 § LVU."
    with consulting(Knowledge.from_sources(sources)):
        cited = {(c.kind.name, c.identifier) for c in find_citations(text)}
    assert ("LAW", "SFS 1990:52") in cited and ("PROVISION", "2 § SFS 1990:52") in cited, cited
    assert not {c for c in find_citations(text) if "1990:52" in c.identifier}  # the repository's files lack it


# -- agreements -------------------------------------------------------------------------------


def test_an_agreement_series_added_to_the_knowledge_files_is_cited_by_title_and_year(tmp_path: Path) -> None:
    """A name under skos:hiddenLabel names the series only after "överenskommelse" or with a year."""
    sources = copy_sources(tmp_path)
    agreements = sources / "curated" / "knowledge" / "agreements.yaml"
    with agreements.open("a", encoding="utf-8") as out:
        out.write(
            "\n  - iri: agreement-series/psykisk-halsa\n    a: [pv:AgreementSeries]\n"
            '    skos:prefLabel: {sv: "Insatser inom området psykisk hälsa"}\n'
            '    skos:hiddenLabel: ["insatser inom området psykisk hälsa"]\n    evidence:\n'
            "      - source: 004_77c63d0e7f875d18.txt\n        lines: [1988, 1988]\n"
            '        quote: "överenskommelse om bättre resursutnyttjande"\n        assertion: stated\n'
            "        note: A stand-in quote; the test is about how the name is read.\n"
        )
    text = "Överenskommelsen om insatser inom området psykisk hälsa 2021 gav medel. Insatser inom området psykisk."
    with consulting(Knowledge.from_sources(sources)):
        cited = [(c.identifier, str(c.iri)) for c in find_citations(text) if c.kind.name == "AGREEMENT"]
    assert cited == [("Insatser inom området psykisk hälsa 2021", str(INST["agreement/psykisk-halsa-2021"]))]
    assert not [c for c in find_citations(text) if c.kind.name == "AGREEMENT"]  # the repository's files lack it
