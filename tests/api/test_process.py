"""Decisions, roles, attendance, meetings and remiss responses over a made-up slice of minutes
(tests/api/data/process.ttl), since the bundled corpus has no minutes loaded yet."""

from __future__ import annotations

from urllib.parse import quote

from fastapi.testclient import TestClient

from .conftest import B

SRO = B + "org/sro"
ANN = B + "person/ann-soderstrom"


def get(client: TestClient, url: str, status: int = 200) -> object:
    response = client.get(url)
    assert response.status_code == status, f"{url}: {response.status_code} {response.text[:500]}"
    return response.json()


def test_decisions_of_a_body_in_a_period(process_client: TestClient) -> None:
    decisions = get(process_client, f"/api/decisions?body={quote(SRO)}&from=2021-01-01&to=2021-12-31")
    assert [d["decision"] for d in decisions] == [B + "meeting/sro/2021-09-24/item/6/decision"]
    decision = decisions[0]
    assert decision["meeting_date"] == "2021-09-24" and decision["item_number"] == 6
    assert decision["text"] == "SRO ställer sig bakom remiss Färdplan"
    assert [c["iri"] for c in decision["concerns"]] == [B + "strategy/fardplan-nara-vard"]


def test_a_meeting_dated_by_a_range_counts_when_the_range_overlaps(process_client: TestClient) -> None:
    decisions = get(process_client, f"/api/decisions?body={quote(SRO)}&from=2022-03-15&to=2022-12-31")
    assert [d["item_title"] for d in decisions] == ["Uppföljning"]
    assert get(process_client, f"/api/decisions?body={quote(SRO)}&from=2023-01-01") == []
    assert len(get(process_client, f"/api/decisions?body={quote(SRO)}")) == 2


def test_bad_period_is_422(process_client: TestClient) -> None:
    get(process_client, f"/api/decisions?body={quote(SRO)}&from=2021-13-01", 422)
    get(process_client, f"/api/decisions?body={quote(SRO)}&from=2022-01-01&to=2021-01-01", 422)
    get(process_client, f"/api/decisions?body={quote(B + 'org/none')}", 404)


def test_a_persons_roles_attendance_and_presentations(process_client: TestClient) -> None:
    roles = get(process_client, f"/api/person?iri={quote(ANN)}")
    kinds = {r["kind"]: r for r in roles}
    assert set(kinds) == {"membership", "attendance", "presenter"}
    assert kinds["membership"]["role"] == {"sv": "ordförande", "en": "chair"}
    assert kinds["membership"]["start"] == "2021-01-01"
    assert kinds["membership"]["meeting"] is None and kinds["membership"]["meeting_date"] is None
    assert kinds["membership"]["organization"]["label"]["sv"] == "Strategiskt samverkansorgan"
    assert len(roles) == 3, "one row per role, attendance and presentation (no label cross-products)"
    assert kinds["attendance"]["attendance"] == "LeftEarly" and kinds["attendance"]["left_at"] == "14:30:00"
    assert kinds["attendance"]["meeting_date"] == "2021-09-24"
    assert kinds["presenter"]["item_title"] == "Remiss Färdplan nära vård"


def test_a_meeting_with_agenda_decisions_and_attendance(process_client: TestClient) -> None:
    meeting = get(process_client, f"/api/meeting?iri={quote(B + 'meeting/sro/2021-09-24')}")
    assert [i["number"] for i in meeting["items"]] == [6]
    assert meeting["items"][0]["presenters"][0]["iri"] == ANN
    assert meeting["items"][0]["decision_texts"] == ["SRO ställer sig bakom remiss Färdplan"]
    assert meeting["participants"][0]["attendance"] == "LeftEarly"


def test_remiss_responses_with_positions(process_client: TestClient) -> None:
    answers = get(process_client, f"/api/remiss?sou={quote(B + 'sou/2020:19')}")
    assert len(answers) == 1
    answer = answers[0]
    assert answer["creator"]["iri"] == B + "org/vgr" and answer["date"] == "2020-09-30"
    assert answer["positions"][0]["stance"] == "SupportsWithReservations"
    assert answer["positions"][0]["proposal"]["iri"] == B + "sou/2020:19/proposal/patientkontrakt"


def test_impact_of_an_sou_includes_remiss_responses(process_client: TestClient) -> None:
    chain = get(process_client, f"/api/impact?iri={quote(B + 'sou/2020:19')}")
    kinds = {r["iri"]: r["kind"] for r in chain["resources"]}
    assert kinds[B + "remissvar/vgr-sou-2020-19"] == "remiss-response"


def test_lineage_of_a_decision_goes_through_what_it_concerns(process_client: TestClient) -> None:
    chain = get(process_client, f"/api/lineage?iri={quote(B + 'meeting/sro/2021-09-24/item/6/decision')}")
    hops = {(h["source"], h["target"]) for h in chain["hops"]}
    assert (B + "meeting/sro/2021-09-24/item/6/decision", B + "strategy/fardplan-nara-vard") in hops
    assert all(h["assertion"] == "none" for h in chain["hops"]), "this made-up slice records no evidence"


def test_pages_of_body_person_and_meeting_show_their_sections(process_client: TestClient) -> None:
    body = process_client.get(f"/ui/resource?iri={quote(SRO)}&lang=en").text
    assert 'id="decisions"' in body and "SRO ställer sig bakom remiss Färdplan" in body
    person = process_client.get(f"/ui/resource?iri={quote(ANN)}&lang=en").text
    assert 'id="roles"' in person and "chair" in person and "LeftEarly" in person
    meeting = process_client.get(f"/ui/resource?iri={quote(B + 'meeting/sro/2021-09-24')}&lang=sv").text
    assert 'id="meeting"' in meeting and "Ann Söderström" in meeting
    sou = process_client.get(f"/ui/resource?iri={quote(B + 'sou/2020:19')}&lang=sv").text
    assert 'id="remiss"' in sou and "Regionen tillstyrker" in sou
