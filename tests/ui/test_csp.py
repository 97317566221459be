"""Under their Content-Security-Policy the pages still work in a real browser, and the browser reports no
violation: the lineage picture draws, the editor runs a query, the source viewer highlights, styles apply."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect

from proveniens.named_queries import named_queries

B = "https://w3id.org/proveniens/"
ELEMENT = B + "agreement/hos-avtal-vg-2021/element/fast-vardkontakt"


@pytest.fixture
def violations(page: Page) -> Iterator[list[str]]:
    """Console messages in which the browser refused something under the policy; must stay empty."""
    seen: list[str] = []
    page.on("console", lambda m: seen.append(m.text) if "Content Security Policy" in m.text else None)
    yield seen
    assert seen == []


def test_the_policy_is_sent_and_enforced(server: str, page: Page, violations: list[str]) -> None:
    response = page.goto(server + "/?lang=en")
    assert response is not None
    assert "script-src 'self'" in (response.headers.get("content-security-policy") or "")
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.x = 1'; document.body.append(s); }"
    )
    assert page.evaluate("() => window.x") is None  # an injected inline script does not run
    assert any("Content Security Policy" in v for v in violations)
    violations.clear()


def test_lineage_picture_draws(server: str, page: Page, violations: list[str]) -> None:
    page.goto(f"{server}/ui/resource?iri={quote(ELEMENT)}&lang=en")
    page.wait_for_selector("#lineage-graph[data-ready=true]")
    assert page.evaluate("() => window.proveniensLineage.nodes().length") > 3


def test_editor_runs_a_query(server: str, page: Page, violations: list[str]) -> None:
    page.goto(server + "/sparql/editor")
    page.wait_for_selector(".yasqe .CodeMirror")
    page.locator("#yasgui a[role=tab] > span:first-child", has_text=named_queries()["lineage"].summary_in("sv")).click()
    page.locator(".yasqe_queryButton:visible").first.click()
    expect(page.locator(".yasr").first).to_contain_text("2020:19")


def test_source_viewer_highlights(server: str, page: Page, violations: list[str]) -> None:
    page.goto(f"{server}/source/004_77c63d0e7f875d18.txt#L402-L403")
    expect(page.locator(".line.highlight")).to_have_count(2)


def test_description_pages_are_styled(server: str, page: Page, violations: list[str]) -> None:
    page.goto(server + "/ontology?lang=en")
    colour = page.evaluate("() => getComputedStyle(document.querySelector('header')).backgroundColor")
    assert colour == "rgb(31, 58, 95)"  # #1f3a5f from /static/rdf.css
