"""Minutes and notices in the shapes real bodies publish them, generated with other names, bodies, dates, numbering.

Each template is one format of tests/fixtures/documents (a web summary, a page transcript of a
protocol, a bullet protocol with "§ n", a decision news page, a notice), filled by hypothesis with
names, bodies, days and organisations the loader has never seen. The same structure must come out:
recognised as minutes, the meeting's day only where day, month and year are written (else a range),
presenters, who was present (stated or inferred) and absent, decisions — and nothing invented: no
person present who was only invited or only named, no decision in a notice or a summary.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, RDF, SKOS

from proveniens.loaders.minutes.loader import MinutesLoader
from proveniens.loaders.registry import choose_loader
from proveniens.loaders.sources import SourceFile, SourceKind
from proveniens.loaders.text.dates import MONTH_NAMES
from proveniens.namespaces import INST, PV

GIVEN = ("Agnes", "Birgitta", "Carl", "Dagny", "Einar", "Frida", "Gösta", "Hedvig", "Ingmar", "Josefin",
         "Kerstin", "Ludvig", "Märta", "Nils", "Ottilia", "Petter", "Ragnhild", "Sixten", "Tyra", "Ulf", "Viveka",
         "Åke")  # fmt: skip
SURNAMES = ("Almqvist", "Bergsten", "Dahlgren", "Ekström", "Forsberg", "Granlund", "Hellström", "Isaksson",
            "Jäderberg", "Lindqvist", "Malmsten", "Nordlund", "Öberg", "Pettersson", "Rosengren", "Sandell",
            "Tornberg", "Wallin")  # fmt: skip
WEEKDAYS = ("måndagen", "tisdagen", "onsdagen", "torsdagen", "fredagen", "lördagen", "söndagen")
SETTINGS = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def people(draw: st.DrawFn, n: int) -> list[str]:
    """n people with distinct given names and surnames (so no name is a short form of another)."""
    given = draw(st.lists(st.sampled_from(GIVEN), min_size=n, max_size=n, unique=True))
    surnames = draw(st.lists(st.sampled_from(SURNAMES), min_size=n, max_size=n, unique=True))
    return [f"{g} {s}" for g, s in zip(given, surnames, strict=True)]


DAYS = st.dates(min_value=dt.date(2012, 1, 1), max_value=dt.date(2030, 12, 31))
ABBREVIATIONS = st.sampled_from(["LSG", "RSG", "SVO", "KSL", "DRG"])
ORGS = st.sampled_from(["Region Halland", "Region Kalmar län", "Kommunförbundet Skåne", "Örebro kommun"])


@SETTINGS
@given(people(3), st.sampled_from(["Kommunstyrelsen", "Socialnämnden", "Vård- och omsorgsnämnden"]), DAYS,
       st.sampled_from(["{body} utser {name} att justera protokollet.", "Informationen noteras.",
                        "Informationen läggs till handlingarna.", "att godkänna förvaltningens förslag",
                        "{body} beviljar ansökan.", "Redovisningen godkänns.",
                        "{body} återremitterar ärendet till förvaltningen."]))  # fmt: skip
def test_a_bare_beslut_heading_over_any_wording(names: list[str], body: str, day: dt.date, wording: str) -> None:
    """Under a "Beslut" heading the next line is the decision whether it is active, passive or an
    "att"-clause; a line of description under the item title is not."""
    chair, member, officer = names
    decision = wording.format(body=body, name=member)
    text = "\n".join([
        "PROTOKOLL", "Sammanträdesdatum", day.isoformat(), "", body, "",
        f"Beslutande: {chair} (S), ordförande", f"{member} (M)", "", f"Övriga närvarande: {officer}, sekreterare", "",
        "§ 12 Ärendet", "", "Förvaltningen har berett ärendet.", "", "Beslut", decision,
    ])  # fmt: skip
    assert read(text).decisions() == [decision]


@SETTINGS
@given(people(4), st.sampled_from(["Länsgemensam ledningsgrupp för samverkan (LGS)", "Samverkansgruppen Nära vård"]),
       DAYS, st.sampled_from(["Punkt", "Ärende"]), st.sampled_from(["Deltagare", "Närvarande"]),
       st.sampled_from(["Förhinder", "Anmält förhinder", "Frånvarande"]),
       st.sampled_from(["presenterade", "gick igenom", "redogjorde för", "föredrog"]))  # fmt: skip
def test_notes_with_lists_under_their_labels_and_past_tense(names: list[str], body: str, day: dt.date, word: str,
                                                           present: str, absent: str, verb: str) -> None:  # fmt: skip
    """Minnesanteckningar: "Punkt 2." headings, a list under a label on a line of its own with "name,
    organisation, role" entries, and presenters in the past tense."""
    chair, member, secretary, away = names
    text = "\n".join([
        "Minnesanteckningar", "", body, f"Datum: {written(day)} {day.year}", "", f"{present}:",
        f"{chair}, Region Örebro län, ordförande", f"{member}, Kumla kommun",
        f"{secretary}, Region Örebro län, sekreterare", "", f"{absent}:", f"{away}, Lindesbergs kommun", "",
        f"{word} 1. Föregående minnesanteckningar", "Minnesanteckningarna godkändes.", "",
        f"{word} 2. Handlingsplan", f"{member} {verb} förslaget till handlingsplan.",
    ])  # fmt: skip
    got = read(text)
    assert got.day() == day.isoformat()
    assert got.attendance(PV.Present) == {chair, member, secretary}
    assert got.attendance(PV.Absent) == {away}
    assert (chair, "chair") in got.roles()
    assert (secretary, "sekreterare") in got.posts()
    assert got.presenters() == {member}


