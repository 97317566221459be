"""Reports of any issuer: generated variants (issuers, report numbers, dates, citations, dated
sentences) give the same structure — issuer, number, date or range, every citation and the dated
events with their sentences; a document that is no report, or a remiss response, is not one."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from proveniens.loaders.knowledge import knowledge
from proveniens.loaders.registry import LOADERS, choose_loader
from proveniens.loaders.sources import SourceKind, read_source
from proveniens.loaders.text.dates import MONTH_NAMES, month_end
from proveniens.namespaces import PV

DOCUMENTS = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
ISSUERS = [
    ("Myndigheten för vård- och omsorgsanalys", "har på regeringens uppdrag utvärderat omställningen"),
    ("Riksrevisionen", "har granskat statens styrning av primärvården"),
    ("Socialstyrelsen", "har på regeringens uppdrag följt upp omställningen"),
    ("Inspektionen för vård och omsorg", "har granskat vården i kommunerna"),
]
SERIES = ["Rapport", "RiR", "PM"]
MONTHS = st.dates(min_value=dt.date(2012, 1, 1), max_value=dt.date(2030, 12, 31))


def load(tmp_path: Path, text: str) -> tuple[Graph, str | None]:
    path = tmp_path / "document.txt"
    path.write_text(f"Source: https://example.org/x (stored public page)\n\n{text}", encoding="utf-8")
    source = read_source(path, SourceKind.DOCUMENT)
    loader = choose_loader(source, LOADERS)
    return (loader.load(source).graph if loader else Graph()), (loader.name if loader else None)


def report_of(g: Graph) -> URIRef:
    (report,) = g.subjects(RDF.type, PV.Report)
    return report  # type: ignore[return-value]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(ISSUERS), st.sampled_from(SERIES), st.integers(2022, 2030), st.integers(1, 40), MONTHS,
       st.integers(2015, 2021), st.integers(1, 9))  # fmt: skip
def test_an_evaluation_report_gives_issuer_number_date_citations_and_events(
    tmp_path: Path, issuer: tuple[str, str], series: str, year: int, number: int, signed: dt.date, sou_year: int,
    event_month: int,
) -> None:
    name, did = issuer
    month = MONTH_NAMES[event_month - 1]
    text = (
        f"{series} {year}:{number} Omtag för omställning\nUtvärdering av omställningen: slutrapport\nFörord\n"
        f"{name} {did}. Den här rapporten är vår slutrapport.\n"
        f"I {month} 2020 presenterade regeringen en proposition som byggde på betänkandet (SOU {sou_year}:12). "
        f"Tidigare delrapportering finns i PM 2019:{number}.\n"
        f"Stockholm {MONTH_NAMES[signed.month - 1]} {signed.year}\nAnna Andersson, generaldirektör\n"
    )
    g, loader = load(tmp_path, text)
    assert loader == "authority-report"
    report = report_of(g)
    creator = g.value(report, DCTERMS.creator)
    assert name in {str(x) for p in (SKOS.prefLabel, SKOS.altLabel) for x in g.objects(creator, p)}
    assert str(g.value(report, DCTERMS.identifier)) == f"{series} {year}:{number}"
    first, last = signed.replace(day=1), month_end(signed.year, signed.month)
    assert (str(g.value(report, PV.earliestDate)), str(g.value(report, PV.latestDate))) == (str(first), str(last))
    assert g.value(report, DCTERMS.date) is None  # a month, never a guessed day
    cited = {str(x) for o in g.objects(report, DCTERMS.references) for x in g.objects(o, DCTERMS.identifier)}
    assert {f"SOU {sou_year}:12", f"PM 2019:{number}"} <= cited
    (event,) = g.subjects(RDF.type, PV.Event)
    assert str(g.value(event, PV.earliestDate)) == f"2020-{event_month:02d}-01"
    assert f"I {month} 2020 presenterade regeringen" in str(g.value(event, DCTERMS.description))


def test_a_timeline_with_a_publication_period_and_years(tmp_path: Path) -> None:
    text = (
        "Innehållet publicerades under perioden 3 mars 2020 och 30 november 2021\n\n"
        "Artikel från Socialdepartementet\n\n"
        "Regeringens satsningar på primärvården - en tidslinje\n\n"
        "Regeringen vill utveckla en god och nära vård som ska finnas nära medborgarna och hålla hög kvalitet. "
        "2018 tillsattes en utredning med uppdrag att fördjupa analyserna av förslag i betänkandet (SOU 2016:2). "
        "Proposition med utgångspunkt i delbetänkandet (prop. 2017/18:83) lämnades till riksdagen.\n"
    )
    g, loader = load(tmp_path, text)
    assert loader == "authority-report"
    report = report_of(g)
    assert (str(g.value(report, PV.earliestDate)), str(g.value(report, PV.latestDate))) == ("2020-03-03", "2021-11-30")
    assert "Socialdepartementet" in {str(x) for x in g.objects(g.value(report, DCTERMS.creator), SKOS.prefLabel)}
    assert {str(o).rsplit("/", 2)[-1] for o in g.objects(report, DCTERMS.references)} >= {"2016:2", "18:83"}
    years = {(str(g.value(e, PV.earliestDate)), str(g.value(e, PV.latestDate))) for e in g.subjects(RDF.type, PV.Event)}
    assert ("2018-01-01", "2018-12-31") in years
    assert all(g.value(e, DCTERMS.date) is None for e in g.subjects(RDF.type, PV.Event))


def test_a_report_without_a_named_issuer_has_no_invented_creator(tmp_path: Path) -> None:
    text = (
        "Det här är den andra delrapporteringen av vårt regeringsuppdrag att utvärdera omställningen.\n\n"
        "Tidigare delrapportering\n\nFast kontakt i primärvården. (PM 2021:1)\n\n"
        "Bilagor till rapport 2021:8 Nära vård\n"
    )
    g, loader = load(tmp_path, text)
    assert loader == "authority-report"
    assert list(g.subjects(RDF.type, PV.Report)) == []
    cited = {str(x) for o in g.objects(None, DCTERMS.references) for x in g.objects(o, DCTERMS.identifier)}
    assert cited == {"PM 2021:1"}  # the report's own number is no citation


@pytest.mark.parametrize(
    "text",
    [
        "Regionstyrelsen beslutade vid sitt sammanträde på tisdagen om delårsrapporten. Rapporten visar ett överskott.",
        "Protokoll\n§ 1 Val av justerare\nRapport 2021:3 presenterades för nämnden.",
    ],
)
def test_meeting_records_are_no_reports(tmp_path: Path, text: str) -> None:
    assert load(tmp_path, text)[1] != "authority-report"


@pytest.mark.parametrize("name", sorted(p.name for p in DOCUMENTS.glob("report-*.txt")))
def test_the_shared_reports_give_their_gold_citations_and_date(name: str) -> None:
    gold = next(e for e in json.loads((DOCUMENTS / "gold.json").read_text(encoding="utf-8")) if e["file"] == name)
    source = read_source(DOCUMENTS / name, SourceKind.DOCUMENT)
    loader = choose_loader(source, LOADERS)
    assert loader is not None and loader.name == "authority-report"
    g = loader.load(source).graph
    cited = {str(x).lower() for o in g.objects(None, DCTERMS.references) for x in g.objects(o, DCTERMS.identifier)}
    assert all(any(c.lower().endswith(x) for x in cited) for c in gold["cited_documents"])
    reports = list(g.subjects(RDF.type, PV.Report))
    if gold["date_range"]:
        (report,) = reports
        assert [str(g.value(report, PV.earliestDate)), str(g.value(report, PV.latestDate))] == gold["date_range"]
    assert all(g.value(r, DCTERMS.date) is None for r in reports)  # none of them states a day


@pytest.mark.parametrize("place", ["Region Halland", "Region Skåne", "Västra Götalandsregionen", "Örebro kommun"])
def test_what_a_report_says_about_a_named_region_is_kept_with_its_sentence(tmp_path: Path, place: str) -> None:
    said = f"I {place} har andelen listade patienter ökat med tio procent sedan reformen."
    text = f"Rapport 2024:2 Uppföljning\n\nRiksrevisionen har granskat primärvården. Den här rapporten visar.\n{said}\n"
    g, _ = load(tmp_path, text)
    report = report_of(g)
    (region,) = g.objects(report, DCTERMS.subject)
    known = knowledge().body(place)
    assert known is not None and region == known.iri and str(g.value(region, SKOS.prefLabel)) == known.name
    quotes = {str(g.value(e, PV.quote)) for e in g.objects(report, None) if (e, PV.linkProperty, DCTERMS.subject) in g}
    assert quotes == {said}


@pytest.mark.parametrize("number", ["Rapport 2021:3", "RiR 2019:12", "PM 2024:1"])
def test_a_number_on_a_line_of_its_own_is_the_reports_own(tmp_path: Path, number: str) -> None:
    text = (
        "Uppföljning av omställningen\nSocialstyrelsen har på regeringens uppdrag följt upp omställningen. "
        f"Den här rapporten är en delrapport.\n{number}\nTidigare delrapportering finns i PM 2018:7.\n"
    )
    g, _ = load(tmp_path, text)
    report = report_of(g)
    assert str(g.value(report, DCTERMS.identifier)) == number
    cited = {str(x) for o in g.objects(report, DCTERMS.references) for x in g.objects(o, DCTERMS.identifier)}
    assert cited == {"PM 2018:7"}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(ISSUERS), st.sampled_from(SERIES), st.integers(2015, 2030), st.integers(1, 40), MONTHS)
def test_an_undated_report_lies_in_the_year_of_its_number_and_its_events_are_no_date_of_its_own(
    tmp_path: Path, issuer: tuple[str, str], series: str, year: int, number: int, happened: dt.date
) -> None:
    """'Den 1 juli 2021 trädde ändringarna i kraft.' is an event, not a place-and-date line; the report
    itself, which states no date, lies in the year its number gives (a range, never a day)."""
    name, did = issuer
    day = f"{happened.day} {MONTH_NAMES[happened.month - 1]} {happened.year}"
    text = (
        f"{name} granskar: Styrningen av primärvården\n\n{series} {year}:{number}\n\n"
        f"{name} {did}. Granskningen visar att styrningen har brister.\n\n"
        f"Den {day} trädde ändringarna i kraft.\n"
    )
    g, loader = load(tmp_path, text)
    assert loader == "authority-report"
    report = report_of(g)
    assert g.value(report, DCTERMS.date) is None
    assert (str(g.value(report, PV.earliestDate)), str(g.value(report, PV.latestDate))) == (f"{year}-01-01",
                                                                                          f"{year}-12-31")  # fmt: skip
    (event,) = g.subjects(RDF.type, PV.Event)
    assert str(g.value(event, DCTERMS.date)) == happened.isoformat()


@pytest.mark.parametrize("issuer", ["Inspektionen för vård och omsorg", "Folkhälsomyndigheten", "Riksrevisionen"])
def test_an_agency_named_alone_on_the_cover_issues_the_report(tmp_path: Path, issuer: str) -> None:
    """A cover prints the agency, the number and the title on lines of their own; an assignment the report
    tells of ("Regeringen gav … i uppdrag …") does not make it an assignee's report that reads nothing."""
    text = (
        f"{issuer}\nRapport 2021:3\n\nVad har vi sett 2020?\nIakttagelser om vårdens brister\n\n"
        "Stockholm, mars 2021\n\nBakgrund\nRegeringen gav i februari 2020 myndigheten i uppdrag att granska "
        "vården av äldre (S2020/01234/FS). Utredningen lämnade SOU 2020:19 i april 2020.\n"
    )
    g, loader = load(tmp_path, text)
    assert loader == "authority-report"
    report = report_of(g)
    assert issuer in {str(x) for x in g.objects(g.value(report, DCTERMS.creator), SKOS.prefLabel)}
    assert str(g.value(report, DCTERMS.identifier)) == "Rapport 2021:3"
    assert str(g.value(report, DCTERMS.title)) == "Vad har vi sett 2020?"
    assert (str(g.value(report, PV.earliestDate)), str(g.value(report, PV.latestDate))) == ("2021-03-01", "2021-03-31")
    assert any(str(o).endswith("sou/2020:19") for o in g.objects(report, DCTERMS.references))


