"""Minutes the loader was not written for (tests/loaders/minutes/*.txt): other bodies, dates, people, layouts.

dvg_2022-03-14.txt   a body not in the entity table, ISO date, "Plats: Teams", present/absent lists, a page
                     footer in the middle of an item, a numbered list inside an item, an item without decision,
                     "Nästa möte …" without a year, signature block.
vvg_2020-09-07.txt   chair and vice chair as header fields, an invited guest whose organisation is not a known
                     body, "Beslut:" with bullets, a Word field error, running headers and page numbers.
sro_undated.txt      no header: body from the decisions, date range from the text, two people sharing a
                     surname, names in the signature block separated by single spaces.
ks_protokoll_2022-03-16.txt  a municipal board's protocol in the common form (written for this test):
                     "Beslutande ledamöter" one per line with party and "1:e vice ordförande", "Tjänstgörande
                     ersättare … ersätter …", "Övriga närvarande" officials, paragraphs "§ 45" opening with a
                     registration number before the title, one "§ 48" alone, "Kommunstyrelsens beslut" over each
                     decision, a presenter written after his title ("Socialchef Eva Berg föredrar ärendet").
hsn_kallelse_2022-03-17.txt  a committee's notice (written for this test): members and substitutes invited,
                     "Förslag till beslut" under each item, "Föredragande: Hälso- och sjukvårdsdirektör Lars Bok".
aldrenamnden_2019-07-04.txt  an old protocol's form (written for this test): "Protokoll fört vid sammanträde med
                     Äldrenämnden" over "den 4 juli 2019", "Äldrenämnden beslutar" over "att utse …", and a decision
                     in running text ("Nämnden noterar informationen.") with no label at all.
valfardsnamnden_2021-11-23.txt  labelled roll call lines (written for this test): "Närvarande ledamöter: …",
                     "Tjänstgörande ersättare: Eva Hall (S) för Fred Holm (S)", "Ej tjänstgörande ersättare",
                     "Övriga deltagare: …; …", "Anmält förhinder"; "Sammanträdesdatum" alone over the date.
socialnamnden_2022-03-16.txt  a protocol as a PDF gives it (written for this test): a page header laid out as a
                     table ("SAMMANTRÄDESPROTOKOLL" / "Sammanträdesdatum  Sida" / "Socialnämnden  2022-03-16  1(4)")
                     on every page, "Justerandes sign  Utdragsbestyrkande" at every page's foot, the roll call in a
                     label column, "§ 12  Dnr SN 2022/45" over the title, a body named only by its decisions.
"""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD

from proveniens.build import load_sources, verify_sources
from proveniens.loaders.minutes.loader import MinutesLoader
from proveniens.loaders.registry import LoadedDocument, Unread, read_facts
from proveniens.loaders.sources import SourceFile, SourceKind, find_sources, read_source
from proveniens.namespaces import INST, PV
from proveniens.resources import ontology_files, read_turtle

HERE = Path(__file__).resolve().parent / "minutes"


@cache
def source(name: str) -> SourceFile:
    return read_source(HERE / name, SourceKind.DOCUMENT)


@cache
def graph(name: str) -> Graph:
    loader = MinutesLoader()
    assert loader.recognise(source(name)), f"{name} is not recognised as minutes"
    return loader.load(source(name)).graph


def names(g: Graph, nodes: object) -> set[str]:
    return {str(g.value(n, FOAF.name)) for n in nodes}  # type: ignore[attr-defined]


def attendance(g: Graph, meeting: URIRef) -> dict[str, tuple[str, str | None]]:
    out = {}
    for part in g.subjects(PV.meeting, meeting):
        status = g.value(part, PV.attendance)
        if status is not None:
            left = g.value(part, PV.leftAt)
            out[str(g.value(g.value(part, ORG.member), FOAF.name))] = (
                str(status).split("#")[-1], str(left) if left is not None else None)  # fmt: skip
    return out


def roles(g: Graph, meeting: URIRef) -> set[tuple[str, str]]:
    return {(str(g.value(g.value(p, ORG.member), FOAF.name)), str(r).rsplit("/", 1)[-1])
            for p in g.subjects(PV.meeting, meeting) for r in g.objects(p, ORG.role)}  # fmt: skip


# ----------------------------------------------------------------------------------------------


