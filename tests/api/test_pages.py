"""The HTML pages as a client sees them: escaping, language, the source viewer, the editor's address."""

from __future__ import annotations

import html as html_module
import json
import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from proveniens.named_queries import named_queries

from .conftest import ELEMENT, MARKUP, B

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


def page(client: TestClient, url: str, status: int = 200) -> str:
    response = client.get(url, headers={"Accept": BROWSER_ACCEPT})
    assert response.status_code == status, f"{url}: {response.status_code} {response.text[:300]}"
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def test_home_has_search_and_timeline(client: TestClient) -> None:
    html = page(client, "/?lang=sv")
    assert 'action="/ui/search"' in html and 'id="timeline"' in html
    assert "Reformens tidslinje" in html
    timeline = html[html.index('id="timeline"'):]
    assert timeline.index("SOU 2016:2") < timeline.index("SOU 2020:19"), "the timeline is in date order"


def test_language_switches_and_is_remembered(client: TestClient) -> None:
    assert "Timeline of the reform" in page(client, "/?lang=en")
    assert "Timeline of the reform" in page(client, "/"), "the cookie keeps English"
    html = page(client, "/?lang=sv")
    assert "Reformens tidslinje" in html
    assert re.search(r'id="lang-switch" href="/\?lang=en"', html)
    english = page(client, f"/ui/resource?iri={quote(ELEMENT)}&lang=en")
    assert "Named care contact (fast vårdkontakt)" in english and "Lineage" in english
    swedish = page(client, f"/ui/resource?iri={quote(ELEMENT)}&lang=sv")
    assert "<h1 id=\"resource-title\">Fast vårdkontakt</h1>" in swedish and "Härkomst" in swedish


def test_search_page_lists_the_clause(client: TestClient) -> None:
    html = page(client, "/ui/search?q=fast+v%C3%A5rdkontakt&lang=sv")
    assert f'href="/ui/resource?iri={quote(ELEMENT, safe="")}"' in html
    assert client.get("/ui/search?q=", follow_redirects=False).status_code == 303


def test_resource_page_has_picture_data_hops_and_source_links(client: TestClient) -> None:
    html = page(client, f"/ui/resource?iri={quote(ELEMENT)}&lang=sv")
    data = json.loads(re.search(r'<script type="application/json" id="lineage-data">(.*?)</script>', html, re.S)[1])
    nodes = {n["data"]["id"]: n for n in data["nodes"]}
    assert B + "sou/2020:19" in nodes and B + "sfs/2017:30" in nodes
    assert "start" in nodes[ELEMENT]["classes"] and "context" in nodes[B + "sfs/2017:30"]["classes"]
    assert {e["data"]["assertion"] for e in data["edges"]} >= {"stated", "inferred"}
    assert 'href="/source/004_77c63d0e7f875d18.txt#L1261-L1262"' in html
    assert "/static/vendor/cytoscape/cytoscape.min.js" in html


def test_unknown_resource_page_is_404_and_bad_iri_422(client: TestClient) -> None:
    assert "sou/1999:99" in page(client, f"/ui/resource?iri={quote(B + 'sou/1999:99')}", 404)
    page(client, "/ui/resource?iri=nope", 422)


def test_source_viewer_shows_numbered_lines_and_what_they_support(client: TestClient) -> None:
    html = page(client, "/source/004_77c63d0e7f875d18.txt?lang=en")
    assert 'id="L1261"' in html and 'id="L3346"' in html
    assert "Det ska också framgå vem eller vilka som utgör patientens fasta" in html
    assert 'id="source-mismatch"' not in html
    assert "/static/source.js" in html


def test_source_viewer_refuses_unknown_and_odd_names(client: TestClient) -> None:
    page(client, "/source/nothing.txt", 404)
    page(client, "/source/.hidden", 422)
    for odd in ("/source/..%2Fpyproject.toml", "/source/%2E%2E", "/source/a/b.txt"):
        response = client.get(odd, headers={"Accept": BROWSER_ACCEPT})
        assert response.status_code in (404, 422) and "[build-system]" not in response.text, odd