@SETTINGS
@given(people(4), DAYS, st.sampled_from(["(S)", "(M)", "(C)", ""]))
def test_a_notice_with_sections_headed_by_bare_labels(names: list[str], day: dt.date, party: str) -> None:
    """ "Ledamöter" and "Ersättare" alone on their lines each open a list; the list above ends there
    (it ran on into "Ersättare" and made "Sara Ek Ersättare" a name, whose quote is nowhere)."""
    chair, vice, member, deputy = names
    text = "\n".join([
        "KALLELSE", "Hälso- och sjukvårdsnämnden", "", f"Tid: {written(day)} {day.year}, kl. 09.00", "",
        "Ledamöter", f"{chair} {party}, ordförande", f"{vice} {party}, vice ordförande", f"{member} {party}", "",
        "Ersättare", f"{deputy} {party}", "", "Ärenden", "", "1. Val av justerare",
        f"Förslag till beslut: {member} utses att justera protokollet.", "", "2. Månadsrapport",
        "Förslag till beslut: Nämnden godkänner rapporten.",
    ])  # fmt: skip
    got = read(text)
    assert got.invited() == {chair, vice, member, deputy}
    assert got.attendance(PV.Present) == set() and got.decisions() == []


@dataclass
class Read:
    graph: Graph

    def meeting(self) -> object:
        return next(iter({m for m in self.graph.objects(None, PV.meeting)} or set(self.graph.subjects(RDF.type,
                                                                                                    PV.Meeting))))

    def name(self, node: object) -> str:
        return str(self.graph.value(node, FOAF.name))  # type: ignore[arg-type]

    def day(self) -> str | None:
        value = self.graph.value(self.meeting(), DCTERMS.date)  # type: ignore[arg-type]
        return str(value) if value is not None else None

    def range(self) -> tuple[str, str] | None:
        m = self.meeting()
        first, last = self.graph.value(m, PV.earliestDate), self.graph.value(m, PV.latestDate)  # type: ignore[arg-type]
        return (str(first), str(last)) if first is not None else None

    def presenters(self) -> set[str]:
        return {self.name(p) for p in self.graph.objects(None, PV.presenter)}

    def attendance(self, status: object) -> set[str]:
        return {self.name(self.graph.value(p, ORG.member)) for p in self.graph.subjects(PV.attendance, status)}

    def decisions(self) -> list[str]:
        return [str(t) for t in self.graph.objects(None, PV.decisionText)]

    def posts(self) -> set[tuple[str, str]]:
        g = self.graph
        return {(self.name(p), str(g.value(post, SKOS.prefLabel))) for p, post in g.subject_objects(ORG.holds)}

    def roles(self) -> set[tuple[str, str]]:
        g = self.graph
        return {(self.name(g.value(p, ORG.member)), str(r).rsplit("/", 1)[-1]) for p, r in g.subject_objects(ORG.role)}

    def invited(self) -> set[str]:
        g = self.graph
        return {self.name(g.value(p, ORG.member)) for p in g.subjects(ORG.role, INST["role/invited-guest"])}

    def proposals(self) -> set[str]:
        return {str(t) for t in self.graph.objects(None, PV.proposedDecisionText)}

    def member_organisations(self) -> set[str]:
        """The names of the organisations recorded as members of the meeting's body."""
        g, role = self.graph, URIRef("https://w3id.org/proveniens/role/member-organisation")
        return {str(g.value(g.value(m, ORG.member), SKOS.prefLabel)) for m in g.subjects(ORG.role, role)}

    def member_of(self) -> set[tuple[str, str]]:
        g = self.graph
        return {(self.name(p), str(g.value(o, SKOS.prefLabel))) for p, o in g.subject_objects(ORG.memberOf)}