DVG = INST["meeting/dvg/2022-03-14"]


def test_dvg_a_new_body_from_the_header() -> None:
    g = graph("dvg_2022-03-14.txt")
    body = INST["org/dvg"]
    assert g.value(DVG, PV.body) == body
    assert (body, RDF.type, PV.CollaborationBody) in g
    assert str(g.value(body, SKOS.prefLabel)) == "Delregional vårdsamverkan Fyrbodal"
    assert Literal("DVG") in set(g.objects(body, SKOS.altLabel))


def test_dvg_header_and_roll_call() -> None:
    g = graph("dvg_2022-03-14.txt")
    assert g.value(DVG, DCTERMS.date) == Literal("2022-03-14", datatype=XSD.date)
    assert (str(g.value(DVG, PV.startTime)), str(g.value(DVG, PV.endTime))) == ("09:00:00", "11:30:00")
    assert str(g.value(DVG, PV.meetingForm)) == "Teams"
    assert attendance(g, DVG) == {
        "Karin Berg": ("Present", None), "Per Holm": ("Present", None), "Lena Åkesson": ("Present", None),
        "Olof Strand": ("LeftEarly", "10:30:00"),  # listed as present and leaving early: one attendance
        "Lars Ek": ("Absent", None), "Maja Lind": ("Absent", None),
    }  # fmt: skip
    assert roles(g, DVG) == {("Sara Nilsson", "invited-guest"), ("Karin Berg", "chair"), ("Per Holm", "vice-chair")}
    assert (INST["person/sara-nilsson"], ORG.memberOf, INST["org/socialstyrelsen"]) in g


def test_dvg_agenda_with_a_nested_list_a_footer_and_an_item_without_decision() -> None:
    g = graph("dvg_2022-03-14.txt")
    titles = {int(g.value(i, PV.itemNumber)): str(g.value(i, DCTERMS.title)) for i in g.subjects(PV.meeting, DVG)
              if (i, RDF.type, PV.AgendaItem) in g}  # fmt: skip
    assert titles == {1: "Mötets öppnande", 2: "Godkännande av dagordning", 3: "Uppföljning av Färdplan nära vård",
                      4: "Övriga frågor", 5: "Nästa möte"}  # fmt: skip
    item3 = URIRef(f"{DVG}/item/3")
    assert names(g, g.objects(item3, PV.presenter)) == {"Sara Nilsson", "Per Holm"}
    text = str(g.value(item3, DCTERMS.description))
    assert "Sida 2" not in text and "Minnesanteckningar DVG" not in text
    assert "Arbetet fortsätter under våren" in text
    decision = URIRef(f"{item3}/decision")
    assert [str(t) for t in g.objects(decision, PV.decisionText)] == [
        "DVG noterar informationen och ger beredningen i uppdrag att ta fram en handlingsplan till nästa möte."
    ]
    assert (URIRef(f"{DVG}/item/4/decision"), None, None) not in g
    assert g.value(INST["meeting/dvg/2022-05-09"], PV.body) == INST["org/dvg"]  # "Nästa möte … den 9 maj"


VVG = INST["meeting/vvg/2020-09-07"]


def test_vvg_officers_from_header_fields_and_guests() -> None:
    g = graph("vvg_2020-09-07.txt")
    assert roles(g, VVG) == {("Ann-Charlotte Järnström", "chair"), ("Ann Söderström", "vice-chair"),
                             ("Tomas Berglund", "invited-guest"), ("Helena Wikström", "invited-guest")}  # fmt: skip
    assert not list(g.subjects(FOAF.name, Literal("Göteborgs Stad")))  # an organisation is not a person
    assert (INST["person/helena-wikstrom"], ORG.memberOf, INST["org/skr"]) in g
    assert str(g.value(VVG, PV.meetingForm)) == "Skype"


