"""The Riksdagen loader on the real records in tests/fixtures/riksdagen (openriksdag JSON, ferenda XML).

Expected values are read from the fixture files themselves (the record's own fields), except the
few the issue states (CU4 point 1 by acclamation on 2019-11-20, rskr 2019/20:50; CU5 point 1:
299 Ja, 28 Nej, 22 Frånvarande).
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

from proveniens.loaders.registry import Unread, choose_loader, read_facts
from proveniens.loaders.riksdagen.loader import RiksdagenLoader
from proveniens.loaders.sources import SourceKind, read_source
from proveniens.namespaces import ELI_DL, INST, ORG, PROV, PV, RPUBL

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "riksdagen"
VOTE_FILE = FIXTURES / "H701CU5-1-0027A0A4-925A-4E95-9ECC-0D6EDFC4A5DD.json"
CHOICE = {"Ja": PV.Yes, "Nej": PV.No, "Avstår": PV.Abstain, "Frånvarande": PV.AbsentFromVote}


@cache
def loaded(name: str) -> Graph:
    read = read_facts(read_source(FIXTURES / name, SourceKind.DOCUMENT))
    assert not isinstance(read, Unread), read
    loader, document = read
    assert loader.name == "riksdagen"
    return document.graph


def test_records_are_recognised_by_content_not_by_name(tmp_path: Path) -> None:
    renamed = tmp_path / "betankande.txt"
    shutil.copy(FIXTURES / "h701cu4.json", renamed)
    assert isinstance(choose_loader(read_source(renamed, SourceKind.DOCUMENT)), RiksdagenLoader)
    prose = tmp_path / "prose.json"
    prose.write_text('{"titel": "Protokoll fört vid sammanträde med dokumentstatus"}', encoding="utf-8")
    assert not RiksdagenLoader().recognise(read_source(prose, SourceKind.DOCUMENT))


def test_prop_2019_20_8_is_handled_in_cu4_whose_point_1_was_decided_by_acclamation() -> None:
    g = loaded("h7038.json") + loaded("h701cu4.json")
    prop, bet = INST["prop/2019/20:8"], INST["bet/2019/20:CU4"]
    point = URIRef(f"{bet}/punkt/1")
    assert (prop, RDF.type, RPUBL.Proposition) in g
    assert (bet, PV.handles, prop) in g
    assert (point, DCTERMS.isPartOf, bet) in g
    assert (point, PV.decisionMethod, PV.Acclamation) in g
    assert (point, DCTERMS.date, Literal("2019-11-20", datatype=XSD.date)) in g
    assert (point, ELI_DL.decided_on_a_realization_of, prop) in g
    assert (bet, PV.riksdagLetter, INST["rskr/2019/20:50"]) in g
    assert (INST["rskr/2019/20:50"], RDF.type, PV.RiksdagLetter) in g


def test_every_link_cites_the_record_words_that_state_it() -> None:
    g = loaded("h701cu4.json")
    point, prop = INST["bet/2019/20:CU4/punkt/1"], INST["prop/2019/20:8"]
    quotes = [
        str(g.value(e, PV.quote))
        for e in g.objects(point, PROV.qualifiedInfluence)
        if (e, PROV.influencer, prop) in g and (e, PV.linkProperty, ELI_DL.decided_on_a_realization_of) in g
    ]
    assert quotes == ["proposition 2019/20:8"]


def test_the_record_s_own_fields_become_the_document_s_identity() -> None:
    record = json.loads((FIXTURES / "h701cu5.json").read_text(encoding="utf-8"))["dokumentstatus"]
    doc = record["dokument"]
    bet = INST[f"bet/{doc['rm']}:{doc['beteckning']}"]
    g = loaded("h701cu5.json")
    assert g.value(bet, DCTERMS.title) == Literal(doc["titel"], lang="sv")
    assert (bet, DCTERMS.identifier, Literal(f"Bet. {doc['rm']}:{doc['beteckning']}")) in g
    points = record["dokutskottsforslag"]["utskottsforslag"]
    assert {int(p["punkt"]) for p in points} == {int(n) for n in g.objects(None, PV.pointNumber)}
    reservations = record["dokmotforslag"]["motforslag"]
    assert len(set(g.subjects(RDF.type, PV.Reservation))) == len(reservations)
    for res in reservations:
        node = URIRef(f"{bet}/reservation/{res['nummer']}")
        parties = {str(g.value(p, SKOS.notation)) for p in g.objects(node, DCTERMS.creator)}
        assert parties == {p.strip('"') for p in res["partier"].split(",")}


def test_the_vote_on_cu5_point_1_counts_each_member_s_choice_by_party() -> None:
    rows = json.loads(VOTE_FILE.read_text(encoding="utf-8"))["dokvotering"]["votering"]
    g = loaded(VOTE_FILE.name)
    (vote,) = set(g.objects(INST["bet/2019/20:CU5/punkt/1"], PV.vote))
    ballots = list(g.objects(vote, PV.ballot))
    assert len(ballots) == len(rows)
    counted = Counter(
        (str(g.value(g.value(b, PV.voterParty), SKOS.notation) or "-"), g.value(b, PV.choice)) for b in ballots
    )
    assert counted == Counter((r["parti"], CHOICE[r["rost"]]) for r in rows)
    totals = Counter(g.value(b, PV.choice) for b in ballots)
    assert (totals[PV.Yes], totals[PV.No], totals[PV.AbsentFromVote]) == (299, 28, 22)


def test_members_are_people_with_their_party_and_constituency_on_the_vote_day() -> None:
    row = json.loads(VOTE_FILE.read_text(encoding="utf-8"))["dokvotering"]["votering"][0]
    g = loaded(VOTE_FILE.name)
    ballot = INST[f"votering/{row['votering_id'].lower()}/{row['intressent_id']}"]
    person = g.value(ballot, PV.voter)
    assert str(g.value(person, FOAF.name)) == row["namn"]
    assert str(g.value(ballot, PV.constituency)) == row["valkrets"]
    party = g.value(ballot, PV.voterParty)
    (membership,) = g.subjects(ORG.member, person)
    assert (membership, ORG.organization, party) in g
    assert str(g.value(party, SKOS.notation)) == row["parti"]


def test_a_skrivelse_filed_as_prop_is_a_skrivelse_not_a_proposition() -> None:
    g = loaded("h603113.json")
    skr = INST["skr/2018/19:113"]
    assert (skr, RDF.type, RPUBL.Skrivelse) in g
    assert not list(g.subjects(RDF.type, RPUBL.Proposition))
    assert (INST["bet/2018/19:TU19"], PV.handles, skr) in g
    in_bet = loaded("h601tu19.json")
    assert (skr, RDF.type, RPUBL.Skrivelse) in in_bet and (skr, RDF.type, RPUBL.Proposition) not in in_bet


def test_prop_1991_92_167_from_xml_is_handled_in_two_betankanden() -> None:
    g = loaded("GF03167.xml")
    prop = INST["prop/1991/92:167"]
    assert (prop, DCTERMS.identifier, Literal("Prop. 1991/92:167")) in g
    assert set(g.subjects(PV.handles, prop)) == {INST["bet/1991/92:LU38"], INST["bet/1992/93:LU3"]}


@pytest.mark.parametrize("name", ["h7038.json", "GF03167.xml"])
def test_a_truncated_record_is_an_error_naming_the_file(tmp_path: Path, name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    cut = tmp_path / name
    cut.write_text(text[: len(text) // 2], encoding="utf-8")
    read = read_facts(read_source(cut, SourceKind.DOCUMENT))
    assert isinstance(read, Unread)
    assert str(cut) in read.reason and "cut off" in read.reason


def test_a_proposition_references_the_sou_its_full_text_cites_with_the_words_as_evidence() -> None:
    g = loaded("h7038.json")
    prop, sou = INST["prop/2019/20:8"], INST["sou/2018:25"]
    assert (prop, DCTERMS.references, sou) in g
    assert (prop, RPUBL.utgarFran, sou) not in g  # cited in support ("se bl.a."), not built on
    (evidence,) = [e for e in g.objects(prop, PROV.qualifiedInfluence) if (e, PROV.influencer, sou) in g]
    assert "SOU 2018:25 s. 463" in str(g.value(evidence, PV.quote))
    assert g.value(evidence, PV.assertion) == PV.Stated


@pytest.mark.parametrize(
    ("name", "prop", "report", "words"),
    [
        ("h7038.json", "prop/2019/20:8", "ds/2018:18", "Uppdraget har redovisats i departementspromemorian"),
        ("h70321.json", "prop/2019/20:21", "ds/2019:6", "Remissyttranden över promemorian"),
    ],
)
def test_a_proposition_is_based_on_the_report_its_text_says_it_was_prepared_from(
    name: str, prop: str, report: str, words: str
) -> None:
    g = loaded(name)
    bill, basis = INST[prop], INST[report]
    assert set(g.objects(bill, RPUBL.utgarFran)) == {basis}
    (evidence,) = [e for e in g.objects(bill, PROV.qualifiedDerivation) if (e, PROV.entity, basis) in g]
    quote = str(g.value(evidence, PV.quote))
    identifier = str(g.value(basis, DCTERMS.identifier))
    assert words in quote and f"({identifier})" in quote
    assert g.value(evidence, PV.linkProperty) == RPUBL.utgarFran
    assert (basis, RDF.type, None) not in g  # known by its identifier only: no title, no inquiry


def test_a_report_links_to_its_record_and_to_lagen_nu() -> None:
    g = loaded("h701cu4.json")
    bet = INST["bet/2019/20:CU4"]
    record = json.loads((FIXTURES / "h701cu4.json").read_text(encoding="utf-8"))["dokumentstatus"]["dokument"]
    assert set(g.objects(bet, RDFS.seeAlso)) == {
        URIRef(f"https://data.riksdagen.se/dokument/{record['dok_id']}"), URIRef("https://lagen.nu/bet/2019/20:CU4")
    }
