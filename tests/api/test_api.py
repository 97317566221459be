"""The JSON API over the bundled corpus: search, lineage, impact, evidence, timeline, people, errors."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from .conftest import ELEMENT, B

FOLLOWS = "https://w3id.org/proveniens/ontology#follows"
PATIENTKONTRAKT = B + "sou/2020:19/proposal/patientkontrakt"


def get(client: TestClient, url: str, status: int = 200) -> dict:
    response = client.get(url)
    assert response.status_code == status, f"{url}: {response.status_code} {response.text[:500]}"
    return response.json()


@pytest.mark.parametrize("q", ["vardkontakt", "fast vårdkontakt", "FAST  VARDKONTAKT", "Fast Vårdkontakt"])
def test_search_ignores_case_and_diacritics(client: TestClient, q: str) -> None:
    hits = get(client, f"/api/search?q={quote(q)}")["hits"]
    found = {h["resource"]["iri"]: h for h in hits}
    assert ELEMENT in found, f"{q!r} did not find the fast vårdkontakt clause: {list(found)}"
    assert found[ELEMENT]["resource"]["kind"] == "clause"
    assert B + "concept/fast-vardkontakt" in found


def test_search_ranks_exact_matches_first_and_finds_identifiers_and_names(client: TestClient) -> None:
    hits = get(client, "/api/search?q=fast%20v%C3%A5rdkontakt")["hits"]
    assert hits[0]["rank"] == 0
    assert [h["rank"] for h in hits] == sorted(h["rank"] for h in hits)
    assert get(client, "/api/search?q=sou%202020:19")["hits"][0]["resource"]["iri"] == B + "sou/2020:19"
    assert get(client, "/api/search?q=nergardh")["hits"][0]["resource"]["kind"] == "person"
    assert get(client, "/api/search?q=zzzzqqq")["hits"] == []


def test_search_text_is_a_literal_not_sparql(client: TestClient) -> None:
    hits = get(client, '/api/search?q=' + quote('") } } SELECT * WHERE { ?s ?p ?o } #'))["hits"]
    assert hits == []


@pytest.mark.parametrize("url", ["/api/search", "/api/search?q=", "/api/search?q=%20%20"])
def test_search_without_text_is_422(client: TestClient, url: str) -> None:
    get(client, url, 422)


def test_lineage_of_the_clause_reaches_the_proposal_the_sou_and_the_inquiry_with_evidence(client: TestClient) -> None:
    chain = get(client, f"/api/lineage?iri={quote(ELEMENT)}")
    assert chain["start"]["iri"] == ELEMENT and chain["start"]["kind"] == "clause"
    hops = {(h["source"], h["property"], h["target"]): h for h in chain["hops"]}
    follows = hops[(ELEMENT, FOLLOWS, PATIENTKONTRAKT)]
    assert follows["assertion"] == "inferred" and not follows["context"]
    lines = {(e["file"], e["line_start"], e["line_end"]) for e in follows["evidence"]}
    assert ("004_77c63d0e7f875d18.txt", 1261, 1262) in lines
    assert all(e["quote"] and e["source"].startswith("/source/") for e in follows["evidence"])
    assert any(e["source"] == "/source/004_77c63d0e7f875d18.txt#L1261-L1262" for e in follows["evidence"])
    assert (PATIENTKONTRAKT, "http://purl.org/dc/terms/isPartOf", B + "sou/2020:19") in hops
    kinds = {r["iri"]: r["kind"] for r in chain["resources"]}
    assert kinds[B + "sou/2020:19"] == "sou"
    assert kinds[B + "kommitte/S2017:01"] == "inquiry"
    assert kinds[B + "dir/2017:24"] == "directive"
    assert B + "sfs/2017:30" not in kinds, "without context the law is not part of the lineage"


def test_lineage_with_context_shows_the_law_as_context(client: TestClient) -> None:
    chain = get(client, f"/api/lineage?iri={quote(ELEMENT)}&context=true")
    kinds = {r["iri"]: r["kind"] for r in chain["resources"]}
    assert kinds[B + "sfs/2017:30"] == "law" and kinds[B + "prop/2017/18:83"] == "proposition"
    context = {(h["source"], h["target"]) for h in chain["hops"] if h["context"]}
    assert (B + "sfs/2017:30/K7P2a", B + "sfs/2017:30") in context
    assert (ELEMENT, PATIENTKONTRAKT) not in context


@pytest.mark.parametrize("path", ["/api/lineage", "/api/impact"])
def test_chains_give_the_answer_first_nearest_hops_then_context(client: TestClient, path: str) -> None:
    """The hops come by how far their nearer end lies from the start, counted here from the hops themselves;
    context hops come after all others."""
    start = ELEMENT if path == "/api/lineage" else B + "sou/2020:19"
    hops = get(client, f"{path}?iri={quote(start)}&context=true")["hops"]
    distance, frontier, level = {start: 0}, {start}, 0
    while frontier:
        step = {b for h in hops for a, b in ((h["source"], h["target"]), (h["target"], h["source"])) if a in frontier}
        frontier, level = step - distance.keys(), level + 1
        distance.update(dict.fromkeys(frontier, level))
    order = [(h["context"], min(distance[h["source"]], distance[h["target"]])) for h in hops]
    assert len({d for _, d in order}) >= 2, "a chain of one step shows nothing here"
    assert order == sorted(order)
    if path == "/api/lineage":
        assert hops[0]["source"] == ELEMENT  # the clause's own links first


def test_lineage_of_a_provision_goes_back_to_the_directive(client: TestClient) -> None:
    chain = get(client, f"/api/lineage?iri={quote(B + 'sfs/2017:30/K7P2a')}")
    reached = {h["target"] for h in chain["hops"]}
    for step in ("prop/2017/18:83", "sou/2017:53", "kommitte/S2017:01", "dir/2017:24"):
        assert B + step in reached


@pytest.mark.parametrize("endpoint", ["lineage", "impact", "resource", "links", "person", "meeting"])
def test_unknown_iri_is_404_with_a_message(client: TestClient, endpoint: str) -> None:
    body = get(client, f"/api/{endpoint}?iri={quote(B + 'sou/1999:99')}", 404)
    assert "sou/1999:99" in body["detail"]


@pytest.mark.parametrize("endpoint", ["lineage", "impact", "resource"])
def test_a_value_that_is_not_an_iri_is_422(client: TestClient, endpoint: str) -> None:
    assert "not an IRI" in get(client, f"/api/{endpoint}?iri=not%20an%20iri", 422)["detail"]
    get(client, f"/api/{endpoint}", 422)


def test_impact_of_sou_2020_19_reaches_clauses_strategy_and_proposals(client: TestClient) -> None:
    chain = get(client, f"/api/impact?iri={quote(B + 'sou/2020:19')}")
    kinds = {r["iri"]: r["kind"] for r in chain["resources"]}
    assert kinds[ELEMENT] == "clause"
    assert kinds[B + "strategy/fardplan-nara-vard"] == "strategy"
    assert kinds[PATIENTKONTRAKT] == "proposal"
    follows = [h for h in chain["hops"] if h["property"] == FOLLOWS]
    assert follows and all(h["evidence"] and h["assertion"] == "inferred" for h in follows)


def test_remiss_responses_to_sou_2020_19_with_positions(client: TestClient) -> None:
    answers = get(client, f"/api/remiss?sou={quote(B + 'sou/2020:19')}")
    assert answers, "the bundled corpus holds a remiss response to SOU 2020:19"
    positions = [p for a in answers for p in a["positions"]]
    assert positions and all(p["stance"] and p["proposal"] for p in positions)
    assert all(a["creator"] for a in answers)


def test_impact_of_sou_2018_39_reaches_the_proposition_and_the_riksdag_decision(client: TestClient) -> None:
    chain = get(client, f"/api/impact?iri={quote(B + 'sou/2018:39')}")
    kinds = {r["iri"]: r["kind"] for r in chain["resources"]}
    assert kinds[B + "prop/2019/20:164"] == "proposition"
    assert kinds[B + "riksdagsbeslut/prop-2019-20-164"] == "riksdag-decision"


def test_evidence_of_one_link(client: TestClient) -> None:
    url = f"/api/evidence?subject={quote(ELEMENT)}&property={quote(FOLLOWS)}&object={quote(PATIENTKONTRAKT)}"
    link = get(client, url)
    assert link["assertion"] == "inferred"
    assert link["subject"]["iri"] == ELEMENT and link["object"]["kind"] == "proposal"
    assert len(link["evidence"]) == 2
    assert {e["file"] for e in link["evidence"]} == {"001_06d9e870a2ccb54a.txt", "004_77c63d0e7f875d18.txt"}
    assert all(e["note"] for e in link["evidence"])


def test_evidence_of_a_stated_link(client: TestClient) -> None:
    prop = "http://rinfo.lagrummet.se/ns/2008/11/rinfo/publ#utgarFran"
    link = get(client, f"/api/evidence?subject={quote(B + 'prop/2019/20:164')}&property={quote(prop)}"
                       f"&object={quote(B + 'sou/2018:39')}")
    assert link["assertion"] == "stated"
    assert any(e["assertion"] == "inferred" for e in link["evidence"])


def test_evidence_of_a_link_that_does_not_exist_is_404(client: TestClient) -> None:
    body = get(client, f"/api/evidence?subject={quote(ELEMENT)}&property={quote(FOLLOWS)}"
                       f"&object={quote(B + 'sou/2016:2')}", 404)
    assert "no link" in body["detail"]
    get(client, f"/api/evidence?subject={quote(ELEMENT)}&property=follows&object={quote(B + 'sou/2016:2')}", 422)


def test_timeline_is_in_order_and_keeps_ranges(client: TestClient) -> None:
    entries = get(client, "/api/timeline")
    dates = [e["sort_date"] for e in entries]
    assert dates == sorted(dates)
    by_iri = {e["resource"]["iri"]: e for e in entries}
    assert by_iri[B + "sou/2020:19"]["date"] == "2020-04-01"
    ranged = by_iri[B + "sou/2018:39"]
    assert ranged["date"] is None and (ranged["earliest"], ranged["latest"]) == ("2018-06-01", "2018-06-30")
    assert ranged["reasoning"]


def test_person_roles_over_time(client: TestClient) -> None:
    roles = get(client, f"/api/person?iri={quote(B + 'person/anna-nergardh')}")
    membership = next(r for r in roles if r["kind"] == "membership")
    assert membership["organization"]["iri"] == B + "kommitte/S2017:01"
    assert membership["end"] == "2021-01-31" and membership["earliest"] == "2017-03-01"
    assert membership["role"]["en"]


def test_resource_detail_has_facts_and_attesting_evidence(client: TestClient) -> None:
    detail = get(client, f"/api/resource?iri={quote(B + 'sou/2020:19')}")
    facts = {(f["property"], f["value"]) for f in detail["facts"]}
    assert ("http://purl.org/dc/terms/identifier", "SOU 2020:19") in facts
    assert any(e["line_start"] == 287 and e["file"] == "000_03928f52508d805a.txt" for e in detail["attested_by"])


def test_every_named_query_is_listed_and_its_example_runs(client: TestClient) -> None:
    infos = get(client, "/api/queries")
    names = {q["name"] for q in infos}
    for name in ("lineage", "impact", "search", "evidence", "timeline", "decisions_of_body", "person_roles",
                 "remiss_responses"):
        assert name in names
    for info in infos:
        assert info["summary"].endswith("?"), f"{info['name']}: the summary should be a question"
        assert set(info["example"]) >= set(info["parameters"]), f"{info['name']}: example lacks a parameter"


def test_openapi_documents_the_api(client: TestClient) -> None:
    paths = get(client, "/openapi.json")["paths"]
    for path in ("/api/search", "/api/lineage", "/api/impact", "/api/evidence"):
        assert path in paths
    assert "/ui/resource" not in paths
    assert client.get("/docs").status_code == 200