def read(text: str) -> Read:
    """Load `text` as the build does: the one loader that recognises it, which must be the minutes loader."""
    data = text.encode()
    source = SourceFile(Path("variant.txt"), SourceKind.DOCUMENT, hashlib.sha256(data).hexdigest(), text,
                        tuple(text.splitlines()))  # fmt: skip
    loader = choose_loader(source)
    assert loader is not None and loader.name == MinutesLoader.name, text
    return Read(loader.load(source).graph)


def written(day: dt.date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]}"


@SETTINGS
@given(people(2), ABBREVIATIONS, DAYS, ORGS, ORGS)
def test_a_web_summary_with_a_bullet_agenda(names: list[str], body: str, day: dt.date, org_a: str, org_b: str) -> None:
    a, b = names
    text = "\n".join([
        "Source: https://example.org/nyheter/sammanstallning (stored public page)", "",
        f"Sammanställning från {body} {written(day)}", "",
        f"Det här tog {body} ställning om vid mötet {written(day)}. Mötesanteckningar publiceras senare.", "",
        f"Agendan för {body} den {written(day)} var:", "",
        " • Nära vård", " • Fördelning av medel", " • Mötestider", "",
        f"{day.isoformat()} Sammanställning från {body}, PowerPoint", "",
        "Nära vård", "", f"Föredragande: {a}, {org_a} och {b}, {org_b}", "",
        "Remissversion av strategin för god och nära vård.",
    ])  # fmt: skip
    got = read(text)
    assert got.day() == day.isoformat()
    assert got.presenters() == {a, b}
    assert got.decisions() == []
    assert got.attendance(PV.Present) == set()


@SETTINGS
@given(people(9), DAYS)
def test_a_protocol_transcript_with_a_flattened_roll_call(names: list[str], day: dt.date) -> None:
    chair, member, p1, p2, p3, replaced, p4, officer, secretary = names
    date = f"{written(day)} {day.year}"
    title = f"Protokoll från samråd för pensionärsorganisationer den {date}"
    page1 = (
        f"1 1 (6) Protokoll {title} Tid: Plats: Aulan, Storgatan 3, Skövde Närvarande Ledamöter {chair} (L), "
        f"östra nämnden {member} (C), östra nämnden Från pensionärsorganisationerna Ledamöter: {p1} PRO {p2} PRO "
        f"{p3} SPF ersätter {replaced} {p4} SPF Övriga {officer}, enhet folkhälsa {secretary}, nämndsekreterare"
    )
    page2 = f"2 2 (6) Underskrifter Sekreterare: {secretary} Ordförande: {chair} (L) Justerare: {p1} (PRO)"
    first = officer.split()[0]
    page3 = (
        f"3 3 (6) 1 Val av justerare Beslut 1. {p1} (PRO) utses att justera protokollet. 2 Folkhälsopolitiken "
        f"{officer} från enhet folkhälsa jobbar med nämndens folkhälsoarbete. {first} visar en bild med "
        "åldersfördelningen för befolkningen i länet."
    )
    got = read("\n".join(["Source: https://example.org/protokoll (stored public page)", "", title, page1, page2,
                          page3]))  # fmt: skip
    assert got.day() == day.isoformat()
    assert got.attendance(PV.Present) == {chair, member, p1, p2, p3, p4, officer, secretary}
    assert got.attendance(PV.Absent) == {replaced}
    assert got.presenters() == {officer}
    assert got.decisions() == [f"{p1} (PRO) utses att justera protokollet."]
    # the members sit for organisations; the officials under "Övriga" (a unit, a title) for none
    assert got.member_organisations() == {"Östra nämnden", "PRO", "SPF"}
    assert {(p1, "PRO"), (p2, "PRO"), (p3, "SPF"), (p4, "SPF")} <= got.member_of()
    assert not {officer, secretary} & {name for name, _ in got.member_of()}