def test_vvg_decision_bullets_and_artefacts() -> None:
    g = graph("vvg_2020-09-07.txt")
    decisions = [URIRef(f"{VVG}/item/3/decision"), URIRef(f"{VVG}/item/3/decision-2")]  # one per bullet
    assert [[str(t) for t in g.objects(d, PV.decisionText)] for d in decisions] == [
        ["VVG fastställer rutinen för hantering av oenighet på regional nivå"],
        ["VVG ger processledarna i uppdrag att följa upp rutinen efter ett år"],
    ]
    literals = [str(o) for o in g.objects() if isinstance(o, Literal)]
    assert not any("Fel!" in t or "Vårdsamverkan Västra Götaland – VVG" in t for t in literals)
    assert set(g.objects(URIRef(f"{VVG}/item/4/decision"), PV.concerns)) == {INST["agreement/hos-avtal-vg-2021"]}
    assert g.value(INST["meeting/vvg/2020-12-11"], DCTERMS.date) == Literal("2020-12-11", datatype=XSD.date)


def test_undated_sro_minutes() -> None:
    g = graph("sro_undated.txt")
    meeting = INST["meeting/sro/undated-sro-undated"]
    assert g.value(meeting, PV.body) == INST["org/sro"]
    assert (str(g.value(meeting, PV.earliestDate)), str(g.value(meeting, PV.latestDate))) == ("2021-12-31",
                                                                                               "2022-02-28")
    assert attendance(g, meeting) == {"Gunnel Rask": ("Absent", None), "Bo Sjöberg": ("Absent", None),
                                      "Tove Åberg": ("LeftEarly", "15:05:00")}  # fmt: skip
    assert {("Johan Ek", "chair"), ("Mona Vik", "vice-chair")} <= roles(g, meeting)
    assert INST["person/erik-andersson"] != INST["person/eva-andersson"]
    assert names(g, g.objects(URIRef(f"{meeting}/item/3"), PV.presenter)) == {"Eva Andersson", "Erik Andersson"}
    decision = URIRef(f"{meeting}/item/3/decision")
    assert set(g.objects(decision, PV.concerns)) == {INST["strategy/fardplan-nara-vard"]}
    stated = [g.value(e, PV.assertion) for e in g.objects(decision, PROV.qualifiedInfluence)]
    assert stated == [PV.Stated]  # the decision's own words name the roadmap


def test_an_undated_meeting_keeps_its_iri_when_its_text_is_corrected(tmp_path: Path) -> None:
    """Undated minutes are named by their file, as sources are, not by their content's checksum."""
    corrected = tmp_path / "sro_undated.txt"
    corrected.write_text(source("sro_undated.txt").text + "\nRättelse: stavningen av ett namn är ändrad.\n", "utf-8")
    changed = read_source(corrected, SourceKind.DOCUMENT)
    assert changed.sha256 != source("sro_undated.txt").sha256
    meetings = set(MinutesLoader().load(changed).graph.subjects(RDF.type, PV.Meeting))
    assert meetings == set(graph("sro_undated.txt").subjects(RDF.type, PV.Meeting)) == {
        INST["meeting/sro/undated-sro-undated"]
    }


def test_the_unseen_minutes_alone_pass_the_shapes(tmp_path: Path) -> None:
    for path in HERE.glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    loaded, origins, unrecognised = load_sources(find_sources(tmp_path))
    assert not unrecognised
    report = verify_sources(loaded, origins, read_turtle(ontology_files()))
    assert report.conforms, report.summary()


def test_an_unrecognised_document_is_reported(tmp_path: Path) -> None:
    (tmp_path / "letter.txt").write_text("Hej!\nHär kommer ett brev utan dagordning.\n", encoding="utf-8")
    shutil.copy(HERE / "dvg_2022-03-14.txt", tmp_path / "dvg.txt")
    _, _, unrecognised = load_sources(find_sources(tmp_path))
    assert [u.path.name for u in unrecognised] == ["letter.txt"]


