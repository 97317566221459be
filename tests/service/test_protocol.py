"""The SPARQL 1.1 Protocol as a remote client sees it, against a real server process."""

from __future__ import annotations

import csv
import io
import threading
import time
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Namespace
from rdflib.namespace import RDF

from proveniens.namespaces import GRAPH

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
JSON = "application/sparql-results+json"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
# Four-way cross product of every triple: on the bundled graph it would run for days.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CHAIN = str(GRAPH["curated/national_chain.yaml"])


def count(response: httpx.Response) -> int:
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_get_form_post_and_direct_post_agree(server: str) -> None:
    url = server + "/sparql"
    by_get = count(httpx.get(url, params={"query": COUNT}, headers={"Accept": JSON}))
    by_form = count(httpx.post(url, data={"query": COUNT}, headers={"Accept": JSON}))
    direct = httpx.post(url, content=COUNT, headers={"Content-Type": "application/sparql-query", "Accept": JSON})
    assert by_get == by_form == count(direct) > 1000


def test_default_and_named_graph_uris_restrict_the_dataset(server: str) -> None:
    url = server + "/sparql"
    everything = count(httpx.get(url, params={"query": COUNT}))
    only_chain = count(httpx.get(url, params={"query": COUNT, "default-graph-uri": CHAIN}))
    assert 0 < only_chain < everything
    # `GRAPH ?g { ?s ?p ?o }`, not `{ }`: Virtuoso gives no rows for an empty pattern (docs/remote-stores.md)
    by_graph = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    graphs = httpx.get(url, params={"query": by_graph, "named-graph-uri": CHAIN})
    assert [b["g"]["value"] for b in graphs.json()["results"]["bindings"]] == [CHAIN]


def test_service_description_lists_formats_and_named_graphs(server: str) -> None:
    response = httpx.get(server + "/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/turtle; charset=utf-8"
    sd = Graph().parse(data=response.text, format="turtle")
    (service,) = sd.subjects(RDF.type, SD.Service)
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in sd
    assert len(set(sd.objects(service, SD.resultFormat))) == 10
    assert CHAIN in {str(n) for n in sd.objects(None, SD.name)}


def test_format_parameter_overrides_accept(server: str) -> None:
    response = httpx.get(server + "/sparql", params={"query": COUNT, "format": "csv"}, headers={"Accept": JSON})
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert next(csv.reader(io.StringIO(response.text))) == ["n"]  # Virtuoso quotes it ("n"), as RFC 4180 allows


def test_cors_lets_a_browser_editor_on_another_origin_query(server: str) -> None:
    origin = {"Origin": "https://editor.example"}
    response = httpx.get(server + "/sparql", params={"query": "ASK {}"}, headers=origin)
    assert response.headers["access-control-allow-origin"] == "*"
    preflight = httpx.options(
        server + "/sparql",
        headers={**origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"},
    )
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["access-control-allow-methods"]


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { { SELECT ?s WHERE { service silent <http://x.example/> { ?s ?p ?o } } } }",
    ],
)
def test_federation_is_refused(server: str, query: str) -> None:
    response = httpx.get(server + "/sparql", params={"query": query})
    assert response.status_code == 403
    assert "SERVICE" in response.text


def test_a_variable_named_service_is_not_federation(server: str) -> None:
    response = httpx.get(server + "/sparql", params={"query": "SELECT ?service WHERE { ?service ?p ?o } LIMIT 1"})
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"params": {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}}, 403),
        ({"params": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}}, 403),
        ({"data": {"update": "DROP ALL"}}, 403),
        (
            {"content": "DROP ALL", "headers": {"Content-Type": "application/sparql-update"}},
            403,
        ),
    ],
)
def test_updates_are_refused_on_the_public_endpoint(server: str, kwargs: dict, status: int) -> None:
    method = httpx.post if "data" in kwargs or "content" in kwargs else httpx.get
    response = method(server + "/sparql", **kwargs)
    assert response.status_code == status
    assert "read-only" in response.text


def test_syntax_error_is_400_with_line_and_column(server: str) -> None:
    response = httpx.get(server + "/sparql", params={"query": "SELECT ?s\nWHERE { ?s ?p }"})
    assert response.status_code == 400
    assert "syntax" in response.text.lower() and "2:" in response.text


def test_oversized_body_is_413_and_unknown_body_type_415(server: str) -> None:
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 2_000_000
    assert httpx.post(server + "/sparql", data={"query": big}).status_code == 413
    response = httpx.post(server + "/sparql", content=COUNT, headers={"Content-Type": "text/plain"})
    assert response.status_code == 415
    assert "application/sparql-query" in response.text


