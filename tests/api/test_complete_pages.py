"""Every decision the graph holds is on the pages that list decisions: its meeting's, its body's and the timeline.

The graph is asked directly (not through the named queries the pages use), so a page that drops a
decision, or a second decision of the same agenda item, fails here.
"""

from __future__ import annotations

import html
from collections import defaultdict
from urllib.parse import quote

import pyoxigraph as ox
from fastapi.testclient import TestClient

from .test_pages import page

DECISIONS = """
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX pv: <https://w3id.org/proveniens/ontology#>
SELECT DISTINCT ?decision ?text ?meeting ?body WHERE {
  ?decision a pv:Decision ; prov:wasGeneratedBy ?item ; pv:decisionText ?text .
  ?item pv:meeting ?meeting .
  ?meeting pv:body ?body .
}
"""


def graph_decisions(store: ox.Store) -> list[tuple[str, str, str, str]]:
    found = store.query(DECISIONS)
    rows = [(r["decision"].value, r["text"].value, r["meeting"].value, r["body"].value) for r in found]
    assert len({r[0] for r in rows}) >= 6, "the bundled minutes hold at least six decisions"
    return rows


def resource_page(client: TestClient, iri: str) -> str:
    return page(client, f"/ui/resource?iri={quote(iri, safe='')}&lang=sv")


def missing_from_pages(client: TestClient, rows: list[tuple[str, str, str, str]], page_of: int) -> dict[str, list[str]]:
    """Per page (the IRI in column `page_of` of the rows), the decision texts it does not show."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        wanted[row[page_of]].add(row[1])
    missing = {}
    for iri, texts in wanted.items():
        shown = resource_page(client, iri)
        if gone := sorted(t for t in texts if html.escape(t, quote=False) not in shown):
            missing[iri] = gone
    return missing


def test_every_decision_is_on_its_meeting_page(client: TestClient, bundled_store: ox.Store) -> None:
    assert missing_from_pages(client, graph_decisions(bundled_store), page_of=2) == {}


def test_every_decision_is_on_its_body_page(client: TestClient, bundled_store: ox.Store) -> None:
    assert missing_from_pages(client, graph_decisions(bundled_store), page_of=3) == {}


def test_every_dated_decision_is_on_the_timeline(client: TestClient, bundled_store: ox.Store) -> None:
    timeline = page(client, "/?lang=sv")
    timeline = timeline[timeline.index('id="timeline"') :]
    dated = {
        r["decision"].value
        for r in bundled_store.query(
            "PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX pv: <https://w3id.org/proveniens/ontology#> "
            "PREFIX dcterms: <http://purl.org/dc/terms/> SELECT DISTINCT ?decision WHERE { "
            "?decision a pv:Decision ; prov:wasGeneratedBy/pv:meeting ?m . "
            "{ ?m dcterms:date ?d } UNION { ?m pv:earliestDate ?d } }"
        )
    }
    assert dated, "the bundled minutes date their decisions"
    missing = sorted(d for d in dated if f"iri={quote(d, safe='')}" not in timeline)
    assert not missing, f"the timeline leaves out {missing}"