MEMBER_ORGS = st.lists(st.sampled_from(["RPG", "SKPF", "DHR", "FUB", "HSO", "SRF"]), min_size=2, max_size=4,
                       unique=True)  # fmt: skip


@SETTINGS
@given(people(6), DAYS, MEMBER_ORGS, st.sampled_from(["KD", "MP", "SD"]),
       st.sampled_from(["Funktionshinderrådet", "Pensionärsrådet", "Samverkansrådet för nära vård"]))
def test_the_organisations_members_sit_for_are_the_bodys_member_organisations(
    names: list[str], day: dt.date, orgs: list[str], party: str, body: str
) -> None:
    """A council's members listed with their organisations: each organisation is a member of the council; a
    party's letters, an invited guest's organisation and the officials' units are not."""
    members, guest, official = names[: len(orgs)], names[4], names[5]
    listed = " ".join(f"{name} {org}" for name, org in zip(members, orgs, strict=True))
    text = "\n".join([
        f"Protokoll {body} {written(day)} {day.year}", "", f"Datum: {day.isoformat()}", "",
        f"Ledamöter: {listed} {names[len(orgs)]} {party}", f"Inbjudna: {guest}, Socialstyrelsen",
        f"Övriga närvarande: {official}, enhet folkhälsa", "",
        "1. Mötets öppnande", "Ordföranden öppnar mötet.", "Beslut: Rådet noterar informationen.",
    ])  # fmt: skip
    got = read(text)
    assert got.member_organisations() == set(orgs)
    assert {(name, org) for name, org in zip(members, orgs, strict=True)} <= got.member_of()


@SETTINGS
@given(people(7), DAYS, st.integers(min_value=1, max_value=12))
def test_a_bullet_protocol_dated_only_by_its_address(names: list[str], day: dt.date, para: int) -> None:
    chair, secretary, presenter, speaker, lead_a, lead_b, elected = names
    text = "\n".join([
        f"Source: https://forum.example.se/committees/samradsgruppen/mote-{day.isoformat()} (stored public page)",
        "", f" • Ordföranden, {chair} (S), hälsar välkommen och öppnar sammanträdet.", "", f" • § {para}", "",
        "  Val av justerare", "", " • Ordföranden går igenom föregående protokoll.", "",
        f" • {secretary}, sekreterare, föredrar innehållet i reglementet.", "",
        " • 1. Verksamhetsberättelse", "", f"  {presenter} går igenom verksamhetsberättelsen.", "",
        f"  {speaker} (C) uttalar sig om förbundet. Ett presidium valdes också: {elected} ordförande.", "",
        f" • {lead_a} (projektledare regionen) och {lead_b} (projektledare kommunerna) föredrar punkten.",
    ])  # fmt: skip
    got = read(text)
    assert got.day() is None and got.range() == (day.isoformat(), day.isoformat())
    assert got.presenters() == {secretary, presenter, lead_a, lead_b}
    assert got.attendance(PV.Present) == {chair, secretary, presenter, speaker, lead_a, lead_b}
    assert got.decisions() == []
    assert got.posts() == {(secretary, "sekreterare"), (lead_a, "projektledare"), (lead_b, "projektledare")}


