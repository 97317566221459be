"""The authority-report loader: the issuing authority, the assignment and its amendments with dates,
and every document the report cites with how they relate - on 004 and on an unseen later report."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, PROV, RDF, XSD

from proveniens.build import build
from proveniens.loaders.evidence import normalise
from proveniens.loaders.reports.loader import ReportLoader
from proveniens.loaders.sources import SourceFile, SourceKind, read_source
from proveniens.namespaces import ELI, INST, PV, RPUBL

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "sources" / "corpus"
UNSEEN = Path(__file__).parent / "report" / "socialstyrelsen_2021.txt"
REPORT = INST["report/socialstyrelsen-uppfoljning-av-omstallningen-till-en-mer-nara-vard"]
ASSIGNMENT = INST["assignment/S2019/03056/FS"]


def source(path: Path) -> SourceFile:
    return read_source(path, SourceKind.DOCUMENT)


@pytest.fixture(scope="module")
def report() -> tuple[SourceFile, Graph]:
    s = source(CORPUS / "004_77c63d0e7f875d18.txt")
    return s, ReportLoader().load(s).graph


@pytest.fixture(scope="module")
def later() -> Graph:
    return ReportLoader().load(source(UNSEEN)).graph


def test_only_the_report_is_recognised_in_the_corpus() -> None:
    recognised = {p.name for p in CORPUS.glob("*.txt") if ReportLoader().recognise(source(p))}
    assert recognised == {"004_77c63d0e7f875d18.txt"}
    assert ReportLoader().recognise(source(UNSEEN))


def test_authority_title_and_assignment(report: tuple[SourceFile, Graph]) -> None:
    _, g = report
    assert (REPORT, RDF.type, PV.Report) in g
    assert g.value(REPORT, DCTERMS.creator) == INST["org/socialstyrelsen"]
    assert g.value(REPORT, DCTERMS.title) == Literal("Uppföljning av omställningen till en mer nära vård", lang="sv")
    assert g.value(REPORT, PV.reportsOn) == ASSIGNMENT
    assert g.value(ASSIGNMENT, PV.assignedTo) == INST["org/socialstyrelsen"]
    assert g.value(ASSIGNMENT, PV.assignedBy) == INST["org/regeringen"]
    assert g.value(ASSIGNMENT, DCTERMS.date) == Literal("2019-07-04", datatype=XSD.date)


def test_the_amendment_and_its_day(report: tuple[SourceFile, Graph]) -> None:
    _, g = report
    amendments = set(g.objects(ASSIGNMENT, PV.amendment))
    assert amendments == {INST["assignment/S2020/03319/FS"]}
    assert g.value(INST["assignment/S2020/03319/FS"], DCTERMS.date) == Literal("2020-04-16", datatype=XSD.date)


def test_every_cited_document(report: tuple[SourceFile, Graph]) -> None:
    _, g = report
    cited = {str(o).removeprefix(str(INST)) for o in g.objects(REPORT, DCTERMS.references)}
    assert {
        "sou/2016:2", "sou/2017:53", "sou/2018:39", "sou/2019:29", "sou/2020:19", "prop/2017/18:83",
        "prop/2019/20:164", "kommitte/S2013:14", "kommitte/S2017:01", "sfs/2017:30", "sfs/2017:30/K7P2a",
        "agreement/god-och-nara-vard-2019", "agreement/investering-vardens-medarbetare-2019",
        "agreement/god-och-nara-vard-2020", "agreement/okad-tillganglighet-barnhalsovarden",
    } <= cited  # fmt: skip
    assert not any(c.startswith(("assignment/", "org/")) for c in cited)


def test_how_the_cited_documents_relate(report: tuple[SourceFile, Graph]) -> None:
    _, g = report
    assert g.value(INST["sou/2016:2"], PV.inquiry) == INST["kommitte/S2013:14"]
    for sou in ("2017:53", "2018:39", "2019:29", "2020:19"):
        assert g.value(INST[f"sou/{sou}"], PV.inquiry) == INST["kommitte/S2017:01"], sou
    assert (INST["sfs/2017:30"], RPUBL.forarbete, INST["prop/2017/18:83"]) in g
    k7p2a = INST["sfs/2017:30/K7P2a"]
    assert g.value(k7p2a, ELI.first_date_entry_in_force) == Literal("2019-01-01", datatype=XSD.date)
    assert g.value(k7p2a, ELI.is_part_of) == INST["sfs/2017:30"]
    new = INST["agreement/god-och-nara-vard-2020"]
    assert g.value(new, DCTERMS.dateAccepted) == Literal("2020-01-31", datatype=XSD.date)
    assert set(g.objects(new, DCTERMS.replaces)) == {
        INST["agreement/god-och-nara-vard-2019"], INST["agreement/investering-vardens-medarbetare-2019"],
        INST["agreement/okad-tillganglighet-barnhalsovarden"],
    }  # fmt: skip
    old = INST["agreement/god-och-nara-vard-2019"]
    assert g.value(old, DCTERMS.dateAccepted) == Literal("2019-06-19", datatype=XSD.date)
    assert set(g.objects(old, PV.party)) == {INST["org/regeringen"], INST["org/skr"]}


def test_evidence_quotes_are_at_their_lines(report: tuple[SourceFile, Graph]) -> None:
    s, g = report
    nodes = [e for _, e in g.subject_objects(PROV.qualifiedInfluence)] + [
        e for _, e in g.subject_objects(PV.attestedBy)
    ]
    assert len(nodes) > 50
    for ev in nodes:
        first, last = int(g.value(ev, PV.lineStart)), int(g.value(ev, PV.lineEnd))
        assert str(g.value(ev, PV.quote)) in normalise(" ".join(s.lines[first - 1 : last]))


def test_running_headers_are_not_cited_text(report: tuple[SourceFile, Graph]) -> None:
    _, g = report
    for _, ev in g.subject_objects(PROV.qualifiedInfluence):
        assert "UPPFÖLJNING AV" not in str(g.value(ev, PV.quote))


def test_an_unseen_later_report(later: Graph) -> None:
    g = later
    report = INST["report/socialstyrelsen-uppfoljning-av-omstallningen-till-en-mer-nara-vard-2021"]
    assert g.value(report, PV.reportsOn) == ASSIGNMENT
    new = INST["assignment/S2020/09512/FS"]
    assert new in set(g.objects(ASSIGNMENT, PV.amendment))
    assert g.value(new, DCTERMS.date) == Literal("2020-12-10", datatype=XSD.date)
    assert g.value(INST["sfs/2017:30/K13P1"], ELI.first_date_entry_in_force) == Literal("2021-07-01", datatype=XSD.date)
    assert g.value(INST["agreement/god-och-nara-vard-2021"], DCTERMS.dateAccepted) == Literal(
        "2020-12-17", datatype=XSD.date
    )
    assert INST["agreement/god-och-nara-vard-2020"] in set(
        g.objects(INST["agreement/god-och-nara-vard-2021"], DCTERMS.replaces)
    )


def test_unseen_documents_build_with_the_corpus_and_pass_the_shapes(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    for sub in ("corpus", "curated"):
        (sources / sub).mkdir(parents=True)
        for f in (REPO / "sources" / sub).iterdir():
            if f.suffix in (".txt", ".yaml"):
                (sources / sub / f.name).write_bytes(f.read_bytes())
    for f in (UNSEEN, Path(__file__).parent / "remiss" / "goteborg_sou_2020_47.txt"):
        (sources / "corpus" / f.name).write_bytes(f.read_bytes())
    result = build(sources, tmp_path / "store")
    unrecognised = {u.path.name for u in result.unrecognised}
    assert "socialstyrelsen_2021.txt" not in unrecognised and "goteborg_sou_2020_47.txt" not in unrecognised


def test_an_undated_assignment_is_dated_by_the_year_of_its_number(tmp_path: Path) -> None:
    text = UNSEEN.read_text(encoding="utf-8")
    text = text.replace("Regeringen beslutade den 4 juli 2019 att ge", "Regeringen gav").replace(" i juli 2019", "")
    path = tmp_path / "odaterad.txt"
    path.write_text(text, encoding="utf-8")
    g = ReportLoader().load(source(path)).graph
    assert g.value(ASSIGNMENT, DCTERMS.date) is None
    assert g.value(ASSIGNMENT, PV.earliestDate) == Literal("2019-01-01", datatype=XSD.date)
    assert g.value(ASSIGNMENT, PV.latestDate) == Literal("2019-12-31", datatype=XSD.date)
    assert g.value(ASSIGNMENT, PV.dateReasoning) is not None
