"""Issue 16's questions asked through /sparql of the bundled build, which holds sources/riksdagen.

The vote counts are compared with the votering record's own rows (and the totals the issue states)."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from proveniens.build import BuildReport
from proveniens.named_queries import named_queries
from proveniens.service.app import create_app
from proveniens.service.sparql.backend.bindings import encode_terms, with_values
from proveniens.settings import Settings

REPO = Path(__file__).resolve().parents[3]
VOTES = REPO / "sources" / "riksdagen" / "H701CU5-1-0027A0A4-925A-4E95-9ECC-0D6EDFC4A5DD.json"
B = "https://w3id.org/proveniens/"
PREFIXES = """PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX eli-dl: <http://data.europa.eu/eli/eli-draft-legislation-ontology#>
PREFIX pv: <https://w3id.org/proveniens/ontology#>
PREFIX rpubl: <http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#>
"""


@pytest.fixture(scope="module")
def client(bundled_build: tuple[Path, BuildReport]) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(store=bundled_build[0]))) as c:
        yield c


def select(client: TestClient, query: str) -> list[dict[str, str]]:
    response = client.post("/sparql", data={"query": query}, headers={"Accept": "text/csv"})
    assert response.status_code == 200, response.text
    return list(csv.DictReader(io.StringIO(response.text)))


def test_prop_2019_20_8_was_handled_in_cu4_and_decided_by_acclamation(client: TestClient) -> None:
    rows = select(client, PREFIXES + f"""
        SELECT ?bet ?point ?method ?date ?letter WHERE {{
          ?bet pv:handles <{B}prop/2019/20:8> ; pv:riksdagLetter ?letter .
          ?point dcterms:isPartOf ?bet ; pv:pointNumber 1 ; pv:decisionMethod ?method ; dcterms:date ?date ;
                 eli-dl:decided_on_a_realization_of <{B}prop/2019/20:8> .
        }}""")  # fmt: skip
    assert rows == [{
        "bet": f"{B}bet/2019/20:CU4", "point": f"{B}bet/2019/20:CU4/punkt/1", "method": f"{B}ontology#Acclamation",
        "date": "2019-11-20", "letter": f"{B}rskr/2019/20:50",
    }]  # fmt: skip


def test_prop_2019_20_8_comes_from_the_memorandum_it_was_prepared_from_and_cites_sou_2018_25(
    client: TestClient,
) -> None:
    """The bill builds on Ds 2018:18; it cites SOU 2018:25 in support ("se bl.a."). Both with the quote."""
    rows = select(client, PREFIXES + f"""
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?link ?report ?quote WHERE {{
          VALUES ?link {{ rpubl:utgarFran dcterms:references }}
          <{B}prop/2019/20:8> ?link ?report .
          ?evidence pv:linkProperty ?link ; pv:quote ?quote ;
                    prov:entity|prov:influencer ?report .
          <{B}prop/2019/20:8> prov:qualifiedDerivation|prov:qualifiedInfluence ?evidence .
          FILTER(?report IN (<{B}ds/2018:18>, <{B}sou/2018:25>))
        }}""")
    found = {(r["link"].rsplit("#", 1)[-1].rsplit("/", 1)[-1], r["report"].removeprefix(B)): r["quote"] for r in rows}
    assert set(found) == {("utgarFran", "ds/2018:18"), ("references", "sou/2018:25")}
    assert "(Ds 2018:18)" in found["utgarFran", "ds/2018:18"]
    assert "SOU 2018:25 s. 463" in found["references", "sou/2018:25"]
    # in the lineage index: the bill rests on the memorandum; it is among what came of the SOU
    rows = select(client, PREFIXES + f"""
        SELECT ?rests ?came WHERE {{
          BIND (EXISTS {{ <{B}prop/2019/20:8> pv:restsOn <{B}ds/2018:18> }} AS ?rests)
          BIND (EXISTS {{ <{B}sou/2018:25> pv:ledTo <{B}prop/2019/20:8> }} AS ?came)
        }}""")
    assert rows == [{"rests": "true", "came": "true"}]


def test_the_named_query_counts_the_cu5_point_1_vote_per_party_as_in_the_record(client: TestClient) -> None:
    query = named_queries()["riksdag_votes"]
    values = encode_terms(query.bind({"report": f"{B}bet/2019/20:CU5", "point": "1"}))
    rows = select(client, with_values(query.text, values))
    record = json.loads(VOTES.read_text(encoding="utf-8"))["dokvotering"]["votering"]
    expected = {
        party: Counter(r["rost"] for r in record if r["parti"] == party) for party in {r["parti"] for r in record}
    }
    got = {
        r["party"]: Counter({"Ja": int(r["yes"]), "Nej": int(r["no"]), "Avstår": int(r["abstain"]),
                             "Frånvarande": int(r["absent"])})
        for r in rows
    }  # fmt: skip
    assert {p: +c for p, c in got.items()} == expected
    assert {r["date"] for r in rows} == {"2019-11-28"}
    total = sum(got.values(), Counter())
    assert (total["Ja"], total["Nej"], total["Frånvarande"]) == (299, 28, 22)


def test_skr_2018_19_113_is_a_skrivelse_not_a_proposition(client: TestClient) -> None:
    rows = select(client, PREFIXES + f"""
        SELECT ?type WHERE {{ <{B}skr/2018/19:113> a ?type }} ORDER BY ?type""")
    types = {r["type"] for r in rows}
    assert "http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#Skrivelse" in types
    assert "http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#Proposition" not in types
    (row,) = select(client, f"SELECT (COUNT(*) AS ?n) WHERE {{ <{B}prop/2018/19:113> ?p ?o }}")
    assert row["n"] == "0", "the skrivelse was also minted as a proposition"


def test_prop_1991_92_167_from_ferenda_s_xml_was_handled_in_two_betankanden(client: TestClient) -> None:
    rows = select(client, PREFIXES + f"""
        SELECT ?bet ?id WHERE {{ ?bet pv:handles <{B}prop/1991/92:167> ; dcterms:identifier ?id }} ORDER BY ?id""")
    assert [r["id"] for r in rows] == ["Bet. 1991/92:LU38", "Bet. 1992/93:LU3"]
