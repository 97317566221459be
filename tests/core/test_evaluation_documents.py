"""The document evaluation (gold/README.md, "Documents gold"): recall per relation and invented facts.

The scorer is checked on small graphs written here in the loaders' model; the fixture folder is checked
to be evaluated whole, through the real loader pipeline.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, SKOS, XSD

from proveniens.errors import SourceError
from proveniens.evaluation.documents import (
    DOCUMENTS_DIR,
    RELATIONS,
    evaluate_documents,
    honest,
    matched,
    read_documents_gold,
    render_documents,
    score_document,
)
from proveniens.evaluation.graph import contains, read_graph
from proveniens.namespaces import INST, ORG, PV

REPO = Path(__file__).resolve().parents[2]
CLI = Path(sys.executable).with_name("proveniens")
MEETING = INST["meeting/hsn/2018-09-19"]
ITEM = INST["meeting/hsn/2018-09-19/item/2"]


def entry(**fields: Any) -> dict[str, Any]:
    """A gold entry with every field gold.json has, empty unless given."""
    base: dict[str, Any] = {
        "file": "d.txt", "kind": "meeting_minutes", "meeting_date": None, "date_range": None, "document_date": None,
        "presenters": [], "attendees_present": [], "attendees_present_inferred": [], "absent": [],
        "absent_inferred": [], "decisions": [], "proposed_decisions": [], "cited_documents": [], "responder": None,
        "responds_to": None, "positions": [], "persons_named": [], "must_not_be_attendees": [],
    }  # fmt: skip
    return base | fields


def person(g: Graph, slug: str, name: str) -> URIRef:
    iri = INST[f"person/{slug}"]
    g.add((iri, RDF.type, FOAF.Person))
    g.add((iri, FOAF.name, Literal(name)))
    return iri


def attends(g: Graph, who: URIRef, status: URIRef) -> None:
    part = INST[f"membership/hsn-{who.rsplit('/', 1)[-1]}"]
    g.add((part, RDF.type, PV.MeetingParticipation))
    g.add((part, ORG.member, who))
    g.add((part, PV.meeting, MEETING))
    g.add((part, PV.attendance, status))


def minutes(day: str | None = "2018-09-19") -> Graph:
    """A meeting with one agenda item (so the document records it), dated `day`."""
    g = Graph()
    g.add((MEETING, RDF.type, PV.Meeting))
    if day is not None:
        g.add((MEETING, DCTERMS.date, Literal(day, datatype=XSD.date)))
    g.add((ITEM, RDF.type, PV.AgendaItem))
    g.add((ITEM, PV.meeting, MEETING))
    return g


def scored(gold: dict[str, Any], g: Graph) -> tuple[dict[str, tuple[int, int]], list[str]]:
    return score_document(gold, read_graph(g))


def test_right_facts_are_found_whatever_the_spelling_of_names() -> None:
    g = minutes()
    g.add((ITEM, PV.presenter, person(g, "agneta-eriksson", "Agneta Eriksson")))
    attends(g, person(g, "ulrik-hammar", "ULRIK  HAMMAR"), PV.Present)
    vivianne = person(g, "vivianne-gustavsson", "Vivianne Gustavsson")
    g.add((vivianne, SKOS.altLabel, Literal("Vivanne Gustavsson")))
    attends(g, vivianne, PV.LeftEarly)
    attends(g, INST["person/hasse-johansson"], PV.Absent)  # no name in the graph: the IRI's last segment counts
    decision = INST["meeting/hsn/2018-09-19/item/1/decision"]
    g.add((decision, RDF.type, PV.Decision))
    g.add((decision, PV.decisionText, Literal("Vivianne Gustavsson (PRO) utses att justera protokollet", lang="sv")))
    g.add((ITEM, DCTERMS.references, INST["prop/2017/18:249"]))
    gold = entry(
        meeting_date="2018-09-19", presenters=["Agneta Eriksson"],
        attendees_present=["Ulrik Hammar", "Vivanne Gustavsson"], absent_inferred=["Hasse Johansson"],
        decisions=["Vivianne Gustavsson (PRO) utses att justera protokollet."],
        cited_documents=["prop. 2017/18:249"],
    )  # fmt: skip
    counts, invented = scored(gold, g)
    assert counts["date"] == (1, 1) and counts["presenters"] == (1, 1) and counts["attendees"] == (2, 2)
    assert counts["absent"] == (1, 1) and counts["decisions"] == (1, 1) and counts["citations"] == (1, 1)
    assert counts["positions"] == (0, 0) and invented == []


def test_a_missing_fact_lowers_recall() -> None:
    g = minutes()
    g.add((ITEM, PV.presenter, person(g, "agneta-eriksson", "Agneta Eriksson")))
    counts, invented = scored(entry(meeting_date="2018-09-19", presenters=["Agneta Eriksson", "Ben Norman"]), g)
    assert counts["presenters"] == (1, 2) and invented == []
    counts, _ = scored(entry(meeting_date="2018-09-19", presenters=["Agneta Eriksson"]), Graph())
    assert counts["presenters"] == (0, 1) and counts["date"] == (0, 1)


def test_a_wrong_day_and_a_day_where_the_text_states_none_are_invented() -> None:
    counts, invented = scored(entry(meeting_date="2018-09-19"), minutes("2018-09-18"))
    assert counts["date"] == (0, 1)
    assert invented == ["date: meeting/hsn/2018-09-19 on 2018-09-18; the text says 2018-09-19"]
    _, invented = scored(entry(date_range=["2022-05-17", "2022-05-17"]), minutes("2022-05-17"))
    assert len(invented) == 1 and "the text states no day" in invented[0]


def test_a_range_is_found_when_it_is_the_gold_range_and_invented_when_it_leaves_the_day_out() -> None:
    g = minutes(None)
    g.add((MEETING, PV.earliestDate, Literal("2022-05-17", datatype=XSD.date)))
    g.add((MEETING, PV.latestDate, Literal("2022-05-17", datatype=XSD.date)))
    counts, invented = scored(entry(date_range=["2022-05-17", "2022-05-17"]), g)
    assert counts["date"] == (1, 1) and invented == []
    counts, invented = scored(entry(meeting_date="2022-06-01"), g)
    assert counts["date"] == (0, 1) and len(invented) == 1 and "between 2022-05-17 and 2022-05-17" in invented[0]


def test_a_meeting_only_listed_in_a_schedule_is_not_judged() -> None:
    g = minutes("2018-09-19")
    later = INST["meeting/hsn/2018-10-24"]
    g.add((later, RDF.type, PV.Meeting))
    g.add((later, DCTERMS.date, Literal("2018-10-24", datatype=XSD.date)))
    counts, invented = scored(entry(meeting_date="2018-09-19"), g)
    assert counts["date"] == (1, 1) and invented == []


def test_an_invitee_or_a_person_merely_named_recorded_present_is_invented() -> None:
    g = minutes(None)
    attends(g, person(g, "erik-martinsson", "Erik Martinsson"), PV.Present)
    attends(g, person(g, "niklas-daoson", "Niklas Daoson"), PV.Present)
    attends(g, person(g, "jonas-andersson", "Jonas Andersson"), PV.Present)
    gold = entry(
        persons_named=["Erik Martinsson"], must_not_be_attendees=["Niklas Daoson"],
        attendees_present_inferred=["Jonas Andersson"],
    )  # fmt: skip
    counts, invented = scored(gold, g)
    assert counts["attendees"] == (1, 1)
    assert sorted(invented) == [
        "attendees: Erik Martinsson recorded present; the gold has them named, not an attendee",
        "attendees: Niklas Daoson recorded present; the gold has them listed as must not be an attendee",
    ]


def test_a_decision_in_a_notice_is_invented() -> None:
    g = minutes(None)
    decision = INST["meeting/hsn/2018-09-19/item/2/decision"]
    g.add((decision, RDF.type, PV.Decision))
    g.add((decision, PV.decisionText, Literal("Fastställs", lang="sv")))
    _, invented = scored(entry(proposed_decisions=["Fastställs"]), g)
    assert invented == [
        "decisions: 'Fastställs' recorded as a decision; the gold has only proposed decisions (a notice)"
    ]
    g.remove((decision, None, None))
    g.add((ITEM, PV.proposedDecisionText, Literal("Fastställs", lang="sv")))  # where a notice's proposal belongs
    assert scored(entry(proposed_decisions=["Fastställs"]), g)[1] == []


def remiss(stance: URIRef, quote: str) -> Graph:
    g = Graph()
    response, org, sou = INST["remissvar/lakarforbundet-sou-2020-19"], INST["org/lakarforbundet"], INST["sou/2020:19"]
    g.add((response, RDF.type, PV.RemissResponse))
    g.add((response, DCTERMS.creator, org))
    g.add((org, SKOS.prefLabel, Literal("Sveriges läkarförbund", lang="sv")))
    g.add((response, PV.respondsTo, sou))
    g.add((response, DCTERMS.date, Literal("2020-09-01", datatype=XSD.date)))
    position = INST["remissvar/lakarforbundet-sou-2020-19/position/1"]
    g.add((response, PV.position, position))
    g.add((position, PV.stance, stance))
    g.add((position, PV.quote, Literal(quote)))
    return g


LAKARFORBUNDET = entry(
    kind="remiss_response", document_date="2020-09-01", cited_documents=["SOU 2020:19"],
    responder="Sveriges läkarförbund", responds_to="SOU 2020:19",
    positions=[{"proposal": "de två scenarier för den nationella taxan", "position": "avstyrker",
                "quote": "Därför avstyrker Läkarförbundet de två scenarier för den nationella taxan som utredningen "
                         "skissar."},
               {"proposal": "SOU 2017:53", "position": "not retrievable", "quote": None}],
)  # fmt: skip


def test_a_remiss_response_is_scored_on_responder_sou_date_and_positions() -> None:
    g = remiss(PV.Opposes, "avstyrker Läkarförbundet de två scenarier för den nationella taxan")
    counts, invented = scored(LAKARFORBUNDET, g)
    assert counts["responder"] == counts["sou"] == counts["citations"] == counts["date"] == (1, 1)
    assert counts["positions"] == (1, 1) and invented == []  # a position without a quote is not counted
    counts, _ = scored(LAKARFORBUNDET, remiss(PV.Supports, "avstyrker Läkarförbundet de två scenarier"))
    assert counts["positions"] == (0, 1)  # the right words with the wrong stance


def test_an_undated_response_given_a_day_is_invented() -> None:
    _, invented = scored(LAKARFORBUNDET | {"document_date": None}, remiss(PV.Opposes, "avstyrker"))
    assert invented == ["date: remissvar/lakarforbundet-sou-2020-19 on 2020-09-01; the text states no day"]


def test_one_graph_fact_stands_for_one_gold_fact() -> None:
    assert contains("om nytt avtal om naturbruksutbildning", "Beslut om nytt avtal om naturbruksutbildning.")
    assert not contains("om nytt avtal", "om nytt avtalet")
    whole = "Regionstyrelsen beslutade om A-avtalet och om B-avtalet"
    assert matched(["om A-avtalet", "om B-avtalet"], [whole], contains) == 1
    assert matched(["om A-avtalet", "om B-avtalet"], [whole, "om B-avtalet"], contains) == 2


def test_every_fixture_document_is_evaluated_through_the_loaders() -> None:
    gold = read_documents_gold()
    texts = {p.name for p in DOCUMENTS_DIR.glob("*.txt")}
    assert len(texts) == 12 and set(gold) == texts
    scores = evaluate_documents()
    assert [s.file for s in scores] == sorted(texts)
    for s in scores:
        assert set(s.counts) == set(RELATIONS)
        assert s.gold > 0, s.file
        assert (s.loader is None) == (s.unrecognised is not None or s.failure is not None), s
    table = render_documents(scores).splitlines()
    assert all(any(line.startswith(name.removesuffix(".txt")) for line in table) for name in texts)
    assert table[-1].startswith(f"documents: {sum(s.loader is not None for s in scores)} of 12 recognised")


def test_a_document_without_gold_stops_the_evaluation(tmp_path: Path) -> None:
    shutil.copytree(DOCUMENTS_DIR, tmp_path / "documents")
    (tmp_path / "documents" / "extra.txt").write_text("Protokoll\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"extra\.txt"):
        read_documents_gold(tmp_path / "documents")


def test_an_unrecognised_document_is_reported_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text("Inköpslista\n\nmjölk, bröd\n", encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps([entry(file="note.txt", presenters=["Anna Berg"])]), "utf-8")
    [s] = evaluate_documents(tmp_path)
    assert s.loader is None and s.unrecognised and "no loader recognises it" in s.unrecognised
    assert s.counts["presenters"] == (0, 1) and honest([s])
    assert "unrecognised: note.txt: no loader recognises it" in render_documents([s])


def test_the_eval_command_fails_on_a_day_the_loader_reads_but_the_gold_denies(tmp_path: Path) -> None:
    """End to end with the real minutes loader: the corpus SRO minutes of 24 September 2021, against a gold
    that (wrongly, on purpose) says the text states no day."""
    shutil.copy(REPO / "sources" / "corpus" / "001_06d9e870a2ccb54a.txt", tmp_path)
    gold = entry(file="001_06d9e870a2ccb54a.txt", date_range=["2021-09-01", "2021-09-30"])
    (tmp_path / "gold.json").write_text(json.dumps([gold]), encoding="utf-8")
    result = subprocess.run(
        [str(CLI), "eval", "--no-details", "--documents", str(tmp_path)],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1, result.stdout + result.stderr
    assert "invented: 001_06d9e870a2ccb54a.txt: date: meeting/sro/2021-09-24 on 2021-09-24" in result.stdout
    assert "invented fact" in result.stderr