def test_header_and_roll_call_variants(tmp_path: Path) -> None:
    """A long body name without abbreviation, "Tid och plats:", "X och Y lämnar mötet kl. …", no colon."""
    path = tmp_path / "skaraborg.txt"
    path.write_text(
        "Minnesanteckningar\nSamverkansgrupp Nära vård Skaraborg\n\n"
        "Tid och plats: 3 februari 2022 kl. 13.00-15.30, Teams\n\n1. Mötets öppnande\n\n2. Läget i kommunerna\n"
        "Föredragande: Kim Ek, VGR\nInformation om läget.\nKim Ek och Lo Berg lämnar mötet kl. 15.00.\n"
        "Beslut SKG noterar informationen\n\n3. Avslut\n",
        encoding="utf-8",
    )
    loader = MinutesLoader()
    src = read_source(path, SourceKind.DOCUMENT)
    assert loader.recognise(src)
    g = loader.load(src).graph
    meeting = INST["meeting/samverkansgrupp-nara-vard-skaraborg/2022-02-03"]
    assert str(g.value(g.value(meeting, PV.body), SKOS.prefLabel)) == "Samverkansgrupp Nära vård Skaraborg"
    assert (str(g.value(meeting, PV.startTime)), str(g.value(meeting, PV.endTime))) == ("13:00:00", "15:30:00")
    assert str(g.value(meeting, PV.meetingForm)) == "Teams"
    assert attendance(g, meeting) == {"Kim Ek": ("LeftEarly", "15:00:00"), "Lo Berg": ("LeftEarly", "15:00:00")}
    decision = URIRef(f"{meeting}/item/2/decision")
    assert [str(t) for t in g.objects(decision, PV.decisionText)] == ["SKG noterar informationen"]
    assert "lämnar mötet" not in str(g.value(URIRef(f"{meeting}/item/2"), DCTERMS.description))


def test_two_minutes_of_a_new_body_named_differently_still_pass_the_shapes(tmp_path: Path) -> None:
    shutil.copy(HERE / "dvg_2022-03-14.txt", tmp_path / "dvg_1.txt")
    (tmp_path / "dvg_2.txt").write_text(
        "Minnesanteckningar DVG\n\nDatum: 9 maj 2022\n\n1. Mötets öppnande\n\n2. Uppföljning\n"
        "Föredragande: Karin Berg\nStällningstagande: DVG noterar informationen\n",
        encoding="utf-8",
    )
    loaded, origins, unrecognised = load_sources(find_sources(tmp_path))
    assert not unrecognised
    report = verify_sources(loaded, origins, read_turtle(ontology_files()))
    assert report.conforms, report.summary()
    union = Graph()
    for item in loaded:
        union += item.graph
    assert {str(x) for x in union.objects(INST["org/dvg"], SKOS.prefLabel)} == {
        "Delregional vårdsamverkan Fyrbodal", "DVG"}  # fmt: skip


class _Failing:
    """A kind loader that takes every document and fails on it, as a loader with a bug would."""

    name = "failing"
    version = "1"

    def recognise(self, source: SourceFile) -> bool:
        return True

    def load(self, source: SourceFile) -> LoadedDocument:
        raise IndexError("list index out of range")


def test_a_loader_that_fails_loses_its_document_not_the_build(tmp_path: Path) -> None:
    """The document is registered and reported with the loader and its error; the others load."""
    (tmp_path / "letter.txt").write_text("Hej!\nHär kommer ett brev utan dagordning.\n", encoding="utf-8")
    source = read_source(tmp_path / "letter.txt", SourceKind.DOCUMENT)
    unread = read_facts(source, (_Failing(),))
    assert isinstance(unread, Unread) and unread.path == source.path
    assert unread.reason == "the failing loader could not read it: IndexError: list index out of range"
    ambiguous = read_facts(source, (_Failing(), _Failing()))
    assert isinstance(ambiguous, Unread) and "several loaders" in ambiguous.reason


KS = INST["meeting/kommunstyrelsen/2022-03-16"]


def test_a_protocol_roll_call_with_ordinals_replacements_and_officials() -> None:
    g = graph("ks_protokoll_2022-03-16.txt")
    seen = attendance(g, KS)
    members = ["Dan Nyberg", "Pernilla Fogelström", "Lars Lundberg", "Monica Nordqvist", "Jan-Erik Jonsson",
               "Cecilia Johansson", "Anna Svensson", "Per Karlsson"]  # fmt: skip
    assert {n: seen.get(n) for n in members} == {n: ("Present", None) for n in members}
    assert seen["Anders Wahlström"] == ("Absent", None)
    assert {("Dan Nyberg", "chair"), ("Pernilla Fogelström", "vice-chair")} <= roles(g, KS)
    (absent,) = [p for p in g.subjects(PV.meeting, KS) if g.value(p, PV.attendance) == PV.Absent]
    assert [g.value(e, PV.assertion) for e in g.objects(absent, PV.attestedBy)] == [PV.Inferred]


