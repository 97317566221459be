"""Remiss responses of any organisation: generated variants of the letter, news-page and list forms
(other responders, SOUs, dates, wordings) must give the same structure — responder, SOU answered,
date, reference number and one position per stance, with the quote as written."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS

from proveniens.loaders.minutes.loader import MinutesLoader
from proveniens.loaders.registry import LOADERS, choose_loader
from proveniens.loaders.remiss.loader import remiss_form
from proveniens.loaders.remiss.wording import stance_in
from proveniens.loaders.sources import SourceFile, SourceKind, read_source
from proveniens.loaders.text.dates import MONTH_NAMES
from proveniens.namespaces import INST, PV

DOCUMENTS = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
RESPONDERS = ["Vårdförbundet", "Läkarförbundet", "Region Skåne", "Funktionsrätt Sverige", "SKR", "Socialstyrelsen",
              "Inspektionen för vård och omsorg", "Malmö stad", "Fysioterapeuterna", "Region Örebro län",
              "Region Jönköpings län"]  # fmt: skip
KNOWN_SOUS = {"SOU 2020:19": "God och nära vård – En reform för ett hållbart hälso- och sjukvårdssystem",
              "SOU 2018:39": "God och nära vård – En primärvårdsreform",
              "SOU 2019:29": "God och nära vård – Vård i samverkan"}  # fmt: skip
SUPPORT = ["tillstyrker", "ställer sig positiv till", "välkomnar", "är positiv till", "styrker"]
OPPOSE = ["avstyrker", "motsätter sig", "är kritisk till"]
DAYS = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31))


def load(tmp_path: Path, text: str) -> tuple[SourceFile, Graph, str | None]:
    path = tmp_path / "document.txt"
    path.write_text(f"Source: https://example.org/x (stored public page)\n\n{text}", encoding="utf-8")
    source = read_source(path, SourceKind.DOCUMENT)
    loader = choose_loader(source, LOADERS)
    return source, (loader.load(source).graph if loader else Graph()), loader.name if loader else None


def responses(g: Graph) -> list[URIRef]:
    return sorted(g.subjects(PV.respondsTo, None))  # type: ignore[arg-type]


def names(g: Graph, node: URIRef) -> set[str]:
    return {str(x) for p in (SKOS.prefLabel, SKOS.altLabel) for x in g.objects(node, p)}


def stance(g: Graph, response: URIRef) -> dict[str, str]:
    positions = g.objects(response, PV.position)
    return {str(g.value(p, PV.quote)): str(g.value(p, PV.stance)).rsplit("#")[-1] for p in positions}


def letter(who: str, sou: str, title: str, day: dt.date, support: str, oppose: str, ref: str) -> str:
    written = f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
    return (
        f"{title} {sou}\n\nGöteborg, {written}\nTill: Socialdepartementet\n{ref}\n\n"
        f"{who} har fått rubricerat betänkande på remiss och vill framföra följande synpunkter.\n\n"
        f"Sammanfattning\n\n{who} {support} förslaget om en gemensam plan för primärvården. "
        f"Däremot {oppose} {who} förslaget om att avveckla den nationella taxan.\n"
    )


REFERENCES = ["Dnr S2020/0092", "Vår referens: S2021/01234", "Gem 2019/12", "Dnr 1.6-292/2020"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(RESPONDERS), st.sampled_from(sorted(KNOWN_SOUS)), DAYS, st.sampled_from(SUPPORT),
       st.sampled_from(OPPOSE), st.sampled_from(REFERENCES))  # fmt: skip
def test_a_letter_gives_responder_sou_date_reference_and_positions(
    tmp_path: Path, who: str, sou: str, day: dt.date, support: str, oppose: str, ref: str
) -> None:
    text = letter(who, sou, KNOWN_SOUS[sou], day, support, oppose, ref)
    _, g, loader = load(tmp_path, text)
    assert loader == "remiss-response"
    (response,) = responses(g)
    assert g.value(response, PV.respondsTo).endswith(sou.split()[1])
    assert who in names(g, g.value(response, DCTERMS.creator)) or who == "SKR"
    assert str(g.value(response, DCTERMS.date)) == day.isoformat()
    assert str(g.value(response, DCTERMS.identifier)) == ref.split(": ")[-1].removeprefix("Dnr ")
    found = stance(g, response)
    assert sorted(found.values()) == ["Opposes", "Supports"]
    for quote in found:
        assert quote in " ".join(text.split())


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(RESPONDERS), st.sampled_from(sorted(KNOWN_SOUS)), st.integers(2, 6))
def test_a_list_after_a_lead_sentence_is_one_position_per_item(tmp_path: Path, who: str, sou: str, n: int) -> None:
    items = [f"att förslag nummer {i} om samverkan genomförs" for i in range(1, n + 1)]
    text = (
        f"Huvudbetänkandet {KNOWN_SOUS[sou]} ({sou})\n\n{who} är sammanfattningsvis positivt till följande förslag:\n"
        + "\n".join(f" •  {item}," for item in items)
        + f"\n  {who} avstyrker förslaget om läkarvårdsersättning.\n"
    )
    _, g, _ = load(tmp_path, text)
    (response,) = responses(g)
    found = stance(g, response)
    assert sorted(q for q, s in found.items() if s == "Supports") == sorted(items)
    assert list(found.values()).count("Opposes") == 1
    assert g.value(response, DCTERMS.date) is None and g.value(response, PV.earliestDate) is None  # no date written


def test_a_title_without_number_is_answered_by_title_and_marked_inferred(tmp_path: Path) -> None:
    title = KNOWN_SOUS["SOU 2018:39"]
    text = f"Remissvar: ”{title}”\n\nRegion Skåne har lämnat sitt remissyttrande, där vi tillstyrker lagförslagen.\n"
    _, g, _ = load(tmp_path, text)
    (response,) = responses(g)
    assert g.value(response, PV.respondsTo).endswith("2018:39")
    evidence = [e for e in g.objects(response, None) if (e, PV.linkProperty, PV.respondsTo) in g]
    assert [str(g.value(e, PV.assertion)).rsplit("#")[-1] for e in evidence] == ["Inferred"]


def test_a_page_about_several_sous_gives_a_response_per_sou(tmp_path: Path) -> None:
    text = (
        "Publicerad: 11 december 2019\n\nUtredningen God och nära vård\n\nSKRs yttrande\n\n"
        "Det tredje delbetänkandet (God och nära vård – Vård i samverkan, SOU 2019:29) överlämnades den 5 juni 2019. "
        "SKR tillstyrker förslagen om samverkan.\n\n"
        "Det andra delbetänkandet (God och nära vård – En primärvårdsreform, SOU 2018:39) överlämnades "
        "den 1 juni 2018. "
        "Här delar SKR utredningens problembeskrivning.\n"
    )
    _, g, _ = load(tmp_path, text)
    found = {str(g.value(r, PV.respondsTo)).rsplit("/")[-1]: stance(g, r) for r in responses(g)}
    assert set(found) == {"2019:29", "2018:39"}
    assert list(found["2019:29"].values()) == ["Supports"]
    assert list(found["2018:39"].values()) == ["SupportsWithReservations"]
    assert all(str(g.value(r, DCTERMS.date)) == "2019-12-11" for r in responses(g))  # the page date, not handovers


def test_an_sou_the_curated_data_does_not_describe_still_gets_its_positions(tmp_path: Path) -> None:
    """The proposal is part of the SOU as the response identifies it (pvs:Proposal-souIdentifier)."""
    text = "Yttrande över Framtidens hälsa (SOU 2031:7)\n\nFysioterapeuterna tillstyrker förslaget om tidiga insatser."
    _, g, _ = load(tmp_path, text)
    (response,) = responses(g)
    sou = g.value(response, PV.respondsTo)
    assert sou.endswith("2031:7") and str(g.value(sou, DCTERMS.identifier)) == "SOU 2031:7"
    assert "Fysioterapeuterna" in names(g, g.value(response, DCTERMS.creator))
    assert stance(g, response) == {"Fysioterapeuterna tillstyrker förslaget om tidiga insatser.": "Supports"}
    (position,) = g.objects(response, PV.position)
    assert g.value(g.value(position, PV.onProposal), DCTERMS.isPartOf) == sou


@given(st.sampled_from(RESPONDERS), st.sampled_from(SUPPORT), st.sampled_from(OPPOSE), st.integers(2, 9))
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_numbered_sections_and_a_sentence_with_two_stances(tmp_path: Path, who: str, support: str, oppose: str,
                                                           chapter: int) -> None:  # fmt: skip
    """A summary that backs the report but opposes one proposal is two positions; each numbered
    section ("6.2 Förslaget om …") is a sentence of its own, though the one before ends in a period."""
    text = (
        f"Remissvar – Vård och omsorg i hemmet (SOU 2021:93)\n\n{who} har beretts möjlighet att yttra sig.\n\n"
        f"Sammanfattning\n{who} {support} i huvudsak utredningens förslag, men {oppose} förslaget om ett nytt "
        f"statsbidrag.\n\n{chapter}.2 Förslaget om en samordnad plan\n{who} {support} förslaget om en samordnad "
        f"plan.\n\n{chapter}.3 Förslaget om ett nytt statsbidrag\n{who} {oppose} förslaget om ett nytt statsbidrag.\n"
    )
    _, g, _ = load(tmp_path, text)
    (response,) = responses(g)
    got = sorted(stance(g, response).items())
    assert got == sorted([
        (f"{who} {support} i huvudsak utredningens förslag", "SupportsWithReservations"),
        (f"{oppose} förslaget om ett nytt statsbidrag", "Opposes"),
        (f"{who} {support} förslaget om en samordnad plan.", "Supports"),
        (f"{who} {oppose} förslaget om ett nytt statsbidrag.", "Opposes"),
    ])  # fmt: skip


def test_actors_of_the_remiss_and_background_sous_are_not_responses(tmp_path: Path) -> None:
    text = (
        f"{KNOWN_SOUS['SOU 2020:19']} (SOU 2020:19)\n\n"
        "Utredningen föreslår en ny lag. Regeringen välkomnar utredningen. "
        "Det första delbetänkandet (SOU 2017:53) lämnades 2017.\n\nVårdförbundet avstyrker förslaget om en ny lag.\n"
    )
    _, g, _ = load(tmp_path, text)
    (response,) = responses(g)
    assert "Vårdförbundet" in names(g, g.value(response, DCTERMS.creator))
    assert list(stance(g, response).values()) == ["Opposes"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [(f"Förbundet {w} förslaget om fast läkarkontakt.", "Supports") for w in SUPPORT]
    + [(f"Förbundet {w} förslaget om fast läkarkontakt.", "Opposes") for w in OPPOSE]
    + [("Förbundet tillstyrker i huvudsak förslagen.", "SupportsWithReservations"),
       ("Förbundet ser positivt på utredningens ambition.", "SupportsWithReservations"),
       ("Det är beklagligt att utredningen inte föreslår listning.", "Opposes"),
       ("Förbundet har inga invändningar mot förslaget.", "Supports"),
       ("Förbundet har inga synpunkter på förslaget om taxan.", "NoOpinion"),
       # support denied, doubt and concern are opposition; no objection is support
       ("Regionen tillstyrker inte förslaget om nationell taxa.", "Opposes"),
       ("Förbundet kan inte ställa sig bakom förslaget om nationell taxa.", "Opposes"),
       ("Förbundet ställer sig inte bakom förslaget.", "Opposes"),
       ("Regionen är tveksam till förslaget om obligatoriskt valfrihetssystem.", "Opposes"),
       ("Förbundet ställer sig tveksamt till förslaget om ersättning.", "Opposes"),
       ("Förbundet ser med oro på förslaget om nationell taxa.", "Opposes"),
       ("Förbundet anser att förslaget om en nationell taxa inte bör genomföras.", "Opposes"),
       ("Kommunen motsätter sig inte förslaget.", "Supports"),
       ("Regionen har ingen erinran mot förslaget.", "Supports"),
       ("Regionen lämnar förslaget utan erinran.", "Supports")],
)
def test_the_wording_maps_to_a_stance(sentence: str, expected: str) -> None:
    found = stance_in(sentence)
    assert found is not None and str(found.stance).rsplit("#")[-1] == expected
    assert found.written in sentence


@pytest.mark.parametrize("name", sorted(p.name for p in DOCUMENTS.glob("remiss-*.txt")))
def test_the_shared_responses_give_their_gold_sou_and_responder(tmp_path: Path, name: str) -> None:
    gold = next(e for e in json.loads((DOCUMENTS / "gold.json").read_text(encoding="utf-8")) if e["file"] == name)
    source = read_source(DOCUMENTS / name, SourceKind.DOCUMENT)
    loader = choose_loader(source, LOADERS)
    assert loader is not None and loader.name == "remiss-response"
    g = loader.load(source).graph
    wanted = gold["responds_to"] if isinstance(gold["responds_to"], list) else [gold["responds_to"]]
    assert sorted(str(g.value(r, PV.respondsTo)).rsplit("/")[-1] for r in responses(g)) == sorted(
        w.split()[1] for w in wanted
    )
    labels = set().union(*(names(g, g.value(r, DCTERMS.creator)) for r in responses(g)))
    assert any(part.strip(" ()") in labels for part in gold["responder"].replace("(", "|").split("|"))


@pytest.mark.parametrize(
    ("said", "round_"),
    [("Betänkandet är ute på remiss.", True), ("Vi har fått betänkandet på remiss från departementet.", True),
     ("Betänkandet har inte gått ut på remiss men utredningen vill ha synpunkter.", False)],
)
def test_a_remiss_round_only_where_the_text_says_the_sou_went_out(tmp_path: Path, said: str, round_: bool) -> None:
    text = f"Yttrande över {KNOWN_SOUS['SOU 2018:39']} (SOU 2018:39)\n\n{said} Vårdförbundet tillstyrker förslagen.\n"
    _, g, _ = load(tmp_path, text)
    rounds = list(g.subjects(RDF.type, PV.RemissRound))
    assert [str(g.value(r, PV.consults)).rsplit("/")[-1] for r in rounds] == (["2018:39"] if round_ else [])


def test_a_letter_head_with_a_bare_date_and_the_ministrys_number(tmp_path: Path) -> None:
    text = (
        "Remissvar avseende betänkandet God och nära vård – En primärvårdsreform (SOU 2018:39)\n\n2018-09-28\n"
        "Er referens: S2018/03373/FS\nS2018/03373/FS\n\nSveriges Kommuner och Regioner har inga synpunkter på "
        "förslaget om fast läkarkontakt. Sveriges Kommuner och Regioner tillstyrker förslaget om en nationell plan.\n"
    )
    _, g, _ = load(tmp_path, text)
    (response,) = responses(g)
    assert str(g.value(response, DCTERMS.date)) == "2018-09-28"
    assert g.value(response, DCTERMS.identifier) is None  # both numbers are the ministry's
    assert "Sveriges Kommuner och Regioner" in names(g, g.value(response, DCTERMS.creator))
    assert sorted(stance(g, response).values()) == ["NoOpinion", "Supports"]


@pytest.mark.parametrize("who", ["Region Halland", "Örebro kommun", "Socialstyrelsen"])
def test_a_responder_speaks_of_itself_by_its_kind(tmp_path: Path, who: str) -> None:
    kind = {"Region Halland": "Regionen", "Örebro kommun": "Kommunen", "Socialstyrelsen": "Myndigheten"}[who]
    text = (
        f"Yttrande över {KNOWN_SOUS['SOU 2019:29']} (SOU 2019:29)\n\n{who} har beretts möjlighet att yttra sig. "
        f"{kind} tillstyrker förslaget om samverkan. {kind} avstyrker förslaget om en ny lag.\n"
    )
    _, g, _ = load(tmp_path, text)
    (response,) = responses(g)
    creator = g.value(response, DCTERMS.creator)
    assert who in names(g, creator) or any(who.lower() in n.lower() for n in names(g, creator))
    assert sorted(stance(g, response).values()) == ["Opposes", "Supports"]


def test_a_protocol_that_records_a_remiss_answer_has_one_loader(tmp_path: Path) -> None:
    text = (
        "Protokoll Kommunstyrelsen 2020-09-15\n\nLedamöter: Anna Berg (S), ordförande; Erik Lind (M); Sara Holm (C)\n"
        "Frånvarande: Per Ek (V)\n\n§ 1 Val av justerare\nAnna Berg utses att justera protokollet.\n\n"
        f"§ 2 Yttrande över remiss av betänkandet {KNOWN_SOUS['SOU 2020:19']} (SOU 2020:19)\nFöredragande: Sara Holm\n"
        "Kommunstyrelsen tillstyrker förslaget om en gemensam plan för primärvården. Kommunstyrelsen avstyrker "
        "förslaget om ny taxa.\nBeslut: Kommunstyrelsen antar yttrandet som sitt eget.\n"
    )
    path = tmp_path / "protocol.txt"
    path.write_text(f"Source: https://example.org/x (stored public page)\n\n{text}", encoding="utf-8")
    source = read_source(path, SourceKind.DOCUMENT)
    assert remiss_form(source.text) == "organisation"  # on its own it reads as a response …
    taken = [loader.name for loader in LOADERS if loader.recognise(source)]
    assert len(taken) == 1 and (taken == ["minutes"]) == MinutesLoader().recognise(source)  # … minutes first


@pytest.mark.parametrize("who", ["Vårdförbundet", "Region Skåne", "Region Örebro län", "Fysioterapeuterna"])
def test_a_position_on_a_proposal_the_curated_files_name_is_on_that_proposal(tmp_path: Path, who: str) -> None:
    """Responders' positions meet on one proposal; the reading is marked inferred, with the words that name it."""
    text = letter(who, "SOU 2020:19", KNOWN_SOUS["SOU 2020:19"], dt.date(2020, 9, 1), "tillstyrker", "avstyrker",
                  "Dnr S2020/0092")  # fmt: skip
    _, g, _ = load(tmp_path, text)
    (response,) = responses(g)
    positions = list(g.objects(response, PV.position))
    on = {str(g.value(p, PV.stance)).rsplit("#")[-1]: g.value(p, PV.onProposal) for p in positions}
    assert on["Supports"] == INST["sou/2020:19/proposal/gemensam-plan"]
    # described in the response's words too: a build of documents alone has no curated description
    assert str(g.value(on["Supports"], DCTERMS.description)) == "förslaget om en gemensam plan för primärvården"
    assert on["Opposes"].startswith(str(INST["sou/2020:19/proposal/"])) and on["Opposes"] != on["Supports"]
    (supports,) = [p for p in positions if g.value(p, PV.onProposal) == on["Supports"]]
    (evidence,) = g.objects(supports, PROV.qualifiedInfluence)
    assert g.value(evidence, PV.assertion) == PV.Inferred
    assert "names the proposal gemensam-plan of SOU 2020:19" in str(g.value(evidence, PV.curatorNote))