@SETTINGS
@given(st.sampled_from(["Regionstyrelsen", "Kommunstyrelsen", "Hälso- och sjukvårdsnämnden"]),
       st.dates(min_value=dt.date(2015, 5, 1), max_value=dt.date(2029, 12, 31)).filter(lambda d: d.month >= 5))
def test_decision_news_without_a_year(body: str, day: dt.date) -> None:
    """Two years are named; what had happened ("har minskat i april <year>") leaves one: an inferred day."""
    text = "\n".join([
        "Source: https://example.org/aktuellt/nyhet (stored public page)", "", f"{body} {written(day)}", "",
        "Publicerad:", "",
        f"{body} beslutade vid sitt sammanträde på {WEEKDAYS[day.weekday()]} om en strategi för nära vård, "
        "om ett nytt avtal med kommunerna och om delårsrapporten.", "",
        "Delårsrapporten", "",
        f"{body} ställer sig bakom delårsrapporten per april. Antalet anställda har minskat i april {day.year} "
        f"jämfört med april {day.year - 1}.", "", "Naturbruk", "", "Styrelsen godkänner avtalet om naturbruk.",
    ])  # fmt: skip
    got = read(text)
    assert got.day() is None, "no year is written: never a stated day"
    assert got.range() == (day.isoformat(), day.isoformat())
    assert {"om en strategi för nära vård", "om ett nytt avtal med kommunerna"} <= set(got.decisions())
    assert f"{body} ställer sig bakom delårsrapporten per april." in got.decisions()
    assert "Styrelsen godkänner avtalet om naturbruk." in got.decisions()


@SETTINGS
@given(people(6), DAYS)
def test_a_notice_invites_and_proposes_but_records_no_meeting(names: list[str], day: dt.date) -> None:
    chair, member, deputy, director, presenter_a, presenter_b = names
    weekday = WEEKDAYS[day.weekday()].capitalize()
    page1 = (
        f"1 Kallelse Sammanträdesdatum Plats Sessionssalen, Stadshuset Tid {weekday} den {written(day)}, "
        f"kl. 09:00-17:00 Ledamöter {chair} (S) Ordförande {member} (MP) Ersättare {deputy} (L) "
        "KOMMUNSTYRELSEN ADRESS Stadshuset"
    )
    page2 = (
        "2 Kallelse Sammanträdesdatum Dagordning Förslag till beslut 1 Upprop 2 Val av justerare Utses "
        f"3 Kommundirektörens rapport Information från {director} kl. 09:15-09:45 Antecknas "
        f"4 Uppföljningsrapport 1, {day.year} Föredragande {presenter_a} och {presenter_b} kl. 09:50-10:05 "
        "Antecknas KOMMUNSTYRELSEN"
    )
    got = read("\n".join(["Source: https://example.org/kallelse (stored public page)", "",
                          "Kallelse Sammanträdesdatum", "", page1, "", page2]))  # fmt: skip
    assert got.attendance(PV.Present) == set() and got.attendance(PV.Absent) == set()
    assert got.decisions() == []
    assert got.proposals() >= {"Utses", "Antecknas"}
    assert got.presenters() == {director, presenter_a, presenter_b}
    assert got.day() is None
    assert got.range() == (day.isoformat(), day.isoformat())  # the only year named, and the weekday fits


@SETTINGS
@given(st.sampled_from(["Förbundet", "Region Halland", "Vårdförbundet"]), st.integers(min_value=2015, max_value=2030))
def test_a_remiss_response_is_not_minutes(responder: str, year: int) -> None:
    text = "\n".join([
        "Remissvar", "", f"{responder} har beretts tillfälle att yttra sig över betänkandet.", "",
        f"Stockholm den 3 mars {year}", "", f"{responder} tillstyrker förslaget om en ny lag.",
        f"{responder} avstyrker förslaget om finansiering. Styrelsen beslutade vid sitt sammanträde att svara.",
    ])  # fmt: skip
    data = text.encode()
    source = SourceFile(Path("remiss.txt"), SourceKind.DOCUMENT, hashlib.sha256(data).hexdigest(), text,
                        tuple(text.splitlines()))  # fmt: skip
    assert not MinutesLoader().recognise(source)


