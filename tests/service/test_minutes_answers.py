"""The minutes questions answered through /sparql, each answer with its evidence (file, lines, quote).

Who was absent from SRO on 24 September 2021 and who left at 14.15; every decision of that meeting
with what it concerns; the chair and vice chair of VVG at each VVG meeting, with the meeting's date or
date range. The queries are the named queries in queries/*.rq, sent to /sparql with the parameter
bound in a VALUES clause, and run once more as named queries with the parameter substituted as a term.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from proveniens.build import BuildReport
from proveniens.named_queries import named_queries, run_named_query
from proveniens.service.app import create_app
from proveniens.settings import Settings

B = "https://w3id.org/proveniens/"
SRO = B + "meeting/sro/2021-09-24"
PV = "https://w3id.org/proveniens/ontology#"


@pytest.fixture(scope="module")
def client(bundled_build: tuple[Path, BuildReport]) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(store=bundled_build[0]))) as c:
        yield c


def ask(client: TestClient, name: str, **params: str) -> list[dict[str, str]]:
    """Run queries/<name>.rq through /sparql with each parameter bound by a VALUES clause."""
    text = named_queries()[name].text
    values = " ".join(f"VALUES ?{k} {{ <{v}> }}" for k, v in params.items())
    where = text.index("WHERE {") + len("WHERE {")
    query = text[:where] + " " + values + text[where:]
    response = client.post("/sparql", data={"query": query}, headers={"Accept": "text/csv"})
    assert response.status_code == 200, response.text
    return list(csv.DictReader(io.StringIO(response.text)))


def with_evidence(rows: list[dict[str, str]]) -> None:
    for row in rows:
        assert row["quote"].strip() and row["file"].endswith(".txt"), row
        assert 1 <= int(row["lineStart"]) <= int(row["lineEnd"]), row
        assert row["assertion"] in (PV + "Stated", PV + "Inferred"), row


def test_who_was_absent_from_sro_on_24_september_2021(client: TestClient) -> None:
    rows = [r for r in ask(client, "meeting_attendance", meeting=SRO) if r["status"] == PV + "Absent"]
    assert {r["name"] for r in rows} == {"Bengt Hilmersson", "Johnny Magnusson", "Håkan Linnarsson",
                                         "Rose-Marie Nyborg"}  # fmt: skip
    with_evidence(rows)
    assert {(r["file"], r["lineStart"]) for r in rows} == {("001_06d9e870a2ccb54a.txt", "25")}
    assert all(r["quote"].startswith("Ej närvarande:") for r in rows)


def test_who_left_sro_at_14_15(client: TestClient) -> None:
    rows = [r for r in ask(client, "meeting_attendance", meeting=SRO) if r["leftAt"] == "14:15:00"]
    assert {r["name"] for r in rows} == {"Axel Josefsson", "Katarina Jonsson", "Jonas Andersson", "Ulf Olsson"}
    assert {r["status"] for r in rows} == {PV + "LeftEarly"}
    with_evidence(rows)
    assert all("Lämnar mötet klockan 14.15" in r["quote"] and r["lineStart"] == "27" for r in rows)


def test_every_decision_of_the_sro_meeting_with_what_it_concerns(client: TestClient) -> None:
    rows = ask(client, "meeting_decisions", meeting=SRO)
    with_evidence(rows)
    texts = {(int(r["itemNumber"]), r["value"]) for r in rows if r["kind"] == "text"}
    assert texts == {
        (3, "SRO tar med frågan om fortsatta digitala möten till beredning i presidiet."),
        (6, "SRO ställer sig bakom remiss Färdplan – länsgemensam strategi för god och nära vård"),
        (6, "SRO ställer sig bakom remiss Hälso- och sjukvårdsavtal med tillhörande överenskommelser"),
        (7, "SRO noterar informationen."),
        (
            8,
            "SRO noterar informationen och presidiet tar med sig önskan om en presentation gällande arbetet med "
            "välfärdsteknik i samverkan.",
        ),
        (9, "SRO noterar informationen."),
    }
    concerns = {(r["value"], r["lineStart"], r["assertion"]) for r in rows if r["kind"] == "concerns"}
    assert concerns == {(B + "strategy/fardplan-nara-vard", "209", PV + "Stated"),
                        (B + "agreement/hos-avtal-vg-2021", "212", PV + "Stated")}  # fmt: skip
    labels = {r["valueLabel"] for r in rows if r["kind"] == "concerns"}
    assert "Färdplan – länsgemensam strategi för god och nära vård" in labels  # the curated title


def test_chair_and_vice_chair_of_vvg_at_each_meeting_with_its_dates(client: TestClient) -> None:
    rows = ask(client, "body_officers", body=B + "org/vvg")
    with_evidence(rows)
    found = {(r["earliest"], r["latest"], r["date"], r["role"].rsplit("/", 1)[-1], r["name"]) for r in rows}
    assert found == {
        ("2021-01-31", "2021-06-30", "", "chair", "Ann Söderström"),
        ("2021-01-31", "2021-06-30", "", "vice-chair", "Ann-Charlotte Järnström"),
        ("2020-04-01", "2020-08-31", "", "chair", "Ann-Charlotte Järnström"),
        ("2020-04-01", "2020-08-31", "", "vice-chair", "Ann Söderström"),
    }
    for row in rows:
        assert "ordförande" in row["quote"] and row["dateReasoning"] and row["dateQuote"], row
        assert row["file"] in ("000_03928f52508d805a.txt", "002_ba0b3cc1446c0b9e.txt")


def test_the_named_queries_bind_their_parameter_as_a_term(bundled_store: ox.Store) -> None:
    absent = run_named_query(bundled_store, "meeting_attendance", {"meeting": SRO})
    assert len({r["person"] for r in absent}) == 8 and {r["meeting"] for r in absent} == {SRO}
    decisions = run_named_query(bundled_store, "meeting_decisions", {"meeting": SRO})
    assert {r["itemNumber"] for r in decisions} == {"3", "6", "7", "8", "9"}
    officers = run_named_query(bundled_store, "body_officers", {"body": B + "org/vvg"})
    assert len(officers) == 4 and {r["body"] for r in officers} == {B + "org/vvg"}
    assert run_named_query(bundled_store, "body_officers", {"body": B + "org/nothing"}) == []