def test_the_same_words_on_another_sou_mint_its_own_proposal(tmp_path: Path) -> None:
    text = letter("Vårdförbundet", "SOU 2018:39", KNOWN_SOUS["SOU 2018:39"], dt.date(2018, 9, 1), "tillstyrker",
                  "avstyrker", "Dnr S2018/0092")  # fmt: skip
    _, g, _ = load(tmp_path, text)
    (response,) = responses(g)
    proposals = {g.value(p, PV.onProposal) for p in g.objects(response, PV.position)}
    assert len(proposals) == 2 and all(str(x).startswith(str(INST["sou/2018:39/proposal/"])) for x in proposals)


@pytest.mark.parametrize("who", ["Socialstyrelsen", "Region Skåne", "Vårdförbundet"])
def test_a_stance_on_the_proposal_a_numbered_heading_names(tmp_path: Path, who: str) -> None:
    """'X tillstyrker förslaget' under '4.2 Förslag om …' is on that proposal; two such sections are two proposals."""
    text = (
        f"Remissvar på betänkandet {KNOWN_SOUS['SOU 2019:29']} (SOU 2019:29)\n\n"
        f"{who} har tagit del av betänkandet och lämnar följande synpunkter.\n\n"
        f"4.2 Förslag om en sammanhållen vård och omsorg\n{who} tillstyrker förslaget.\n\n"
        f"6.1 Nationell informationsmängd\n{who} avstyrker förslaget.\n\n"
        f"Övriga synpunkter\n{who} tillstyrker förslaget.\n"
    )
    _, g, _ = load(tmp_path, text)
    (response,) = responses(g)
    about = {str(g.value(g.value(p, PV.onProposal), DCTERMS.description)): str(g.value(p, PV.stance)).rsplit("#")[-1]
             for p in g.objects(response, PV.position)}  # fmt: skip
    assert about == {"Förslag om en sammanhållen vård och omsorg": "Supports", "Nationell informationsmängd": "Opposes",
                     "förslaget": "Supports"}  # fmt: skip