@SETTINGS
@given(people(5), st.sampled_from(["Kommunstyrelsen", "Socialnämnden", "Barn- och utbildningsnämnden"]), DAYS,
       st.integers(min_value=1, max_value=80))  # fmt: skip
def test_a_municipal_protocol_with_paragraphs(names: list[str], body: str, day: dt.date, first: int) -> None:
    chair, member_a, member_b, officer, absent = names
    text = "\n".join([
        "PROTOKOLL", "Sammanträdesdatum", day.isoformat(), "", body, "",
        "Plats och tid: Kommunhuset, kl. 13.00-15.30", "",
        f"Beslutande: {chair} (S), ordförande", f"{member_a} (M)", f"{member_b} (C)", "",
        f"Övriga närvarande: {officer}, kommunchef", "", f"Frånvarande: {absent} (L)", "",
        f"Justerare: {member_a}", "",
        f"§ {first}", f"Budget {day.year + 1}", "", f"{officer} föredrar ärendet.", "",
        "Beslut", f"{body} beslutar att godkänna budgeten.", "",
        f"§ {first + 1}", "Delegationsbeslut", "", "Beslut", f"{body} noterar informationen.",
    ])  # fmt: skip
    got = read(text)
    assert got.day() == day.isoformat()
    assert got.attendance(PV.Present) == {chair, member_a, member_b, officer}
    assert got.attendance(PV.Absent) == {absent}
    assert got.presenters() == {officer}
    assert (chair, "chair") in got.roles()
    expected = [f"{body} beslutar att godkänna budgeten.", f"{body} noterar informationen."]
    assert sorted(got.decisions()) == sorted(expected)


@SETTINGS
@given(ABBREVIATIONS, DAYS, st.integers(min_value=14, max_value=120))
def test_a_decision_that_names_a_coming_meeting_points_at_it(body: str, day: dt.date, later: int) -> None:
    coming = day + dt.timedelta(days=later)
    text = "\n".join([
        f"Mötesanteckningar {body}", f"Datum: {day.isoformat()}", "", "1. Mötets öppnande", "",
        "2. Remiss om strategin", "",
        f"Ställningstagande: {body} noterar informationen och återkommer till {body}-mötet {written(coming)}.", "",
        f"Nästa möte: {coming.isoformat()}",
    ])  # fmt: skip
    got = read(text)
    targets = {str(o) for s, o in got.graph.subject_objects(DCTERMS.references) if str(s).endswith("/decision")}
    assert targets == {f"https://w3id.org/proveniens/meeting/{body.lower()}/{coming.isoformat()}"}


@SETTINGS
@given(people(2))
def test_minutes_that_nothing_places_in_time_are_left_unrecognised(names: list[str]) -> None:
    """No day, no year, no address: no meeting can be recorded, so the document is reported, not a failed build."""
    presenter, chair = names
    text = "\n".join([
        "Protokoll från samverkansgruppen", "", "Närvarande:", f"{chair}, ordförande", "",
        "1. Mötets öppnande", "", "2. Information", f"Föredragande: {presenter}", "",
        "Ställningstagande: Gruppen noterar informationen.",
    ])  # fmt: skip
    data = text.encode()
    source = SourceFile(Path("undated.txt"), SourceKind.DOCUMENT, hashlib.sha256(data).hexdigest(), text,
                        tuple(text.splitlines()))  # fmt: skip
    assert choose_loader(source) is None


@SETTINGS
@given(st.sampled_from(["Kommunstyrelsen", "Socialnämnden"]), st.integers(min_value=2015, max_value=2030),
       st.integers(min_value=1, max_value=99))  # fmt: skip
def test_a_protocol_extract_answering_a_remiss_is_left_to_the_remiss_loader(body: str, year: int, number: int) -> None:
    text = "\n".join([
        "Protokollsutdrag", body, f"Sammanträdesdatum {year}-10-12", "",
        f"§ 45 Yttrande över betänkandet Vård i tiden (SOU {year - 1}:{number})", "",
        "Beslut", f"{body} beslutar att avge yttrande enligt förvaltningens förslag.", "", "Justerare: Anna Berg",
    ])  # fmt: skip
    data = text.encode()
    source = SourceFile(Path("utdrag.txt"), SourceKind.DOCUMENT, hashlib.sha256(data).hexdigest(), text,
                        tuple(text.splitlines()))  # fmt: skip
    assert not MinutesLoader().recognise(source)