def test_query_given_twice_is_400(server: str) -> None:
    response = httpx.get(server + "/sparql?query=ASK%7B%7D&query=ASK%7B%7D")
    assert response.status_code == 400


def test_large_construct_streams_every_triple(server: str) -> None:
    distinct = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
    total = count(httpx.get(server + "/sparql", params={"query": distinct}))
    with httpx.stream(
        "GET",
        server + "/sparql",
        params={"query": "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"},
        headers={"Accept": "application/n-triples"},
    ) as response:
        assert response.headers.get("transfer-encoding") == "chunked"
        body = b"".join(response.iter_bytes())
    assert len(Graph().parse(data=body.decode(), format="nt")) == total


def test_runaway_query_is_stopped_and_others_are_answered_meanwhile(server: str) -> None:
    outcome: dict[str, object] = {}

    def runaway() -> None:
        started = time.monotonic()
        response = httpx.get(server + "/sparql", params={"query": RUNAWAY}, timeout=60)
        outcome.update(status=response.status_code, text=response.text, seconds=time.monotonic() - started)

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.5)
    started = time.monotonic()
    assert count(httpx.get(server + "/sparql", params={"query": COUNT})) > 0
    assert time.monotonic() - started < 1.5, "a cheap query waited for the runaway one"
    thread.join(timeout=30)
    assert outcome["status"] == 504
    assert "limit of 3 s" in str(outcome["text"])
    assert float(outcome["seconds"]) < 8  # type: ignore[arg-type]
    for _ in range(3):  # the killed worker was replaced
        assert count(httpx.get(server + "/sparql", params={"query": COUNT})) > 0


def test_full_queue_answers_503_with_retry_after(bundled_build, serve) -> None:
    with serve(bundled_build[0], query_timeout="4", query_workers="1", query_workers_max="1", query_queue="0") as base:
        thread = threading.Thread(target=lambda: httpx.get(base + "/sparql", params={"query": RUNAWAY}, timeout=30))
        thread.start()
        time.sleep(0.7)
        response = httpx.get(base + "/sparql", params={"query": COUNT})
        thread.join(timeout=30)
    assert response.status_code == 503
    assert response.headers["retry-after"] == "1"


def test_update_route_needs_its_token_and_switches_atomically(store_copy: Path, serve) -> None:
    insert = "INSERT DATA { GRAPH <urn:x-test:g> { <urn:x:s> <urn:x:p> 'new' } }"
    ask = {"query": "ASK { GRAPH <urn:x-test:g> { <urn:x:s> <urn:x:p> 'new' } }"}
    with serve(store_copy) as base:
        assert httpx.post(base + "/update", data={"update": insert}).status_code in (404, 405)
    with serve(store_copy, update_token="s3cret") as base:
        assert httpx.post(base + "/update", data={"update": insert}).status_code == 401
        bad = httpx.post(base + "/update", data={"update": "INSERT DATA {"}, headers={"Authorization": "Bearer s3cret"})
        assert bad.status_code == 400
        assert httpx.get(base + "/sparql", params=ask).json()["boolean"] is False
        good = httpx.post(base + "/update", data={"update": insert}, headers={"Authorization": "Bearer s3cret"})
        assert good.status_code == 204
        assert httpx.get(base + "/sparql", params=ask).json()["boolean"] is True


def test_relative_iris_resolve_against_the_endpoint(server: str) -> None:
    response = httpx.post(
        server + "/sparql",
        content="CONSTRUCT { <s> <p> 1 } WHERE {}",
        headers={"Content-Type": "application/sparql-query", "Accept": "application/n-triples"},
    )
    assert response.status_code == 200
    assert response.text.startswith(f"<{server}/s>")


def test_a_result_cut_by_the_time_limit_is_not_silently_complete(server: str) -> None:
    """The first rows are sent at once; when the limit cuts the stream the transfer ends incomplete. A remote store
    that answers the limit with a partial result marked in its headers (Virtuoso) is refused up front with 504."""
    received = 0
    with httpx.stream(
        "GET",
        server + "/sparql",
        params={"query": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"},
        headers={"Accept": "text/tab-separated-values"},
        timeout=30,
    ) as response:
        if response.status_code != 504:
            assert response.status_code == 200
            with pytest.raises(httpx.RemoteProtocolError, match="incomplete"):
                for chunk in response.iter_bytes():
                    received += len(chunk)
            assert received > 0


def test_several_http_workers_share_the_port_and_answer(bundled_build, serve) -> None:
    with serve(bundled_build[0], http_workers="2", query_workers="1") as base, httpx.Client() as client:
        answers = [count(client.get(base + "/sparql", params={"query": COUNT})) for _ in range(20)]
    assert len(set(answers)) == 1 and answers[0] > 1000