def test_a_letter_under_a_letterhead_answers_the_sou_its_title_line_names(tmp_path: Path) -> None:
    """The first line is the letterhead; the title naming the SOU stands lower in the head. A numbered section's
    heading under a section heading of its own still names the proposal "förslaget" is about."""
    text = (
        "Sveriges Kommuner och Regioner\nAvdelningen för vård och omsorg\n\nREMISSVAR\n2021-11-10\n\n"
        "Socialdepartementet\n\nVård och omsorg i hemmet – lagförslag om kommunal hälso- och sjukvård (SOU 2021:93)\n\n"
        "SKR:s synpunkter\n7.2 Förslaget om läkarinsatser\nSKR välkomnar förslaget.\n"
    )
    _, g, loader = load(tmp_path, text)
    assert loader == "remiss-response"
    (response,) = responses(g)
    assert g.value(response, PV.respondsTo) == INST["sou/2021:93"]
    (position,) = g.objects(response, PV.position)
    assert str(g.value(g.value(position, PV.onProposal), DCTERMS.description)) == "Förslaget om läkarinsatser"


def test_an_sou_named_in_a_sentence_of_the_head_is_not_answered_by_it(tmp_path: Path) -> None:
    text = (
        "Region Skåne\n\nRemissvar\n\nRegionen har tidigare yttrat sig över SOU 2019:29.\n\n"
        "Region Skåne tillstyrker förslaget om fast läkarkontakt i Framtidens primärvård (SOU 2031:7)\n"
    )
    _, g, _ = load(tmp_path, text)
    assert {str(o).rsplit("/", 1)[-1] for o in g.objects(None, PV.respondsTo)} != {"2019:29"}
