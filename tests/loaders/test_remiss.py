"""The remiss-response loader: recognised by content, and reading who answers, what, when and the
position on each proposal - on the corpus response (003) and on an unseen one in the same style."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, XSD

from proveniens.loaders.evidence import normalise
from proveniens.loaders.registry import LOADERS, choose_loader
from proveniens.loaders.remiss.loader import RemissLoader
from proveniens.loaders.sources import SourceFile, SourceKind, read_source
from proveniens.loaders.text.layout import LineKind, analyse
from proveniens.namespaces import INST, PV

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "sources" / "corpus"
UNSEEN = Path(__file__).parent / "remiss" / "goteborg_sou_2020_47.txt"


def source(path: Path) -> SourceFile:
    return read_source(path, SourceKind.DOCUMENT)


@pytest.fixture(scope="module")
def stockholm() -> tuple[SourceFile, Graph]:
    s = source(CORPUS / "003_8f5bace6e5519086.txt")
    return s, RemissLoader().load(s).graph


@pytest.fixture(scope="module")
def goteborg() -> tuple[SourceFile, Graph]:
    s = source(UNSEEN)
    return s, RemissLoader().load(s).graph


def stances(g: Graph, response: URIRef) -> dict[str, str]:
    out = {}
    for position in g.objects(response, PV.position):
        proposal = g.value(position, PV.onProposal)
        out[str(proposal).rsplit("/", 1)[-1]] = str(g.value(position, PV.stance)).rsplit("#", 1)[-1]
    return out


def test_only_the_remiss_response_is_recognised_in_the_corpus() -> None:
    recognised = {p.name for p in CORPUS.glob("*.txt") if RemissLoader().recognise(source(p))}
    assert recognised == {"003_8f5bace6e5519086.txt"}
    assert RemissLoader().recognise(source(UNSEEN))


def test_the_registry_chooses_it_by_content(tmp_path: Path) -> None:
    renamed = tmp_path / "anything.txt"
    renamed.write_text(UNSEEN.read_text(encoding="utf-8"), encoding="utf-8")
    chosen = choose_loader(source(renamed), LOADERS)
    assert chosen is not None and chosen.name == "remiss-response"


def test_who_answers_what_and_under_which_number(stockholm: tuple[SourceFile, Graph]) -> None:
    _, g = stockholm
    response = INST["remissvar/stockholms-stad-aldreforvaltningen-sou-2020-19"]
    assert (response, RDF.type, PV.RemissResponse) in g
    assert g.value(response, PV.respondsTo) == INST["sou/2020:19"]
    unit = g.value(response, DCTERMS.creator)
    assert unit == INST["org/stockholms-stad-aldreforvaltningen"]
    assert (unit, RDF.type, ORG.OrganizationalUnit) in g
    assert g.value(unit, ORG.subOrganizationOf) == INST["org/stockholms-stad"]
    assert g.value(response, DCTERMS.identifier) == Literal("1.6-292/2020")


def test_an_undated_response_gets_a_reasoned_range(stockholm: tuple[SourceFile, Graph]) -> None:
    _, g = stockholm
    response = INST["remissvar/stockholms-stad-aldreforvaltningen-sou-2020-19"]
    assert g.value(response, DCTERMS.date) is None
    assert g.value(response, PV.earliestDate) == Literal("2020-06-17", datatype=XSD.date)
    assert g.value(response, PV.latestDate) == Literal("2020-06-26", datatype=XSD.date)
    assert g.value(response, PV.dateReasoning) is not None


def test_a_position_on_each_summarised_proposal(stockholm: tuple[SourceFile, Graph]) -> None:
    _, g = stockholm
    assert stances(g, INST["remissvar/stockholms-stad-aldreforvaltningen-sou-2020-19"]) == {
        "samverkansansvar": "Supports",
        "individuell-plan": "Supports",
        "utbildningsansvar": "SupportsWithReservations",
        "gemensam-plan": "NoOpinion",
        "valfrihetssystem": "NoOpinion",
    }


def test_every_link_has_evidence_whose_quote_is_at_its_lines(stockholm: tuple[SourceFile, Graph]) -> None:
    s, g = stockholm
    links = list(g.subject_objects(PROV.qualifiedInfluence)) + list(g.subject_objects(PROV.qualifiedDerivation))
    assert len(links) >= 7
    for _, ev in links:
        first, last = int(g.value(ev, PV.lineStart)), int(g.value(ev, PV.lineEnd))
        quote = str(g.value(ev, PV.quote))
        assert quote in normalise(" ".join(s.lines[first - 1 : last]))


def test_page_furniture_never_becomes_a_fact(stockholm: tuple[SourceFile, Graph]) -> None:
    s, g = stockholm
    layout = analyse(s.text)
    furniture = {n for n, kind in enumerate(layout.kinds, 1) if kind in (LineKind.ARTEFACT, LineKind.RUNNING_HEADER)}
    assert {284, 286} <= furniture
    quotes = " ".join(str(o) for o in g.objects(None, PV.quote))
    assert "Error!" not in quotes and "Home tab" not in quotes
    for text in g.objects(None, DCTERMS.description):
        assert "Error" not in text and "Sida" not in text


def test_an_unseen_response_in_the_same_style(goteborg: tuple[SourceFile, Graph]) -> None:
    _, g = goteborg
    response = INST["remissvar/goteborgs-kommun-socialforvaltningen-sou-2020-47"]
    assert g.value(response, PV.respondsTo) == INST["sou/2020:47"]
    assert g.value(response, DCTERMS.identifier) == Literal("3.1.2-118/2021")
    unit = INST["org/goteborgs-kommun-socialforvaltningen"]  # "Göteborgs Stad" is the known municipality
    assert g.value(unit, ORG.subOrganizationOf) == INST["org/goteborgs-kommun"]
    assert stances(g, response) == {
        "en-ny-socialtjanstlag": "Supports",
        "forebyggande-arbete-i-socialtjansten": "Opposes",
        "kunskapsbaserad-socialtjanst": "NoOpinion",
    }
    assert g.value(INST["sou/2020:47"], PV.inquiry) == INST["kommitte/S2017:03"]
    assert g.value(response, PV.earliestDate) == Literal("2021-03-03", datatype=XSD.date)
    assert g.value(response, PV.latestDate) == Literal("2021-03-31", datatype=XSD.date)


def test_minutes_are_not_remiss_responses(tmp_path: Path) -> None:
    minutes = "Mötesanteckning\nNämndens synpunkter\nStällningstagande: SRO ställer sig bakom remiss av SOU 2020:19.\n"
    path = tmp_path / "minutes.txt"
    path.write_text(minutes, encoding="utf-8")
    assert not RemissLoader().recognise(source(path))
    path.write_text(minutes.replace("Mötesanteckning\n", "").replace("Ställningstagande: ", ""), encoding="utf-8")
    assert RemissLoader().recognise(source(path))


def test_without_a_preparing_unit_the_unit_answering_in_the_views_is_the_creator(tmp_path: Path) -> None:
    text = UNSEEN.read_text(encoding="utf-8").replace("Ärendet har beretts inom socialförvaltningen. ", "")
    path = tmp_path / "utan_beredning.txt"
    path.write_text(text, encoding="utf-8")
    g = RemissLoader().load(source(path)).graph
    creators = set(g.objects(None, DCTERMS.creator))
    assert creators == {INST["org/goteborgs-kommun-socialforvaltningen"]}