def test_a_title_of_the_form_x_for_y_is_no_issuer(tmp_path: Path) -> None:
    text = "Omtag för omställning\nRapport 2025:2\n\nDen här rapporten följer upp SOU 2020:19.\n"
    g, _ = load(tmp_path, text)
    assert list(g.subjects(RDF.type, PV.Report)) == []  # no issuer is named: nothing is invented


def test_a_status_report_with_an_article_number_and_an_agency_of_its_own_series(tmp_path: Path) -> None:
    """'denna lägesrapport' speaks of itself; Socialstyrelsen numbers its reports 'Artikelnummer 2022-3-7801'."""
    text = (
        "Uppföljning av omställningen till en mer nära vård\nLägesrapport 2022\n\n"
        "Artikelnummer 2022-3-7801\nPublicerad www.socialstyrelsen.se, mars 2022\n\nFörord\n"
        "Socialstyrelsen har på regeringens uppdrag följt upp omställningen. I denna lägesrapport redovisas "
        "resultaten. I Region Gävleborg har andelen listade ökat.\n"
    )
    g, loader = load(tmp_path, text)
    assert loader == "authority-report"
    report = report_of(g)
    assert str(g.value(report, DCTERMS.identifier)) == "Artikelnummer 2022-3-7801"
    assert str(g.value(report, DCTERMS.title)) == "Uppföljning av omställningen till en mer nära vård"
    assert (str(g.value(report, PV.earliestDate)), str(g.value(report, PV.latestDate))) == ("2022-03-01", "2022-03-31")


def test_an_agency_evaluating_on_the_governments_commission_under_a_bare_number(tmp_path: Path) -> None:
    text = (
        "Statskontoret\n2021:4\n\nStyrning av primärvården\nEn utvärdering\n\n"
        "Statskontoret har på uppdrag av regeringen utvärderat styrningen av primärvården. Uppdraget redovisas i "
        "denna rapport (prop. 2019/20:164).\n\nStockholm den 15 mars 2021\n"
    )
    g, _ = load(tmp_path, text)
    report = report_of(g)
    assert "Statskontoret" in {str(x) for x in g.objects(g.value(report, DCTERMS.creator), SKOS.prefLabel)}
    assert str(g.value(report, DCTERMS.title)) == "Styrning av primärvården"  # not the bare number
    assert str(g.value(report, DCTERMS.date)) == "2021-03-15"