def test_source_address_still_gives_machines_the_documents_rdf(client: TestClient) -> None:
    response = client.get("/source/004_77c63d0e7f875d18.txt", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    assert "sha256" in response.text


def test_source_viewer_says_when_the_text_is_missing_or_changed(markup_build: tuple, tmp_path, bundled_build) -> None:
    from proveniens.service.app import create_app
    from proveniens.settings import Settings

    (tmp_path / "004_77c63d0e7f875d18.txt").write_text("changed\n", encoding="utf-8")
    with TestClient(create_app(Settings(store=bundled_build[0], sources=tmp_path))) as c:
        assert 'id="source-mismatch"' in page(c, "/source/004_77c63d0e7f875d18.txt")
        assert 'id="source-missing"' in page(c, "/source/001_06d9e870a2ccb54a.txt")


def test_markup_in_labels_and_notes_is_shown_as_text(markup_client: TestClient) -> None:
    for url in (f"/ui/resource?iri={quote(MARKUP)}&lang=sv", f"/ui/resource?iri={quote(MARKUP)}&lang=en",
                "/ui/search?q=script", f"/ui/resource?iri={quote(B + 'sou/2020:19/proposal/patientkontrakt')}",
                "/source/004_77c63d0e7f875d18.txt"):
        html = page(markup_client, url)
        assert "<script>window.__xss" not in html, url
        assert "<img src=x" not in html, url
        assert "<b>Fet</b>" not in html, url
    html = page(markup_client, f"/ui/resource?iri={quote(MARKUP)}&lang=sv")
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;&lt;b&gt;Fet&lt;/b&gt; vårdkontakt" in html
    assert "&lt;script&gt;window.__xss = 3&lt;/script&gt; a note that is markup" in html
    data = re.search(r'<script type="application/json" id="lineage-data">(.*?)</script>', html, re.S)[1]
    assert "<" not in data and json.loads(data)["nodes"], "the picture's data has no raw markup"


def test_api_returns_markup_labels_verbatim_as_json(markup_client: TestClient) -> None:
    hits = markup_client.get("/api/search?q=window.__xss").json()["hits"]
    assert hits[0]["resource"]["label"]["sv"].startswith("<script>window.__xss = 1</script>")


@pytest.mark.parametrize(
    ("accept", "editor"),
    [(BROWSER_ACCEPT, True), ("text/html", True), (None, False), ("*/*", False), ("text/turtle", False),
     ("application/ld+json, text/html;q=0.5", False)],
)
def test_sparql_gives_browsers_the_editor_and_machines_the_service_description(
    client: TestClient, accept: str | None, editor: bool
) -> None:
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql", headers=headers, follow_redirects=False)
    if editor:
        assert response.status_code == 303 and response.headers["location"] == "/sparql/editor"
    else:
        assert response.status_code == 200 and "sparql-service-description" in response.text


def test_sparql_query_from_a_browser_is_still_answered(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": BROWSER_ACCEPT})
    assert response.status_code == 200


def test_editor_page_carries_every_named_query_with_its_example_bound(client: TestClient) -> None:
    html = page(client, "/sparql/editor")
    data = json.loads(re.search(r'<script type="application/json" id="named-queries">(.*?)</script>', html, re.S)[1])
    by_name = {q["name"]: q["query"] for q in data}
    assert {"lineage", "impact", "search", "evidence", "timeline"} <= set(by_name)
    assert "VALUES (?start) { (<https://w3id.org/proveniens/agreement/hos-avtal-vg-2021/element/fast-vardkontakt>) }" \
        in by_name["lineage"]
    assert "/static/vendor/yasgui/yasgui.min.js" in html


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_editor_names_every_named_query_by_its_summary_in_the_page_language(client: TestClient, lang: str) -> None:
    html = page(client, f"/sparql/editor?lang={lang}")
    data = json.loads(re.search(r'<script type="application/json" id="named-queries">(.*?)</script>', html, re.S)[1])
    queries = named_queries()
    assert {e["name"]: e["summary"] for e in data} == {n: q.summary_in(lang) for n, q in queries.items()}
    assert all(q.summary_in("sv") != q.summary for q in queries.values()), "a query without a Swedish summary"
    listed = re.findall(r'<li title="(\w+)">(.*?)</li>', html)
    assert {n: html_module.unescape(s) for n, s in listed} == {n: q.summary_in(lang) for n, q in queries.items()}


def test_every_editor_example_runs_on_the_endpoint(client: TestClient) -> None:
    html = page(client, "/sparql/editor")
    data = json.loads(re.search(r'<script type="application/json" id="named-queries">(.*?)</script>', html, re.S)[1])
    for example in data:
        response = client.post("/sparql", data={"query": example["query"]}, headers={"Accept": "application/json"})
        assert response.status_code == 200, f"{example['name']}: {response.text[:300]}"
    lineage = next(e for e in data if e["name"] == "lineage")["query"]
    rows = client.post("/sparql", data={"query": lineage}, headers={"Accept": "application/json"}).json()
    assert rows["results"]["bindings"], "the lineage example finds hops"


def test_vendored_files_are_served(client: TestClient) -> None:
    for path in ("/static/vendor/cytoscape/cytoscape.min.js", "/static/vendor/cytoscape-dagre/cytoscape-dagre.min.js",
                 "/static/vendor/yasgui/yasgui.min.js", "/static/vendor/yasgui/yasgui.min.css", "/static/app.css"):
        assert client.get(path).status_code == 200, path
    assert client.get("/static/nothing.js").status_code == 404
    assert client.get("/static/%2E%2E/pages.py").status_code == 404