def test_a_protocol_paragraph_titles_decisions_and_a_titled_presenter() -> None:
    g = graph("ks_protokoll_2022-03-16.txt")
    items = {int(g.value(i, PV.itemNumber)): i for i in g.subjects(PV.meeting, KS) if (i, RDF.type, PV.AgendaItem) in g}
    titles = {n: str(g.value(i, DCTERMS.title)) for n, i in items.items()}
    assert titles == {45: "Val av justerare", 46: "Remissvar – Färdplan nära vård",
                      47: "Överenskommelse om hälso- och sjukvård i hemmet", 48: "Meddelanden"}  # fmt: skip
    decided = {n: [str(g.value(d, PV.decisionText)) for d in g.subjects(PROV.wasGeneratedBy, i)]
               for n, i in items.items()}  # fmt: skip
    assert decided == {
        45: ["Lars Lundberg utses att justera protokollet."],
        46: ["Kommunstyrelsen antar förvaltningens förslag till yttrande och översänder det till "
             "Vårdsamverkan Fyrbodal."],
        47: ["Kommunstyrelsen godkänner överenskommelsen."],
        48: ["Meddelandena läggs till handlingarna."],
    }
    assert names(g, g.objects(items[46], PV.presenter)) == {"Eva Berg"}
    assert "Socialchef Eva Berg" not in names(g, g.subjects(RDF.type, FOAF.Person))
    posts = {str(g.value(p, SKOS.prefLabel)) for p in g.objects(None, ORG.holds)}
    assert "socialchef" in posts and "ocialchef" not in posts


HSN = INST["meeting/halso-och-sjukvardsnamnden/2022-03-17"]


def test_a_notice_invites_proposes_and_names_a_titled_presenter() -> None:
    g = graph("hsn_kallelse_2022-03-17.txt")
    parts = list(g.subjects(PV.meeting, HSN))
    guest = INST["role/invited-guest"]
    invited = {str(g.value(g.value(p, ORG.member), FOAF.name)) for p in parts if (p, ORG.role, guest) in g}
    assert invited == {"Maria Ek", "Olle Sand", "Berit Dahl", "Kent Åberg"}
    assert not attendance(g, HSN)  # invitees are no attendees
    items = {int(g.value(i, PV.itemNumber)): i for i in parts if (i, RDF.type, PV.AgendaItem) in g}
    assert not [d for i in items.values() for d in g.subjects(PROV.wasGeneratedBy, i)]  # proposals: no decisions
    assert str(g.value(items[2], PV.proposedDecisionText)) == "Nämnden antar förvaltningens förslag till remissvar."
    assert names(g, g.objects(items[2], PV.presenter)) == {"Lars Bok"}
    posts = {str(g.value(p, SKOS.prefLabel)) for p in g.objects(None, ORG.holds)}
    assert posts == {"hälso- och sjukvårdsdirektör"}


def test_a_protocol_titled_with_its_body_dated_below_and_deciding_in_att_clauses() -> None:
    g = graph("aldrenamnden_2019-07-04.txt")
    meeting = INST["meeting/aldrenamnden/2019-07-04"]
    assert str(g.value(meeting, DCTERMS.date)) == "2019-07-04"
    assert str(g.value(g.value(meeting, PV.body), SKOS.prefLabel)) == "Äldrenämnden"
    decided = sorted(str(g.value(d, PV.decisionText)) for d in g.subjects(RDF.type, PV.Decision))
    assert decided == ["Nämnden noterar informationen.",
                       "Äldrenämnden beslutar att utse Per Berg att justera protokollet."]  # fmt: skip
    assert attendance(g, meeting) == {"Eva Lund": ("Present", None), "Per Berg": ("Present", None),
                                      "Kim Ax": ("Absent", None)}  # fmt: skip


