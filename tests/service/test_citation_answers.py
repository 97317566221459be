"""The done-means questions of the citation work, asked through /sparql with the named queries:
the Stockholm elderly-care administration's positions on SOU 2020:19's proposals, and every document
Socialstyrelsen's follow-up report cites - each answer with its evidence."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from proveniens.build import BuildReport
from proveniens.service.app import create_app
from proveniens.settings import Settings

B = "https://w3id.org/proveniens/"
QUERIES = Path(__file__).resolve().parents[2] / "queries"


@pytest.fixture(scope="module")
def client(bundled_build: tuple[Path, BuildReport]) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(store=bundled_build[0]))) as c:
        yield c


def named(client: TestClient, name: str, **params: str) -> list[dict[str, str]]:
    """Run queries/<name>.rq through /sparql with its parameters bound by VALUES."""
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    names = " ".join(f"?{k}" for k in params)
    values = " ".join(f"<{v}>" for v in params.values())
    query = text.replace("WHERE {", f"WHERE {{\n  VALUES ({names}) {{ ({values}) }}", 1)
    response = client.post("/sparql", data={"query": query}, headers={"Accept": "text/csv"})
    assert response.status_code == 200, response.text
    return list(csv.DictReader(io.StringIO(response.text)))


def test_the_elderly_care_administrations_positions_on_sou_2020_19(client: TestClient) -> None:
    rows = named(client, "remiss_positions", sou=B + "sou/2020:19", body=B + "org/stockholms-stad")
    stances = {r["proposal"].rsplit("/", 1)[-1]: r["stance"].rsplit("#", 1)[-1] for r in rows}
    assert stances == {
        "samverkansansvar": "Supports",
        "individuell-plan": "Supports",
        "utbildningsansvar": "SupportsWithReservations",
        "gemensam-plan": "NoOpinion",
        "valfrihetssystem": "NoOpinion",
    }
    assert {r["responder"] for r in rows} == {B + "org/stockholms-stad-aldreforvaltningen"}
    assert {r["identifier"] for r in rows} == {"1.6-292/2020"}
    for r in rows:
        assert r["file"] == "003_8f5bace6e5519086.txt" and r["quote"] and int(r["lineStart"]) <= int(r["lineEnd"])
    supports = next(r for r in rows if r["proposal"].endswith("samverkansansvar"))
    assert "instämmer" in supports["quote"] and supports["assertion"].endswith("Stated")
    assert int(supports["lineStart"]) >= 493  # in the administration's own views, not its summary of the SOU


def test_the_unit_itself_is_a_valid_body_parameter(client: TestClient) -> None:
    rows = named(client, "remiss_positions", sou=B + "sou/2020:19", body=B + "org/stockholms-stad-aldreforvaltningen")
    assert len({r["position"] for r in rows}) == 5


def test_every_document_the_socialstyrelsen_report_cites(client: TestClient) -> None:
    rows = named(client, "report_citations", author=B + "org/socialstyrelsen")
    from_document = [r for r in rows if r["report"].endswith("uppfoljning-av-omstallningen-till-en-mer-nara-vard")]
    cited = {r["citedPath"] for r in from_document}
    expected = {
        "sou/2016:2", "sou/2017:53", "sou/2018:39", "sou/2019:29", "sou/2020:19",
        "prop/2017/18:83", "prop/2019/20:164",
        "kommitte/S2013:14", "kommitte/S2017:01",
        "sfs/2017:30", "sfs/2017:30/K7P2a", "sfs/2014:821", "sfs/2016:1145", "sfs/2017:612", "sfs/1993:387",
        "agreement/god-och-nara-vard-2019", "agreement/investering-vardens-medarbetare-2019",
        "agreement/god-och-nara-vard-2020", "agreement/okad-tillganglighet-barnhalsovarden",
    }  # fmt: skip
    assert expected <= cited, expected - cited
    for r in from_document:
        assert r["file"] == "004_77c63d0e7f875d18.txt" and r["quote"], r
        assert r["assertion"].endswith("Stated")


def test_a_cited_sou_is_quoted_where_the_report_cites_it(client: TestClient) -> None:
    rows = named(client, "report_citations", author=B + "org/socialstyrelsen")
    sou = [r for r in rows if r["citedPath"] == "sou/2016:2" and "uppfoljning" in r["report"]]
    assert sou and all("SOU 2016:2" in r["quote"] for r in sou)
    assert {r["lineStart"] for r in sou} <= {"373", "374", "375"}
