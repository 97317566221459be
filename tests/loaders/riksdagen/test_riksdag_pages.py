"""The pages show the Riksdag's steps: a bill's page says which committee report handled it, how and when each
decision point on it was decided and with what vote; a report's page adds each vote per party.

The counts are compared with the votering record's own rows, the dates and methods with the issue's statements
(CU4 point 1 by acclamation on 2019-11-20, rskr 2019/20:50; CU5 point 1 by vote on 2019-11-28)."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from proveniens.build import BuildReport
from proveniens.service.app import create_app
from proveniens.settings import Settings

REPO = Path(__file__).resolve().parents[3]
VOTES = REPO / "sources" / "riksdagen" / "H701CU5-1-0027A0A4-925A-4E95-9ECC-0D6EDFC4A5DD.json"
B = "https://w3id.org/proveniens/"


@pytest.fixture(scope="module")
def client(bundled_build: tuple[Path, BuildReport]) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(store=bundled_build[0]))) as c:
        yield c


def section(client: TestClient, iri: str, lang: str = "sv") -> str:
    """The text of the page's Riksdag section, tags removed and spaces collapsed."""
    response = client.get("/ui/resource", params={"iri": iri, "lang": lang})
    assert response.status_code == 200, response.text
    found = re.search(r'<section id="riksdag">(.*?)</section>', response.text, re.S)
    assert found, f"the page of {iri} has no Riksdag section"
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", found.group(1))).split())


def test_a_bill_decided_by_acclamation_shows_report_point_day_and_letter(client: TestClient) -> None:
    text = section(client, f"{B}prop/2019/20:8")
    assert "Bet. 2019/20:CU4 1. Regeringens lagförslag 20 november 2019 med acklamation" in text
    assert "Rskr. 2019/20:50" in text
    english = section(client, f"{B}prop/2019/20:8", "en")
    assert "20 November 2019 by acclamation" in english


def test_a_bill_decided_by_vote_shows_the_totals_of_the_record(client: TestClient) -> None:
    record = json.loads(VOTES.read_text(encoding="utf-8"))["dokvotering"]["votering"]
    total = Counter(r["rost"] for r in record)
    text = section(client, f"{B}prop/2019/20:21")
    counts = f"{total['Ja']} ja, {total['Nej']} nej, {total['Avstår']} avstår, {total['Frånvarande']} frånvarande"
    point = "Bet. 2019/20:CU5 1. Regeringens lagförslag 28 november 2019 efter votering bifall till utskottet"
    assert f"{point} {counts}" in text
    assert (total["Ja"], total["Nej"], total["Frånvarande"]) == (299, 28, 22)
    assert "2. Lagstiftningens" not in text  # point 2 decided the motions, not the bill


def test_a_report_page_shows_every_point_and_each_vote_per_party(client: TestClient) -> None:
    record = json.loads(VOTES.read_text(encoding="utf-8"))["dokvotering"]["votering"]
    text = section(client, f"{B}bet/2019/20:CU5")
    assert "1. Regeringens lagförslag" in text and "2. Lagstiftningens framtida utformning" in text
    assert "voteringen (dess protokoll är inte inläst)" in text  # point 2's vote is not among the sources
    table = text.split("Röster per parti, punkt 1", 1)[1]
    for party in {r["parti"] for r in record}:
        mine = Counter(r["rost"] for r in record if r["parti"] == party)
        row = f"{party} {mine['Ja']} {mine['Nej']} {mine['Avstår']} {mine['Frånvarande']}"
        assert re.search(rf"(^| ){re.escape(row)}( |$)", table), f"{row} is not in {table}"


def test_riksdag_documents_are_named_by_their_kind(client: TestClient) -> None:
    page = client.get("/ui/resource", params={"iri": f"{B}bet/2019/20:CU4", "lang": "sv"}).text
    assert "betänkande" in page
    assert 'class="resource kind-riksdag-letter"' in page


def test_a_decision_point_is_named_as_people_cite_it(client: TestClient) -> None:
    page = client.get("/ui/resource", params={"iri": f"{B}bet/2019/20:CU4/punkt/1"}).text
    assert re.search(r"<h1[^>]*>\s*Bet\. 2019/20:CU4, punkt 1\s*<", page), page[:2000]