@SETTINGS
@given(people(2), ABBREVIATIONS, DAYS, st.sampled_from(["Kallelse", "KALLELSE", "Möteskallelse", "Kungörelse"]))
def test_a_notice_with_labelled_proposals_decides_nothing(names: list[str], body: str, day: dt.date,
                                                          word: str) -> None:  # fmt: skip
    presenter, member = names
    text = "\n".join([
        f"{word} till {body}", f"Datum: {day.isoformat()}", f"Ledamöter: {member}", "",
        "1. Val av justerare", "Förslag till beslut: Mötet utser en justerare.", "",
        "2. Budget", f"Föredragande: {presenter}", f"Beslut: {body} godkänner budgeten.",
    ])  # fmt: skip
    got = read(text)
    assert got.decisions() == []
    assert got.proposals() == {"Mötet utser en justerare.", f"{body} godkänner budgeten."}
    assert got.attendance(PV.Present) == set()
    assert got.presenters() == {presenter}


@SETTINGS
@given(people(1), ABBREVIATIONS, DAYS)
def test_labels_without_any_heading_belong_to_the_document_subject(names: list[str], body: str, day: dt.date) -> None:
    text = "\n".join([
        f"Minnesanteckningar från {body} {day.isoformat()}", "", f"Föredragande: {names[0]}, Region Halland", "",
        "Gruppen diskuterade läget.", "", f"Ställningstagande: {body} noterar informationen.",
    ])  # fmt: skip
    got = read(text)
    assert got.day() == day.isoformat()
    assert got.presenters() == {names[0]}
    assert got.decisions() == [f"{body} noterar informationen."]


@SETTINGS
@given(people(4), ABBREVIATIONS, st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2029, 10, 31)),
       st.sampled_from(["ersätter", "ersättare för", "tjänstgör för", "i stället för"]))  # fmt: skip
def test_a_deputy_and_the_next_meeting_in_the_header(names: list[str], body: str, day: dt.date, replaces: str) -> None:
    """The day of the next meeting in the header is not this meeting's; whom a deputy replaces was absent."""
    member, deputy, replaced, presenter = names
    coming = day + dt.timedelta(days=40)
    text = "\n".join([
        f"Mötesanteckningar {body}", f"Nästa möte: {written(coming)}", f"Tid: {written(day)}, kl. 9-12", "",
        f"Närvarande: {member}, {deputy} ({replaces} {replaced})", "",
        "1. Mötets öppnande", "", "2. Uppföljning", f"Föredragande: {presenter}",
        f"Resultatet för {day.year} redovisades.",
    ])  # fmt: skip
    got = read(text)
    assert got.day() is None and got.range() == (day.isoformat(), day.isoformat())
    assert got.attendance(PV.Present) == {member, deputy}
    assert got.attendance(PV.Absent) == {replaced}


@SETTINGS
@given(st.integers(min_value=210, max_value=400), st.sampled_from(["Regionstyrelsen", "Nämnden"]))
def test_a_report_that_mentions_a_meeting_deep_inside_is_not_minutes(pages: int, body: str) -> None:
    prose = [f"Avsnitt {i}: uppföljningen visar att arbetet med nära vård fortsätter." for i in range(pages)]
    text = "\n".join([
        "Uppföljning av omställningen till nära vård", "Region Halland", "", "Arbetet startade i mars 2021.", "",
        *prose, "",
        f"{body} beslutade vid sitt sammanträde om en plan.", "Agenda", "Beslut: planen antogs.",
        "Justerare: Anna Berg",
    ])  # fmt: skip
    data = text.encode()
    source = SourceFile(Path("rapport.txt"), SourceKind.DOCUMENT, hashlib.sha256(data).hexdigest(), text,
                        tuple(text.splitlines()))  # fmt: skip
    assert not MinutesLoader().recognise(source)