def test_labelled_roll_call_lines_with_a_substitute_for_a_member() -> None:
    g = graph("valfardsnamnden_2021-11-23.txt")
    meeting = INST["meeting/valfardsnamnden/2021-11-23"]
    assert str(g.value(g.value(meeting, PV.body), SKOS.prefLabel)) == "Välfärdsnämnden"
    seen = attendance(g, meeting)
    present = ["Anna Ek", "Bo Lind", "Cia Berg", "Dan Ström", "Eva Hall", "Gun Sjö", "Hans Åkesson", "Ida Frost",
               "Jan Moberg"]  # fmt: skip
    assert {n: seen.get(n) for n in present} == {n: ("Present", None) for n in present}
    assert (seen["Fred Holm"], seen["Karl Nyström"]) == (("Absent", None), ("Absent", None))
    (holm,) = [p for p in g.subjects(PV.meeting, meeting) if names(g, [g.value(p, ORG.member)]) == {"Fred Holm"}]
    assert [g.value(e, PV.assertion) for e in g.objects(holm, PV.attestedBy)] == [PV.Inferred]  # "för": a reading
    assert {str(g.value(p, SKOS.prefLabel)) for p in g.objects(None, ORG.holds)} == {"förvaltningschef", "sekreterare"}


def test_a_protocol_with_a_page_header_table_and_footers_on_every_page() -> None:
    g = graph("socialnamnden_2022-03-16.txt")
    meeting = INST["meeting/socialnamnden/2022-03-16"]
    assert str(g.value(meeting, DCTERMS.date)) == "2022-03-16"  # below "Sammanträdesdatum", in its column
    assert str(g.value(g.value(meeting, PV.body), SKOS.prefLabel)) == "Socialnämnden"
    items = {int(g.value(i, PV.itemNumber)): i for i in g.subjects(PV.meeting, meeting)
             if (i, RDF.type, PV.AgendaItem) in g}  # fmt: skip
    assert {n: str(g.value(i, DCTERMS.title)) for n, i in items.items()} == {
        12: "Yttrande över remiss av Färdplan nära vård", 13: "Delårsrapport", 14: "Meddelanden"}
    texts = " ".join(str(o) for i in items.values() for o in g.objects(i, DCTERMS.description))
    assert "Justerandes sign" not in texts and "Sammanträdesdatum" not in texts  # page furniture
    seen = attendance(g, meeting)
    assert {n for n, (status, _) in seen.items() if status == "Present"} == {
        "Anna Berg", "Bo Ek", "Cecilia Dahl", "David Falk", "Eva Gran", "Frida Holm"}
    assert names(g, g.objects(items[12], PV.presenter)) == {"Eva Gran"}


def test_meetings_and_decisions_have_names_people_use() -> None:
    """A meeting is named by its body's short name and its day, or the range an undated one lies in; a
    decision by its text, cut at a word when long. Each name has evidence like any fact."""
    g = graph("vvg_2020-09-07.txt")
    assert set(g.objects(INST["meeting/vvg/2020-09-07"], RDFS.label)) == {
        Literal("VVG, 7 september 2020", lang="sv"), Literal("VVG, 7 September 2020", lang="en")}  # fmt: skip
    assert Literal("VVG, 11 december 2020", lang="sv") in set(g.objects(INST["meeting/vvg/2020-12-11"], RDFS.label))
    assert [str(x) for x in g.objects(URIRef(f"{VVG}/item/3/decision-2"), RDFS.label)] == [
        "VVG ger processledarna i uppdrag att följa upp rutinen efter ett år"
    ]
    undated = graph("sro_undated.txt")
    meeting = INST["meeting/sro/undated-sro-undated"]
    assert set(undated.objects(meeting, RDFS.label)) == {
        Literal("SRO, 31 december 2021 – 28 februari 2022", lang="sv"),
        Literal("SRO, 31 December 2021 – 28 February 2022", lang="en"),
    }
    for g_, subject in ((g, INST["meeting/vvg/2020-09-07"]), (undated, meeting)):
        evidence = [e for e in g_.objects(subject, PV.attestedBy) if (e, PV.linkProperty, RDFS.label) in g_]
        assert evidence and all(g_.value(e, PV.assertion) == PV.Inferred for e in evidence)


def test_a_long_decision_is_named_by_its_first_words() -> None:
    from proveniens.loaders.minutes.writing.write import shortened

    text = "SRO noterar informationen och presidiet tar med sig önskan om en presentation gällande arbetet med " \
           "välfärdsteknik i samverkan."  # fmt: skip
    name = shortened(text)
    assert name.endswith(" …") and len(name) <= 92 and text.startswith(name.removesuffix(" …"))
    assert shortened("SRO noterar informationen.") == "SRO noterar informationen."
