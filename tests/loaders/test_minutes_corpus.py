"""The minutes loader on the bundled corpus: which documents it takes, what it reads, and its evidence."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, SKOS, XSD

from proveniens.loaders.evidence import Assertion, Evidence, verify_quote
from proveniens.loaders.knowledge import slugify
from proveniens.loaders.minutes.loader import MinutesLoader
from proveniens.loaders.registry import LOADERS, choose_loader
from proveniens.loaders.sources import SourceFile, SourceKind, read_source
from proveniens.namespaces import INST, PV

CORPUS = Path(__file__).resolve().parents[2] / "sources" / "corpus"
UNSEEN = Path(__file__).resolve().parent / "minutes"
SRO = INST["meeting/sro/2021-09-24"]


@cache
def source(name: str) -> SourceFile:
    path = CORPUS / name if (CORPUS / name).exists() else UNSEEN / name
    return read_source(path, SourceKind.DOCUMENT)


@cache
def graph(name: str) -> Graph:
    return MinutesLoader().load(source(name)).graph


MINUTES = ["000_03928f52508d805a.txt", "001_06d9e870a2ccb54a.txt", "002_ba0b3cc1446c0b9e.txt"]
ALL_MINUTES = MINUTES + sorted(p.name for p in UNSEEN.glob("*.txt"))


@pytest.mark.parametrize("name", MINUTES)
def test_minutes_are_recognised_by_their_content(name: str) -> None:
    loader = choose_loader(source(name), LOADERS)
    assert loader is not None and loader.name == "minutes"


@pytest.mark.parametrize("name", ["003_8f5bace6e5519086.txt", "004_77c63d0e7f875d18.txt"])
def test_other_kinds_are_not_minutes(name: str) -> None:
    assert not MinutesLoader().recognise(source(name))


def test_text_without_an_agenda_is_not_minutes(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Ställningstagande: VVG noterar informationen\nEn anteckning utan dagordning.\n", encoding="utf-8")
    assert not MinutesLoader().recognise(read_source(path, SourceKind.DOCUMENT))


@pytest.mark.parametrize("name", ALL_MINUTES)
def test_every_evidence_quote_is_at_its_lines(name: str) -> None:
    g, src = graph(name), source(name)
    evidence = list(g.subjects(RDF.type, PV.Evidence))
    assert evidence
    for e in evidence:
        assert g.value(e, PROV.hadPrimarySource) == src.iri
        ev = Evidence(src, int(g.value(e, PV.lineStart)), int(g.value(e, PV.lineEnd)), str(g.value(e, PV.quote)),
                      Assertion.STATED)  # fmt: skip
        verify_quote(ev, name, ev.start)


@pytest.mark.parametrize("name", ALL_MINUTES)
def test_every_fact_has_evidence(name: str) -> None:
    g = graph(name)
    evidenced = set(g.subjects(PV.attestedBy, None)) | set(g.subjects(PROV.qualifiedInfluence, None))
    subjects = {s for s in g.subjects() if (s, RDF.type, PV.Evidence) not in g}
    assert subjects and subjects <= evidenced, sorted(subjects - evidenced)
    for s, p, o in g:
        if isinstance(o, URIRef) and p not in (RDF.type, PV.attestedBy, PROV.qualifiedInfluence) and (
            s, RDF.type, PV.Evidence) not in g:  # fmt: skip
            qualified = any(g.value(e, PROV.influencer) == o for e in g.objects(s, PROV.qualifiedInfluence))
            attested = any(True for _ in g.objects(s, PV.attestedBy))
            assert qualified or attested, (s, p, o)


def test_page_furniture_never_becomes_a_fact() -> None:
    g = graph("001_06d9e870a2ccb54a.txt")
    texts = [str(o) for o in g.objects() if isinstance(o, Literal)]
    assert not any("http://www.vardsamverkan.se/" in t for t in texts)
    dvg = graph("dvg_2022-03-14.txt")
    assert not any("Sida 2 (3)" in str(o) for o in dvg.objects() if isinstance(o, Literal))


def participants(g: Graph, meeting: URIRef, status: URIRef) -> dict[str, str | None]:
    out = {}
    for part in g.subjects(PV.attendance, status):
        if (part, PV.meeting, meeting) in g:
            person = g.value(part, ORG.member)
            left = g.value(part, PV.leftAt)
            out[str(g.value(person, FOAF.name))] = str(left) if left is not None else None
    return out


def test_sro_roll_call() -> None:
    g = graph("001_06d9e870a2ccb54a.txt")
    assert participants(g, SRO, PV.Absent) == dict.fromkeys(
        ["Bengt Hilmersson", "Johnny Magnusson", "Håkan Linnarsson", "Rose-Marie Nyborg"]
    )
    assert participants(g, SRO, PV.LeftEarly) == dict.fromkeys(
        ["Axel Josefsson", "Katarina Jonsson", "Jonas Andersson", "Ulf Olsson"], "14:15:00"
    )


def test_sro_header() -> None:
    g = graph("001_06d9e870a2ccb54a.txt")
    assert g.value(SRO, DCTERMS.date) == Literal("2021-09-24", datatype=XSD.date)
    assert (g.value(SRO, PV.startTime), g.value(SRO, PV.endTime)) == (
        Literal("13:00:00", datatype=XSD.time), Literal("14:40:00", datatype=XSD.time))  # fmt: skip
    assert str(g.value(SRO, PV.meetingForm)) == "Teamsmöte"
    assert g.value(SRO, PV.body) == INST["org/sro"]
    assert Literal("SRO") in set(g.objects(INST["org/sro"], SKOS.altLabel))


def test_sro_decisions_and_what_they_concern() -> None:
    """Two bullets under one "Ställningstagande" are two decisions, each concerning what its own words name."""
    g = graph("001_06d9e870a2ccb54a.txt")
    first, second = URIRef(f"{SRO}/item/6/decision"), URIRef(f"{SRO}/item/6/decision-2")
    for decision in (first, second):
        assert g.value(decision, PROV.wasGeneratedBy) == URIRef(f"{SRO}/item/6")
    assert [str(t) for t in g.objects(first, PV.decisionText)] == [
        "SRO ställer sig bakom remiss Färdplan – länsgemensam strategi för god och nära vård"
    ]
    assert [str(t) for t in g.objects(second, PV.decisionText)] == [
        "SRO ställer sig bakom remiss Hälso- och sjukvårdsavtal med tillhörande överenskommelser"
    ]
    assert set(g.objects(first, PV.concerns)) == {INST["strategy/fardplan-nara-vard"]}
    assert set(g.objects(second, PV.concerns)) == {INST["agreement/hos-avtal-vg-2021"]}
    items_with_decisions = {int(g.value(g.value(d, PROV.wasGeneratedBy), PV.itemNumber))
                            for d in g.subjects(RDF.type, PV.Decision)}  # fmt: skip
    assert items_with_decisions == {3, 6, 7, 8, 9}
    assert len(set(g.subjects(RDF.type, PV.Decision))) == 6


def test_a_misspelt_name_is_one_person_with_an_alt_label() -> None:
    g = graph("001_06d9e870a2ccb54a.txt")
    ulf = INST["person/ulf-olsson"]
    assert str(g.value(ulf, FOAF.name)) == "Ulf Olsson"
    assert Literal("Ulf Olson") in set(g.objects(ulf, SKOS.altLabel))
    assert not list(g.subjects(FOAF.name, Literal("Ulf Olson")))


def test_a_shared_surname_does_not_merge_people() -> None:
    g = graph("001_06d9e870a2ccb54a.txt")
    assert (INST["person/jonas-andersson"], FOAF.name, Literal("Jonas Andersson")) in g
    assert (INST["person/jeanette-andersson"], FOAF.name, Literal("Jeanette Andersson")) in g


@pytest.mark.parametrize(
    ("name", "earliest", "latest", "chair", "vice"),
    [
        ("000_03928f52508d805a.txt", "2021-01-31", "2021-06-30", "ann-soderstrom", "ann-charlotte-jarnstrom"),
        ("002_ba0b3cc1446c0b9e.txt", "2020-04-01", "2020-08-31", "ann-charlotte-jarnstrom", "ann-soderstrom"),
    ],
)
def test_undated_vvg_minutes(name: str, earliest: str, latest: str, chair: str, vice: str) -> None:
    g, src = graph(name), source(name)
    meeting = INST[f"meeting/vvg/undated-{slugify(src.path.stem)}"]
    assert g.value(meeting, DCTERMS.date) is None
    assert str(g.value(meeting, PV.earliestDate)) == earliest and str(g.value(meeting, PV.latestDate)) == latest
    assert {r.language for r in g.objects(meeting, PV.dateReasoning)} == {"sv", "en"}
    for e in g.objects(meeting, PV.attestedBy):
        if g.value(e, PV.linkProperty) in (PV.earliestDate, PV.latestDate):
            assert g.value(e, PV.assertion) == PV.Inferred
    officers = {(g.value(p, ORG.member), g.value(p, ORG.role)) for p in g.subjects(PV.meeting, meeting)}
    assert (INST[f"person/{chair}"], INST["role/chair"]) in officers
    assert (INST[f"person/{vice}"], INST["role/vice-chair"]) in officers


def test_the_schedule_becomes_meetings_of_the_bodies_it_lists() -> None:
    g = graph("000_03928f52508d805a.txt")
    for path, body in (("vvg/2020-12-11", "vvg"), ("vvg/2021-06-14", "vvg"), ("sro/2021-09-24", "sro"),
                       ("vvg-covid-19/2021-12-15", "vvg-covid-19")):  # fmt: skip
        assert g.value(INST[f"meeting/{path}"], PV.body) == INST[f"org/{body}"], path
    assert (INST["meeting/sro/2020-09-24"], None, None) not in g  # the SRO column is 2021, not 2020
    sro_2022 = graph("001_06d9e870a2ccb54a.txt")
    assert (INST["meeting/sro/2022-01-19"], DCTERMS.date, Literal("2022-01-19", datatype=XSD.date)) in sro_2022


def test_presenters_without_a_label_under_the_heading() -> None:
    g = graph("000_03928f52508d805a.txt")
    item = INST["meeting/vvg/undated-000-03928f52508d805a/item/5"]
    presenters = {str(g.value(p, FOAF.name)) for p in g.objects(item, PV.presenter)}
    assert presenters == {"Ami Svensson", "Jeanette Andersson", "Anna Nergårdh", "Lisbeth Löpare Johansson"}
    for e in g.objects(item, PROV.qualifiedInfluence):
        if g.value(e, PV.linkProperty) == PV.presenter:
            assert g.value(e, PV.assertion) == PV.Inferred  # no "Föredragande:" label: a reading of the layout
