"""What a person reads on the pages, in a real browser: names, never codes (issue 15's "done means").

For every meeting, body, decision and person of the bundled build, and for the timeline and search
pages, the visible text of every link and heading is read from Chromium's rendering (`innerText`, so
hidden markup does not count) and must not be an IRI, a slug (`sro-2021-09-24-bengt-hilmersson`,
`undated-000-03928f52508d805a`) or a source's file name (`004_77c63d0e7f875d18.txt`). Every decision the graph
holds must be visible on its meeting's page, and a date typed as people type it must find something.
The lists of pages come from the graph (the endpoint), not from the pages themselves.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import httpx
import pytest
from playwright.sync_api import Page

IRI = re.compile(r"^(https?|urn):\S+$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+){2,}$|^undated-[0-9a-f]+$")
FILE_NAME = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b|\.(?:txt|yaml)\b")
PV = "PREFIX pv: <https://w3id.org/proveniens/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#> "
QUERIES = {
    "meeting": PV + "SELECT DISTINCT ?x WHERE { ?x a pv:Meeting }",
    "body": PV + "SELECT DISTINCT ?x WHERE { ?m a pv:Meeting ; pv:body ?x }",
    "decision": PV + "SELECT DISTINCT ?x WHERE { ?x a pv:Decision }",
    "person": "SELECT DISTINCT ?x WHERE { ?x a <http://xmlns.com/foaf/0.1/Person> }",
}
DECISIONS = PV + """SELECT DISTINCT ?meeting ?text WHERE {
  ?d a pv:Decision ; prov:wasGeneratedBy ?item ; pv:decisionText ?text . ?item pv:meeting ?meeting }"""
# What the page shows as names: links, headings, table cells of names, the picture's labels excepted (canvas).
SHOWN = """() => Array.from(document.querySelectorAll('main a, main h1, main h2, main h3, main th'))
    .filter(e => e.offsetParent !== null).map(e => e.innerText.trim()).filter(t => t)"""


def select(server: str, query: str) -> list[dict[str, str]]:
    response = httpx.post(
        server + "/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"}, timeout=60
    )
    assert response.status_code == 200, response.text
    return [{k: v["value"] for k, v in row.items()} for row in response.json()["results"]["bindings"]]


def codes_shown(page: Page, path: str) -> list[str]:
    """The visible texts of links and headings on `path` that are an IRI, a slug or a file name."""
    response = page.goto(path)
    assert response is not None and response.status == 200, path
    return [t for t in page.evaluate(SHOWN) if IRI.match(t) or SLUG.match(t) or FILE_NAME.search(t)]


@pytest.mark.parametrize("kind", list(QUERIES))
def test_pages_of_every_resource_show_names_not_codes(server: str, page: Page, kind: str) -> None:
    iris = sorted(row["x"] for row in select(server, QUERIES[kind]))
    assert len(iris) >= 2, f"the bundled build has fewer than two of kind {kind}: this test shows nothing"
    found = {}
    for iri in iris:
        if codes := codes_shown(page, f"{server}/ui/resource?iri={quote(iri, safe='')}&lang=sv"):
            found[iri] = codes
    assert not found, found


@pytest.mark.parametrize(
    "path", ["/?lang=sv", "/?lang=en", "/ui/search?q=Nära vård", "/ui/search?q=SRO", "/ui/search?q=fast vårdkontakt"]
)
def test_timeline_and_search_show_names_not_codes(server: str, page: Page, path: str) -> None:
    assert codes_shown(page, server + path) == []


@pytest.mark.parametrize("typed", ["2021-09-24", "24 september 2021", "24 sep 2021"])
def test_a_date_search_finds_the_meeting_of_that_day(server: str, page: Page, typed: str) -> None:
    page.goto(f"{server}/ui/search?q={quote(typed)}&lang=sv")
    hits = page.locator("main li a, main table a")
    assert hits.count() > 0, f"nothing found for {typed!r}"
    assert any("24 september 2021" in t for t in hits.all_inner_texts()), hits.all_inner_texts()


def test_every_decision_is_on_its_meeting_page(server: str, page: Page) -> None:
    wanted: dict[str, set[str]] = {}
    for row in select(server, DECISIONS):
        wanted.setdefault(row["meeting"], set()).add(" ".join(row["text"].split()))
    assert sum(map(len, wanted.values())) >= 6, "the bundled minutes hold at least six decisions"
    missing = {}
    for meeting, texts in wanted.items():
        page.goto(f"{server}/ui/resource?iri={quote(meeting, safe='')}&lang=sv")
        shown = " ".join(page.locator("main").inner_text().split())
        if gone := sorted(t for t in texts if t not in shown):
            missing[meeting] = gone
    assert not missing, missing


def test_evidence_and_the_source_viewer_name_the_document(server: str, page: Page) -> None:
    page.goto(f"{server}/source/004_77c63d0e7f875d18.txt#L1261-L1262")
    heading = page.locator("main h1").inner_text()
    assert not FILE_NAME.search(heading) and "Socialstyrelsen" in heading, heading
    links = select(server, PV + "SELECT ?x WHERE { ?x a pv:Decision } LIMIT 1")
    page.goto(f"{server}/ui/resource?iri={quote(links[0]['x'], safe='')}&lang=sv")
    cited = page.locator("a.source-link").all_inner_texts()
    assert cited, "a decision's page cites its source"
    assert not [c for c in cited if FILE_NAME.search(c)], cited
